import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { globToRegExp } from '../../src/cli/glob';
import { NOTES, run, SECRET, tempDir, writeNotes } from './cli-helpers';

describe('cli inputs', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    writeNotes(dir, {
      'a.note': NOTES.withPlan,
      'b.note': NOTES.noPlan,
      'sub/c.note': NOTES.withPlan,
      'sub/deeper/d.note': NOTES.noPlan,
      'sub/e.txt': NOTES.noPlan,
      '.hidden/f.note': NOTES.noPlan,
    });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const checkedPaths = (args: string[], cwd = dir) => {
    const out = run(['check', '--format', 'json', ...args], { cwd });
    return (JSON.parse(out.stdout).files as { path: string }[]).map((f) => f.path);
  };

  it('searches folders recursively for *.note, sorted, skipping hidden folders', () => {
    assert.deepEqual(checkedPaths(['.']), ['a.note', 'b.note', path.join('sub', 'c.note'), path.join('sub', 'deeper', 'd.note')]);
  });

  it('expands globs the shell left alone', () => {
    assert.deepEqual(checkedPaths(['*.note']), ['a.note', 'b.note']);
    assert.deepEqual(checkedPaths(['sub/**/*.note']), [path.join('sub', 'c.note'), path.join('sub', 'deeper', 'd.note')]);
    assert.deepEqual(checkedPaths(['sub/*.{txt,note}']), [path.join('sub', 'c.note'), path.join('sub', 'e.txt')]);
    assert.deepEqual(checkedPaths(['[ab].note']), ['a.note', 'b.note']);
    const none = run(['check', 'nothing/*.note'], { cwd: dir });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^healing-notes: no files match 'nothing\/\*\.note'\n$/);
  });

  it('translates glob syntax', () => {
    assert.ok(globToRegExp('**/*.note').test('a.note'));
    assert.ok(globToRegExp('**/*.note').test('x/y/a.note'));
    assert.ok(!globToRegExp('*.note').test('x/a.note'));
    assert.ok(globToRegExp('a?.{note,txt}').test('ab.txt'));
    assert.ok(!globToRegExp('[!a]*.note').test('a.note'));
  });

  it('reads the same file only once', () => {
    assert.deepEqual(checkedPaths(['a.note', 'a.note', '.']).filter((p) => p === 'a.note').length, 1);
  });

  it("reads one note from standard input with '-'", () => {
    const out = run(['check', '-'], { readStdin: () => Buffer.from(NOTES.noPlan) });
    assert.equal(out.code, 1);
    assert.match(out.stdout, /^<stdin>:3:\d+  error  plan  /m);
    assert.equal(run(['check', '-'], { readStdin: () => Buffer.from(NOTES.withPlan) }).code, 0);
    const twice = run(['check', '-', '-'], { readStdin: () => Buffer.from('') });
    assert.equal(twice.code, 2);
  });

  it('skips a binary file with a one-line message and goes on', () => {
    writeNotes(dir, { 'scan.note': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) });
    const out = run(['check', 'scan.note', 'a.note'], { cwd: dir });
    assert.equal(out.code, 0);
    assert.equal(out.stderr, "healing-notes: skipped 'scan.note': the file looks binary\n");
    assert.match(out.stdout, /2 notes checked \(1 skipped\)/);
    const only = run(['check', 'scan.note'], { cwd: dir });
    assert.equal(only.code, 2, 'nothing analysed is an input error');
    assert.match(only.stderr, /no notes could be analysed/);
  });

  it('reads UTF-16 notes with a byte-order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NOTES.noPlan, 'utf16le')]);
    writeNotes(dir, { 'utf16.note': utf16 });
    const out = run(['check', 'utf16.note'], { cwd: dir });
    assert.equal(out.code, 1);
    assert.match(out.stdout, /utf16\.note:3:\d+  error  plan  /);
  });

  it('refuses a named pipe without blocking on it', function () {
    const fifo = path.join(dir, 'pipe.note');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      this.skip(); // mkfifo missing: nothing to test with
    }
    const out = run(['check', fifo]);
    assert.equal(out.code, 2);
    assert.equal(out.stderr, `healing-notes: cannot read '${fifo}': a named pipe\n`);
  });

  it('refuses a socket', async () => {
    const socket = path.join(dir, 'sock.note');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const out = run(['check', socket]);
      assert.equal(out.code, 2);
      assert.equal(out.stderr, `healing-notes: cannot read '${socket}': a socket\n`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('reports an unreadable file by path only', function () {
    if (process.getuid?.() === 0) {
      // Root reads anything regardless of mode bits; the FIFO and socket tests cover unreadable inputs.
      this.skip();
    }
    fs.chmodSync(path.join(dir, 'b.note'), 0o000);
    const out = run(['check', 'a.note', 'b.note'], { cwd: dir });
    assert.equal(out.code, 2);
    assert.match(out.stderr, /^healing-notes: cannot read 'b\.note': permission denied$/m);
  });

  it('reports every missing path, one line each, and never note text', () => {
    const out = run(['check', 'nope.note', 'a.note', 'gone/'], { cwd: dir });
    assert.equal(out.code, 2);
    assert.deepEqual(out.stderr.trim().split('\n'), [
      "healing-notes: cannot read 'nope.note': no such file or directory",
      "healing-notes: cannot read 'gone/': no such file or directory",
    ]);
    assert.equal(out.stdout, '');
  });

  it('never prints note text, whatever the format', () => {
    for (const format of ['text', 'json', 'sarif', 'csv']) {
      const out = run(['check', '--format', format, '.'], { cwd: dir });
      assert.ok(!out.stdout.includes(SECRET) && !out.stderr.includes(SECRET), format);
    }
  });

  it('shows a progress line on a terminal for long runs, and erases it', () => {
    const many = tempDir('hn-many-');
    try {
      for (let i = 0; i < 30; i++) writeNotes(many, { [`n${String(i).padStart(2, '0')}.note`]: NOTES.withPlan });
      let clock = 0;
      const tty = run(['check', many], { stderrIsTTY: true, now: () => (clock += 100) });
      assert.match(tty.stderr, /\r\x1b\[KChecking notes +\d+\/30/);
      assert.ok(tty.stderr.endsWith('\r\x1b[K'), 'progress line erased');
      assert.equal(run(['check', many], { stderrIsTTY: false, now: () => (clock += 100) }).stderr, '', 'no progress off a terminal');
      assert.equal(run(['check', '--quiet', many], { stderrIsTTY: true, now: () => (clock += 100) }).stderr, '', 'none with --quiet');
    } finally {
      fs.rmSync(many, { recursive: true, force: true });
    }
  });

  it('writes to --output instead of stdout', () => {
    const out = run(['check', '--format', 'json', '-o', 'report.json', 'b.note'], { cwd: dir });
    assert.equal(out.code, 1);
    assert.equal(out.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).files.length, 1);
  });
});
