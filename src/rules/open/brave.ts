import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION, WORDS } from '../vocabulary';

const RAISED = String.raw`(?:discussed|discussion|discussing|talked about|talked through|talked with (?:her|him|them) about|reviewed|explained|addressed|raised|broached|conversation (?:about|regarding)|told (?:her|him|them|the patient|the family|the parents)|informed (?:her|him|them|the patient|the family|the parents))`;
const HARD = String.raw`(?:prognosis|life expectancy|end[- ]of[- ]life|goals of care|advance (?:care planning|directives?)|code status|dnr|do not resuscitate|resuscitation|hospice|palliative|comfort care|dying|terminal|incurable|not curable|survival|serious illness|limited time|bad news|what matters most|possibility ${WORDS(3)}(?:residual|recurrent|metastatic) (?:cancer|disease|tumou?r)|(?:critical|grave|guarded|life[- ]threatening) (?:condition|illness|prognosis)|condition ${WORDS(2)}(?:critical|grave|life[- ]threatening))`;
const SUBSTANCE = String.raw`(?:smoking cessation|(?:quit|stop|stopping|quitting|cut(?:ting)? (?:back|down)(?: on)?) (?:smoking|drinking|alcohol|tobacco|vaping|cigarettes|drugs|opioids|cannabis|marijuana)|tobacco|smoking|cigarettes?|vaping|alcohol|drinking|substance use|drug use|illicit drugs|opioid use|cannabis|marijuana|cocaine|methamphetamine|heroin|naloxone|narcan)`;
const ABUSE = String.raw`(?:physical|sexual|emotional|verbal|domestic|child|elder|intimate partner) (?:abuse|violence|assault)|domestic violence|intimate partner violence|(?:physically|sexually|emotionally|verbally) abusive|abusive (?:childhood|relationship|partner|husband|wife|boyfriend|girlfriend|marriage|home|parents?|father|mother|stepfather)|(?:was|been|being) (?:sexually |physically )?(?:abused|assaulted|raped|molested)|(?:childhood|sexual|complex|developmental) trauma|human trafficking|trafficked`;

export const brave: Rule = {
  id: 'open.brave',
  title: 'Hard topics raised',
  skill: 'Be open',
  behavior: 'Be brave',
  level: 'supporting',
  severity: 'hint',
  message: 'No hard topic recorded as raised (prognosis, end of life, abuse, substance use) in {section}',
  rationale:
    'Healers raise what is hard to talk about (how much time is left, what is happening at home, the drinking) because avoiding it leaves the patient alone with it. The note records that the conversation happened.',
  counts:
    'A hard topic raised with the patient or family: prognosis, goals of care, code status, hospice, a serious or critical condition explained; abuse or violence disclosed; counseling about tobacco, alcohol or drugs ("counseled on smoking cessation", "urged him to stop drinking"). Asking about substance use in the social history, "prognosis not discussed", and "will discuss goals of care next visit" do not count.',
  evidence: [
    {
      pattern: String.raw`${RAISED} ${WORDS(8)}${HARD}|(?:prognosis|goals of care|advance (?:care planning|directives?)|code status|end[- ]of[- ]life (?:care|wishes|planning)|hospice|palliative care|dnr|polst|molst) ${WORDS(4)}(?:was |were )?(?:discussed|reviewed|addressed|explained|completed|signed|confirmed|established|revisited|readdressed)|(?:advance directive|polst|molst|living will|health care proxy|healthcare power of attorney) ${WORDS(3)}(?:completed|signed|reviewed|discussed|updated)|serious illness conversation|goals[- ]of[- ]care (?:conversation|discussion|meeting)|(?:breaking|broke|delivered|shared) (?:the )?(?:bad |difficult |hard )?news|(?:understands?|understood|aware of) (?:the )?(?:probability|possibility|likelihood|chance|risk) ${WORDS(4)}(?:residual|recurrent|metastatic|incurable) (?:cancer|disease|tumou?r)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
    },
    {
      pattern: String.raw`(?:counsel(?:l)?ed|counsel(?:l)?ing|advised|educated|encouraged|urged|brief intervention|motivational interviewing) ${WORDS(8)}${SUBSTANCE}|(?:smoking|tobacco|alcohol|substance(?: use)?|drug) (?:cessation )?counsel(?:l)?ing|(?:smoking|tobacco|nicotine|alcohol|drinking|vaping|opioid|drug|substance) (?:use )?(?:cessation|reduction|abstinence) ${WORDS(2)}(?:was |were )?(?:discussed|addressed|encouraged|advised|recommended|reviewed|offered)|(?:discussed|addressed|encouraged|advised|recommended|reviewed|offered) ${WORDS(3)}(?:smoking|tobacco|nicotine|alcohol|drinking|vaping|opioid|drug|substance) (?:use )?(?:cessation|reduction|abstinence)|(?:naloxone|narcan) ${WORDS(3)}(?:prescribed|provided|given|offered|dispensed)|(?:stay away from|avoid|abstain from|abstinence from) (?:alcohol|drugs|drinking|smoking|tobacco)|(?:tobacco|smoking|alcohol|substance|opioid)(?: use)? disorder\.?\s+(?:the )?(?:patient|she|he) (?:has been|was) counsel(?:l)?ed`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      // Alcohol advice that belongs to a medication is a drug instruction, not a hard conversation.
      unless: String.raw`(?:alcohol|drinking|etoh) ${WORDS(3)}(?:while|with|during|on) (?:taking |on |using )?(?:flagyl|metronidazole|tinidazole|this medication|these medications|the medication|this medicine|antibiotics?|tylenol|acetaminophen|narcotics|opioids|pain medications?|benzodiazepines|sedation|disulfiram)|(?:alcohol|etoh) (?:swabs?|wipes?|prep|pads?)`,
    },
    {
      // Abuse is disclosed history, done by someone else: historical and other-person context still count,
      // and so does the past history, where a disclosure is often written.
      pattern: ABUSE,
      notSections: [...NOT_CONVERSATION.filter((kind) => kind !== 'past-history'), 'ros'],
      allowContext: ['historical', 'other-experiencer'],
    },
  ],
  prompt: {
    label: 'Hard topic',
    snippet: '${1:<the topic raised>}; ${2:<what was said, and the response>}',
    sections: ['assessment-plan', 'plan', 'instructions'],
    createSection: 'PLAN',
    createAfter: ['assessment', 'data', 'physical-exam', 'objective', 'hpi', 'subjective'],
  },
  examples: {
    documented: [
      'A/P: Metastatic pancreatic cancer. Discussed prognosis with her and her partner today; she wants to focus on time at home.',
      'PLAN: Counseled for 5 minutes on smoking cessation; he will set a quit date.',
      'HPI: She disclosed that her partner has been physically abusive for two years.',
      'PLAN: With his liver disease, I urged him to give up drinking completely.',
      'IMPRESSION: Explained to the family in detail that his condition is critical.',
    ],
    missing: [
      'SOCIAL HISTORY: Never smoked; no alcohol or drugs.',
      'PLAN: Prognosis not discussed today.',
      'PLAN: Will discuss goals of care at the next visit.',
      'PLAN: Metronidazole 500 mg three times daily; avoid alcohol while on Flagyl.',
      'HPI: Denies domestic violence.',
      'PLAN: Discussed prognosis with <whom, and what was said>.',
    ],
  },
};
