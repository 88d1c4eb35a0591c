#!/usr/bin/env node
// Writes src/rules/literals.generated.json: the literals of every regex of the built-in pack that
// the engine's one-pass scan indexes (src/engine/prefilter.ts, readLiterals), read once here rather
// than at each cold start; and src/rules/literal-trie.generated.json: the trie of all of them that the
// scan walks (LiteralScanner.stored), read back rather than built at each cold start. Reads the pack
// compiled to out/ by `tsc -p .`.
//   --check   write nothing; exit 1 when a file is stale (for CI)
// A stale or missing entry is never wrong, only slower: the engine reads that source as it comes; a
// trie is read back only when it was built from the very regexes of the pack (their keys, in order).
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

// Recording: every source is read afresh and the trie built afresh, whatever the files hold now.
const readings = recordLiteralReadings();
const pack = compilePack(defaultPack);
const keys = [...readings.keys()].sort();
// One entry a line, so that a changed rule changes a few lines.
const text = `{\n${keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(readings.get(k))}`).join(',\n')}\n}\n`;
const trie = pack.literals.stored();
const trieText = `{\n${Object.entries(trie).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`;
const outputs = [
  [join(root, 'src/rules/literals.generated.json'), text, `${keys.length} sources`],
  [join(root, 'src/rules/literal-trie.generated.json'), trieText, `${trie.cells.toLocaleString('en-US')} cells`],
];

if (process.argv.includes('--check')) {
  for (const [target, content, what] of outputs) {
    const current = existsSync(target) ? readFileSync(target, 'utf8').replace(/\r\n/g, '\n') : '';
    if (current !== content) {
      console.error(`${target} is stale: run \`npm run build:literals\`.`);
      process.exit(1);
    }
    console.log(`${target} is up to date (${what}).`);
  }
} else {
  for (const [target, content, what] of outputs) {
    writeFileSync(target, content);
    console.log(`wrote ${target} (${what}, ${content.length.toLocaleString('en-US')} bytes)`);
  }
}
