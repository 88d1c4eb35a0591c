#!/usr/bin/env node
// Runs the extension's integration tests in the real VS Code web workbench served by a
// local code-server host (see scripts/setup-code-server.sh), driven by headless Chromium.
// This stands in for @vscode/test-electron where VS Code itself cannot be downloaded.
//
//   node scripts/run-workbench-tests.mjs [options]
//     --code-server DIR   code-server package root (default: $CODE_SERVER_DIR or .cache/code-server)
//     --folder DIR        workspace folder to open (default: test/fixtures/workspace)
//     --tests FILE        extensionTestsPath (default: out/test/integration/index.js)
//     --env KEY=VAL       extra environment for the extension host (repeatable)
//     --timeout SEC       overall time limit (default: 300)
//     --trust-enabled     keep workspace trust on (the folder is not trusted, so it opens in
//                         restricted mode); by default trust is disabled and every folder is trusted
//     --keep              keep the temp dir (user data, server log) even on success
//     --verbose           also print the workbench's own console output and the server log
//
// Exit codes: 0 all tests passed, 1 a test failed, 2 infrastructure error, timeout or no tests.
// The last line printed is always "N passed, N failed".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

class InfraError extends Error {}

function parseArgs(argv) {
  const opts = {
    codeServer: process.env.CODE_SERVER_DIR || path.join(ROOT, '.cache', 'code-server'),
    folder: path.join(ROOT, 'test', 'fixtures', 'workspace'),
    tests: path.join(ROOT, 'out', 'test', 'integration', 'index.js'),
    env: {},
    timeoutSec: 300,
    keep: false,
    verbose: false,
    trustEnabled: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new InfraError(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case '--code-server': opts.codeServer = value(); break;
      case '--folder': opts.folder = value(); break;
      case '--tests': opts.tests = value(); break;
      case '--timeout': opts.timeoutSec = Number(value()); break;
      case '--keep': opts.keep = true; break;
      case '--verbose': opts.verbose = true; break;
      case '--trust-enabled': opts.trustEnabled = true; break;
      case '--env': {
        const kv = value();
        const eq = kv.indexOf('=');
        if (eq <= 0) throw new InfraError(`--env expects KEY=VAL, got "${kv}"`);
        opts.env[kv.slice(0, eq)] = kv.slice(eq + 1);
        break;
      }
      default: throw new InfraError(`unknown argument: ${arg}`);
    }
  }
  if (!(opts.timeoutSec > 0)) throw new InfraError('--timeout must be a positive number of seconds');
  opts.codeServer = path.resolve(opts.codeServer);
  // Also accept the folder that holds the unpacked package/ directory.
  if (!fs.existsSync(path.join(opts.codeServer, 'out/node/entry.js')) &&
      fs.existsSync(path.join(opts.codeServer, 'package/out/node/entry.js'))) {
    opts.codeServer = path.join(opts.codeServer, 'package');
  }
  opts.folder = path.resolve(opts.folder);
  opts.tests = path.resolve(opts.tests);
  return opts;
}

const log = (...args) => console.log(`[workbench] ${util.format(...args)}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function checkInputs(opts) {
  const entry = path.join(opts.codeServer, 'out/node/entry.js');
  if (!fs.existsSync(entry)) {
    throw new InfraError(`no code-server host at ${opts.codeServer}; run scripts/setup-code-server.sh first`);
  }
  if (!fs.existsSync(opts.tests)) {
    throw new InfraError(`test entry ${opts.tests} does not exist; compile the tests first (npx tsc -p .)`);
  }
  if (!fs.statSync(opts.folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InfraError(`workspace folder ${opts.folder} does not exist`);
  }
  const pkg = readJson(path.join(ROOT, 'package.json'));
  if (pkg.main && !fs.existsSync(path.join(ROOT, pkg.main))) {
    log(`warning: the extension's main ${pkg.main} does not exist (build it first); it will not activate`);
  }
  return entry;
}

function vscodeVersion(codeServer) {
  try {
    const product = readJson(path.join(codeServer, 'lib/vscode/product.json'));
    const version = product.version || readJson(path.join(codeServer, 'lib/vscode/package.json')).version;
    const cs = readJson(path.join(codeServer, 'package.json')).version;
    return `VS Code ${version}${product.commit ? ` (${product.commit.slice(0, 10)})` : ''}, code-server ${cs}`;
  } catch {
    return 'VS Code (unknown version)';
  }
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome'].filter(Boolean);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new InfraError('Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
  return found;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
  });
}

function prepareTempDir(opts) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'healing-notes-workbench-'));
  const userDir = path.join(tmp, 'user-data', 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.mkdirSync(path.join(tmp, 'extensions'));
  fs.mkdirSync(path.join(tmp, 'xdg'));
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    // With trust enabled, a folder is trusted only once listed in the workbench's application
    // storage, which starts empty here: it opens in restricted mode, with no dialog asking to trust it.
    'security.workspace.trust.enabled': opts.trustEnabled,
    ...(opts.trustEnabled ? { 'security.workspace.trust.startupPrompt': 'never' } : {}),
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'git.enabled': false,
    // The web workbench otherwise saves edited fixtures after a second; tests revert them instead.
    'files.autoSave': 'off',
    'workbench.localHistory.enabled': false,
  }, null, 2));
  // An explicit config stops code-server writing ~/.config/code-server/config.yaml with a password.
  fs.writeFileSync(path.join(tmp, 'config.yaml'), '');
  return tmp;
}

/** Environment for code-server; it reaches the extension host, and so the tests. */
function serverEnv(tmp, results, extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Variables of an enclosing VS Code (terminal IPC hooks etc.) would confuse the server.
    if (!k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  }
  return {
    ...env,
    EXTENSIONS_GALLERY: '{}',
    XDG_DATA_HOME: path.join(tmp, 'xdg'),
    VSCODE_TEST_RESULTS: results,
    HEALING_NOTES_WORKBENCH_DRIVER: '1',
    ...extra,
  };
}

/**
 * Turns a page console message into text. Log-service lines look like
 * ("%c INFO", "color: …", fmt, ...args): drop the styling, keep the level, format the rest.
 */
async function consoleText(msg) {
  const args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => String(a))));
  if (typeof args[0] === 'string' && args[0].startsWith('%c') && args.length >= 2) {
    return { level: args[0].slice(2).trim(), text: util.format(...args.slice(2)) };
  }
  return { level: msg.type(), text: args.length ? util.format(...args) : msg.text() };
}

// Page errors that are expected offline, or repeat what the mocha output already says.
const EXPECTED_NOISE = [/vsda/, /Failed to load resource/, /same-origin iframe/, /gallery/i, /\d+ test\(s\) failed/];

/** Streams what the test entry copies to "$VSCODE_TEST_RESULTS.log" (see test/integration/index.ts). */
function transcriptTail(file) {
  let offset = 0;
  return () => {
    let fd;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return;
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= offset) return;
      const buf = Buffer.alloc(size - offset);
      fs.readSync(fd, buf, 0, buf.length, offset);
      offset = size;
      process.stdout.write(buf);
    } finally {
      fs.closeSync(fd);
    }
  };
}

async function main() {
  const started = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  const entry = checkInputs(opts);
  const chromiumPath = findChromium();
  log(vscodeVersion(opts.codeServer));

  const tmp = prepareTempDir(opts);
  const results = path.join(tmp, 'results.json');
  const shotReq = `${results}.shot-req`;
  const shotDone = `${results}.shot-done`;
  const pumpTranscript = transcriptTail(`${results}.log`);
  const serverLog = fs.openSync(path.join(tmp, 'server.log'), 'a');
  let server;
  let browser;
  const outcome = { code: 2, passed: 0, failed: 0 };

  const cleanup = async () => {
    if (browser) await browser.close().catch(() => {});
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      try { process.kill(-server.pid, 'SIGTERM'); } catch {}
      await Promise.race([exited, sleep(3000)]);
      try { process.kill(-server.pid, 'SIGKILL'); } catch {}
    }
    fs.closeSync(serverLog);
    if (outcome.code === 0 && !opts.keep) {
      fs.rmSync(tmp, { recursive: true, force: true });
    } else {
      log(`kept for inspection: ${tmp} (server.log, user-data/logs/)`);
    }
  };
  let interrupted = false;
  // Last resort for exit paths that skip cleanup(): never leave the server group running.
  process.on('exit', () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      try { process.kill(-server.pid, 'SIGKILL'); } catch {}
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      interrupted = true;
      log(`${sig}: stopping`);
    });
  }

  try {
    const port = await freePort();
    server = spawn(process.execPath, [
      entry,
      '--config', path.join(tmp, 'config.yaml'),
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', path.join(tmp, 'user-data'),
      '--extensions-dir', path.join(tmp, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      ...(opts.trustEnabled ? [] : ['--disable-workspace-trust']),
      opts.folder,
    ], {
      // Own process group, so that the extension host and pty host die with the server.
      detached: true,
      stdio: ['ignore', serverLog, serverLog],
      env: serverEnv(tmp, results, opts.env),
    });

    const deadline = started + opts.timeoutSec * 1000;
    const check = () => {
      if (interrupted) throw new InfraError('interrupted');
      if (Date.now() > deadline) throw new InfraError(`timed out after ${opts.timeoutSec} s`);
      if (server.exitCode !== null || server.signalCode !== null) {
        throw new InfraError(`code-server exited (${server.exitCode ?? server.signalCode}); see server.log`);
      }
    };

    while (!(await healthy(port))) {
      check();
      if (Date.now() - started > 60000) throw new InfraError('code-server did not answer /healthz within 60 s');
      await sleep(100);
    }
    log(`code-server ready on 127.0.0.1:${port} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      // Signals are handled here, so that the server is stopped too.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

    let automationExit;
    let fatal;
    let lastPageLine;
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      automationExit = { code, logs };
    });
    page.on('pageerror', (err) => {
      if (opts.verbose) log(`page error: ${err.message}`);
    });
    page.on('console', async (msg) => {
      const { level, text } = await consoleText(msg);
      if (text.includes('No extension host found that can launch the test runner')) {
        fatal = `workbench: ${text}`;
      }
      // Errors such as a failed extension activation matter even when not verbose.
      const isError = /^(ERR|error)$/.test(level) && !EXPECTED_NOISE.some((re) => re.test(text));
      // The log service often reports one error twice (styled, then as console.error).
      if ((opts.verbose || isError) && text !== lastPageLine) log(`page ${level}: ${text}`);
      lastPageLine = text;
    });

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
    const payload = [['extensionDevelopmentPath', remote(ROOT)], ['extensionTestsPath', remote(opts.tests)]];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(opts.folder)}` +
      `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1000, deadline - Date.now()) });
    log(`workbench loaded after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    let exitSeenAt;
    for (;;) {
      pumpTranscript();
      check();
      if (fatal) throw new InfraError(fatal);
      if (fs.existsSync(shotReq)) {
        const target = fs.readFileSync(shotReq, 'utf8').trim();
        fs.rmSync(shotReq, { force: true });
        let status = 'ok';
        try {
          fs.mkdirSync(path.dirname(target), { recursive: true });
          await page.screenshot({ path: target });
          log(`screenshot: ${path.relative(process.cwd(), target)}`);
        } catch (err) {
          status = `error: ${err.message}`;
        }
        fs.writeFileSync(shotDone, status);
      }
      if (fs.existsSync(results)) break;
      if (automationExit) {
        exitSeenAt ??= Date.now();
        // The results file is written before run() settles; allow a moment for the file system anyway.
        if (Date.now() - exitSeenAt > 2000) {
          throw new InfraError(`the test run ended (exit code ${automationExit.code}) without writing results`);
        }
      }
      await sleep(100);
    }

    // Let the final reporter lines and codeAutomationExit arrive.
    const settle = Date.now() + 3000;
    while (!automationExit && Date.now() < settle) await sleep(100);
    pumpTranscript();

    const r = readJson(results);
    if (r.vscodeVersion) log(`tests ran in VS Code ${r.vscodeVersion}`);
    for (const f of r.failures ?? []) log(`FAILED: ${f.title}: ${f.message.split('\n')[0]}`);
    outcome.passed = r.passed ?? 0;
    outcome.failed = r.failed ?? 0;
    if (outcome.passed + outcome.failed === 0) {
      log('no tests ran');
      outcome.code = 2;
    } else if (outcome.failed > 0 || (automationExit && automationExit.code !== 0)) {
      outcome.code = 1;
    } else {
      outcome.code = 0;
    }
    if (outcome.code !== 0 && automationExit?.logs) {
      // Keep the workbench's own logs next to the server log for post-mortems.
      for (const { relativePath, contents } of automationExit.logs) {
        const file = path.join(tmp, 'logs', relativePath);
        if (!file.startsWith(path.join(tmp, 'logs'))) continue;
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, contents);
      }
    }
  } catch (err) {
    pumpTranscript();
    outcome.code = 2;
    log(`ERROR: ${err instanceof InfraError ? err.message : err.stack || err}`);
    if (opts.verbose || !(err instanceof InfraError) || /code-server/.test(err.message)) {
      const tail = fs.readFileSync(path.join(tmp, 'server.log'), 'utf8').split('\n').slice(-40).join('\n');
      log(`server.log (last lines):\n${tail}`);
    }
  } finally {
    await cleanup();
  }
  log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${outcome.passed} passed, ${outcome.failed} failed`);
  return outcome.code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[workbench] ERROR: ${err instanceof InfraError ? err.message : err.stack || err}`);
    console.log('0 passed, 0 failed');
    process.exit(2);
  },
);
