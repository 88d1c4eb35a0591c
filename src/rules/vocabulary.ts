/** Phrase lists shared by several rules (regular-expression sources). */

/** Sections that hold other people's history, lists, or findings rather than what happened in this conversation. */
export const NOT_CONVERSATION = ['past-history', 'family-history', 'medications', 'allergies', 'physical-exam', 'objective', 'data'] as const;

/** Sections where this visit's decisions and arrangements are written. */
export const PLANNING_SECTIONS = ['plan', 'assessment-plan', 'assessment', 'instructions', 'follow-up', 'hospital-course', 'preamble', 'other', 'counseling'] as const;

/** Someone the patient is, or speaks through. */
export const PATIENT_WORDS = String.raw`(?:the patient|patient|pt|she|he|they|parents?|mother|father|mom|dad|family|caregiver|guardian)`;

/** Numbers as clinicians write them. */
export const NUMBER = String.raw`(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of|a|an)`;

export const INTERVAL = String.raw`(?:${NUMBER}(?:\s*(?:-|to)\s*${NUMBER})?\s*(?:days?|weeks?|wks?|months?|mos?|years?|yrs?|week\s*\(s\)|month\s*\(s\))|(?:a|one|the next) (?:day|week|month|year)|tomorrow|next week|next month)`;
