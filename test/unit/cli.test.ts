import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
  return { code, stdout, stderr };
}

describe('cli check', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-cli-'));
    fs.writeFileSync(path.join(dir, 'good.note'), 'HPI: Cough.\nPLAN: Start albuterol as needed. Follow up in 1 week.\n');
    fs.writeFileSync(path.join(dir, 'bad.note'), 'HPI: Cough.\nASSESSMENT: Bronchitis.\nPLAN:\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints path:line:col severity rule message and exits 1 on error findings', () => {
    const { code, stdout } = run(['check', dir]);
    assert.equal(code, 1);
    assert.match(stdout, new RegExp(`bad\\.note:3:1  error  plan  No recorded plan`));
    assert.doesNotMatch(stdout, /good\.note:\d+:\d+  error/);
    assert.match(stdout, /2 notes checked: 1 error/);
  });

  it('exits 0 when no error-severity finding remains', () => {
    assert.equal(run(['check', path.join(dir, 'good.note')]).code, 0);
  });

  it('prints JSON with offsets and line/column', () => {
    const { stdout } = run(['check', '--format', 'json', path.join(dir, 'bad.note')]);
    const parsed = JSON.parse(stdout);
    const finding = parsed.files[0].findings.find((f: { ruleId: string }) => f.ruleId === 'plan');
    assert.deepEqual([finding.line, finding.column, finding.start], [3, 1, 36]);
  });

  it('gives a one-line error and exit 2 for bad paths and options', () => {
    for (const args of [
      ['check', path.join(dir, 'missing.note')],
      ['check'],
      ['check', '--format', 'xml', dir],
      ['check', '--min-severity', 'loud', dir],
      ['check', '--profile', 'nonsense', dir],
      ['check', '--frobnicate', dir],
      ['frobnicate'],
    ]) {
      const { code, stderr } = run(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.match(stderr, /^healing-notes: /);
    }
  });

  it('says so when a folder holds no notes', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-empty-'));
    fs.writeFileSync(path.join(empty, 'readme.txt'), 'not a note');
    const { code, stderr } = run(['check', empty]);
    fs.rmSync(empty, { recursive: true });
    assert.equal(code, 2);
    assert.match(stderr, /no notes \(\*\.note\) found in/);
  });

  it('--min-severity leaves out findings below it', () => {
    const all = JSON.parse(run(['check', '--format', 'json', dir]).stdout);
    const errorsOnly = JSON.parse(run(['check', '--format', 'json', '--min-severity', 'error', dir]).stdout);
    const count = (report: { files: { findings: { severity: string }[] }[] }) => report.files.flatMap((f) => f.findings);
    assert.ok(count(errorsOnly).every((f) => f.severity === 'error'));
    assert.equal(count(errorsOnly).length, count(all).filter((f) => f.severity === 'error').length);
    assert.equal(run(['check', '--min-severity', 'error', dir]).code, 1);
  });

  it('--quiet drops the totals line but keeps findings and the exit code', () => {
    const { code, stdout } = run(['check', '--quiet', dir]);
    assert.equal(code, 1);
    assert.match(stdout, /bad\.note:3:1  error  plan/);
    assert.doesNotMatch(stdout, /notes checked/);
  });

  it('colours severities only on a terminal and never with --no-color or NO_COLOR', () => {
    const withTty = (extra: string[], env: Record<string, string> = {}) => {
      let out = '';
      runCli(['check', ...extra, dir], { stdout: (t) => (out += t), stderr: () => {}, isTTY: true, env });
      return out;
    };
    assert.match(withTty([]), /\x1b\[31merror\x1b\[0m/);
    assert.doesNotMatch(withTty(['--no-color']), /\x1b\[/);
    assert.doesNotMatch(withTty([], { NO_COLOR: '1' }), /\x1b\[/);
    assert.doesNotMatch(run(['check', dir]).stdout, /\x1b\[/);
  });

  it('prints help and the version', () => {
    assert.match(run(['--help']).stdout, /Commands:[\s\S]*check[\s\S]*summary[\s\S]*explain[\s\S]*init/);
    assert.match(run(['check', '--help']).stdout, /--min-severity/);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+|0\.0\.0-dev/);
    assert.equal(run([]).code, 2);
  });
});
