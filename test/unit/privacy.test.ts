// Notes are protected health information: the built bundles use no network API, and no error, warning or
// skip message of the CLI or the engine carries a note's text (a canary string planted in the notes).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import * as analyzeModule from '../../src/engine/analyze';
import { analyze } from '../../src/engine';
import { run as runCaptured } from './cli-helpers';

const root = path.resolve(__dirname, '../../..');

// ---------------------------------------------------------------------------
// (a) The bundles

/** Node modules that open connections, resolve names or start processes that could (curl, a browser). */
const FORBIDDEN_MODULES = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici', 'child_process', 'cluster', 'inspector']);
/** Globals and members that send data: fetch(), XHR, sockets, beacons, VS Code's telemetry logger. */
const FORBIDDEN_NAMES = new Set(['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon', 'createTelemetryLogger', 'RTCPeerConnection']);

interface BundleUse {
  modules: Map<string, number>;
  /** require()/import() of a computed name: could load anything. */
  dynamicLoads: string[];
  names: string[];
}

/** Reads a bundle's syntax tree (not its text: URLs in comments and strings are not network use). */
function usesOf(file: string): BundleUse {
  const code = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const uses: BundleUse = { modules: new Map(), dynamicLoads: [], names: [] };
  const where = (node: ts.Node) => {
    const start = node.getStart(source);
    return `${path.basename(file)}:${source.getLineAndCharacterOfPosition(start).line + 1}: ${code.slice(Math.max(0, start - 30), start + 50).replace(/\s+/g, ' ')}`;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const loads = (ts.isIdentifier(callee) && /^_*require$/.test(callee.text)) || callee.kind === ts.SyntaxKind.ImportKeyword;
      if (loads && node.arguments.length > 0) {
        const arg = node.arguments[0];
        if (ts.isStringLiteralLike(arg)) {
          const name = arg.text.replace(/^node:/, '');
          uses.modules.set(name, (uses.modules.get(name) ?? 0) + 1);
        } else uses.dynamicLoads.push(where(node));
      }
    }
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && FORBIDDEN_NAMES.has(node.text)) uses.names.push(where(node));
    if (ts.isStringLiteralLike(node) && FORBIDDEN_NAMES.has(node.text)) uses.names.push(where(node)); // globalThis['fetch']
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

describe('privacy: the built bundles make no network requests', function () {
  this.timeout(120_000);
  let bundles: string[] = [];

  before(() => {
    // Scan what ships: build dist/ as `npm run build` does.
    execFileSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'pipe' });
    bundles = fs.readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.js')).map((f) => path.join(root, 'dist', f));
  });

  it('builds the extension and the CLI bundles', () => {
    const names = bundles.map((b) => path.basename(b));
    assert.ok(names.includes('extension.js') && names.includes('cli.js'), names.join(', '));
  });

  it('loads no network or process module, and nothing by a computed name', () => {
    for (const bundle of bundles) {
      const uses = usesOf(bundle);
      const forbidden = [...uses.modules.keys()].filter((m) => FORBIDDEN_MODULES.has(m));
      assert.deepEqual(forbidden, [], `${path.basename(bundle)} loads ${forbidden.join(', ')} (all modules: ${[...uses.modules.keys()].join(', ')})`);
      assert.deepEqual(uses.dynamicLoads, [], `${path.basename(bundle)} loads modules by computed name`);
    }
  });

  it('uses no fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon or telemetry logger', () => {
    for (const bundle of bundles) assert.deepEqual(usesOf(bundle).names, [], path.basename(bundle));
  });

  it('finds network use when it is there (the scanner works)', () => {
    const probe = path.join(os.tmpdir(), `hn-probe-${process.pid}.js`);
    fs.writeFileSync(probe, `// fetch("https://example.invalid") in a comment is fine\nconst u = "https://example.invalid/fetch";\nconst h = require("node:https"); fetch(u); new XMLHttpRequest(); navigator.sendBeacon(u); require(u);`);
    try {
      const uses = usesOf(probe);
      assert.deepEqual([...uses.modules.keys()], ['https']);
      assert.equal(uses.dynamicLoads.length, 1);
      assert.equal(uses.names.length, 3);
    } finally {
      fs.rmSync(probe, { force: true });
    }
  });
});

// ---------------------------------------------------------------------------
// (b) The canary

const CANARY = 'CANARY-7f3a9';
const CANARY_RE = /canary-7f3a9|7f3a9/i;

/** A note with the canary wherever text can be: headers, sentences, placeholders, an override line, the profile line. */
const CANARY_NOTE = [
  `Visit type: ${CANARY}`,
  `CHIEF COMPLAINT: ${CANARY} cough.`,
  `HPI: ${CANARY} is a 54-year-old man. He thinks it is ${CANARY}. She is worried it is ${CANARY}.`,
  `${CANARY}: <${CANARY}> [ ] ***`,
  `[Healing Notes: ${CANARY} discussed, not documented — ${CANARY} asked to wait]`,
  `[Healing Notes: explain.hopes discussed, not documented — ${CANARY} reason]`,
  `ASSESSMENT: ${CANARY}.`,
  'PLAN:',
  '',
].join('\n');

function run(args: string[], options: { cwd?: string; stdin?: Buffer } = {}) {
  return runCaptured(args, { cwd: options.cwd, readStdin: () => options.stdin ?? Buffer.alloc(0) });
}

describe('privacy: no note text in messages (canary)', function () {
  this.timeout(60_000);
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-privacy-'));
    fs.writeFileSync(file('canary.note'), CANARY_NOTE);
    fs.writeFileSync(file('canary-crlf.note'), CANARY_NOTE.replace(/\n/g, '\r\n'));
    fs.writeFileSync(file('canary-utf16.note'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CANARY_NOTE, 'utf16le')]));
    fs.mkdirSync(file('binary'));
    fs.writeFileSync(file('binary/canary.note'), Buffer.concat([Buffer.from(CANARY_NOTE), Buffer.from([0, 1, 2, 0]), Buffer.from(CANARY)]));
    fs.writeFileSync(file('binary/controls.note'), `${CANARY}\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008`.repeat(10));
    fs.mkdirSync(file('large'));
    fs.writeFileSync(file('large/canary.note'), `${CANARY_NOTE}\n`.repeat(Math.ceil(1_100_000 / CANARY_NOTE.length)));
    // A pack and a config that are broken: their errors may quote the pack (not a note), never a note.
    fs.writeFileSync(file('bad-pack.json'), '{ "rules": [ { "id": 42, "evidence": "(" } ] ');
    fs.mkdirSync(file('configured'));
    fs.writeFileSync(file('configured/.healingnotes.json'), '{ "rules": { "plan": "loud", "nope": "error" }, "unknown": 1 }');
    fs.writeFileSync(file('configured/canary.note'), CANARY_NOTE);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const noCanary = (what: string, text: string) => assert.doesNotMatch(text, CANARY_RE, `${what} contains note text`);

  it('CLI error, warning and skip messages (stderr) never contain note text', () => {
    const runs: [string, string[], Buffer?, string?][] = [
      ['check a note', ['check', file('canary.note')]],
      ['check CRLF and UTF-16 notes', ['check', file('canary-crlf.note'), file('canary-utf16.note')]],
      ['check a missing file', ['check', file('missing.note')]],
      ['check a folder with a binary note', ['check', file('binary')]],
      ['check a binary note as json', ['check', '--format', 'json', file('binary/canary.note')]],
      ['check an oversized note', ['check', file('large/canary.note')]],
      ['check with an unknown profile', ['check', '--profile', 'nope', file('canary.note')]],
      ['check with a bad option', ['check', '--frobnicate', file('canary.note')]],
      ['check with a bad format', ['check', '--format', 'xml', file('canary.note')]],
      ['check with a bad severity', ['check', '--min-severity', 'loud', file('canary.note')]],
      ['check with a bad rule pack', ['check', '--rules', file('bad-pack.json'), file('canary.note')]],
      ['check with a missing rule pack', ['check', '--rules', file('no-pack.json'), file('canary.note')]],
      ['check with a bad .healingnotes.json', ['check', file('configured/canary.note')], undefined, file('configured')],
      ['check a note from stdin', ['check', '-'], Buffer.from(CANARY_NOTE)],
      ['check binary stdin', ['check', '-'], Buffer.from([0x43, 0, 0x41, 0, ...Buffer.from(CANARY)])],
      ['summary', ['summary', dir]],
      ['summary --anonymize as html', ['summary', '--anonymize', '--format', 'html', dir]],
      ['unknown command', ['frobnicate', file('canary.note')]],
    ];
    for (const [what, args, stdin, cwd] of runs) {
      const { stderr } = run(args, { cwd: cwd ?? dir, stdin });
      noCanary(`stderr of '${what}'`, stderr);
    }
  });

  it('CLI reports in every format carry no note text', () => {
    for (const format of ['text', 'json', 'sarif', 'csv']) {
      const { stdout, stderr } = run(['check', '--format', format, file('canary.note'), file('binary/canary.note'), file('large/canary.note')], { cwd: dir });
      noCanary(`check --format ${format} (stdout)`, stdout);
      noCanary(`check --format ${format} (stderr)`, stderr);
    }
    for (const format of ['text', 'json', 'csv', 'html']) {
      const { stdout } = run(['summary', '--format', format, dir], { cwd: dir });
      noCanary(`summary --format ${format}`, stdout);
    }
  });

  it('the JSON report holds offsets, positions, rule ids, statuses and messages, not quotes', () => {
    const { stdout } = run(['check', '--format', 'json', file('canary.note')], { cwd: dir });
    const report = JSON.parse(stdout);
    const evidence = report.files[0].evidence[0];
    if (evidence) assert.deepEqual(Object.keys(evidence).filter((k) => typeof evidence[k] === 'string').sort(), ['ruleId', 'section', 'strength']);
    noCanary('JSON report', stdout);
  });

  it('the engine: skip reasons, messages and titles carry no note text', () => {
    const big = `${CANARY_NOTE}`.repeat(50);
    const analyses = [
      analyze(CANARY_NOTE),
      analyze(CANARY_NOTE.replace(/\n/g, '\r\n')),
      analyze(big, { maxChars: 100 }),
      analyze(`${CANARY}\u0000${CANARY}`),
      analyze(CANARY_NOTE, { profile: CANARY }),
    ];
    for (const a of analyses) {
      noCanary('skip reason', a.skipped?.reason ?? '');
      noCanary('profile', a.profile);
      for (const f of a.findings) noCanary(`finding ${f.ruleId}`, `${f.message} ${f.insertion.createSection ?? ''}`);
      for (const s of a.sections) noCanary('section title', s.kind);
    }
  });

  // An internal error's message can quote note text (a TypeError naming a property read from it).
  it('an internal error while analysing a note prints no note text', () => {
    const original = analyzeModule.analyze;
    (analyzeModule as { analyze: typeof analyze }).analyze = (text: string) => {
      const word = /CANARY-\w+/.exec(text)?.[0] ?? 'x';
      throw new TypeError(`Cannot read properties of undefined (reading '${word}')`);
    };
    try {
      const { code, stderr } = run(['check', file('canary.note')], { cwd: dir });
      assert.equal(code, 2);
      assert.match(stderr, /internal error/);
      noCanary('internal error', stderr);
    } finally {
      (analyzeModule as { analyze: typeof analyze }).analyze = original;
    }
  });
});
