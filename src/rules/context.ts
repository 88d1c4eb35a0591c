import type { ContextDefinitions } from '../engine/types';

// The pack's list of relatives (src/rules/vocabulary.ts), expanded when the pack is compiled.
const RELATIVE = '{relatives}';
const REPORTING = String.raw`(?:is|was|are|were|has been|have been|states?|stated|reports?|reported|says?|said|feels?|felt|thinks?|thought|believes?|believed|worries|worried|fears?|feared|wants?|wanted|hopes?|hoped|notes?|noted|expressed|voiced|raised|would like|asked|requests?|requested|is concerned|was concerned)`;

/**
 * ConText triggers, as data. Deliberately absent, unlike NegEx/medspaCy
 * defaults: "worried about" and "concerned about" (they are how a patient's
 * fear is written) and "return", "come back", "as needed" (they are how a
 * safety net is written). "if" ends at a comma, so that "If worse, return to
 * clinic" still records the return.
 */
export const contextDefinitions: ContextDefinitions = {
  triggers: [
    // negated
    { kind: 'negated', pattern: '{negations}', direction: 'forward', maxWords: 5, endsAtComma: true },
    { kind: 'negated', pattern: String.raw`negative for|free of|absence of|ruled out|rules out`, direction: 'forward', maxWords: 6, endsAtComma: true },
    // The tail of a list that a negation opened ("no hallucinations, mania, or any symptoms of anxiety").
    { kind: 'negated', pattern: String.raw`(?:or|nor) any`, direction: 'forward', maxWords: 4 },
    { kind: 'negated', pattern: String.raw`did not|does not|do not|has not|have not|had not|is not|was not|could not|unable to|fails? to|failed to`, direction: 'forward', maxWords: 5, endsAtComma: true },
    // A label answered with a bare negation ("Concerns: none.", "Anxiety: denies."): the label's own words are negated.
    { kind: 'negated', pattern: String.raw`(?<=:[ \t]{0,3})(?:none|nil|denied|denies|negative|no|not (?:any|applicable))(?=[ \t]*(?:[.;\r\n]|$))`, direction: 'backward', maxWords: 4 },
    // No belief held: "not sure what caused it", "unsure why it started" (but "not sure if ..." is a hedged belief, and stays).
    { kind: 'negated', pattern: String.raw`(?:not sure|unsure|uncertain|not certain|no idea)(?: (?:of|about|as to))? (?:what|why|how)`, direction: 'forward', maxWords: 8, endsAtComma: true },
    { kind: 'negated', pattern: String.raw`not (?:discussed|addressed|done|needed|required|indicated|necessary|expressed|voiced|reviewed|applicable)|none (?:expressed|voiced|stated|reported)|(?:is|are|was|were) (?:not needed|unnecessary|not required|not indicated|not applicable)|n/a`, direction: 'backward', maxWords: 8 },
    // hypothetical or deferred
    { kind: 'hypothetical', pattern: String.raw`would consider|could consider|may consider|might consider|consider(?:ing)? whether|possibly|will discuss|to be discussed|discuss at|at (?:the |her |his )?next visit|next time|in the future|later date|(?:discussion|conversation|decision) (?:was |is )?(?:deferred|postponed)|defer(?:red)? (?:the |this |that )?(?:discussion|decision|conversation)|(?:deferred|postponed) (?:to|until) (?:the |a )?(?:next|later|future)|pending discussion|if (?:she|he|they|the patient) (?:decides?|chooses?|wishes|wants)`, direction: 'both', maxWords: 8 },
    { kind: 'hypothetical', pattern: String.raw`if|whether|unless`, direction: 'forward', maxWords: 6, endsAtComma: true },
    // deferred: a decision or arrangement left for later (written to begin on a rare word: "will" and "to be" are in
    // most plans, and a literal that common sends every such sentence to the context scan) ("Anticoagulation: to be decided", "Follow-up: TBD", "Plan to
    // follow once the study is read"). Unlike a hypothetical, no rule allows it: "if worse, return" is a safety net, "need
    // for follow-up to be determined" is none.
    { kind: 'deferred', pattern: String.raw`(?<=\bto be )(?:determined|decided|addressed|finali[sz]ed|clarified|confirmed)|tbd|t\.b\.d\.?|undecided|undetermined|(?<=\bnot yet (?:been )?)(?:decided|determined|chosen|made|obtained|signed|agreed(?: to| upon)?)|(?:decision|disposition|consent)s? (?:is |are |remains? )?(?:pending|outstanding)|(?<=\b(?:plans?|recommendations|a/p|assessment and plan) (?:is |are |will be )?)to follow(?: *(?:[.;,:)]|$)| (?:once|when|after|pending|in a separate|by the|from))|(?<=\b(?:will|to|would like to) )revisit|revisit(?:ed|ing)? (?:this|that|it|the (?:question|decision|issue|options?))|(?<=\bwill )(?:decide|let us know|think (?:about it|it over))`, direction: 'both', maxWords: 8 },
    // another experiencer
    { kind: 'other-experiencer', pattern: String.raw`${RELATIVE}(?:'s)?\s+${REPORTING}`, direction: 'forward', maxWords: 10, proxyCounts: true },
    { kind: 'other-experiencer', pattern: String.raw`per (?:the |his |her |their )?${RELATIVE}|according to (?:the |his |her |their )?${RELATIVE}|${RELATIVE} (?:is|was) (?:the )?(?:historian|informant)`, direction: 'both', maxWords: 12, proxyCounts: true },
    { kind: 'other-experiencer', pattern: String.raw`(?:referring|primary care|outside) (?:physician|doctor|provider)|dr\. [a-z]+ (?:is|was|feels|thinks|believes)|(?:(?:dr\.?|doctor) [a-z]+(?: [a-z]+)?|[a-z]+ologist|physician|surgeon|provider|pcp|internist|therapist|practitioner|some|others|everyone|people|staff)(?:,? (?:who|which|that))?(?= (?:feels|felt|thinks|thought|believes|believed|suspects|suspected)\b)|nurs(?:e|ing) (?:is|was) (?:concerned|worried)|staff (?:is|are|was|were) (?:concerned|worried)|(?:we|i) (?:are|am|were|was) (?:concerned|worried)|of concern|concerning for|concern for`, direction: 'forward', maxWords: 6 },
    { kind: 'other-experiencer', pattern: String.raw`(?:the )?(?:school|teachers?|coach|employer|supervisor|case manager|caseworker|social worker|staff|nursing home|facility)\s+${REPORTING}`, direction: 'forward', maxWords: 10 },
    { kind: 'other-experiencer', pattern: String.raw`(?:the )?(?:patient|pt) (?:was |is )?(?:not present|absent)|without the patient(?: present)?|in the patient's absence|outside the patient's presence`, direction: 'both', scope: 'sentence', proxyCounts: true },
    // historical
    { kind: 'historical', pattern: String.raw`history of|h/o|previously|prior to this|in the past|at (?:the|her|his|their) last visit|last visit|last (?:year|month|week|time|fall|spring|summer|winter)|years ago|months ago|as a child`, direction: 'forward', maxWords: 8 },
    // Text copied from an earlier note ("Copied from the note of 3/2:", "Previous note: ...", "Prior A/P (copied
    // forward):") records that visit, not this one: its sentence and the rest of its paragraph. Its own kind, not
    // historical: a rule that accepts the patient's own past ("has long wanted") must not accept an old note's plan. Only such labels: "per the last note" or "since last
    // visit:" mention the earlier visit in this visit's own account, whose later sentences are today's.
    { kind: 'copied-forward', pattern: String.raw`(?:copied|carried (?:forward|over)|pasted|imported) (?:forward |over |in |below )?(?:from|on (?=\d))|(?:copied|pasted|carried (?:forward|over))(?: forward)? \d{1,2}/\d{1,2}|(?<=\()(?:copied|pasted|carried)(?: (?:forward|over|in))?(?: from [^()\n]{1,40})?(?=\))|(?<=\b(?:note|plan|a/p|assessment|text|visit) )(?:copied|pasted|carried (?:forward|over))(?: (?:forward|below|here|in))?(?=:)|(?<!since (?:the |her |his |their |my |our )?)(?:previous|prior|last|earlier) (?:visit|note|encounter|office visit|clinic note|progress note)(?:'s)?(?: (?:plan|assessment|a/p|assessment and plan|recommendations))?:|(?:previous|prior|old) (?:plan|assessment and plan|assessment/plan|a/p|impression and plan|recommendations)(?: \([^()\n]{1,40}\))?:|(?:from|of) the (?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|[a-z]+ \d{1,2}(?:st|nd|rd|th)?) (?:note|visit):`, direction: 'both', scope: 'paragraph' },
    // What was noted in the past, said after it ("crying spells were noted in the past").
    { kind: 'historical', pattern: String.raw`(?:noted|reported|seen|present|described|documented) in the past|in the past (?:year|years|month|months)?`, direction: 'backward', maxWords: 8 },
  ],
  terminators: ['but', 'however', 'although', 'though', 'except', 'aside from', 'apart from', 'otherwise', 'which', 'whereas', 'yet', 'who', 'and she', 'and he', 'and they', 'and the patient',
    // A second verb of belief or wish after "and" starts a new predicate: "She is not worried and thinks it is her allergies".
    'and thinks', 'and believes', 'and feels that', 'and wants', 'and would like', 'and hopes', 'and prefers', 'and attributes', 'and blames', 'and wonders'],
  pseudo: [
    'no increase', 'no change', 'not only', 'not certain if', 'not sure', 'no further', 'without difficulty', 'not been able to',
    'no longer', 'if needed', 'if necessary', 'as needed', 'not improved', 'not improving', 'not getting better', 'not better',
    'not resolved', 'not controlled', 'does not want', 'did not want', "doesn't want", "didn't want", 'do not want',
    'not want', 'not wish', 'does not wish', 'did not wish', 'not interested', 'cannot afford', "can't afford",
  ],
};
