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
    for (const args of [['check', path.join(dir, 'missing.note')], ['check'], ['check', '--format', 'xml', dir], ['frobnicate']]) {
      const { code, stderr } = run(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stderr.trim().split('\n').length, 1);
      assert.match(stderr, /^healing-notes: /);
    }
  });

  it('says so when a folder holds no notes', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-empty-'));
    const { code, stderr } = run(['check', empty]);
    fs.rmSync(empty, { recursive: true });
    assert.equal(code, 2);
    assert.match(stderr, /no notes/);
  });
});
