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

describe('sections: unknown labels that name a history', () => {
  it('starts a history at a label about the past or a history, rather than continuing a plan', () => {
    const text = 'ASSESSMENT AND PLAN: Start sertraline.\nPAST TREATMENT AND MEDICATIONS: Tried two pills.\nFAMILY PSYCHIATRIC HISTORY: An uncle with mood swings.\nDRUG AND ALCOHOL HISTORY: None.\nSCHOOL: Likes art.\n';
    assert.deepEqual(kinds(text), [
      'ASSESSMENT AND PLAN=assessment-plan',
      'PAST TREATMENT AND MEDICATIONS=past-history',
      'FAMILY PSYCHIATRIC HISTORY=family-history',
      'DRUG AND ALCOHOL HISTORY=social-history',
      'SCHOOL=social-history',
    ]);
  });

  it('keeps a label about the patient\'s own past inside the story of the illness', () => {
    const text = 'HISTORY OF PRESENT ILLNESS: Back pain for a month.\nPRIOR TREATMENT: Heat and rest.\nPLAN: Physical therapy.\n';
    assert.deepEqual(kinds(text), ['HISTORY OF PRESENT ILLNESS=hpi', 'PRIOR TREATMENT=hpi', 'PLAN=plan']);
  });
});
