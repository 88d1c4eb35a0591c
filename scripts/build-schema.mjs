#!/usr/bin/env node
// Writes schema/healingnotes.schema.json from src/engine/pack/schema.ts (compiled to out/ by `tsc -p .`).
// `--check` writes nothing and exits 1 when the checked-in file is stale (for CI).
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'out/src/engine/pack/schema.js');
if (!existsSync(compiled)) {
  console.error(`${compiled} not found: run \`npx tsc -p .\` first.`);
  process.exit(2);
}
const { packSchemaText } = createRequire(import.meta.url)(compiled);
const target = join(root, 'schema/healingnotes.schema.json');
const text = packSchemaText();

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8').replace(/\r\n/g, '\n') : '';
  if (current !== text) {
    console.error('schema/healingnotes.schema.json is stale: run `npm run build:schema`.');
    process.exit(1);
  }
  console.log('schema/healingnotes.schema.json is up to date.');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
