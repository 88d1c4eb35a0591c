/**
 * Who a sentence speaks for: the patient (or a proxy speaking for a patient
 * who cannot: a child's parent), someone else, or nobody in particular (the
 * clinician's own assessment). Explicit reporting frames and quotations are
 * read with cheap patterns; only sentences left undecided go to compromise,
 * whose verb subjects tell "She is worried ..." from "Her mother is worried ...".
 */
import type nlpType from 'compromise';
import { compact, wordListSource } from './vocabulary';

/**
 * Compacted like the pack's patterns (see compact): the frames below put long lists after
 * alternations, which V8 would otherwise compile again per branch (700 KB of bytecode, compiled
 * on the first note, against 190 KB). Matches are the same.
 */
const rx = (source: string, flags: string) => new RegExp(compact(source), flags);

export type Speaker = 'patient' | 'proxy' | 'clinician' | 'other' | 'unknown';

const PATIENT = String.raw`(?:the patient|patient|pt\.?|the client|client|she|he|they|(?:mr|mrs|ms|miss)\.? [A-Z][a-z]+)`;
const REPORTING = String.raw`(?:states?|stated|reports?|reported|says|said|believes?|believed|thinks?|thought|feels?|felt|wonders?|wondered|worries|worried|understands?|understood|attributes?|attributed|describes?|described|relates?|related|knows?|knew|expresse[sd]|voice[sd]|wants?|wanted|wanting|hopes?|hoped|hoping|wish(?:es|ed|ing)?|desires?|desired|desiring|is requesting|is trying|would like|would prefer|(?:is|was|are|were|has been|have been|remains?|became|becomes|gets|got|feels|felt|seems?|appears?) (?:very |quite |extremely |somewhat |a bit |a little |really |also |still |now |not )?(?:worried|concerned|afraid|scared|anxious|frightened|fearful|nervous|frustrated|upset|angry|hopeful|interested|eager|reluctant|convinced|sure|certain|aware|unsure|told|informed|comfortable|willing|pleased|happy|unhappy|satisfied|dissatisfied|ready)|fears?|feared|notes?|noted|complains?|complained|admits?|admitted|endorses?|endorsed|asks?|asked|requests?|requested|prefers?|preferred|declines?|declined|refuses?|refused|agrees?|agreed|chooses?|chose|decided|elected|verbalized|verbalizes|acknowledges?|acknowledged|denies|denied|insists?|insisted|reiterates?|mentions?|mentioned|explains?|explained|tells|told|was told|has been told|had been told|is here|presents?|comes in|came in|is seeking|seeks|sought)`;

const PATIENT_FRAME = rx(String.raw`(?<![A-Za-z])${PATIENT}(?:'s)?(?:\s+\S+){0,3}?\s+${REPORTING}(?![A-Za-z])`, 'i');
const PATIENT_SOURCE = rx(String.raw`(?<![A-Za-z])(?:per (?:the )?(?:patient|pt)|according to (?:the )?(?:patient|pt|her|him)|in (?:her|his|their) (?:own )?words|(?:patient|pt|her|his|their)(?:'s)? (?:own |main |biggest |greatest |chief |primary )?(?:words|perspective|understanding|beliefs?|explanation|theory|view|concerns?|worry|worries|fears?|goals?|hopes?|wish(?:es)?|expectations?|preferences?|priorit(?:y|ies)|request))(?![A-Za-z])`, 'i');
const CLINICIAN_FRAME = /^(?:i|we)\b|(?<![A-Za-z])(?:i|we) (?:would like|want|wish|hope|feel|think|believe|am|are|was|were|have|had|will|discussed|explained|reviewed|told|advised|recommended|agree)(?![A-Za-z])/i;
// Quoted speech, or a sentence that opens a quotation the next sentence closes.
const QUOTATION = /["“][^"”\n]{3,}["”]|^[^A-Za-z"“]*["“][^"”\n]{3,}$/;
// A quoted passage, or one still open at the sentence's end: the words of whoever is quoted.
const QUOTED = /["“][^"”\n]*(?:["”]|$)/g;
/** The sentence with its quoted words blanked: an "I" inside quotation marks is not the clinician's ("I want my life back"). */
function unquoted(sentence: string): string {
  return sentence.includes('"') || sentence.includes('“') ? sentence.replace(QUOTED, (q) => ' '.repeat(q.length)) : sentence;
}
const PATIENT_FRAME_AT_START = rx(String.raw`^[^A-Za-z]*${PATIENT}(?:'s)?(?:\s+\S+){0,3}?\s+${REPORTING}(?![A-Za-z])`, 'i');
const MENTIONS_PATIENT = rx(String.raw`(?<![A-Za-z])${PATIENT}(?![A-Za-z])`, 'i');
const PATIENT_SUBJECT = rx(String.raw`^${PATIENT}$`, 'i');
// A sentence that opens on a member of the care team who is worried or concerned ("The wound care nurse is concerned
// about the depth", "Our pharmacist has concerns") is the team's concern, not the patient's.
const STAFF_CONCERN_OPENING = rx(
  String.raw`^[^A-Za-z]*(?:(?:the|our|her|his|their|a|an) )?(?:[a-z-]+ ){0,2}(?:nurses?|nursing(?: staff)?|staff|team|therapists?|aides?|pharmacists?|attending|residents?|physicians?|doctors?|surgeons?|providers?|clinicians?|dietitians?|social workers?|case managers?|radiologists?|consultants?|(?:dr|doctor)\.? [A-Z][a-z]+)\s+(?:(?:is|was|are|were|remains?|became|feels?|felt|seems?) (?:very |quite |also |still |a bit |somewhat |more |most )?(?:concerned|worried|anxious|afraid|frustrated|upset|uneasy|nervous|hopeful)|(?:expressed|voiced|raised|has|had|have|shares?|shared|notes?|noted) (?:some |a |an |her |his |their |significant |ongoing )?(?:concerns?|worr(?:y|ies))|worries|fears|would like|wants)(?![A-Za-z])`,
  'i',
);

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
  private readonly relativeOpening: RegExp;

  constructor(relatives: readonly string[]) {
    const RELATIVE = String.raw`(?:(?:her|his|their|the|patient's|pt's) )?${wordListSource(relatives)}`;
    this.proxyFrame = rx(String.raw`(?<![A-Za-z])${RELATIVE}(?:\s+\S+){0,2}?\s+${REPORTING}(?![A-Za-z])|per (?:the )?${RELATIVE}|according to (?:the )?${RELATIVE}`, 'i');
    this.openingSubject = rx(
      String.raw`^[^A-Za-z]*(?:(?:and|but|then|now|today|currently|also|however|otherwise|since then|at this time|at present)[, ]+)?(?:(${PATIENT})|(${RELATIVE})|(i|we))\s+(?!(?:and|or|&)\s)(?:[a-z]+ly\s+)?(?:is|was|are|were|has|had|have|does|did|do|will|would|can|could|should|may|might|must|feels?|felt|states?|stated|says|said|reports?|reported|notes?|noted|thinks?|thought|believes?|believed|wants?|wanted|hopes?|hoped|worries|worried|denies|denied|complains?|complained|presents?|presented|describes?|described|admits?|admitted|endorses?|endorsed|recalls?|recalled|knows?|knew|understands?|understood|agrees?|agreed|declines?|declined|wishes|wished|would|[a-z]+(?:s|ed))(?![A-Za-z])`,
      'i',
    );
    this.mentionsRelative = rx(String.raw`(?<![A-Za-z])${RELATIVE}(?![A-Za-z])`, 'i');
    this.relativeSubject = rx(String.raw`^${RELATIVE}$`, 'i');
    // The relative is the sentence's subject: first, not possessive, not one of a pair ("Wife and patient ...").
    this.relativeOpening = rx(String.raw`^[^A-Za-z]*${RELATIVE}(?:\s*\([^)]{0,40}\))?(?![A-Za-z'’])(?!\s*(?:'s|’s|and|or|&|of|history|hx)\b)`, 'i');
    this.relativeWords = wordListSource(relatives);
    this.relativeStops = relatives.some((r) => r.includes('.'));
    this.relativeColons = relatives.some((r) => /[:;]/.test(r));
  }

  private readonly relativeWords: string;
  /** A relative holds a full stop, or a colon or semicolon: the pieces below would cut one. */
  private readonly relativeStops: boolean;
  private readonly relativeColons: boolean;
  private capacityPattern?: RegExp;
  private namedPattern?: RegExp;
  /**
   * What the two note-wide patterns found in each piece of a note, by piece: after a keystroke only
   * the edited piece is read again (the patterns ran over the whole note at every keystroke).
   */
  private readonly capacityByPiece = new PieceCache<boolean>();
  private readonly namesByPiece = new PieceCache<string[]>();
  private lastNamed?: NamedRelatives;

  /** Whether a proxy speaks for the patient in this note (a child; an adult who cannot give a history or decide). */
  proxySpeaksForPatient(text: string): boolean {
    const capacity = (this.capacityPattern ??= lacksCapacity(this.relativeWords));
    if (youngOrUnableToSpeak(text)) return true;
    // No match of the capacity pattern holds a full stop (unless a relative does): it is read sentence by sentence.
    if (this.relativeStops) return capacity.test(text);
    return this.capacityByPiece.some(text, '.', (piece) => capacity.test(piece));
  }

  /** The relatives the note introduces by name (see namedRelatives). */
  namedRelatives(text: string): NamedRelatives | undefined {
    const pattern = (this.namedPattern ??= namedRelativePattern(this.relativeWords));
    // No match holds a colon or a semicolon (unless a relative does): the note is read between them.
    if (this.relativeColons) return namedRelatives(text, pattern);
    const names = new Set<string>();
    this.namesByPiece.each(text, /[:;]/g, (piece) => namesIn(piece, pattern), (found) => found.forEach((n) => names.add(n)));
    const named = relativesNamed(names, patientNamesIn(text, names));
    // The same names as the last note (the same note, a keystroke later): the same pattern, compiled once.
    if (named && named.key === this.lastNamed?.key) return this.lastNamed;
    return (this.lastNamed = named);
  }

  /**
   * Who `sentence` speaks for. `proxyIsPatient` is true when a parent or
   * caregiver speaks for the patient (a child, a patient who cannot speak).
   * Without `parse`, a sentence the cheap frames leave undecided is 'unknown'
   * rather than given to compromise (the learned scorer reads every candidate
   * sentence, and parsing them all would cost more than the rest of the engine).
   */
  speakerOf(sentence: string, proxyIsPatient: boolean, relatives?: NamedRelatives, parse = true): Speaker {
    const proxy: Speaker = proxyIsPatient ? 'proxy' : 'other';
    // A relative the note names ("her daughter, Ana Ruiz, ...") is read as the relative, not as the patient.
    if (relatives?.pattern) sentence = sentence.replace(relatives.pattern, (name) => 'family'.padEnd(name.length));
    // A sentence that opens on a relative speaks for them, even without a verb ("Wife very anxious.").
    // A patient the note introduces by name ("Helen Park is an 84-year-old ...") is the patient wherever the name is the subject.
    if (relatives?.patient) sentence = sentence.replace(relatives.patient, (name) => 'pt'.padEnd(name.length));
    if (this.relativeOpening.test(sentence) && !PATIENT_FRAME_AT_START.test(sentence)) return proxy;
    if (STAFF_CONCERN_OPENING.test(sentence)) return 'clinician';
    const patientFrame = PATIENT_FRAME.exec(sentence);
    const proxyFrame = this.proxyFrame.exec(sentence);
    // The earlier frame governs: "She says her husband is worried" speaks for her.
    if (patientFrame && (!proxyFrame || patientFrame.index <= proxyFrame.index)) return 'patient';
    if (proxyFrame) return proxy;
    if (CLINICIAN_FRAME.test(unquoted(sentence))) return 'clinician';
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
    if (!parse || !(MENTIONS_PATIENT.test(sentence) && this.mentionsRelative.test(sentence))) return 'unknown';
    const subject = firstSubject(sentence);
    if (PATIENT_SUBJECT.test(subject)) return 'patient';
    if (this.relativeSubject.test(subject)) return proxy;
    return 'unknown';
  }
}

// An adult who cannot decide for themself: whoever decides for them speaks for them, wherever the note says so.
export function lacksCapacity(RELATIVE_WORDS: string): RegExp {
  return rx(
  String.raw`\b(?:lacks?|lacking|without|does not have|did not have|doesn't have|no longer has) (?:the )?(?:medical )?(?:decision(?:al|-making| making)? )?capacity|\b(?:incapacitated|not competent|incompetent to|decisionally impaired|comatose|(?:global|severe|profound) aphasia)\b|\b(?:health ?care |medical )?(?:power of attorney|poa|proxy|surrogate(?: decision[- ]maker)?)(?: for (?:health ?care|medical decisions))?\b(?=[^.\n]{0,60}\b(?:${RELATIVE_WORDS})\b)|\b(?:unable|not able|incapable|cannot|can't) (?:to |of )?(?:make|making|participate in|participating in|take part in|taking part in) (?:(?:her|his|their|own|any|medical|health ?care|informed|complex|treatment) ){0,3}decisions\b|\b(?:${RELATIVE_WORDS})\b[^.\n]{0,40}\b(?:is|as|was|holds|has|serves as|acts as) (?:(?:his|her|their|the patient's|the) )?(?:(?:legal|court-appointed|durable) )?(?:guardian|health ?care proxy|(?:health ?care |medical )?power of attorney|poa|surrogate(?: decision[- ]maker)?|decision[- ]maker)\b|\blegal guardian\b|\b(?:history|information) (?:is |was )?(?:obtained|taken|given|provided) (?:entirely |mostly |primarily )?(?:from|by) (?:the |his |her |their )?(?:${RELATIVE_WORDS})\b`,
  'i',
  );
}

/** Relatives when no pack names them (a caller without a compiled pack). */
const FALLBACK_RELATIVES = 'mother|father|parents?|wife|husband|spouse|partner|son|daughter|sister|brother|family|guardian|caregiver';
const FALLBACK_CAPACITY = lacksCapacity(FALLBACK_RELATIVES);

/** True when a parent or caregiver may speak for the patient: a child, or a patient who cannot give a history or decide. */
export function proxySpeaksForPatient(text: string, capacity: RegExp = FALLBACK_CAPACITY): boolean {
  return youngOrUnableToSpeak(text) || capacity.test(text);
}

/** The opening of the note says the patient is a child, or cannot give a history. */
function youngOrUnableToSpeak(text: string): boolean {
  return YOUNG_OR_UNABLE_TO_SPEAK.test(text.slice(0, 3000));
}

// One pass over the opening for the four ways a note says so (an age in days, weeks or months; under
// eighteen years; a word for a child; a patient who cannot speak).
const YOUNG_OR_UNABLE_TO_SPEAK = new RegExp(
  [
    String.raw`\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)[- ](?:day|week|month)s?[- ]old\b`,
    String.raw`\b(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)[- ]years?[- ]old\b`,
    String.raw`\b(?:infant|newborn|neonate|toddler|baby boy|baby girl|child|pediatric)\b`,
    String.raw`\b(?:nonverbal|non-verbal|intubated|aphasic|unresponsive|obtunded|(?:severe|advanced|end-stage|late-stage) (?:dementia|alzheimer's(?: disease)?)|unable to (?:give|provide) (?:a )?history)\b`,
  ].join('|'),
  'i',
);

/**
 * Readings of the pieces of a text between separators that no match can hold, by piece. A
 * separator is never a letter or digit, so a `\b` at a piece's edge reads as it does in the
 * whole text, and a pattern that cannot cross a separator finds in the pieces what it finds in
 * the whole. Bounded like the subject cache.
 */
class PieceCache<T> {
  private readonly byPiece = new Map<string, T>();

  private reading(piece: string, read: (piece: string) => T): T {
    let value = this.byPiece.get(piece);
    if (value === undefined) {
      value = read(piece);
      if (this.byPiece.size >= PIECE_CACHE_LIMIT) this.byPiece.clear();
      this.byPiece.set(piece, value);
    }
    return value;
  }

  /** Whether `read` holds for any piece of `text` between occurrences of `separator`. */
  some(this: PieceCache<boolean>, text: string, separator: string, read: (piece: string) => boolean): boolean {
    for (let from = 0; from <= text.length; ) {
      let to = text.indexOf(separator, from);
      if (to < 0) to = text.length;
      if (to > from && this.reading(text.slice(from, to), read)) return true;
      from = to + 1;
    }
    return false;
  }

  /** Each piece's reading, in text order (`separator` global). */
  each(text: string, separator: RegExp, read: (piece: string) => T, use: (value: T) => void): void {
    let from = 0;
    separator.lastIndex = 0;
    for (let m = separator.exec(text); ; m = separator.exec(text)) {
      const to = m ? m.index : text.length;
      if (to > from) use(this.reading(text.slice(from, to), read));
      if (!m) return;
      from = to + 1;
    }
  }
}
const PIECE_CACHE_LIMIT = 4000;

/** Relatives the note names, as a pattern that finds their names in a sentence. */
export interface NamedRelatives {
  /** The relatives' names; undefined when the note names only its patient. */
  pattern?: RegExp;
  /** The patient's own names, as the note introduces them (see patientNamesIn). */
  patient?: RegExp;
  /** The names, sorted, as one string: part of a paragraph's cache key. */
  key: string;
}

const NAME = String.raw`(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?)?`;
export function namedRelativePattern(RELATIVE_WORDS: string): RegExp {
  return rx(
  String.raw`\b(?:[Hh]er|[Hh]is|[Tt]heir|[Tt]he patient's|[Pp]atient's|[Pp]t's) (?:${RELATIVE_WORDS}),? (${NAME})|(${NAME}),? (?:her|his|their|the patient's|patient's) (?:${RELATIVE_WORDS})\b|(${NAME}) \((?:her |his |their |the patient's |patient's )?(?:${RELATIVE_WORDS})\)`,
  'g',
  );
}
const NOT_A_NAME = /^(?:The|This|That|She|He|They|Her|His|Their|Patient|Pt|And|But|Who|Which|When|Today|Yesterday|Mother|Father|Wife|Husband|Daughter|Son|Sister|Brother|Family|Dr)$/;

/**
 * The relatives a note introduces by name ("her daughter, Ana Ruiz,", "Tom (son)"): a full
 * name and a first name, so that "Ana states she is worried" is the daughter speaking. A bare
 * surname is left out: a daughter often shares it with the patient.
 */
export function namedRelatives(text: string, pattern: RegExp = namedRelativePattern(FALLBACK_RELATIVES)): NamedRelatives | undefined {
  const names = new Set(namesIn(text, pattern));
  return relativesNamed(names, patientNamesIn(text, names));
}

// How a note introduces its patient by name: "Helen Park is an 84-year-old female", "Luis Ortiz, a 68-year-old man".
const PATIENT_INTRODUCED = new RegExp(
  String.raw`(?:^|[.!?:]\s+|\n[ \t]*)(?:(?:Mr|Mrs|Ms|Miss)\.? )?([A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?)?)(?:,? is|, an?|,? was) (?:an? )?(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ](?:years?|months?|weeks?|days?)[- ]old\b`,
  'g',
);

/**
 * The names of the patient the note's opening introduces (full name and first name), less any name it gives a
 * relative: "Helen agreed to the lower dose" is the patient agreeing.
 */
function patientNamesIn(text: string, relativeNames: ReadonlySet<string>): string[] {
  const names: string[] = [];
  const opening = text.slice(0, 3000);
  PATIENT_INTRODUCED.lastIndex = 0;
  for (let m = PATIENT_INTRODUCED.exec(opening); m; m = PATIENT_INTRODUCED.exec(opening)) {
    const parts = m[1].split(' ').filter((p) => !/^[A-Z]\.$/.test(p));
    if (NOT_A_NAME.test(parts[0])) continue;
    for (const name of [m[1], parts[0]]) if (!relativeNames.has(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The names `pattern` (global) finds in `text`, in order. */
function namesIn(text: string, pattern: RegExp): string[] {
  const names: string[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const full = (m[1] ?? m[2] ?? m[3]).replace(/^(?:Mr|Mrs|Ms|Miss|Dr)\.? /, '');
    const parts = full.split(' ').filter((p) => !/^[A-Z]\.$/.test(p));
    if (NOT_A_NAME.test(parts[0])) continue;
    names.push(full);
    // A title with a surname names the whole person; a first name alone is safe to follow.
    if (parts.length > 1 || !/^(?:Mr|Mrs|Ms|Miss|Dr)/.test(m[0].trim())) names.push(parts[0]);
  }
  return names;
}

function relativesNamed(names: ReadonlySet<string>, patientNames: readonly string[] = []): NamedRelatives | undefined {
  if (names.size === 0 && patientNames.length === 0) return undefined;
  const sorted = [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const patientSorted = [...patientNames].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return {
    pattern: namesPattern(sorted),
    patient: namesPattern(patientSorted),
    key: patientSorted.length ? `${sorted.join('|')}\u0002${patientSorted.join('|')}` : sorted.join('|'),
  };
}

function namesPattern(sorted: readonly string[]): RegExp | undefined {
  if (sorted.length === 0) return undefined;
  const alternatives = sorted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(String.raw`(?:\b(?:Mr|Mrs|Ms|Miss)\.? )?\b(?:${alternatives})\b`, 'g');
}
