import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { defaultPack } from '../../src/engine';
import { packSchema, packSchemaText, validatePack } from '../../src/engine/pack';
import { interpreterRule } from './pack-helpers';

const root = path.resolve(__dirname, '../../..');
const schemaFile = path.join(root, 'schema/healingnotes.schema.json');

function ajvValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  // VS Code's own schema keywords.
  ajv.addKeyword('enumDescriptions');
  ajv.addKeyword('patternErrorMessage');
  return ajv.compile(packSchema());
}

describe('pack schema', () => {
  it('is up to date in schema/healingnotes.schema.json (run `npm run build:schema`)', () => {
    const checkedIn = fs.readFileSync(schemaFile, 'utf8').replace(/\r\n/g, '\n');
    assert.equal(checkedIn, packSchemaText(), 'schema/healingnotes.schema.json is stale: run `npm run build:schema`');
  });

  it('is valid draft-07 and names every section, context and check kind', () => {
    const schema = packSchema();
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.doesNotThrow(ajvValidator);
    assert.ok(schema.definitions?.checkKind.enum?.includes('evidence'));
    assert.ok(schema.definitions?.sectionKind.enum?.includes('assessment-plan'));
    assert.ok(schema.definitions?.contextKind.enum?.includes('other-experiencer'));
  });

  // The loader's own validator and a standard one must agree on the shape of a pack.
  const shapes: [string, unknown, boolean][] = [
    ['an empty pack', {}, true],
    ['severity overrides', { rules: { plan: 'off', anything: 'hint' } }, true],
    ['a full custom rule', { extends: ['default', './team.json'], customRules: [interpreterRule()] }, true],
    ['sections and profiles', { sections: [{ kind: 'hpi', names: ['story'] }], profiles: [{ id: 'brief', rules: { plan: 'off' } }], profile: 'brief' }, true],
    ['a bad severity', { rules: { plan: 'warn' } }, false],
    ['an unknown top-level property', { rule: {} }, false],
    ['an unknown override field', { rules: { plan: { severty: 'off' } } }, false],
    ['a custom rule without examples', { customRules: [{ ...interpreterRule(), examples: undefined }] }, false],
    ['empty examples', { customRules: [interpreterRule({ examples: { documented: [], missing: ['x'] } })] }, false],
    ['an unknown check kind', { rules: { plan: { checks: ['evidence', 'spelling'] } } }, false],
    ['an unknown section kind', { sections: [{ kind: 'labs', names: ['labs'] }] }, false],
    ['an unknown context kind', { rules: { plan: { evidence: [{ phrases: ['x'], allowContext: ['negation'] }] } } }, false],
    ['a bad rule id', { customRules: [interpreterRule({ id: 'Clinic Rule' })] }, false],
    ['extends of the wrong type', { extends: 3 }, false],
  ];
  for (const [name, config, valid] of shapes) {
    it(`agrees with a standard validator on ${name}`, () => {
      const plain = JSON.parse(JSON.stringify(config));
      const validate = ajvValidator();
      assert.equal(validate(plain), valid, JSON.stringify(validate.errors));
      // Only the shape is compared: the loader also checks rule ids, which the schema cannot know.
      const shapeErrors = validatePack(plain, 'test.json', { ...defaultPack, rules: [...defaultPack.rules, { ...defaultPack.rules[0], id: 'anything' }] }, {
        readFile: () => '{}',
        baseDir: '/ws',
      });
      assert.equal(shapeErrors.length === 0, valid, JSON.stringify(shapeErrors));
    });
  }
});
