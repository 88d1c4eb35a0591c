import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION, SOMEONE_ELSE } from '../vocabulary';

/**
 * Where the patient's account is not: lists, results, the exam, other people's history. A past history or a review of
 * systems is still the patient's telling ("since the stent was placed she has noticed ..."); the patterns' own report
 * frames, and the gates on long-ago diagnoses and listed histories, keep their facts out.
 */
const NOT_AN_ACCOUNT = NOT_CONVERSATION.filter((kind) => kind !== 'past-history');

const FEEL_MEANING = String.raw`(?: a bit| somewhat| strongly)? (?:that|as if|as though|like (?:she|he|they) (?:did|had|was|were)|like (?:it|this|these) (?:is|was|are|could|might|may|must)|(?:it|this) (?:is|was|could|might|may|must)|(?:it|this|they|these|(?:her|his|their) \S+) (?:comes?|came|started|began|stems?|is due|are due|was due|were due|is from|are from|is caused|are caused|is related|are related))`;
const BELIEF = String.raw`(?:believes?|believed|thinks?|thought|suspects?|suspected|wonders?|wondered|is convinced|was convinced|is sure|was sure|is certain|assumes?|assumed|figures?|guesses|guessed|feels?${FEEL_MEANING}|felt${FEEL_MEANING})`;
const CAUSE = String.raw`(?:secondary to|due to|caused by|because of|related to|brought on by|triggered by|in the setting of|the result of|a result of|stems? from|comes? from|came from|started (?:after|when|with)|began (?:after|when|with)|following|ever since)`;
const REPORT = String.raw`(?:states?|stated|says|said|reports?|reported|relates?|related|notes?|noted|explains?|explained|describes?|described|recalls?|recalled|mentions?|mentioned)`;

/** What a patient may say they have: a diagnosis, or a word that names one. */
const DIAGNOSIS = String.raw`(?:cancer|disease|disorder|syndrome|diabetes|allergic|allergy|infection|attack|failure|stroke|tumou?r|ulcer|hernia|arthritis|asthma|pneumonia|[a-z]+itis|[a-z]+osis|[a-z]+oma|[a-z]+-induced)`;

const HOLDS = String.raw`(?:believes?|believed|think|thinks|thought|feels?|felt|suspects?|suspected|assumes?|assumed|attributes?|attributed|relates?|related|blames?|blamed)`;
/** A belief held by someone else, or one nobody holds in the first person ("was thought to be", "was attributed to"). */
const NOT_THE_PATIENTS = String.raw`${SOMEONE_ELSE} (?:\S+ )?${HOLDS}|(?:was|were|is|are|been|being|be) (?:\S+ )?(?:thought|believed|felt|suspected|figured|attributed|ascribed|blamed|related|linked|connected)`;

/**
 * What makes a quotation the patient's account of the illness rather than any words of theirs: it names a condition
 * ("I'm bipolar", "my sugar"), a cause or a meaning ("because", "it's my nerves", "makes me", "ever since", "it
 * affects my marriage"), or says what they think it is.
 */
const QUOTE_MEANING = String.raw`(?=[^"\u201d\n]*?(?:${DIAGNOSIS}|because|caus|(?:comes?|came|is|it's|was) from|due to|ever since|when i'm|when i am|makes? me|made me|affects?|dealing with|it's (?:my|the|a|an|just|all)|it is (?:my|the|a|an|just|all)|i'm (?:[a-z]+ic|bipolar|depressed|addicted|an addict|an alcoholic)|depress|bipolar|anxiety|nerves|my (?:sugar|pressure|heart|blood)|i (?:think|believe|guess|figure|know) |(?:there|something) (?:is|was|must be|has to be) wrong))`;

/** Not followed by how long ago or how long they have had it: "diagnosed with asthma as a child", "diabetes for 20 years" is history. */
const NOT_LONG_AGO = String.raw`(?!,? (?:\S+ ){0,3}?(?:for (?:the (?:past|last) )?(?:\S+ )?(?:years?|decades?)|since (?:childhood|(?:19|20)\d\d|age)|in (?:19|20)\d\d|(?:\S+ )?(?:years?|decades?) ago|as an? (?:child|teenager|teen|adolescent|infant)))`;

export const understanding: Rule = {
  id: 'explain.understanding',
  title: "Patient's own explanation",
  skill: 'Let the patient explain',
  behavior: 'Listen for what and how they understand',
  level: 'core',
  severity: 'warning',
  message: "No patient's own explanation of the illness in {section}",
  rationale:
    "Healers ask what patients think is wrong and why, and listen to the answer: the patient's own explanation shows what the illness means to them and where advice must meet them. Write it in their words, or attribute it to them.",
  counts:
    'The patient\'s (or a proxy\'s) belief about cause or meaning, attributed to them: "she believes her headaches are from stress at work", "he thinks it could be arthritis", "which she attributes to her new shoes", "was told she had a mild heart attack", their label in quotes. A symptom list or the clinician\'s assessment does not count.',
  evidence: [
    {
      pattern: String.raw`${BELIEF}`,
      attribution: 'patient-voice',
      allowContext: ['historical'],
      notSections: NOT_AN_ACCOUNT,
      // Look-alikes: how an injury happened ("she thinks she tripped") is the history of an event, not an explanation of
      // an illness; being thought of by others; wanting or needing something; feeling well or unwell; a sensation.
      // Nor is a belief about someone else ("thought her husband was sick"), a judgement of how a treatment works, of how things are going, of what they can do, or a memory of a date
      // or a dose ("thinks the medicine helps", "thinks the swelling has gone down", "believes she can manage", "thinks she
      // took her pill", "believes his last shot was in May").
      unless: String.raw`${NOT_THE_PATIENTS}|${HOLDS} (?:that )?(?:(?:her|his|their|the) (?:{relatives}|friends?|co-?workers?|boss|employer)(?![a-z'])|(?:the |her |his |their |this |these |it )?(?:\S+ ){0,3}?(?:helps?|helped|helping|helpful|works?|worked|working|effective|ineffective|beneficial|has gone down|went down|has gone away|has improved|has resolved|has gotten better|is better|is improving|is resolving|is healing)(?![a-z])|(?:she|he|they) (?:can|cannot|can't|could not|is able|are able|was able|will be able|would be able|took|takes|received|was given|last had)(?![a-z])|(?:her|his|their) (?:last|most recent|previous|first) )|(?:thinks?|believes?|feels?|felt|thought) (?:that )?(?:she|he|they|(?:her|his|their)(?: \S+){1,2}) (?:may have |might have |must have |probably )?(?:twisted|turned|rolled|inverted|everted|hyperextended|bent|buckled|gave way|popped|fell|tripped|slipped|landed|hit|bumped|banged|knocked|struck|stepped|jammed|caught (?:(?:her|his|their) \S+ )?(?:on|in|between|under))|(?:was|were|is|are|been|being) (?:\S+ )?(?:thought|believed|felt|suspected|figured)|feels? that (?:she|he|they) (?:no longer |does not |doesn't |always |still |now |really )?(?:needs?|wants?|should|would like|is ready|can|has to|have to|had to|must)|(?:thinks?|feels?|believes?) (?:that )?(?:(?:she|he|they) (?:is|are|was|were|feels?) )?(?:better|fine|well|ok|okay|great|good|worse|tired|unwell|sick)|feels? like (?:(?:she|he|they) (?:is|are) going to )?(?:passing out|pass out|vomiting|throwing up|fainting)|feel(?:s|ing)? (?:the|a) (?:pain|lump|mass|pressure)|(?:thinks?|thought|figured?) (?:that )?(?:she|he|they) (?:would|will|could|should) (?!be |have |not )\S+|(?:thinks?|thought|believes?|believed|estimates?) (?:that )?(?:she|he|they) (?:has|have|had) (?:\S+ )?(?:lost|gained|put on)|(?:thinks?|thought|believes?) (?:that )?(?:it|this) (?:has been|had been|was|is|happened) (?:about|approximately|around|roughly|over|almost|nearly|maybe|\d)|fe(?:el|els|lt) (?:that )?(?:the|her|his|their) (?:\S+ ){1,2}?(?:is|are|was|were) (?:\S+ ){0,2}?(?:severe|worse|better|bad|mild|moderate|intense|sharp|dull|constant|unbearable|tolerable|improved|improving|the same)|(?:think|thinks|thought|thinking) (?:about|over|it over) (?:it|this|these|that|the|her|his|their|what|whether|options?)|wonder(?:s|ed|ing)? about (?:getting|having|trying|starting|taking|using|a |an )|wonder(?:s|ed|ing)? (?:whether|if) (?:she|he|they|we|i) (?:could|can|should|might|may) (?:get|try|start|take|use|be (?:given|prescribed|referred|started|tested))|feels? (?:that|it) (?:at|in|on|during|mostly|mainly|more|most|especially|when|whenever)`,
    },
    {
      // Relating, linking or connecting takes an object or a subject of its own ("relates the pain to", "which she links
      // to"): a bare "related to" is how anyone writes a cause ("pain related to her fall"), not the patient's belief.
      pattern: String.raw`(?:attributes?|attributed|attributing|blames?|blamed|ascribes?|ascribed|puts? it down) (?:(?:it|this|these|them|this pain|the \w+|her \w+|his \w+|their \w+|symptoms)(?: \w+)?\s+)?(?:to|on|with|for)|(?:relates?|related|relating|links?|linked|linking|connects?|connected|connecting) (?:it|this|these|them|this pain|the \w+|her \w+|his \w+|their \w+|symptoms)(?: \w+)?\s+(?:to|with)|(?:she|he|they|patient) (?:\w+ly )?(?:relates?|related|links?|linked|connects?|connected) (?:it |this |them )?(?:to|with)`,
      attribution: 'patient-voice',
      allowContext: ['historical'],
      notSections: NOT_AN_ACCOUNT,
      unless: String.raw`${NOT_THE_PATIENTS}|related to (?:the|his|her) (?:patient|procedure)|(?:related|connected) to (?:oxygen|a monitor|the ventilator)`,
    },
    {
      pattern: String.raw`(?:was|were|has been|had been|have been) (?:told|informed)(?: by \S+(?: \S+)?)? (?:that )?(?:she|he|they|it|this|her|his|their|the|to have)|${REPORT} (?:that )?(?:she|he|they) (?:has|had|have|was|were) (?:been )?(?:diagnosed|told)${NOT_LONG_AGO}|${REPORT} (?:that )?(?:she|he|they) (?:has|had|have) (?:had )?(?:a|an) (?:stroke|heart attack|seizure|infection|virus|\w+ attack)`,
      attribution: 'patient-voice',
      allowContext: ['historical'],
      notSections: NOT_AN_ACCOUNT,
    },
    {
      // Knowing or grasping something about the illness: a clause ("knows that she has early dementia", "understands
      // he cannot go on as before"), the illness itself ("aware of her diagnosis"), what or why it is, or how likely. Not
      // what they know of their medicines, diet or the risks of a procedure ("knows her medications well").
      pattern: String.raw`(?:understands?|understood|is aware|are aware|was aware|were aware|knows?|knew|recognizes?|recognized|acknowledges?|acknowledged|realizes?|realized) (?:that (?:she|he|they|it|this|these|there|her|his|their|the|a|an) |(?:she|he|they|it|this|there) (?:is|are|was|were|has|have|had|does|did|can|cannot|could|will|would|may|might|must|should)(?![a-z])|(?:of|about) (?:(?:his|her|their|the|this) )?(?:\S+ )?(?:illness|diagnosis|diagnoses|condition|disease|prognosis|cancer|tumou?r|situation|problems?|disorder|seriousness|severity|nature|gravity|cause)(?![a-z])|(?:what|why|how) (?:\S+ ){0,4}?(?:is|was|are|were|happened|caused|causes|going on|wrong|means|meant)(?![a-z])|the (?:probability|likelihood|chances?|possibility|seriousness|severity|nature|gravity|cause)(?![a-z]))|(?:which|that) (?:she|he|they) (?:is|are|was|were) (?:well )?aware of`,
      attribution: 'patient-voice',
      allowContext: ['historical'],
      notSections: NOT_AN_ACCOUNT,
      unless: String.raw`understands? (?:and agrees|the (?:plan|instructions|risks|procedure))|(?:acknowledges?|acknowledged|admits?|admitted|realizes?|realized|knows?|knew|understands?|understood|is aware|was aware) (?:that )?(?:she|he|they) (?:has |have |had |is |was )?(?:not been |been )?(?:not |never )?(?:taking|missed|forgot|skipped|stopped|ran out|run out|noncompliant|non-compliant)|(?:understands?|understood|is aware|was aware|knows?|knew|realizes?|realized) (?:that )?(?:she|he|they) (?:needs?|will need|would need|requires?|will require|would benefit)(?![a-z])|(?:understands?|understood|is aware|was aware|are aware|knows?|knew|realizes?|realized) (?:that )?(?:she|he|they) (?:needs? to|should|must|has to|have to|is to|are to|will need|is supposed)(?![a-z])|(?:knows?|knew|understands?|understood) (?:what|how) (?:needs? to be done|to do|to use|to take|to reach|to contact)|(?:knows?|knew|understands?|understood) the reasons? (?:that |why )?(?:she|he|they) (?:cannot|can't|can|will|needs?|must|should|is|was)|verbali[sz]e[sd]? understanding|understanding (?:of|was verbali[sz]ed)|(?:understands?|understood|is aware|was aware|acknowledges?|acknowledged) (?:this|that|it|these|everything|all (?:of )?this)(?= *(?:[.,;!]|and |$))|(?:understands?|understood|is aware|was aware) (?:that )?(?:the |this |these |her |his |their )?(?:\S+ )?(?:procedure|surgery|operation|recovery|treatment|medication|recommendations?|options?|risks?|benefits?|instructions|plan|need for|importance of)`,
    },
    {
      pattern: String.raw`${REPORT}(?: that)? (?:(?:it|this|that|these|they|which|she|he|the \S+|her \S+|his \S+|their \S+)(?: \S+){0,2} )?(?:is|are|was|were|has been|have been|started|began|begins|starts|comes?|came|gets?|got|became|becomes?|worsen(?:s|ed)?|improve[sd]?|flares?|flared)(?: \S+){0,2}? ${CAUSE}|${REPORT}(?: that)? (?:\S+ ){1,6}?(?:is causing|was causing|are causing|were causing|has caused|had caused|caused|causes|is to blame|was to blame|(?:is|was) the (?:cause|reason))`,
      attribution: 'patient-voice',
      notSections: NOT_AN_ACCOUNT,
    },
    {
      // A change the patient ties to a start ("has noticed the rash since she started the new pill", "ever since he
      // had the stent placed"): a cause they blame.
      pattern: String.raw`(?:noticed|notices|notes?|noted|reports?|reported|describes?|described|has had|have had|experienced|developed|states?|stated)(?: \S+){0,8}? (?:ever )?since (?:she|he|they) (?:started|began|has been on|have been on|had been on|was started on|were started on|was put on|switched to|had (?:the|her|his|their|a|an) \S+ (?:placed|put in|done|removed|inserted)|got (?:the|her|his|their|a|an) (?:vaccine|shot|injection|implant|device))`,
      attribution: 'patient-voice',
      allowContext: ['historical'],
      notSections: NOT_AN_ACCOUNT,
    },
    {
      // What the patient says the illness is: a diagnosis in their report ("states she has colitis", "says he was allergic").
      pattern: String.raw`${REPORT} (?:that )?(?:she|he|they) (?:has|have|had|is|was|were) (?:been |had |got |gotten |developed )?(?:(?:a|an|the) )?(?:\S+ ){0,2}?${DIAGNOSIS}(?![a-z])${NOT_LONG_AGO}`,
      attribution: 'patient-voice',
      // A history listed is a fact of the record, not what they make of this illness ("states she has a history of asthma").
      unless: String.raw`(?:history|hx) of`,
      allowContext: ['historical'],
      notSections: NOT_AN_ACCOUNT,
    },
    {
      // Uncertainty about the cause is an account of it too ("not sure whether the rash is from the new soap").
      pattern: String.raw`(?:unsure|not sure|uncertain|unclear|does not know|doesn't know|did not know|didn't know|has no idea|had no idea|wonders?|wondered|wondering|questions?|questioned|asks?|asked|asking) (?:\S+ ){0,3}?(?:if|whether|what|why) (?:\S+ ){0,6}?(?:due to|caused|causing|cause[sd]?|from|related to|brought (?:it |this |them )?on|triggered|the reason|responsible)`,
      attribution: 'patient-voice',
      allowContext: ['negated', 'hypothetical', 'historical'],
      notSections: NOT_AN_ACCOUNT,
      // A question about the cause that names no cause is no account of it ("not sure what caused it").
      unless: String.raw`(?:what|why) (?:\S+ ){0,2}?(?:caused|causes|causing|brought (?:it |this |them )?on|triggered|started|happened)(?: (?:it|this|them|these|that|(?:her|his|their|the) \S+))?(?= *(?:[.;!?]|$))`,
    },
    {
      // A cause ruled out by the patient is a belief about the cause ("does not think the new pill is to blame"); so is
      // doubt about what the illness needs, and not knowing what it is.
      pattern: String.raw`(?:is|are|was|were) not (?:yet )?(?:convinced|persuaded) (?:that )?(?:\S+ ){0,3}?(?:needs?|is|are|has|have|was|were|caused|causes)(?![a-z])|(?:is|was|were|are) (?:unaware|not aware) (?:of )?(?:(?:his|her|their|the) )?(?:diagnosis|condition|illness|disease|cancer|tumou?r|prognosis)|(?:does not|doesn't|did not|didn't|do not|don't) (?:really )?(?:think|believe|feel) (?:that )?(?:\S+ ){0,8}?(?:caused|causing|cause[sd]?|due to|related to|the reason|responsible|to blame|brought (?:it |this |them )?on|triggered)`,
      attribution: 'patient-voice',
      allowContext: ['negated', 'historical'],
      notSections: NOT_AN_ACCOUNT,
    },
    {
      // A fear that names what the illness is or means ("worried that this is cancer", "worried it is an ear infection").
      pattern: String.raw`(?:worried|worries|worry|concerned|afraid|scared|fears?|feared|frightened) (?:(?:that|whether|if) (?:it|this|these|they|she|he|her \S+|his \S+|their \S+|the \S+)(?: \S+)?|it|this) (?:is|was|are|were|could be|might be|may be|means?|meant|represents?|has|had|have|is a sign|was a sign)`,
      attribution: 'patient-voice',
      allowContext: ['hypothetical', 'historical'],
      notSections: NOT_AN_ACCOUNT,
    },
    {
      // Their own label, their words for what it is, or a quotation that names the illness, a cause or a meaning
      // (QUOTE_MEANING): a quotation of anything else ("I walk every day", an answer to a screening question) is not.
      pattern: String.raw`in (?:her|his|their) (?:own )?words|(?:patient's|pt's|her|his|their|parents'|mother's|father's) (?:own )?(?:understanding|explanation|belief|theory|view|interpretation|idea|perspective)s?(?: (?:of|about) (?:the )?(?:illness|problem|symptoms|condition|cause))?\s*(?:is|was|that|:)|(?:calls?|called|describes?|described|refers? to|referred to) (?:it|this|them|the \w+|her \w+|his \w+) as ["\u201c'][^"\u201d'\n]{2,}|in (?:her|his|their) (?:own )?words[:,]? ["\u201c][^"\u201d\n]{3,}["\u201d]|(?:says|said|states?|stated|puts? it)[:,]? ["\u201c]${QUOTE_MEANING}[^"\u201d\n]{3,}["\u201d]|(?:describes?|described|believes?|believed|considers?|considered) (?:it|this|them|these|the \w+|her \w+|his \w+) to be|what (?:she|he|they) (?:calls?|called|describes? as|described as|refers? to as|thinks? (?:is|was|are|were))|(?:says|said|states?|stated|reports?|reported|describes?|described) (?:that )?(?:she|he|they) (?:has|had|have|is|was) (?:had )?(?:a |an )?["\u201c][^"\u201d\n]{3,}["\u201d]|(?:says|said|states?|stated|reports?|reported|describes?|described) (?:that )?["\u201c]${QUOTE_MEANING}[^"\u201d\n]{3,}["\u201d]`,
      attribution: 'patient-voice',
    },
    {
      // What the patient blames on a treatment or a trigger: a medicine stopped for what it did ("stopped it because it
      // made her dizzy"), a reaction had with it ("got a rash with that"), something that seems to set the illness off.
      pattern: String.raw`(?:stopped|quit|discontinued|stopping|came off|went off) (?:taking |using )?(?:\S+ ){0,6}?(?:because|since|as) (?:it|they|this|these|that|the \S+|her \S+|his \S+) (?:made|makes|caused|causes|gave|gives|worsened|worsens|upset|was causing|were causing|would cause|bothered)|(?:stopped|quit|discontinued|stopping|came off|went off) (?:taking |using )?(?:\S+ ){0,6}?(?:because of|due to) (?:the |a |an |some )?(?:side effects?|\S+ (?:reaction|intolerance))|(?:got|gets|had|has had|developed|experienced|noticed) (?:some |a |an )?(?:\S+ )?(?:irritation|rash|reaction|side effects?|hives|itching|swelling|nausea|diarrhea|dizziness|headaches?|palpitations) (?:with|from|after taking|after starting) (?:that|it|this|them|these|the \S+|her \S+|his \S+)|(?:seems?|seemed|appears?|appeared) to (?:aggravate|worsen|exacerbate|trigger|bring (?:it |them |this |these )?on|set (?:it |them )?off|make (?:it|this|them|things|her \S+|his \S+) worse)`,
      attribution: 'patient',
      allowContext: ['historical'],
      notSections: NOT_AN_ACCOUNT,
    },
    {
      // How well the patient grasps the illness, said of them ("has a good understanding of her diagnosis", "under the
      // impression that it was a sprain", "self-diagnosed").
      pattern: String.raw`(?:good|fair|poor|limited|clear|some|little|full|reasonable|excellent|basic|adequate|realistic|an?) (?:\S+ )?(?:understanding|grasp|awareness) (?:of|about) (?:(?:her|his|their|the) )?(?:illness|diagnosis|condition|disease|prognosis|cancer|situation|medical problems?|symptoms)|under the impression|self[- ]diagnos(?:ed|is|es)`,
      attribution: 'patient',
      allowContext: ['historical'],
      notSections: NOT_AN_ACCOUNT,
    },
    {
      // A diagnosis the patient says they do not have ("says he does not have diabetes", "denies that she had a stroke"):
      // their account of the illness, negated by nature. A symptom denied ("denies chest pain") names no diagnosis.
      pattern: String.raw`(?:says|said|states?|stated|believes?|believed|feels?|felt|insists?|insisted|maintains?|maintained|reports?|reported)(?: that)? (?:she|he|they) (?:does not|doesn't|did not|didn't|do not|don't|never) (?:have|has|had) (?:a |an |any )?(?:\S+ ){0,2}?${DIAGNOSIS}(?![a-z])|denies that (?:she|he|they) (?:has|had|have|ever had|is|was) (?:a |an |any )?(?:\S+ ){0,2}?${DIAGNOSIS}(?![a-z])`,
      attribution: 'patient',
      allowContext: ['negated', 'historical'],
      notSections: NOT_AN_ACCOUNT,
    },
    {
      // A change the patient ties to a loss or to news ("the migraines came back when her sister died",
      // "low since his wife passed away", "began upon hearing the news"): a cause they give.
      pattern: String.raw`(?:when|after|since|upon|following|ever since) (?:(?:a number of |several |two |three |both )?(?:her|his|their) (?:\S+ ){0,2}?(?:died|passed away|passed|left (?:her|him|them))|(?:she|he|they) (?:lost|heard|learned|found out|got (?:the )?news)|(?:receiving|hearing|learning|getting) (?:the |some |this )?(?:\S+ )?news|(?:the )?(?:death|loss|passing) of (?:her|his|their))`,
      alongWith: String.raw`began|begun|started|became|become|developed|worse|worsened|worsening|increased|more frequent|onset|low|depressed|sad|anxious`,
      attribution: 'patient',
      allowContext: ['historical'],
      notSections: NOT_AN_ACCOUNT,
    },
    {
      // Teach-back: the patient's explanation of the plan in their own words.
      pattern: String.raw`teach[- ]?back|(?:explained|repeated|restated|described) (?:it |the plan |the diagnosis )?back (?:to me|in (?:her|his|their) own words)`,
    },
  ],
  // The learned scorer adds no F1 here in cross-validation and costs precision and throughput
  // (docs/engine.md); a team that prefers recall sets "learned": true.
  learned: false,
  prompt: {
    label: "Patient's explanation",
    snippet: "${1:<cause or meaning of the illness, in the patient's words>}",
    sections: ['hpi', 'subjective', 'chief-complaint'],
    createSection: 'HPI',
    createAfter: ['chief-complaint', 'visit-info'],
  },
  examples: {
    documented: [
      'HPI: Headaches for two months. She believes they come from stress at work since her promotion.',
      'HPI: Shoulder pain. He thinks he pulled a muscle moving furniture for his son.',
      'HPI: 3-year-old with a cough. Dad is worried it is asthma like his own.',
      'HPI: Fatigue, which she attributes to poor sleep since the baby was born.',
      'HPI: Chest pain last year; he was told he had a mild heart attack.',
      'HPI: In her own words, "my sugar is running my life."',
      "HPI: Rash for a week.\nPatient's understanding: she believes it is from the new laundry soap.",
      'HPI: Itchy rash. She is not sure whether it is from the new detergent.',
      'HPI: Cough. He does not think the new blood pressure pill is the cause.',
      'HPI: Breast lump. She is worried that this is cancer.',
      'HPI: Joint pain. She states she has rheumatoid arthritis, like her mother.',
      'HPI: Ringing in the ears. She says the ringing began following a long flight.',
      'HPI: Ankle swelling. She has noticed it every evening since she started the new blood pressure pill.',
      'HPI: Dizziness. She stopped the water pill after two days because it made her lightheaded.',
      'HPI: Wheeze. Cold mornings seem to bring it on.',
      'HPI: Rash. He got some itching with the new cream.',
      'HPI: Newly diagnosed diabetes. She has a good understanding of her condition.',
      'HPI: Thirst and weight loss. He says that he does not have diabetes.',
      'HPI: Insomnia that began when her brother died in March.',
      'HPI: Knee pain. He relates the pain to kneeling at work.',
      'HPI: Low mood. She says, "I think it is my nerves acting up."',
      'REVIEW OF SYSTEMS: GI: she reports loose stools ever since she had her gallbladder removed.',
    ],
    missing: [
      'HPI: Itchy rash on both arms for 5 days. She is not sure what caused it.',
      'HPI: Headaches for two months, bifrontal, no aura, no nausea.',
      'ASSESSMENT: I believe this is tension-type headache.',
      'HPI: Rash. Her mother thinks it is from the new soap.',
      "HPI: Rash.\nPatient's understanding: <cause or meaning, in their words>",
      'HPI: She feels tired all the time and thinks she is fine otherwise.',
      'HPI: Cough. She did not offer any explanation.',
      'HPI: Ankle pain. She thinks her foot rolled on the curb.',
      'HPI: Sore thumb. He believes he jammed it catching a softball.',
      'HPI: Knee swelling. He thinks his knee buckled as he came down the stairs.',
      'HPI: She relates that she was connected to oxygen overnight.',
      "HPI: She understands the procedure from her sister's experience.",
      'HPI: Foot pain. She thought she would mention it at her next visit.',
      'HPI: Weight loss. He thinks he has lost about ten pounds.',
      'HPI: Back pain. He feels that the pain is quite severe in the mornings.',
      'HPI: Mood screen. When asked who he turns to when upset, he said, "My older sister."',
      'HPI: Bee sting allergy. He knows what to do and is aware that he has to use the pen at once.',
      'HPI: Congestion. He wonders about getting a nasal spray.',
      'PLAN: We talked about both options. She will think about these options.',
      'PLAN: Discharge after the drain is out. The patient understands this.',
      'HPI: Neck pain; she was seen by Dr. Lee who felt that it was a pinched nerve.',
      'HPI: Cough. Ibuprofen seems to help.',
      'HPI: Seizures stopped after the second dose, since then he has been alert.',
      'HPI: Wheeze. Her husband says the hay seems to bring it on.',
      'HPI: Cough. He denies fever, chills or night sweats.',
      'HPI: Chest pain. His brother died of a heart attack at 50.',
      'HPI: Cough for a week, which I believe is viral. She reports no fever.',
      'HPI: Hip pain. She says her husband thinks it is arthritis.',
      'HPI: She was seen at urgent care, where they thought it was a sprain.',
      'HPI: She reports wrist pain related to a fall on the ice.',
      'HPI: She reports back pain, which was attributed to a disc bulge by her chiropractor.',
      'HPI: Wheeze. She states she has a history of asthma and eczema.',
      'HPI: Insomnia. He states, "I sleep about six hours a night."',
      'HPI: Groin bulge. He understands that he needs surgery.',
      'HPI: Cough. She thought her husband had the same cold.',
      'PAST MEDICAL HISTORY: He states he was diagnosed with asthma as a child.',
      'HPI: Hip replacement next month. She is aware of the risks of surgery and knows her medicines well.',
      'HPI: Wheeze. She thinks the new inhaler helps.',
      'HPI: Blood pressure high today. He acknowledges that he has not been taking his pills.',
    ],
  },
};
