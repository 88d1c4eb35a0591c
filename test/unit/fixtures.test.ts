import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, LineIndex } from '../../src/engine';

const dir = path.resolve(__dirname, '../../../test/fixtures/notes');
const LINE_MARK = /[ \t]*⟦([+-])([a-z.-]+)⟧/g;
const NOTE_MARK = /^⟦note ([a-z.-]+)=([a-z-]+)⟧\r?\n?/gm;

interface Expectations {
  text: string;
  lines: { line: number; ruleId: string; present: boolean }[];
  statuses: { ruleId: string; status: string }[];
}

/** Strips the markers, remembering what each said about which line. */
function parseFixture(raw: string): Expectations {
  const statuses: Expectations['statuses'] = [];
  const withoutNotes = raw.replace(NOTE_MARK, (_m, ruleId: string, status: string) => {
    statuses.push({ ruleId, status });
    return '';
  });
  const lines: Expectations['lines'] = [];
  const text = withoutNotes
    .split('\n')
    .map((line, index) =>
      line.replace(LINE_MARK, (_m, sign: string, ruleId: string) => {
        lines.push({ line: index, ruleId, present: sign === '+' });
        return '';
      }),
    )
    .join('\n');
  return { text, lines, statuses };
}

describe('inline-marked fixture notes', () => {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.note'))) {
    const raw = fs.readFileSync(path.join(dir, file), 'utf8');
    it(file, () => check(parseFixture(raw)));
    // Every fixture again with the other line ending: a note saved on Windows reads the same.
    const crlf = raw.includes('\r\n');
    it(`${file}, with ${crlf ? 'LF' : 'CRLF'} line endings`, () => check(parseFixture(crlf ? raw.replace(/\r\n/g, '\n') : raw.replace(/\n/g, '\r\n'))));
  }
});

function check({ text, lines, statuses }: Expectations): void {
  assert.ok(!text.includes('⟦'), 'a marker was not recognised');
  const analysis = analyze(text);
  const index = new LineIndex(text);
  for (const expected of lines) {
    const result = analysis.results.find((r) => r.ruleId === expected.ruleId);
    assert.ok(result, `unknown rule ${expected.ruleId}`);
    const lineStart = index.lineStart(expected.line);
    const lineEnd = index.lineEnd(expected.line);
    const hit = result.evidence.some((e) => e.span.start < lineEnd && lineStart < e.span.end);
    assert.equal(hit, expected.present, `${expected.ruleId} on line ${expected.line + 1}: ${text.slice(lineStart, lineEnd)}`);
  }
  for (const expected of statuses) {
    assert.equal(analysis.results.find((r) => r.ruleId === expected.ruleId)?.status, expected.status, expected.ruleId);
  }
  // Every range the engine reports lies inside the note.
  for (const f of analysis.findings) assert.ok(f.range.start >= 0 && f.range.end <= text.length && f.range.start <= f.range.end);
}
