import type { SectionHeaderDefinition } from '../engine/types';

/**
 * Header synonyms, lower case, without colon. Outpatient headers (Plan,
 * Subjective, Objective, Reason for visit, ROS) sit beside the inpatient ones.
 */
export const sectionHeaders: SectionHeaderDefinition[] = [
  { kind: 'visit-info', names: ['visit type', 'type of visit', 'encounter type', 'note type', 'visit', 'date of service', 'date of visit'] },
  {
    kind: 'chief-complaint',
    names: [
      'chief complaint', 'cc', 'chief complaints', 'reason for visit', 'reason for the visit', 'reason', 'reason for consultation',
      'reason for consult', 'reason for referral', 'reason for evaluation', 'presenting complaint', 'presenting problem',
      'chief complaint/reason for visit', 'chief complaint/history of present illness', 'identifying data', 'id', 'id/cc',
    ],
  },
  {
    kind: 'hpi',
    names: [
      'history of present illness', 'hpi', 'history of the present illness', 'present illness', 'history', 'interval history',
      'history of presenting illness', 'clinical history', 'brief history', 'history/physical', 'history and physical',
      'interim history', 'patient history', 'hpi/interval history', 'history of present complaint', 'patient story',
      "patient's story", 'narrative',
    ],
  },
  { kind: 'subjective', names: ['subjective', 's', 'subjective/hpi', 'subjective/history', 'patient report', 'patient perspective', "patient's perspective"] },
  { kind: 'ros', names: ['review of systems', 'ros', 'systems review', 'review of system', 'pertinent review of systems'] },
  {
    kind: 'past-history',
    names: [
      'past medical history', 'pmh', 'past history', 'medical history', 'past surgical history', 'psh', 'surgical history',
      'past medical/surgical history', 'past medical and surgical history', 'pmh/psh', 'past psychiatric history',
      'past hospitalizations', 'problem list', 'active problem list', 'immunizations', 'birth history', 'developmental history',
      'obstetric history', 'gynecologic history', 'ob/gyn history', 'past ocular history',
    ],
  },
  {
    kind: 'medications',
    names: [
      'medications', 'meds', 'current medications', 'medication', 'current meds', 'home medications', 'outpatient medications',
      'medications on admission', 'admission medications', 'discharge medications', 'medications at discharge', 'medication list',
      'current outpatient medications', 'medications prior to admission',
    ],
  },
  { kind: 'allergies', names: ['allergies', 'allergy', 'drug allergies', 'nkda', 'allergies/adverse reactions', 'medication allergies'] },
  {
    kind: 'social-history',
    names: ['social history', 'sh', 'social hx', 'social', 'psychosocial history', 'social and family history', 'family and social history', 'social/family history', 'family/social history', 'habits', 'lifestyle', 'occupational history'],
  },
  { kind: 'family-history', names: ['family history', 'fh', 'family hx', 'family medical history'] },
  {
    kind: 'physical-exam',
    names: [
      'physical examination', 'physical exam', 'pe', 'exam', 'examination', 'physical', 'vital signs', 'vitals',
      'mental status examination', 'mental status exam', 'mental status', 'mental status evaluation', 'mse', 'neurological examination', 'neurologic examination',
      'physical examination on admission', 'admission physical examination',
    ],
  },
  { kind: 'objective', names: ['objective', 'o', 'objective findings'] },
  {
    kind: 'data',
    names: [
      'labs', 'laboratory', 'laboratory data', 'laboratory studies', 'lab data', 'laboratory results', 'labs/imaging', 'data',
      'results', 'diagnostic data', 'diagnostics', 'studies', 'imaging', 'imaging studies', 'radiology', 'pertinent results',
      'diagnostic studies', 'laboratory and radiology', 'test results', 'lab results', 'ekg', 'ecg', 'x-rays', 'pathology',
    ],
  },
  { kind: 'hospital-course', names: ['hospital course', 'course', 'ed course', 'emergency department course', 'clinical course', 'course in the emergency department', 'brief hospital course', 'summary of hospital course'] },
  {
    kind: 'assessment',
    names: [
      'assessment', 'a', 'impression', 'impressions', 'diagnosis', 'diagnoses', 'clinical impression', 'working diagnosis',
      'final diagnosis', 'final diagnoses', 'discharge diagnosis', 'discharge diagnoses', 'admission diagnosis', 'admitting diagnosis',
      'differential diagnosis', 'summary', 'medical decision making', 'mdm', 'formulation', 'diagnostic impression',
      'principal diagnosis', 'secondary diagnoses', 'clinical assessment',
    ],
  },
  {
    kind: 'plan',
    names: [
      'plan', 'p', 'plans', 'plan of care', 'treatment plan', 'plan of treatment', 'recommendations', 'recommendation',
      'disposition', 'management', 'management plan', 'therapeutic plan', 'orders', 'discharge plan', 'discharge plans', 'next steps',
      'treatment', 'therapy', 'action plan', 'care plan', 'treatment recommendations', 'plan and recommendations',
    ],
  },
  {
    kind: 'assessment-plan',
    names: [
      'assessment and plan', 'assessment/plan', 'a/p', 'a and p', 'ap', 'impression and plan', 'impression/plan',
      'assessment and recommendations', 'impression and recommendations', 'assessment/recommendations',
      'impression/recommendations', 'diagnosis and plan', 'assessment & plan', 'clinical impression and plan',
      'assessment, plan', 'impression, plan', 'mdm/plan', 'summary and plan', 'plan and assessment',
      // A consultant's 'Discussion' weighs the findings and says what was decided with the patient.
      'discussion', 'discussion and plan', 'discussion/plan', 'impression and discussion', 'assessment and discussion', 'clinical discussion',
    ],
  },
  {
    kind: 'instructions',
    names: [
      'patient instructions', 'instructions', 'discharge instructions', 'patient education', 'education', 'counseling',
      'instructions given', 'patient education/counseling', 'home instructions', 'after visit summary', 'avs',
    ],
  },
  { kind: 'follow-up', names: ['follow-up', 'follow up', 'followup', 'follow-up plan', 'follow up plan', 'return', 'return visit', 'next visit', 'return precautions', 'follow-up instructions', 'follow up instructions'] },
  {
    kind: 'other',
    names: [
      'condition', 'condition on discharge', 'discharge condition', 'procedures', 'procedure', 'consultations', 'code status',
      'signed', 'attestation', 'addendum', 'time', 'cc list', 'copies to', 'referring physician', 'primary care physician', 'pcp',
    ],
  },
];
