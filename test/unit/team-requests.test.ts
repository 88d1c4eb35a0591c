/**
 * Eight teams' requests (issue 14), each a pack written from the docs with notes of our own and
 * what the team expects (test/fixtures/teams/<team>/expect.json; format in its README): the CLI
 * runs over each folder as the team would, and every expectation must hold. The count is printed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promptEdit, snippetToText } from '../../src/assist';
import { analyze } from '../../src/engine';
import { loadPackFile } from '../../src/engine/pack';
import { nearestPackFile } from '../../src/cli/pack';
import { run } from './cli-helpers';

const TEAMS = path.join(__dirname, '../../../test/fixtures/teams');

interface NoteExpectations {
  statuses?: Record<string, string>;
  profiles?: string[];
  pack?: string;
  findings?: { rule: string; line: number; kind?: string; message?: string }[];
  quiet?: string[];
  fixes?: { rule: string; line: number; text: string }[];
}

interface ReportedFile {
  path: string;
  pack?: string;
  profiles: string[];
  results: { ruleId: string; status: string }[];
  findings: { ruleId: string; line: number; kind: string; message: string }[];
}

/** Each expectation of a team, as [what it says, whether it held]. */
function check(team: string): [string, boolean][] {
  const dir = path.join(TEAMS, team);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expect.json'), 'utf8')) as { run: string[]; notes: Record<string, NoteExpectations> };
  const out = run(expected.run, { cwd: dir });
  assert.ok(out.code === 0 || out.code === 1, `${team}: exit ${out.code}: ${out.stderr}`);
  const files = new Map((JSON.parse(out.stdout).files as ReportedFile[]).map((f) => [f.path.split(path.sep).join('/').replace(/^\.\//, ''), f]));
  const held: [string, boolean][] = [];
  for (const [note, want] of Object.entries(expected.notes)) {
    const file = files.get(note);
    assert.ok(file, `${team}: ${note} was not checked`);
    const at = `${team}/${note}`;
    for (const [rule, status] of Object.entries(want.statuses ?? {})) {
      const got = file.results.find((r) => r.ruleId === rule)?.status;
      held.push([`${at}: ${rule} is ${status} (got ${got})`, got === status]);
    }
    if (want.profiles) held.push([`${at}: profiles ${want.profiles.join(', ')} (got ${file.profiles.join(', ')})`, JSON.stringify(file.profiles) === JSON.stringify(want.profiles)]);
    if (want.pack) held.push([`${at}: pack ${want.pack} (got ${file.pack})`, file.pack === want.pack]);
    for (const f of want.findings ?? []) {
      const found = file.findings.filter((g) => g.ruleId === f.rule);
      const ok = found.some((g) => g.line === f.line && (f.kind === undefined || g.kind === f.kind) && (f.message === undefined || g.message === f.message));
      held.push([`${at}: ${f.rule} ${f.kind ?? 'finding'} on line ${f.line}${f.message ? ` saying "${f.message}"` : ''} (got ${JSON.stringify(found.map((g) => [g.line, g.kind, g.message]))})`, ok]);
    }
    for (const rule of want.quiet ?? []) {
      const found = file.findings.filter((g) => g.ruleId === rule);
      held.push([`${at}: nothing from ${rule} (got ${found.length})`, found.length === 0]);
    }
    for (const fix of want.fixes ?? []) {
      const noteFile = path.join(dir, note);
      const text = fs.readFileSync(noteFile, 'utf8');
      const packFile = nearestPackFile(path.dirname(noteFile), dir)!;
      const { pack } = loadPackFile(packFile, (p) => fs.readFileSync(p, 'utf8'));
      const analysis = analyze(text, { pack });
      const finding = analysis.findings.find((f) => f.ruleId === fix.rule);
      const edit = finding && promptEdit({ text, analysis, pack }, finding);
      const after = edit ? text.slice(0, edit.start) + snippetToText(edit.snippet) + text.slice(edit.end) : text;
      const line = after.split('\n')[fix.line - 1];
      held.push([`${at}: the ${fix.rule} prompt makes line ${fix.line} "${fix.text}" (got "${line}")`, line === fix.text]);
    }
  }
  return held;
}

describe('eight teams\' requests, from the docs alone', () => {
  const teams = fs.readdirSync(TEAMS).filter((name) => fs.existsSync(path.join(TEAMS, name, 'expect.json'))).sort();
  const tally: [string, boolean][] = [];

  it('has the eight teams', () => assert.equal(teams.length, 8, teams.join(', ')));

  for (const team of teams) {
    it(`${team}: the pack loads, its rule examples pass, and every expectation holds`, function () {
      this.timeout(60_000);
      for (const packFile of packFilesUnder(path.join(TEAMS, team))) {
        const tested = run(['test-rules', packFile], { cwd: TEAMS });
        assert.equal(tested.code, 0, `${packFile}:\n${tested.stdout}${tested.stderr}`);
      }
      const held = check(team);
      tally.push(...held);
      const failed = held.filter(([, ok]) => !ok).map(([what]) => what);
      assert.deepEqual(failed, []);
    });
  }

  after(() => {
    if (tally.length) console.log(`      team expectations held: ${tally.filter(([, ok]) => ok).length} of ${tally.length}`);
  });
});

function packFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f) === '.healingnotes.json').map((f) => path.relative(TEAMS, path.join(dir, f)));
}
