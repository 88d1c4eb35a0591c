/**
 * What a bench script needs before it measures the CLI: dist/ built (unless --no-build), dist/cli.js
 * there, and the notes of the chosen folder. Problems go to stderr under the script's name, exit 2.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readFolder } from './notes.mjs';

export function prepareBench({ root, name, build, dir }) {
  const log = (line) => process.stderr.write(`${name}: ${line}\n`);
  if (build) {
    log('building dist/ (node esbuild.js)');
    const result = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) log(`esbuild.js failed, using dist/ as it is: ${(result.stderr || result.stdout).trim().split('\n').pop()}`);
  }
  const cli = path.join(root, 'dist/cli.js');
  if (!fs.existsSync(cli)) {
    log('dist/cli.js is missing; run npm run build');
    process.exit(2);
  }
  const folder = path.resolve(process.cwd(), dir);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    log(`no such folder: ${dir}`);
    process.exit(2);
  }
  const notes = readFolder(folder);
  if (notes.length === 0) {
    log(`no *.note files in ${dir}`);
    process.exit(2);
  }
  return { cli, notes, log };
}
