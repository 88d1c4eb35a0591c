// Test entry for the extension host (extensionTestsPath = out/test/integration/index.js).
// The same contract works under @vscode/test-electron and under scripts/run-workbench-tests.mjs:
// run() resolves when every test passed and rejects otherwise. When VSCODE_TEST_RESULTS is set
// (by the code-server driver), the results are also written there as JSON, and everything the
// run prints is copied to "$VSCODE_TEST_RESULTS.log", which the driver streams to its stdout:
// in the web workbench the extension host's console only reaches the page console, mixed with
// the workbench's own log lines.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface TestRecord {
  title: string;
  state: 'passed' | 'failed';
  durationMs?: number;
}

export interface TestFailure {
  title: string;
  message: string;
  stack?: string;
}

export interface TestResults {
  vscodeVersion: string;
  passed: number;
  failed: number;
  failures: TestFailure[];
  tests: TestRecord[];
}

function writeResults(results: TestResults): void {
  const target = process.env.VSCODE_TEST_RESULTS;
  if (!target) return;
  // The driver polls for this file, so it must never see it half written.
  const tmp = `${target}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, target);
}

type LogFn = (...args: unknown[]) => void;

/** Copies console output (and mocha's reporter output) to `file`; returns a function that undoes it. */
function teeConsole(file: string): () => void {
  const append = (args: unknown[]) => {
    try {
      fs.appendFileSync(file, `${util.format(...args)}\n`);
    } catch {
      // A lost transcript line must never fail the run.
    }
  };
  // VS Code's console forwarder defines console.* as getters with a no-op setter, so plain
  // assignment is ignored: redefine the properties, and restore the descriptors afterwards.
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const saved = methods.map((m) => Object.getOwnPropertyDescriptor(console, m));
  for (const m of methods) {
    const original = console[m] as LogFn;
    try {
      Object.defineProperty(console, m, {
        configurable: true,
        writable: true,
        value: (...args: unknown[]) => {
          append(args);
          original.apply(console, args);
        },
      });
    } catch {
      // Not redefinable: that method's output is then missing from the transcript only.
    }
  }
  // Mocha's reporters print through the console.log captured when mocha was loaded.
  const base = Mocha.reporters.Base as unknown as { consoleLog: LogFn };
  const baseLog = base.consoleLog;
  base.consoleLog = (...args) => {
    append(args);
    baseLog.apply(console, args);
  };
  return () => {
    methods.forEach((m, i) => {
      const descriptor = saved[i];
      if (descriptor) {
        try {
          Object.defineProperty(console, m, descriptor);
        } catch {
          // Left as the tee, which still forwards to the original.
        }
      }
    });
    base.consoleLog = baseLog;
  };
}

function failureOf(title: string, err: unknown): TestFailure {
  const e = err instanceof Error ? err : new Error(String(err));
  return { title, message: e.message, stack: e.stack };
}

/** The entry VS Code calls: runs every *.test.js next to this file. */
export function run(): Promise<void> {
  return runSuite(__dirname);
}

/** Runs every *.test.js in `dir` (other suites' entries call this with their own folder). */
export function runSuite(dir: string): Promise<void> {
  const resultsFile = process.env.VSCODE_TEST_RESULTS;
  const untee = resultsFile ? teeConsole(`${resultsFile}.log`) : () => {};
  console.log(`VS Code ${vscode.version} (${vscode.env.appName}, host: ${vscode.env.appHost})`);
  const results: TestResults = { vscodeVersion: vscode.version, passed: 0, failed: 0, failures: [], tests: [] };

  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000 });
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(dir, file));
  }

  const done = new Promise<void>((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        writeResults(results);
        if (failures > 0 || results.failed > 0) {
          reject(new Error(`${results.failed || failures} test(s) failed`));
        } else {
          resolve();
        }
      });
    } catch (err) {
      // A test file that throws while loading never reaches the runner: report it as a failure.
      console.error(err);
      results.failed = 1;
      results.failures.push(failureOf('loading test files', err));
      results.tests.push({ title: 'loading test files', state: 'failed' });
      writeResults(results);
      reject(err);
      return;
    }
    runner.on('pass', (test) => {
      results.passed++;
      results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
    });
    runner.on('fail', (test, err) => {
      results.failed++;
      results.failures.push(failureOf(test.fullTitle(), err));
      results.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration });
    });
  });
  return done.finally(untee);
}
