import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION, WORDS } from '../vocabulary';


export const selfHealing: Rule = {
  id: 'authority.self-healing',
  title: "Patient's own efforts supported",
  skill: 'Share authority',
  behavior: "Support patients' efforts to heal themselves",
  level: 'supporting',
  severity: 'hint',
  message: "No support recorded for the patient's own self-management in {section}",
  rationale:
    'Most healing happens between visits, in what patients do for themselves. Healers notice and support those efforts (the walking, the diary, the changes already made) and give patients the tools to manage at home.',
  counts:
    'Self-management supported: the patient\'s own efforts acknowledged ("praised her for cutting out soda", "congratulated him on quitting"), tools for managing at home (a symptom or blood pressure diary, an action plan, a home exercise program, self-catheterization, a seizure rescue plan reviewed with the family), goals the patient set. "Does not keep a log" does not count.',
  evidence: [
    {
      // Tools for managing at home.
      pattern: String.raw`self[- ](?:management|care|monitoring|monitor|catheteriz\w+|cath|injections?|exams?|examinations?|titrat\w+|efficacy|help)|(?:home|self) (?:blood pressure|bp|glucose|blood sugar|sugar|peak flow|weight) (?:monitoring|checks?|readings|logs?|diary|measurements)|(?:blood pressure|bp|glucose|blood sugar|sugar|symptom|headache|migraine|pain|food|sleep|bladder|voiding|seizure|mood|weight|activity) (?:log|diary|journal|calendar|tracker)|(?:keep|keeps|keeping|kept|make|makes|start|bring|brings|brought|continue) (?:a |her |his |their )?(?:[^\s.;:!?]+ )?(?:log|diary|journal)|(?:checks?|checking|monitors?|monitoring|tracks?|tracking|records?|recording) (?:her|his|their) (?:[^\s.;:!?]+ )?(?:sugars?|glucose|blood pressures?|bp|weights?|peak flows?|symptoms|headaches) (?:at home|daily|twice|every|each)|(?:asthma|seizure|copd|sick[- ]day|heart failure|diabetes|pain|crisis|rescue|written) action plan|action plan (?:was |were )?(?:given|reviewed|updated|completed|provided)|home (?:exercise )?program|home exercises?|(?:exercise|stretching|walking|breathing|relaxation|strengthening) (?:program|routine|plan|exercises)|(?:diabetes|dsme|self-management) (?:education|class(?:es)?|program)|(?:reviewed|taught|went over|explained) (?:the )?(?:[^\s.;:!?]+ )?(?:protocol|rescue plan|emergency plan|seizure plan|sick[- ]day rules) (?:with|to)|(?:taught|teaching|instructed|trained|training|educated|education) ${WORDS(4)}(?:how to|to) (?:use (?:her|his|their|the) (?:inhaler|glucometer|meter|pen|spacer|nebulizer|epipen|epi-?pen)|check (?:her|his|their) (?:blood|sugar|sugars|glucose|bp|pressure|feet|peak flow)|inject|recognize|manage|adjust|titrate|monitor)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      // Self-care as a functional status (ADLs) is not self-management.
      unless: String.raw`self[- ]care (?:deficit|independent|dependent|needs)|(?:independent|dependent|assist(?:ance)?|needs help) ${WORDS(3)}self[- ]care|adls?`,
    },
    {
      // The patient's own efforts, seen and supported.
      pattern: String.raw`(?:praised|commended|congratulated|complimented|applauded|affirmed|acknowledged|recognized) ${WORDS(3)}(?:her|his|their|the patient's|patient's|for) ${WORDS(2)}(?:efforts?|progress|work|success|commitment|dedication|weight loss|quitting|hard work|adherence|changes|improvement)|(?:doing|done|did) (?:a )?(?:great|good|excellent|wonderful|fantastic|terrific) job|(?:encouraged|support(?:ed)?|reinforced) ${WORDS(3)}(?:to continue (?:her|his|their)|in (?:her|his|their) (?:efforts?|plan|goal)|(?:her|his|their) (?:own )?(?:efforts?|plan|goals?|choice|decision to))|(?:continue|keep up) ${WORDS(2)}(?:her|his|their) (?:current |excellent |good |own )?(?:efforts?|exercise|walking|diet|work|program|routine|lifestyle changes)|(?:she|he|they|patient|the patient) (?:is|are|has been|have been) (?:already |currently |actively )?(?:working on|committed to|making|trying to) ${WORDS(2)}(?:diet|exercise|weight|lifestyle|changes|habits|quit|lose|cut|walk|stop)|(?:her|his|their) own (?:strategies|methods|approach|plan|goals?|efforts?|ideas?)|(?:has found|finds|found) (?:that )?${WORDS(6)}(?:helps?|helpful|relieves?|works? (?:well|best))|(?:set|agreed on|chose|identified) (?:a |her |his |their |own )?(?:[^\s.;:!?]+ )?(?:goals?|target) (?:of|to)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
    },
  ],
  prompt: {
    label: 'Self-management',
    snippet: "${1:<the patient's own efforts, and how the plan supports them>}",
    sections: ['plan', 'assessment-plan', 'instructions'],
    createSection: 'PLAN',
    createAfter: ['assessment', 'data', 'physical-exam', 'objective', 'hpi', 'subjective'],
  },
  examples: {
    documented: [
      'PLAN: She has cut out soda and walks after dinner; praised her for the progress, and she will keep it up.',
      'PLAN: Keep a headache diary to find food triggers; bring it to the next visit.',
      'A/P: Reviewed the seizure rescue plan with the parents, who can give the rectal diazepam at home.',
      'HPI: He has found that a warm shower each morning helps the stiffness more than the pills.',
    ],
    missing: [
      'PLAN: Start lisinopril 10 mg daily.',
      'HPI: Hoping for a pregnancy; no success in the past half year.',
      'HPI: He does not keep a blood pressure log.',
      'HPI: Her husband is working on his diet.',
      'PLAN: Self-management: <the patient\'s own strategy>.',
      'HPI: Independent with self-care at home.',
    ],
  },
};
