// The language server's settings: the `healingNotes` section the extension contributes, with the same defaults.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, sectionOf, settingsFrom } from '../../src/lsp/settings';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));

describe('language server settings', () => {
  it("has the extension's defaults (package.json contributes.configuration)", () => {
    const properties = manifest.contributes.configuration.properties;
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) assert.deepEqual(value, properties[`healingNotes.${key}`].default, key);
    assert.deepEqual(settingsFrom(undefined), DEFAULT_SETTINGS);
  });

  it('reads the section as clients send it: nested, under its name, or as dotted keys', () => {
    assert.deepEqual(sectionOf({ healingNotes: { profile: 'brief' } }), { profile: 'brief' });
    assert.deepEqual(sectionOf({ 'healingNotes.profile': 'brief', 'other.x': 1 }), { profile: 'brief' });
    assert.equal(sectionOf({ other: {} }), undefined);
    assert.equal(sectionOf('healingNotes'), undefined);
  });

  it('keeps the default for a value of the wrong kind', () => {
    const settings = settingsFrom({ enable: 'yes', run: 'sometimes', debounceMs: -5, maxNoteSizeKB: 'big', profile: '', rules: [] });
    assert.deepEqual(settings, { ...DEFAULT_SETTINGS, debounceMs: 0 });
    assert.deepEqual(settingsFrom({ rules: { rules: { plan: 'off' } }, run: 'onSave' }).rules, { rules: { plan: 'off' } });
  });
});
