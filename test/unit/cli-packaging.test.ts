import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, tempDir } from './cli-helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('cli packaging (npm pack)', function () {
  this.timeout(120_000);
  let files: string[] = [];

  before(function () {
    if (!fs.existsSync(path.join(REPO_ROOT, manifest.bin['healing-notes']))) {
      console.warn("    (skipped: dist/ is not built; 'npm run build' first — npm test does)");
      this.skip();
    }
    // --ignore-scripts: no prepack build here; the test looks at what is already built.
    const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    files = (JSON.parse(out)[0].files as { path: string }[]).map((f) => f.path);
  });

  it('ships the CLI, the extension, the schema, the docs, README and LICENSE', () => {
    for (const file of ['dist/cli.js', 'dist/cli-main.js', 'dist/cli-worker.js', 'dist/lsp.js', 'dist/mcp.js', 'dist/compromise.js', 'dist/healing-notes.html', 'dist/extension.js', 'schema/healingnotes.schema.json', 'docs/cli.md', 'README.md', 'LICENSE', 'package.json', 'scripts/slurm/submit.sh']) {
      assert.ok(files.includes(file), `${file} missing from the package: ${files.join(', ')}`);
    }
  });

  it('leaves out sources, tests, build output and source maps', () => {
    // Of scripts/, only the Slurm array job's shell scripts (docs/scale.md), which run the packed CLI.
    const unwanted = files.filter(
      (f) => (/^(src|test|out|scripts|node_modules|\.cache|test-results|\.vscode)\//.test(f) && !/^scripts\/slurm\/[\w-]+\.sh$/.test(f)) || f.endsWith('.map') || f.endsWith('.ts'),
    );
    assert.deepEqual(unwanted, []);
    // samples/ holds only the project's own sample notes (the extension opens one); nothing else from there.
    assert.deepEqual(files.filter((f) => f.startsWith('samples/') && !f.endsWith('.note')), []);
  });

  it("has a bin that runs from the packed files alone, via 'npx healing-notes'", async () => {
    const dir = tempDir('hn-pack-');
    try {
      execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: REPO_ROOT, stdio: 'ignore' });
      const tarball = fs.readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
      const project = path.join(dir, 'project');
      const installed = path.join(project, 'node_modules', 'healing-notes');
      fs.mkdirSync(installed, { recursive: true });
      execFileSync('tar', ['xzf', path.join(dir, tarball), '-C', installed, '--strip-components=1']);
      fs.writeFileSync(path.join(project, 'package.json'), '{"name": "uses-healing-notes", "version": "1.0.0", "private": true}');
      // What npm does on install: link the bin into node_modules/.bin and make it executable.
      const bin = path.join(installed, manifest.bin['healing-notes']);
      assert.match(fs.readFileSync(bin, 'utf8').split('\n')[0], /^#!\/usr\/bin\/env node/);
      fs.chmodSync(bin, 0o755);
      fs.mkdirSync(path.join(project, 'node_modules', '.bin'));
      fs.symlinkSync(path.relative(path.join(project, 'node_modules', '.bin'), bin), path.join(project, 'node_modules', '.bin', 'healing-notes'));

      // No dependencies installed: the bundle must stand alone.
      const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
      const version = execFileSync(npx, ['--offline', 'healing-notes', '--version'], { cwd: project, encoding: 'utf8' }).trim();
      assert.equal(version, manifest.version);
      fs.writeFileSync(path.join(project, 'a.note'), 'HPI: Cough.\nASSESSMENT: Bronchitis.\nPLAN: ***\n');
      let code = 0;
      try {
        execFileSync(npx, ['--offline', 'healing-notes', 'check', 'a.note'], { cwd: project, stdio: 'ignore' });
      } catch (error) {
        code = (error as { status: number }).status;
      }
      assert.equal(code, 1, 'error-severity findings exit 1');
      // --jobs 2: the worker threads run from dist/cli-worker.js beside the bin.
      fs.writeFileSync(path.join(project, 'b.note'), 'HPI: Cough.\nPLAN: Start albuterol as needed. Follow up in 1 week.\n');
      let stdout: string;
      try {
        stdout = execFileSync(npx, ['--offline', 'healing-notes', 'check', '--jobs', '2', '--format', 'json', 'b.note', 'a.note'], { cwd: project, encoding: 'utf8' });
      } catch (error) {
        stdout = (error as { stdout: string }).stdout; // exit 1: a.note has error-severity findings
      }
      assert.deepEqual(JSON.parse(stdout).files.map((f: { path: string }) => f.path), ['b.note', 'a.note']);
      // A sentence whose speaker only the English parser can tell: it loads from dist/compromise.js beside the
      // bundle (no node_modules here). Its loader swallows errors, so the test asks what was loaded.
      fs.writeFileSync(path.join(project, 'c.note'), 'HISTORY OF PRESENT ILLNESS:\nOn the drive over, she and her husband worry about losing the house.\n');
      const loadedList = path.join(dir, 'loaded.txt');
      const probe = path.join(dir, 'probe.cjs');
      fs.writeFileSync(probe, `process.on('exit', () => require('fs').appendFileSync(${JSON.stringify(loadedList)}, Object.keys(require.cache).join('\\n') + '\\n'));`);
      try {
        execFileSync(npx, ['--offline', 'healing-notes', 'check', '--format', 'json', 'c.note'], { cwd: project, stdio: 'ignore', env: { ...process.env, NODE_OPTIONS: `--require ${probe}`, HEALING_NOTES_CODE_CACHE: 'off' } });
      } catch {
        // findings of error severity exit 1
      }
      const loaded = fs.readFileSync(loadedList, 'utf8').split('\n');
      assert.ok(loaded.some((file) => file.endsWith(path.join('healing-notes', 'dist', 'compromise.js'))), loaded.filter((f) => /compromise/.test(f)).join(', ') || 'compromise not loaded');
      // The MCP server runs from dist/mcp.js beside the bin: it answers an initialize request and ends with its input.
      const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pack-test', version: '1' } } });
      const reply = execFileSync(npx, ['--offline', 'healing-notes', 'mcp'], { cwd: project, encoding: 'utf8', input: `${initialize}\n`, timeout: 30_000 });
      assert.match(reply, /"serverInfo":\{"name":"healing-notes"/);
      // So does the language server, from dist/lsp.js: initialize answered, then shutdown and exit (code 0).
      const lsp = await lspHandshake(npx, ['--offline', 'healing-notes', 'lsp', '--stdio'], project);
      assert.match(lsp.stdout, /"serverInfo":\{"name":"healing-notes"/);
      assert.equal(lsp.code, 0, lsp.stderr);
      execFileSync(npx, ['--offline', 'healing-notes', 'init'], { cwd: project, stdio: 'ignore' });
      const schemaRef = /"\$schema": "([^"]+)"/.exec(fs.readFileSync(path.join(project, '.healingnotes.json'), 'utf8'))![1];
      assert.ok(fs.existsSync(path.join(project, schemaRef)), `the starter file's $schema (${schemaRef}) resolves in an install`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Starts a language server, asks initialize, then shutdown and exit once answered (the input stays open until then). */
function lspHandshake(command: string, args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const frame = (message: object) => `Content-Length: ${Buffer.byteLength(JSON.stringify(message))}\r\n\r\n${JSON.stringify(message)}`;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no answer from the language server: ${stderr}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('"id":1,"result"') && !stdout.includes('"id":2')) child.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
      if (stdout.includes('"id":2,"result"')) child.stdin.write(frame({ jsonrpc: '2.0', method: 'exit' }));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  });
}

/** The names in a zip file's central directory (a .vsix is a zip). */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

/** Relative file paths named anywhere in the manifest's `contributes` (grammars, snippets, icons, walkthrough media...). */
function contributedFiles(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/^(\.\/)?[\w-]+(\/[\w.-]+)*\.(json|md|svg|png|jpg|gif|note|js)$/.test(value) && !value.includes(' ')) out.push(value.replace(/^\.\//, ''));
  } else if (Array.isArray(value)) {
    value.forEach((v) => contributedFiles(v, out));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach((v) => contributedFiles(v, out));
  }
  return out;
}

describe('cli packaging (the extension)', function () {
  this.timeout(120_000);

  it('packages every file the manifest refers to', function () {
    if (!fs.existsSync(path.join(REPO_ROOT, manifest.bin['healing-notes']))) this.skip();
    const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const packed = new Set((JSON.parse(out)[0].files as { path: string }[]).map((f) => f.path));
    const referenced = [manifest.main.replace(/^\.\//, ''), ...contributedFiles(manifest.contributes), ...(manifest.icon ? [manifest.icon] : [])];
    const missing = referenced.filter((file) => !packed.has(file));
    assert.deepEqual(missing, [], 'referenced by package.json but not in the package ("files")');
  });

  it("'npm run package:vsix' (vsce) packages a .vsix offline, without warnings", function () {
    if (!fs.existsSync(path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce'))) this.skip();
    const dir = tempDir('hn-vsix-');
    try {
      const vsix = path.join(dir, 'healing-notes.vsix');
      // stdin closed: any question vsce would ask (a missing field, a missing LICENSE) fails the run.
      const out = execFileSync(npm, ['run', '--silent', 'package:vsix', '--', '--out', vsix], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
      });
      assert.doesNotMatch(out, /WARNING|ERROR/, out);
      assert.ok(fs.statSync(vsix).size > 10_000);
      const listing = zipEntries(fs.readFileSync(vsix)).map((name) => name.replace(/^extension\//, ''));
      // dist/compromise.js: the extension requires it on first need, from beside dist/extension.js.
      assert.ok(listing.includes('dist/extension.js') && listing.includes('dist/compromise.js') && listing.includes('package.json'), listing.join(', '));
      assert.ok(!listing.some((f) => /^(node_modules|src|test|out|\.cache)\//.test(f)), 'no sources, tests or node_modules in the .vsix');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
