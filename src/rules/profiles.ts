import type { Profile } from '../engine/types';

export const profiles: Profile[] = [
  { id: 'default', description: 'Any visit note: every core element expected.' },
  {
    id: 'new-patient',
    description: 'New patient visit: the patient\'s story and goals matter most; there are no earlier plans to follow through.',
    detect: ['new patient', 'new visit', 'initial visit', 'initial consult', 'consultation', 'establish care'],
    rules: { 'committed.faithful': 'off' },
  },
  { id: 'follow-up', description: 'Follow-up visit: earlier plans followed through.', detect: ['follow-up', 'follow up', 'followup', 'return visit', 'recheck'] },
  { id: 'telehealth', description: 'Video or telephone visit.', detect: ['telehealth', 'telemedicine', 'video', 'virtual visit', 'telephone visit', 'phone visit'] },
  {
    id: 'urgent',
    description: 'Urgent care or emergency department: safety net and follow-up over life context.',
    detect: ['urgent care', 'emergency', ' ed visit', 'walk-in', 'acute visit', 'same day', 'same-day'],
    rules: { 'explain.hopes': 'information' },
  },
  {
    id: 'inpatient',
    description: 'Inpatient progress note: daily plan; follow-up is the next round.',
    detect: ['inpatient', 'progress note', 'hospital day', 'daily progress'],
    rules: { 'explain.hopes': 'information', 'committed.no-abandon': 'information' },
  },
  {
    id: 'brief',
    description: 'Brief visit (medication refill, wound check): plan and follow-up only.',
    detect: ['brief', 'refill', 'nurse visit', 'wound check', 'injection'],
    // Supporting behaviors are off in brief visits (skills.md): only plan and follow-up are expected.
    rules: {
      'explain.understanding': 'off', 'explain.fear-anger': 'off', 'explain.hopes': 'off', 'authority.permission': 'information',
      'little-things.introduce': 'off', 'little-things.greet-all': 'off', 'little-things.personable': 'off',
      'listen.interested': 'off', 'listen.present': 'off', 'open.brave': 'off', 'open.face-pain': 'off', 'open.unspoken': 'off',
      'barriers.power': 'off', 'barriers.bridges': 'off', 'barriers.safe-space': 'off', 'authority.guidance': 'off',
      'authority.self-healing': 'off', 'committed.trust': 'off', 'committed.faithful': 'off',
    },
  },
];
