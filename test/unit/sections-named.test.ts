import * as assert from 'node:assert/strict';
import { defaultPack } from '../../src/engine';
import { compilePack } from '../../src/engine/compile';
import { findSections } from '../../src/engine/sections';

const kinds = (text: string) => findSections(text, compilePack(defaultPack).headers).map((s) => `${s.title}=${s.kind}`);

describe('sections: unknown labels named after a plan-like one', () => {
  it('reads a longer label that names a plan-like section as that section', () => {
    const text = 'HISTORY OF PRESENT ILLNESS: Cough.\nPHYSICAL EXAMINATION: Clear lungs.\nER COURSE: Nebulizer given.\nEQUIPMENT RECOMMENDATION: A walker.\nINSTRUCTIONS FOR HOME CARE: Rest.\n';
    assert.deepEqual(kinds(text), [
      'HISTORY OF PRESENT ILLNESS=hpi',
      'PHYSICAL EXAMINATION=physical-exam',
      'ER COURSE=hospital-course',
      'EQUIPMENT RECOMMENDATION=plan',
      'INSTRUCTIONS FOR HOME CARE=instructions',
    ]);
  });

  it('keeps other unknown labels as sub-headings of the section they sit in', () => {
    const text = 'HISTORY OF PRESENT ILLNESS: Back pain.\nPAIN ASSESSMENT: Aching, 6 of 10.\nHEENT: Normal.\n';
    assert.deepEqual(kinds(text), ['HISTORY OF PRESENT ILLNESS=hpi', 'PAIN ASSESSMENT=hpi', 'HEENT=hpi']);
  });
});
