#!/usr/bin/env node
// Writes src/rules/literals.generated.json: the literals of every regex of the built-in pack that
// the engine's one-pass scan indexes (src/engine/prefilter.ts, readLiterals), read once here rather
// than at each cold start. Reads the pack compiled to out/ by `tsc -p .`.
//   --check   write nothing; exit 1 when the file is stale (for CI)
// A stale or missing entry is never wrong, only slower: the engine reads that source as it comes.
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const compiled = join(root, 'out/src/engine/prefilter.js');
if (!existsSync(compiled)) {
  console.error(`${compiled} not found: run \`npx tsc -p .\` first.`);
  process.exit(2);
}
const { recordLiteralReadings } = require(compiled);
const { compilePack } = require(join(root, 'out/src/engine/compile.js'));
const { defaultPack } = require(join(root, 'out/src/rules/index.js'));

const readings = recordLiteralReadings();
compilePack(defaultPack);
const keys = [...readings.keys()].sort();
// One entry a line, so that a changed rule changes a few lines.
const text = `{\n${keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(readings.get(k))}`).join(',\n')}\n}\n`;
const target = join(root, 'src/rules/literals.generated.json');

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8').replace(/\r\n/g, '\n') : '';
  if (current !== text) {
    console.error(`${target} is stale: run \`npm run build:literals\`.`);
    process.exit(1);
  }
  console.log(`${target} is up to date (${keys.length} sources).`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target} (${keys.length} sources, ${text.length.toLocaleString('en-US')} bytes)`);
}
