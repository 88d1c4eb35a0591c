#!/usr/bin/env node
// Writes docs/rules.md from the built-in rule pack (compiled to out/ by `tsc -p .`).
//   --check            write nothing; exit 1 when docs/rules.md is stale (for CI)
//   --pack FILE        document a pack file layered on the built-in pack instead (a team's own rules)
//   --out FILE         where to write; default docs/rules.md
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const compiled = join(root, 'out/src/engine/pack/index.js');
if (!existsSync(compiled)) {
  console.error(`${compiled} not found: run \`npx tsc -p .\` first.`);
  process.exit(2);
}
const { renderRulesMarkdown, loadPackFile, formatPackError } = require(compiled);
const { defaultPack } = require(join(root, 'out/src/rules/index.js'));

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const packFile = option('--pack');
const target = resolve(option('--out') ?? join(root, 'docs/rules.md'));

let pack = defaultPack;
if (packFile) {
  const result = loadPackFile(resolve(packFile), (p) => readFileSync(p, 'utf8'));
  if (result.errors.length) {
    for (const error of result.errors) console.error(formatPackError(error));
    process.exit(1);
  }
  pack = result.pack;
}
const text = renderRulesMarkdown(pack, packFile ? { title: `Rules of ${packFile}` } : {});

if (args.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8').replace(/\r\n/g, '\n') : '';
  if (current !== text) {
    console.error(`${target} is stale: run \`npm run build:docs\`.`);
    process.exit(1);
  }
  console.log(`${target} is up to date.`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
