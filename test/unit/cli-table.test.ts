// Table input (--input-format jsonl|csv) and JSON Lines output: notes read as a stream of rows, one
// line per note out, in input order with any --jobs; malformed rows reported by line number and skipped.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { linesOf } from '../../src/cli/table';
import { runAsync, SECRET, tempDir } from './cli-helpers';

// Notes written for these tests; every one carries the secret marker that must never reach any output.
const NOTES = [
  `Visit type: follow-up\nHPI: ${SECRET} reports knee pain after a long hike. He is worried it is arthritis like his father had.\nASSESSMENT: Patellofemoral pain.\nPLAN: We agreed together to try physical therapy first. Follow up in 2 weeks, sooner if worse.\n`,
  `HPI: ${SECRET} has had a dry cough for ten days.\nASSESSMENT: Viral bronchitis.\nPLAN: ***\n`,
  `Visit type: urgent care\r\nCHIEF COMPLAINT: Rash.\r\nHPI: ${SECRET} says the rash itches at night; she hopes to sleep again.\r\nPLAN: Discussed options; she chose a topical steroid twice daily. Call the clinic if it spreads.\r\n`,
  `HPI: ${SECRET} — "J'ai mal à la tête", she says, since Tuesday.\nASSESSMENT: Tension-type headache.\nPLAN: Ibuprofen as needed.\n`,
];

function jsonl(rows: unknown[]): string {
  return rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n') + '\n';
}

/** Standard input as a stream of the given chunks. */
function stdinOf(...chunks: (string | Buffer)[]): () => Readable {
  return () => Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
}

interface Line {
  id: string;
  profile: string;
  statuses: Record<string, string>;
  findings: { ruleId: string; line: number; column: number; start: number; end: number; severity: string }[];
  evidence: { ruleId: string; start: number; end: number; line: number; section: string }[];
}

const parseLines = (out: string): Line[] => out.trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('cli table input (--input-format jsonl|csv) and --format jsonl', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => (dir = tempDir('hn-table-')));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const ROWS = NOTES.map((text, i) => ({ note_id: `visit-${i + 1}`, note_text: text, clinic: 'east' }));
  const FIELDS = ['--text-field', 'note_text', '--id-field', 'note_id'];

  it('reads JSONL from stdin and from a file the same way: one line per note, in order, no note text', async () => {
    const file = path.join(dir, 'notes.jsonl');
    fs.writeFileSync(file, jsonl(ROWS));
    const fromFile = await runAsync(['check', '--input-format', 'jsonl', ...FIELDS, '--format', 'jsonl', '--jobs', '1', 'notes.jsonl'], { cwd: dir });
    // Chunks that cut a row, a UTF-8 character (é, —) and a CRLF in two.
    const bytes = Buffer.from(jsonl(ROWS).replace(/\n/g, '\r\n'));
    const cuts = [17, 200, bytes.indexOf(Buffer.from('é')) + 1, bytes.indexOf(Buffer.from('—')) + 2, bytes.indexOf('\r\n') + 1].sort((a, b) => a - b);
    const chunks = cuts.map((cut, i) => bytes.subarray(i === 0 ? 0 : cuts[i - 1], cut)).concat([bytes.subarray(cuts[cuts.length - 1])]);
    const fromStdin = await runAsync(['check', '--input-format', 'jsonl', ...FIELDS, '--format', 'jsonl', '--jobs', '1', '-'], { cwd: dir, stdinStream: stdinOf(...chunks) });
    const noPath = await runAsync(['check', '--input-format', 'jsonl', ...FIELDS, '--format', 'jsonl', '--jobs', '1'], { cwd: dir, stdinStream: stdinOf(jsonl(ROWS)) });
    assert.equal(fromFile.code, 1, fromFile.stderr); // the note without a plan has an error-severity finding
    assert.equal(fromFile.stderr, '');
    assert.ok(fromStdin.stdout === fromFile.stdout && noPath.stdout === fromFile.stdout);
    const lines = parseLines(fromFile.stdout);
    assert.deepEqual(lines.map((l) => l.id), ['visit-1', 'visit-2', 'visit-3', 'visit-4']);
    assert.deepEqual(Object.keys(lines[0]), ['id', 'profile', 'profiles', 'statuses', 'findings', 'evidence']);
    assert.equal(lines[0].profile, 'follow-up');
    assert.equal(lines[2].profile, 'urgent');
    assert.equal(lines[0].statuses['plan'], 'documented');
    assert.equal(lines[1].statuses['plan'], 'missing');
    const planFinding = lines[1].findings.find((f) => f.ruleId === 'plan')!;
    assert.deepEqual([planFinding.severity, planFinding.line], ['error', 3]);
    // Offsets point into the note's own text, as for a file.
    for (const [i, line] of lines.entries()) {
      for (const e of line.evidence) assert.ok(e.start >= 0 && e.end <= NOTES[i].length && e.start < e.end, `${line.id} ${e.ruleId}`);
    }
    assert.ok(lines[0].evidence.some((e) => e.ruleId === 'plan' && e.line === 4));
    assert.ok(!fromFile.stdout.includes(SECRET) && !fromFile.stdout.includes('physical therapy'));
    assert.ok(!fromFile.stdout.includes('east'), 'other fields are not echoed');
  });

  it('gives the same bytes, stderr and exit code with --jobs 1 and --jobs 3, malformed lines included', async () => {
    const rows: unknown[] = [];
    for (let i = 0; i < 60; i++) {
      if (i % 17 === 5) rows.push(`{"id": "broken-${i}", "text": "${SECRET}`); // cut off
      else if (i % 23 === 7) rows.push({ id: `no-text-${i}` });
      else rows.push({ id: i % 2 ? `note-${i}` : i, text: NOTES[i % NOTES.length] });
    }
    const input = jsonl(rows);
    const one = await runAsync(['check', '--input-format', 'jsonl', '--format', 'jsonl', '--jobs', '1'], { cwd: dir, stdinStream: stdinOf(input) });
    const three = await runAsync(['check', '--input-format', 'jsonl', '--format', 'jsonl', '--jobs', '3'], { cwd: dir, stdinStream: stdinOf(input) });
    assert.equal(one.code, 3);
    assert.deepEqual([three.code, three.stderr], [one.code, one.stderr]);
    assert.ok(three.stdout === one.stdout, 'the outputs differ');
    const ids = parseLines(one.stdout).map((l) => l.id);
    const expected = rows.filter((r): r is { id: string | number; text: string } => typeof r === 'object' && 'text' in (r as object)).map((r) => String(r.id));
    assert.deepEqual(ids, expected, 'input order');
    assert.equal(
      one.stderr,
      [
        'healing-notes: <stdin>: line 6: skipped: not valid JSON',
        "healing-notes: <stdin>: line 8: skipped: no 'text' field",
        'healing-notes: <stdin>: line 23: skipped: not valid JSON',
        "healing-notes: <stdin>: line 31: skipped: no 'text' field",
        'healing-notes: <stdin>: line 40: skipped: not valid JSON',
        "healing-notes: <stdin>: line 54: skipped: no 'text' field",
        'healing-notes: <stdin>: line 57: skipped: not valid JSON',
        `healing-notes: <stdin>: 7 rows skipped (not readable as a note), ${expected.length} notes read`,
        '',
      ].join('\n'),
    );
    assert.ok(!one.stderr.includes(SECRET) && !one.stderr.includes('broken'), 'a malformed line is never quoted');
  });

  it('reports each kind of malformed line by number and goes on; blank lines are not rows', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: NOTES[0] }),
      '',
      '   ',
      `[${JSON.stringify(SECRET)}]`,
      'null',
      JSON.stringify({ id: 'b', text: null }),
      JSON.stringify({ id: { nested: SECRET }, text: NOTES[1] }),
      JSON.stringify({ id: '', text: NOTES[1] }),
      JSON.stringify({ text: NOTES[1] }),
      `{"id": "c", "text": "${SECRET}\u0000"}`,
      JSON.stringify({ id: 'd', text: '' }),
    ].join('\n');
    const out = await runAsync(['check', '--input-format', 'jsonl', '--format', 'jsonl', '--jobs', '1', '-'], { cwd: dir, stdinStream: stdinOf(input) });
    assert.equal(out.code, 3);
    assert.deepEqual(parseLines(out.stdout).map((l) => l.id), ['a', 'd']);
    assert.equal(
      out.stderr,
      [
        'line 4: skipped: not a JSON object',
        'line 5: skipped: not a JSON object',
        "line 6: skipped: 'text' is not a string",
        "line 7: skipped: 'id' is not a string or a number",
        "line 8: skipped: 'id' is not a string or a number",
        "line 9: skipped: no 'id' field",
        'line 10: skipped: not valid JSON',
      ]
        .map((l) => `healing-notes: <stdin>: ${l}\n`)
        .join('') + 'healing-notes: <stdin>: 7 rows skipped (not readable as a note), 2 notes read\n',
    );
    assert.ok(!out.stderr.includes(SECRET));
  });

  it('exit codes: 0 clean, 1 error findings, 3 rows skipped, 2 when no row is a note or the input is unusable', async () => {
    const clean = { id: 'ok', text: 'HPI: He is worried about his knee and hopes to hike again.\nPLAN: We agreed together on physical therapy. Follow up in 2 weeks.\n' };
    const code = async (input: string, ...args: string[]) => (await runAsync(['check', '--input-format', 'jsonl', ...args], { cwd: dir, stdinStream: stdinOf(input) })).code;
    assert.equal(await code(jsonl([clean]), '--min-severity', 'error'), 0);
    assert.equal(await code(jsonl([clean, { id: 'x', text: NOTES[1] }])), 1);
    assert.equal(await code(jsonl([clean, 'nope']), '--min-severity', 'error'), 3);
    assert.equal(await code(''), 0, 'an empty table (an empty shard) is no error');
    const none = await runAsync(['check', '--input-format', 'jsonl', '-'], { cwd: dir, stdinStream: stdinOf(jsonl([{ note: 'x' }, { note: 'y' }])) });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no row could be read as a note: check --input-format, --text-field and --id-field\n$/);
    // Usage errors, before anything is read.
    const usage: [string[], RegExp][] = [
      [['check', '--input-format', 'xml', '-'], /^healing-notes: unknown input format 'xml' \(allowed: files, jsonl, csv\)\n$/],
      [['check', '--text-field', 'body', 'x.note'], /--text-field applies to a table of notes/],
      [['check', '--input-format', 'jsonl', 'a.jsonl', 'b.jsonl'], /reads one table/],
      [['check', '--input-format', 'jsonl', 'missing.jsonl'], /^healing-notes: cannot read 'missing.jsonl': no such file or directory\n$/],
      [['check', '--input-format', 'jsonl', '.'], /is a directory/],
      [['check', '--input-format', 'jsonl', '--format', 'sarif', '-'], /--format sarif needs files/],
      [['check', '--input-format', 'csv', '--id-field', '', '-'], /--id-field needs a field name/],
      [['summary', '--merge', '--input-format', 'jsonl', 'x.json'], /--merge adds up summary JSON files/],
    ];
    for (const [args, message] of usage) {
      const out = await runAsync(args, { cwd: dir, stdinStream: stdinOf('') });
      assert.equal(out.code, 2, args.join(' '));
      assert.match(out.stderr, message, args.join(' '));
    }
  });

  it('reads CSV: a header row, quoted fields with commas, quotes and line breaks, CRLF, a BOM', async () => {
    const field = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const csv =
      '\uFEFFnote_id,clinic,note_text\r\n' +
      NOTES.map((text, i) => `visit-${i + 1},"east, 2nd floor",${field(text.replace(/\r\n/g, '\n').replace('knee pain', 'knee pain, "sharp"'))}`).join('\r\n') +
      '\r\n';
    const out = await runAsync(['check', '--input-format', 'csv', ...FIELDS, '--format', 'jsonl', '--jobs', '1', '-'], { cwd: dir, stdinStream: stdinOf(csv) });
    assert.equal(out.stderr, '');
    const lines = parseLines(out.stdout);
    assert.deepEqual(lines.map((l) => l.id), ['visit-1', 'visit-2', 'visit-3', 'visit-4']);
    // The same statuses as the same notes read from JSONL.
    const fromJsonl = parseLines((await runAsync(['check', '--input-format', 'jsonl', ...FIELDS, '--format', 'jsonl', '--jobs', '1'], { cwd: dir, stdinStream: stdinOf(jsonl(ROWS)) })).stdout);
    assert.deepEqual(lines.map((l) => l.statuses), fromJsonl.map((l) => l.statuses));
    const three = await runAsync(['check', '--input-format', 'csv', ...FIELDS, '--format', 'jsonl', '--jobs', '3', '-'], { cwd: dir, stdinStream: stdinOf(csv) });
    assert.ok(three.stdout === out.stdout);
    assert.ok(!out.stdout.includes(SECRET));
  });

  it('reports malformed CSV rows by their lines, never their content, and goes on', async () => {
    // Each case: rows after the header (line 1), the skipped lines reported, the ids read.
    const cases: [string[], string[], string[]][] = [
      [[`a,${SECRET},extra field`, 'b,ok'], ['line 2: skipped: not as many fields as the header has columns'], ['b']],
      [['a', 'b,ok'], ['line 2: skipped: not as many fields as the header has columns'], ['b']],
      [[`a,he says it is "fine" and "${SECRET}"`, 'b,ok'], ['line 2: skipped: a quote inside a field that is not quoted'], ['b']],
      [['b,ok', `a,"${SECRET} never closed`, 'c,ok'], ['lines 3-4: skipped: a quoted field is never closed'], ['b']],
      [['b,"two', 'lines"', '', `a,"${SECRET}" and more`, 'c,ok', 'd,"ok"', 'e,ok'], ['line 5: skipped: a closing quote is followed by other characters', 'lines 6-7: skipped: a closing quote is followed by other characters'], ['b', 'e']],
    ];
    for (const [rows, problems, ids] of cases) {
      const csv = ['id,text', ...rows].join('\n') + '\n';
      const out = await runAsync(['check', '--input-format', 'csv', '--format', 'jsonl', '--jobs', '1', '-'], { cwd: dir, stdinStream: stdinOf(csv) });
      assert.equal(out.code, 3, csv);
      assert.deepEqual(parseLines(out.stdout).map((l) => l.id), ids, csv);
      const skipped = problems.length;
      assert.equal(
        out.stderr,
        problems.map((p) => `healing-notes: <stdin>: ${p}\n`).join('') + `healing-notes: <stdin>: ${skipped} row${skipped === 1 ? '' : 's'} skipped (not readable as a note), ${ids.length} note${ids.length === 1 ? '' : 's'} read\n`,
        csv,
      );
      assert.ok(!out.stderr.includes(SECRET) && !out.stdout.includes(SECRET));
    }
    // A header without the columns asked for: exit 2, the columns listed (names, not note text).
    const header = await runAsync(['check', '--input-format', 'csv', '--text-field', 'body', '-'], { cwd: dir, stdinStream: stdinOf(`id,text\na,${SECRET}\n`) });
    assert.equal(header.code, 2);
    assert.equal(header.stderr, "healing-notes: <stdin>: the CSV header has no 'body' column (columns: 'id', 'text'); use --text-field and --id-field\n");
  });

  it('writes text, json and csv from a table, naming each note by its id', async () => {
    const input = jsonl(ROWS);
    const args = ['check', '--input-format', 'jsonl', ...FIELDS, '--jobs', '1'];
    const text = await runAsync([...args, '--format', 'text'], { cwd: dir, stdinStream: stdinOf(input) });
    assert.match(text.stdout, /^visit-2:3:7 {2}error {2}plan {2}No recorded plan.*\(template placeholder left unfilled\)$/m);
    assert.match(text.stdout, /^4 notes checked: 1 error, /m);
    const json = JSON.parse((await runAsync([...args, '--format', 'json'], { cwd: dir, stdinStream: stdinOf(input) })).stdout);
    assert.deepEqual(Object.keys(json), ['tool', 'notes', 'totals']);
    assert.deepEqual(json.notes.map((n: { id: string }) => n.id), ['visit-1', 'visit-2', 'visit-3', 'visit-4']);
    assert.ok(json.notes.every((n: object) => !('path' in n)));
    assert.equal(json.totals.files, 4);
    const csv = (await runAsync([...args, '--format', 'csv'], { cwd: dir, stdinStream: stdinOf(input) })).stdout.split('\r\n');
    assert.equal(csv[0], 'id,line,column,end_line,end_column,severity,rule_id,kind,message');
    assert.ok(csv.some((row) => row.startsWith('visit-2,3,1,')));
    for (const out of [text.stdout, JSON.stringify(json), csv.join('\n')]) assert.ok(!out.includes(SECRET));
  });

  it('summary reads the same table; check --summary-json writes the same summary in the same run', async () => {
    const notesDir = path.join(dir, 'as-files');
    fs.mkdirSync(notesDir, { recursive: true });
    NOTES.forEach((text, i) => fs.writeFileSync(path.join(notesDir, `visit-${i + 1}.note`), text));
    const fromFiles = JSON.parse((await runAsync(['summary', '--format', 'json', '--jobs', '1', 'as-files'], { cwd: dir })).stdout);
    const input = jsonl([...ROWS.slice(0, 2), '{oops', ...ROWS.slice(2)]);
    for (const jobs of ['1', '3']) {
      const out = await runAsync(['summary', '--input-format', 'jsonl', ...FIELDS, '--format', 'json', '--jobs', jobs], { cwd: dir, stdinStream: stdinOf(input) });
      assert.equal(out.code, 3, out.stderr);
      assert.match(out.stderr, /^healing-notes: <stdin>: line 3: skipped: not valid JSON\n/);
      const summary = JSON.parse(out.stdout);
      assert.deepEqual([summary.notes, summary.skills, summary.profiles], [fromFiles.notes, fromFiles.skills, fromFiles.profiles]);
      assert.deepEqual(summary.files, [], 'no per-note table for a table: memory stays flat');

      const summaryFile = path.join(dir, `check-summary-${jobs}.json`);
      const check = await runAsync(['check', '--input-format', 'jsonl', ...FIELDS, '--format', 'csv', '--summary-json', summaryFile, '--jobs', jobs], { cwd: dir, stdinStream: stdinOf(input) });
      assert.equal(check.code, 3);
      assert.equal(fs.readFileSync(summaryFile, 'utf8'), out.stdout);
    }
    const text = await runAsync(['summary', '--input-format', 'jsonl', ...FIELDS], { cwd: dir, stdinStream: stdinOf(jsonl(ROWS)) });
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^4 notes analysed\n/);
  });

  it('reads ahead of the output by a bounded window, whatever the length of the input (backpressure)', async () => {
    const total = 600;
    let produced = 0;
    let written = 0;
    let maxAhead = 0;
    async function* rows() {
      for (let i = 0; i < total; i++) {
        produced++;
        maxAhead = Math.max(maxAhead, produced - written);
        yield Buffer.from(JSON.stringify({ id: i, text: NOTES[i % NOTES.length] }) + '\n');
      }
    }
    for (const jobs of ['1', '2']) {
      produced = written = maxAhead = 0;
      const code = await (async () => {
        const { runCliAsync } = await import('../../src/cli/main');
        return runCliAsync(['check', '--input-format', 'jsonl', '--format', 'jsonl', '--jobs', jobs], {
          stdout: (t) => (written += t.split('\n').length - 1),
          stderr: () => {},
          isTTY: false,
          env: {},
          cwd: dir,
          stdinStream: () => Readable.from(rows(), { objectMode: false, highWaterMark: 1024 }),
        });
      })();
      assert.equal(code, 1);
      assert.equal(written, total);
      // The window (32 notes at these jobs) plus what the stream and the line reader buffer.
      assert.ok(maxAhead < 80, `--jobs ${jobs}: read ${maxAhead} rows ahead of the output`);
    }
  });

  it('splits lines across chunks, keeps UTF-8 characters whole, and skips a line too long to read', async () => {
    const read = async (chunks: (string | Buffer)[], max?: number) => {
      const out: { number: number; text?: string; tooLong?: boolean }[] = [];
      for await (const line of linesOf(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), max)) out.push(line);
      return out;
    };
    const e = Buffer.from('é');
    assert.deepEqual(await read([Buffer.from([0xef, 0xbb]), Buffer.concat([Buffer.from([0xbf]), Buffer.from('ab\r'), Buffer.from('\nc'), e.subarray(0, 1)]), Buffer.concat([e.subarray(1), Buffer.from('\n\nlast')])]), [
      { number: 1, text: 'ab' },
      { number: 2, text: 'cé' },
      { number: 3, text: '' },
      { number: 4, text: 'last' },
    ]);
    assert.deepEqual(await read(['short\n', 'x'.repeat(30), 'y'.repeat(30), '\nok\n', 'z'.repeat(70)], 50), [
      { number: 1, text: 'short' },
      { number: 2, tooLong: true },
      { number: 3, text: 'ok' },
      { number: 4, tooLong: true },
    ]);
    assert.deepEqual(await read([]), []);
  });
});
