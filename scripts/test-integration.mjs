#!/usr/bin/env node
// Runs the integration tests (out/test/integration/*.test.js; compile and build first) in a real
// VS Code, choosing the host by HEALING_NOTES_TEST_HOST:
//
//   code-server (default)  VS Code 1.99.3 served by a local code-server host, driven by headless
//                          Chromium (scripts/run-workbench-tests.mjs). Needs no download from
//                          outside the npm and Debian registries, so it works offline and in CI.
//                          Uses $CODE_SERVER_DIR when set, otherwise builds (once) or reuses
//                          .cache/code-server via scripts/setup-code-server.sh.
//   electron               @vscode/test-electron downloads VS Code 1.99.3 desktop and runs the
//                          tests there. Needs network access to VS Code's update servers and,
//                          on headless Linux, a display (xvfb-run -a).
//
// Arguments are passed to the driver (--env KEY=VAL, --timeout SEC, --keep, --verbose); under
// electron only --env is honoured. Exits with the test run's code: 0 passed, 1 failed, 2 broken.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VSCODE_VERSION = '1.99.3';
const extensionTestsPath = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const workspace = path.join(ROOT, 'test', 'fixtures', 'workspace');
const args = process.argv.slice(2);
const host = process.env.HEALING_NOTES_TEST_HOST || 'code-server';

function runCodeServer() {
  let dir = process.env.CODE_SERVER_DIR;
  if (!dir) {
    dir = path.join(ROOT, '.cache', 'code-server');
    const setup = spawnSync('bash', [path.join(ROOT, 'scripts', 'setup-code-server.sh'), dir], { stdio: 'inherit' });
    if (setup.status !== 0) {
      console.error('setup-code-server.sh failed; cannot run the integration tests');
      console.log('0 passed, 0 failed');
      return 2;
    }
  }
  const driver = spawnSync(process.execPath,
    [path.join(ROOT, 'scripts', 'run-workbench-tests.mjs'), '--code-server', dir, ...args],
    { stdio: 'inherit' });
  return driver.status ?? 2;
}

async function runElectron() {
  // The test entry writes its counts here, so this host too can close with "N passed, N failed".
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'healing-notes-electron-'));
  const results = path.join(tmp, 'results.json');
  const extensionTestsEnv = { VSCODE_TEST_RESULTS: results };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--env' && args[i + 1]?.includes('=')) {
      const kv = args[++i];
      extensionTestsEnv[kv.slice(0, kv.indexOf('='))] = kv.slice(kv.indexOf('=') + 1);
    }
  }
  const { runTests } = await import('@vscode/test-electron');
  let code;
  try {
    await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      extensionTestsEnv,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
    code = 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`@vscode/test-electron: ${message}`);
    // "Test run failed with code 1" is a failing test; anything else (download, launch) is the host.
    code = /^Test run failed/.test(message) ? 1 : 2;
  }
  let passed = 0;
  let failed = 0;
  if (fs.existsSync(results)) {
    ({ passed, failed } = JSON.parse(fs.readFileSync(results, 'utf8')));
  }
  if (code === 0 && passed + failed === 0) code = 2;
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  return code;
}

let code;
if (host === 'code-server') {
  code = runCodeServer();
} else if (host === 'electron') {
  code = await runElectron();
} else {
  console.error(`HEALING_NOTES_TEST_HOST must be "code-server" or "electron", not "${host}"`);
  code = 2;
}
process.exit(code);
