#!/usr/bin/env node
// Runs the integration tests in a real VS Code (compile and build first), as two suites:
//
//   main        out/test/integration/*.test.js on test/fixtures/workspace, a trusted workspace
//               (workspace trust disabled);
//   restricted  out/test/integration-restricted/*.test.js on test/fixtures/restricted-workspace,
//               with workspace trust enabled and the folder not trusted (restricted mode).
//
// Each suite prints its own "N passed, N failed"; the last line is the combined count, and the
// exit code is the worst of the two. The host is chosen by HEALING_NOTES_TEST_HOST:
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
// electron only --env is honoured. With --folder or --tests (code-server only) the driver runs
// that one suite as given. Exits with the test run's code: 0 passed, 1 failed, 2 broken.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VSCODE_VERSION = '1.99.3';
const SUITES = [
  {
    name: 'main',
    extensionTestsPath: path.join(ROOT, 'out', 'test', 'integration', 'index.js'),
    workspace: path.join(ROOT, 'test', 'fixtures', 'workspace'),
    trusted: true,
  },
  {
    name: 'restricted',
    extensionTestsPath: path.join(ROOT, 'out', 'test', 'integration-restricted', 'index.js'),
    workspace: path.join(ROOT, 'test', 'fixtures', 'restricted-workspace'),
    trusted: false,
  },
];
const args = process.argv.slice(2);
const host = process.env.HEALING_NOTES_TEST_HOST || 'code-server';
const CLOSING_LINE = /^(\d+) passed, (\d+) failed$/;
// After Ctrl+C or SIGTERM the running suite stops, and no further suite starts.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { interrupted = true; });

/** Runs a command, passing its output through, and returns its exit code and closing "N passed, N failed". */
function runCounted(command, commandArgs) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4096);
    });
    // Ctrl+C reaches the driver with the rest of the process group; SIGTERM is sent on.
    const forward = (signal) => child.kill(signal);
    process.on('SIGTERM', forward);
    const done = (code) => {
      process.off('SIGTERM', forward);
      const last = tail.trimEnd().split('\n').pop() ?? '';
      const match = CLOSING_LINE.exec(last.trim());
      resolve({ code, passed: match ? Number(match[1]) : 0, failed: match ? Number(match[2]) : 0 });
    };
    child.on('error', (err) => {
      console.error(`cannot run ${command}: ${err.message}`);
      done(2);
    });
    child.on('close', (code) => done(code ?? 2));
  });
}

/** Prints each suite's count, then the combined closing line; returns the worst exit code. */
function combine(outcomes) {
  let passed = 0;
  let failed = 0;
  let code = 0;
  for (const [name, outcome] of outcomes) {
    console.log(`[integration] ${name}: ${outcome.passed} passed, ${outcome.failed} failed${outcome.code ? ` (exit code ${outcome.code})` : ''}`);
    passed += outcome.passed;
    failed += outcome.failed;
    code = Math.max(code, outcome.code);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return code;
}

async function runCodeServer() {
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
  const driver = path.join(ROOT, 'scripts', 'run-workbench-tests.mjs');
  if (args.includes('--folder') || args.includes('--tests')) {
    // One suite, as the caller describes it.
    const single = spawnSync(process.execPath, [driver, '--code-server', dir, ...args], { stdio: 'inherit' });
    return single.status ?? 2;
  }
  const outcomes = [];
  for (const suite of SUITES) {
    if (interrupted) break;
    console.log(`[integration] ${suite.name} suite: ${path.relative(ROOT, suite.workspace)}${suite.trusted ? '' : ' (workspace trust enabled, folder not trusted)'}`);
    const suiteArgs = ['--folder', suite.workspace, '--tests', suite.extensionTestsPath, ...(suite.trusted ? [] : ['--trust-enabled'])];
    outcomes.push([suite.name, await runCounted(process.execPath, [driver, '--code-server', dir, ...suiteArgs, ...args])]);
  }
  return combine(outcomes);
}

/** VS Code desktop's exit code for a command line, with its output passed through. */
function launch(executable, launchArgs, env) {
  return new Promise((resolve) => {
    const child = spawn(executable, launchArgs, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    const forward = (signal) => child.kill(signal);
    process.on('SIGTERM', forward);
    const done = (code) => {
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.on('error', (err) => {
      console.error(`cannot start VS Code: ${err.message}`);
      done(2);
    });
    child.on('close', (code) => done(code ?? 2));
  });
}

async function runElectronSuite(suite, extraEnv) {
  // The test entry writes its counts here, so this host too can close with "N passed, N failed".
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'healing-notes-electron-'));
  const results = path.join(tmp, 'results.json');
  const extensionTestsEnv = { ...extraEnv, VSCODE_TEST_RESULTS: results };
  const { runTests, downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  let code;
  try {
    if (suite.trusted) {
      await runTests({
        version: VSCODE_VERSION,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: suite.extensionTestsPath,
        extensionTestsEnv,
        launchArgs: [suite.workspace, '--disable-extensions', '--disable-workspace-trust'],
      });
      code = 0;
    } else {
      // runTests always adds --disable-workspace-trust, so VS Code is launched here with the same
      // arguments minus that one, and user data of its own in which no folder is trusted yet.
      const userDir = path.join(tmp, 'user-data', 'User');
      fs.mkdirSync(userDir, { recursive: true });
      fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'files.autoSave': 'off',
        'workbench.localHistory.enabled': false,
      }, null, 2));
      const executable = await downloadAndUnzipVSCode(VSCODE_VERSION);
      const status = await launch(executable, [
        suite.workspace,
        '--disable-extensions',
        '--no-sandbox',
        '--disable-gpu-sandbox',
        '--disable-updates',
        '--skip-welcome',
        '--skip-release-notes',
        `--extensionTestsPath=${suite.extensionTestsPath}`,
        `--extensionDevelopmentPath=${ROOT}`,
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
      ], extensionTestsEnv);
      if (status !== 0) throw new Error(`Test run failed with code ${status}`);
      code = 0;
    }
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
  return { code, passed, failed };
}

async function runElectron() {
  const extraEnv = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--env' && args[i + 1]?.includes('=')) {
      const kv = args[++i];
      extraEnv[kv.slice(0, kv.indexOf('='))] = kv.slice(kv.indexOf('=') + 1);
    }
  }
  const outcomes = [];
  for (const suite of SUITES) {
    if (interrupted) break;
    console.log(`[integration] ${suite.name} suite: ${path.relative(ROOT, suite.workspace)}${suite.trusted ? '' : ' (workspace trust enabled, folder not trusted)'}`);
    outcomes.push([suite.name, await runElectronSuite(suite, extraEnv)]);
  }
  return combine(outcomes);
}

let code;
if (host === 'code-server') {
  code = await runCodeServer();
} else if (host === 'electron') {
  code = await runElectron();
} else {
  console.error(`HEALING_NOTES_TEST_HOST must be "code-server" or "electron", not "${host}"`);
  code = 2;
}
process.exit(code);
