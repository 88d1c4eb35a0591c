import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { formatSarif } from '../../src/cli/formatters/sarif';
import { defaultPack } from '../../src/engine';
import { NOTES, REPO_ROOT, run, tempDir, writeNotes } from './cli-helpers';

// The SARIF 2.1.0 schema, vendored (no network at test time): see test/fixtures/sarif/README.md.
const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));

function validator() {
  // The schema's `language` pattern has a stray `]` (a known erratum, also in the OASIS copy); it is a
  // valid regular expression only without the `u` flag, so Ajv compiles patterns without it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(SCHEMA);
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: Record<string, any>[] } };
    results: Record<string, any>[];
    artifacts: { location: { uri: string } }[];
    invocations: Record<string, any>[];
  }[];
}

describe('cli check --format sarif', () => {
  let dir: string;
  let log: SarifLog;
  const validate = validator();

  before(() => {
    dir = tempDir();
    writeNotes(dir, {
      'clinic/no plan.note': NOTES.noPlan,
      'clinic/with-plan.note': NOTES.withPlan,
      'clinic/scan.note': Buffer.from([1, 2, 0, 0, 3]),
      'crlf.note': NOTES.noPlan.replace(/\n/g, '\r\n'),
    });
    const out = run(['check', '--format', 'sarif', '.'], { cwd: dir });
    assert.equal(out.code, 1);
    log = JSON.parse(out.stdout);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is valid against the SARIF 2.1.0 schema', () => {
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
  });

  it('rejects an invalid log (the validator is live)', () => {
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(broken), false);
  });

  it("carries every rule's metadata", () => {
    const rules = log.runs[0].tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), defaultPack.rules.map((r) => r.id));
    for (const [i, rule] of defaultPack.rules.entries()) {
      const meta = rules[i];
      assert.match(meta.name, /^[A-Z][A-Za-z0-9]*$/, 'a readable PascalCase name');
      assert.ok(meta.shortDescription.text.length > 0);
      assert.equal(meta.fullDescription.text, rule.rationale);
      assert.ok(meta.help.text.includes(rule.counts));
      assert.ok(['error', 'warning', 'note', 'none'].includes(meta.defaultConfiguration.level));
      assert.equal(meta.properties.skill, rule.skill);
      assert.equal(meta.properties.behavior, rule.behavior);
    }
    const plan = rules.find((r) => r.id === 'plan')!;
    assert.equal(plan.name, 'RecordedPlan');
    assert.equal(plan.defaultConfiguration.level, 'error');
  });

  it('gives results 1-based regions in files relative to %SRCROOT%', () => {
    const run0 = log.runs[0];
    const plans = run0.results.filter((r) => r.ruleId === 'plan');
    assert.equal(plans.length, 2);
    for (const result of plans) {
      assert.equal(result.level, 'error');
      assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'plan');
      const location = result.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.equal(location.region.startLine, 3);
      assert.ok(location.region.startColumn >= 1);
      assert.ok(location.region.endColumn >= location.region.startColumn);
    }
    const uris = plans.map((r) => r.locations[0].physicalLocation.artifactLocation.uri).sort();
    assert.deepEqual(uris, ['clinic/no%20plan.note', 'crlf.note']);
    assert.equal(run0.results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'clinic/with-plan.note' && r.level === 'error').length, 0);
  });

  it('reports skipped files as tool notifications, not results', () => {
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    assert.equal(notes.length, 1);
    assert.match(notes[0].message.text, /binary/);
    assert.equal(notes[0].locations[0].physicalLocation.artifactLocation.uri, 'clinic/scan.note');
  });

  it('is valid with no results, from stdin, and with files outside the working folder', () => {
    const other = tempDir('hn-out-');
    try {
      writeNotes(other, { 'x.note': NOTES.noPlan });
      for (const [args, io] of [
        [['check', '--format', 'sarif', path.join(dir, 'clinic/with-plan.note'), '--min-severity', 'error'], {}],
        [['check', '--format', 'sarif', '-'], { readStdin: () => Buffer.from(NOTES.noPlan) }],
        [['check', '--format', 'sarif', path.join(other, 'x.note')], { cwd: dir }],
      ] as const) {
        const sarif = JSON.parse(run([...args], io).stdout);
        assert.ok(validate(sarif), JSON.stringify(validate.errors));
      }
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('marks the run unsuccessful when a file could not be read', () => {
    const sarif = JSON.parse(
      formatSarif([], defaultPack, { cwd: dir, version: '1.2.3', notices: [{ message: "cannot read 'x.note': permission denied", level: 'error' }] }),
    );
    assert.ok(validate(structuredClone(sarif)), JSON.stringify(validate.errors));
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
    assert.equal(sarif.runs[0].invocations[0].toolExecutionNotifications[0].level, 'error');
    assert.equal(sarif.runs[0].tool.driver.semanticVersion, '1.2.3');
  });
});
