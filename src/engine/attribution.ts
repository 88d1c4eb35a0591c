/**
 * Who a sentence speaks for: the patient (or a proxy speaking for a patient
 * who cannot: a child's parent), someone else, or nobody in particular (the
 * clinician's own assessment). Explicit reporting frames and quotations are
 * read with cheap patterns; only sentences left undecided go to compromise,
 * whose verb subjects tell "She is worried ..." from "Her mother is worried ...".
 */
import type nlpType from 'compromise';
import { wordListSource } from './vocabulary';

export type Speaker = 'patient' | 'proxy' | 'clinician' | 'other' | 'unknown';

const PATIENT = String.raw`(?:the patient|patient|pt\.?|the client|client|she|he|they|(?:mr|mrs|ms|miss)\.? [A-Z][a-z]+)`;
const REPORTING = String.raw`(?:states?|stated|reports?|reported|says|said|believes?|believed|thinks?|thought|feels?|felt|wonders?|wondered|worries|worried|understands?|understood|attributes?|attributed|describes?|described|relates?|related|knows?|knew|expresse[sd]|voice[sd]|wants?|wanted|wanting|hopes?|hoped|hoping|wish(?:es|ed|ing)?|desires?|desired|desiring|is requesting|is trying|would like|would prefer|(?:is|was|are|were|has been|have been|remains?|became|becomes|gets|got|feels|felt|seems?|appears?) (?:very |quite |extremely |somewhat |a bit |a little |really |also |still |now )?(?:worried|concerned|afraid|scared|anxious|frightened|fearful|nervous|frustrated|upset|angry|hopeful|interested|eager|reluctant|convinced|sure|certain|aware|unsure|told|informed|comfortable|willing|pleased|happy|unhappy|satisfied|dissatisfied|ready)|fears?|feared|notes?|noted|complains?|complained|admits?|admitted|endorses?|endorsed|asks?|asked|requests?|requested|prefers?|preferred|declines?|declined|refuses?|refused|agrees?|agreed|chooses?|chose|decided|elected|verbalized|verbalizes|acknowledges?|acknowledged|denies|denied|insists?|insisted|reiterates?|mentions?|mentioned|explains?|explained|tells|told|was told|has been told|had been told|is here|presents?|comes in|came in|is seeking|seeks|sought)`;

const PATIENT_FRAME = new RegExp(String.raw`(?<![A-Za-z])${PATIENT}(?:'s)?(?:\s+\S+){0,3}?\s+${REPORTING}(?![A-Za-z])`, 'i');
const PATIENT_SOURCE = /(?<![A-Za-z])(?:per (?:the )?(?:patient|pt)|according to (?:the )?(?:patient|pt|her|him)|in (?:her|his|their) (?:own )?words|(?:patient|pt|her|his|their)(?:'s)? (?:own |main |biggest |greatest |chief |primary )?(?:words|perspective|understanding|beliefs?|explanation|theory|view|concerns?|worry|worries|fears?|goals?|hopes?|wish(?:es)?|expectations?|preferences?|priorit(?:y|ies)|request))(?![A-Za-z])/i;
const CLINICIAN_FRAME = /^(?:i|we)\b|(?<![A-Za-z])(?:i|we) (?:would like|want|wish|hope|feel|think|believe|am|are|was|were|have|had|will|discussed|explained|reviewed|told|advised|recommended|agree)(?![A-Za-z])/i;
const QUOTATION = /["“][^"”\n]{3,}["”]/;
const MENTIONS_PATIENT = new RegExp(String.raw`(?<![A-Za-z])${PATIENT}(?![A-Za-z])`, 'i');
const PATIENT_SUBJECT = new RegExp(String.raw`^${PATIENT}$`, 'i');

let nlp: typeof nlpType | undefined;
function compromise(): typeof nlpType {
  // Loaded on first need, never on the extension's activation path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  nlp ??= require('compromise') as typeof nlpType;
  return nlp;
}

const subjectCache = new Map<string, string>();
const SUBJECT_CACHE_LIMIT = 5000;

/** The subject of the sentence's first verb, as compromise reads it. */
function firstSubject(sentence: string): string {
  const cached = subjectCache.get(sentence);
  if (cached !== undefined) return cached;
  let subject = '';
  try {
    subject = compromise()(sentence).verbs(0).subjects().text().trim();
  } catch {
    subject = '';
  }
  if (subjectCache.size >= SUBJECT_CACHE_LIMIT) subjectCache.clear();
  subjectCache.set(sentence, subject);
  return subject;
}

/** Reads who sentences speak for, knowing the pack's relatives (`vocabulary.relatives`). */
export class Attribution {
  private readonly proxyFrame: RegExp;
  private readonly openingSubject: RegExp;
  private readonly mentionsRelative: RegExp;
  private readonly relativeSubject: RegExp;

  constructor(relatives: readonly string[]) {
    const RELATIVE = String.raw`(?:(?:her|his|their|the|patient's|pt's) )?${wordListSource(relatives)}`;
    this.proxyFrame = new RegExp(String.raw`(?<![A-Za-z])${RELATIVE}(?:\s+\S+){0,2}?\s+${REPORTING}(?![A-Za-z])|per (?:the )?${RELATIVE}|according to (?:the )?${RELATIVE}`, 'i');
    this.openingSubject = new RegExp(
      String.raw`^[^A-Za-z]*(?:(?:then|now|today|currently|also|however|otherwise|since then|at this time|at present)[, ]+)?(?:(${PATIENT})|(${RELATIVE})|(i|we))\s+(?!(?:and|or|&)\s)(?:[a-z]+ly\s+)?(?:is|was|are|were|has|had|have|does|did|do|will|would|can|could|should|may|might|must|feels?|felt|states?|stated|says|said|reports?|reported|notes?|noted|thinks?|thought|believes?|believed|wants?|wanted|hopes?|hoped|worries|worried|denies|denied|complains?|complained|presents?|presented|describes?|described|admits?|admitted|endorses?|endorsed|recalls?|recalled|knows?|knew|understands?|understood|agrees?|agreed|declines?|declined|wishes|wished|would|[a-z]+(?:s|ed))(?![A-Za-z])`,
      'i',
    );
    this.mentionsRelative = new RegExp(String.raw`(?<![A-Za-z])${RELATIVE}(?![A-Za-z])`, 'i');
    this.relativeSubject = new RegExp(String.raw`^${RELATIVE}$`, 'i');
  }

  /**
   * Who `sentence` speaks for. `proxyIsPatient` is true when a parent or
   * caregiver speaks for the patient (a child, a patient who cannot speak).
   */
  speakerOf(sentence: string, proxyIsPatient: boolean): Speaker {
    const proxy: Speaker = proxyIsPatient ? 'proxy' : 'other';
    const patientFrame = PATIENT_FRAME.exec(sentence);
    const proxyFrame = this.proxyFrame.exec(sentence);
    // The earlier frame governs: "She says her husband is worried" speaks for her.
    if (patientFrame && (!proxyFrame || patientFrame.index <= proxyFrame.index)) return 'patient';
    if (proxyFrame) return proxy;
    if (CLINICIAN_FRAME.test(sentence)) return 'clinician';
    if (PATIENT_SOURCE.test(sentence) || QUOTATION.test(sentence)) return 'patient';
    // Most sentences name their subject first; compromise is only asked about the rest.
    const opening = this.openingSubject.exec(sentence);
    if (opening) {
      if (opening[1]) return 'patient';
      if (opening[2]) return proxy;
      return 'clinician';
    }
    // Only a sentence that names both the patient and someone else, with no frame to tell who
    // speaks, needs its grammatical subject; compromise reads it ("Despite the pain, she walks her mother's dog").
    if (!(MENTIONS_PATIENT.test(sentence) && this.mentionsRelative.test(sentence))) return 'unknown';
    const subject = firstSubject(sentence);
    if (PATIENT_SUBJECT.test(subject)) return 'patient';
    if (this.relativeSubject.test(subject)) return proxy;
    return 'unknown';
  }
}

/** True when a parent or caregiver may speak for the patient: a child, or a patient who cannot give a history. */
export function proxySpeaksForPatient(text: string): boolean {
  const opening = text.slice(0, 3000);
  return (
    /\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)[- ](?:day|week|month)s?[- ]old\b/i.test(opening) ||
    /\b(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)[- ]years?[- ]old\b/i.test(opening) ||
    /\b(?:infant|newborn|neonate|toddler|baby boy|baby girl|child|pediatric)\b/i.test(opening) ||
    /\b(?:nonverbal|non-verbal|intubated|aphasic|unresponsive|obtunded|severe dementia|unable to (?:give|provide) (?:a )?history)\b/i.test(opening)
  );
}
