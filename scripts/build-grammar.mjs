#!/usr/bin/env node
// Writes the header pattern of syntaxes/clinical-note.tmLanguage.json from the built-in pack's
// section names (compiled to out/ by `tsc -p .`): a line is coloured as a header when the engine
// reads it as one, a known header name in any case or an upper-case label, with its colon; a
// numbered "4. Health maintenance:" inside a plan stays plain text.
// `--check` writes nothing and exits 1 when the grammar is stale (for CI).
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const compiled = join(root, 'out/src/engine/sections.js');
if (!existsSync(compiled)) {
  console.error(`${compiled} not found: run \`npx tsc -p .\` first.`);
  process.exit(2);
}
const { headerNamesSource } = require(compiled);
const { defaultPack } = require(join(root, 'out/src/rules/index.js'));
const target = join(root, 'syntaxes/clinical-note.tmLanguage.json');
const current = readFileSync(target, 'utf8');

// prefix (markdown #, numbering) · optional bold · a known name in any case, or an upper-case label · optional bold · colon
/** The source matching its letters in either case (`[pP][lL][aA][nN]`): TextMate and JavaScript both read that. */
function anyCase(source) {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
    } else out += /[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
  }
  return out;
}
const UPPER_LABEL = "[A-Z][A-Z0-9/&'’(),-]+(?: [A-Z0-9/&'’(),-]+){0,5}";
const begin = `^\\s*(#{1,6}\\s+)?((?:\\d{1,2}|[IVX]{1,4})[.)]\\s+)?(?:\\*\\*|__)?(${anyCase(headerNamesSource(defaultPack.sections))}|${UPPER_LABEL})(?:\\*\\*|__)?\\s*(:)(?!//)`;
// The header rule is the first "begin" of the file's "header" entry; only its value is replaced, so the file keeps its layout.
const at = current.indexOf('"header": {');
const line = /("begin": )("(?:[^"\\]|\\.)*")/.exec(current.slice(at));
if (at < 0 || !line) {
  console.error(`${target}: no header pattern found`);
  process.exit(2);
}
const start = at + line.index + line[1].length;
const text = current.slice(0, start) + JSON.stringify(begin) + current.slice(start + line[2].length);

if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(`${target} is stale: run \`npm run build:grammar\`.`);
    process.exit(1);
  }
  console.log(`${target} is up to date.`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
