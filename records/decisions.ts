import type { Decisions } from "./model.js";
import { clauses as splitClauses, sentences } from "./text.js";
import { findPhrases, hasPhrase, plain, vocabulary, vocabularyAlternation } from "./vocabulary.js";
import { peopleTerms } from "../lexicon/index.js";
import { wordingPatterns } from "./decision-wording.js";

export { parseAction, parseActions } from "./actions.js";

/**
 * Reading decisions out of the notes' sentences, in the shorthand practitioners use
 * ("s47 ✓ thresh met", "Jt inv, pol lead crim", "LPM req'd", "NFA s47", "Legal – N").
 * Each reader works clause by clause on the shorthand spelt out, and keeps the clauses it
 * decided from as written, so the draft never says more than the notes did.
 */

/** An answer written straight after a heading's question ("s47? Y", "Threshold met? - yes", "s47? ✓"). */
const ANSWER = String.raw`(?:[-–—:=]\s*)?(?:y|yes|n|no|agreed|not agreed|met|not met|[✓✔✗✘])(?!\p{L})`;
/** The space after a question mark with no answer after it: where a question's clause ends. */
const AFTER_OPEN_QUESTION = new RegExp(String.raw`(?<=\?)\s+(?!${ANSWER})`, "iu");
/** Section 47 asked and not answered ("s47?", "threshold met?", "?s47 – TM wants ..."), as against a heading's question with its answer ("s47? Y"). */
const S47_ASKED = new RegExp(String.raw`\b(?:s\.?\s?47|section 47|threshold(?: met)?)\s*(?:[-–—:]\s*)?\?+(?!\s*${ANSWER})|(?:^|[\s(])\?\s*(?:s\.?\s?47|section 47|threshold)\b`, "iu");

/** Split text into clauses at sentence ends, semicolons, commas, bullets and line breaks (not at dashes: "S47 - yes"). */
export function clauses(text: string): string[] {
  // A question mark is kept on its clause ("s47? TM to confirm"): a question is not a decision.
  return text
    .split(AFTER_OPEN_QUESTION)
    .flatMap((q) => sentences(q))
    .flatMap((p) => p.text.split("•"))
    .flatMap((s) => splitClauses(s, 0, { dashes: false }).map((p) => p.text))
    .map((c) => c.replace(/^[\s\-*·\d).]+(?=\S)/, "").replace(/\s+/g, " ").trim().slice(0, MAX_CLAUSE))
    .filter((c) => c.length > 1);
}

const MAX_CLAUSE = 2000;

/**
 * A clause with its shorthand spelt out, lower case: "Jt inv ✓, pol lead crim" →
 * "joint investigation agreed police lead criminal". Ticks are "agreed", crosses "not
 * agreed" (and a lone x closing a clause is a cross), arrows are spaces, and a lone Y or N
 * after a dash or colon is "yes" or "no".
 */
export function spelled(clause: string): string {
  const v = vocabulary();
  // The police by any name ("CAIT", "PPU", "South Wales Police") are "police" to the decision readers.
  for (const m of [...peopleTerms().matchAll(clause, "text")].reverse()) {
    if (m.values.some((x) => x.kind === "agency" && x.agency.code === "police") && !/^police$/i.test(m.surface)) {
      clause = `${clause.slice(0, m.start)}police${clause.slice(m.end)}`;
    }
  }
  let t = ` ${clause
    .replace(/[✓✔√]/g, " agreed ")
    .replace(/[✗✘]/g, " not agreed ")
    // Arrows join a decision to what follows from it ("thresh met -> s47", "s47 => agreed").
    .replace(/\s*(?:->|=>|→|⇒)\s*/g, " ")
    // "LPM x", "crim inv x": a cross written as the letter closing a clause.
    .replace(/(\S\s+)[xX]\s*[.;]?\s*$/, "$1 not agreed ")
    .replace(/([:–—-]\s*)[Yy]\b(?!['’])/g, "$1 yes ")
    .replace(/([:–—-]\s*)[Nn]\b(?![/'’])/g, "$1 no ")
    // "Legal N @ this stage", "Crim Y – jt inv", "s47 Y (P + N)": a lone Y or N straight after the decision's topic is its answer.
    .replace(/\b(s\.?\s?47|section 47|crim(?:inal)?(?:\s+inv(?:estigation)?)?|legal(?:\s+action)?|lpm|pol(?:ice)?)\s+([YyNn])\b(?![/'’])/gi, (_m, topic: string, yn: string) => `${topic} ${/y/i.test(yn) ? "yes" : "no"} `)
    // "LPM N", "S47 Y", "lpm n": a lone Y or N closing a clause is the answer.
    .replace(/(\S\s+)[Yy]\s*[.;]?\s*$/, "$1 yes ")
    .replace(/(\S\s+)[Nn]\s*[.;]?\s*$/, "$1 no ")} `;
  t = ` ${plain(t)} `;
  for (const [from, to] of Object.entries(v.shorthand).sort((a, b) => b[0].length - a[0].length)) {
    t = t.replaceAll(` ${plain(from)} `, ` ${to} `);
  }
  return t.replace(/\s+/g, " ").trim();
}

/**
 * Whether a clause is about telling the family or the child (never a decision on s47, crime or court). What the family
 * is told runs one way, from the professionals to the family: the family is the one told ("mum to be told today", "tell
 * dad", "explain the enquiries to mum", "Fam: mum told by JC", "mum already aware") or the one it is kept from ("not to
 * tell dad yet", "nothing to stepdad until police ready"). A clause with the family as the one who tells or phones is
 * something else: what they said ("mum told the HV that ..."), their part in the safety plan ("mum to ring 999 if he
 * turns up"), or how they agreed ("mum agreed on the phone").
 */
export function isSharing(clause: string): boolean {
  // Apostrophes as notes type them: "Dad's been told" is "dad s been told", "mum’s" is "mum s".
  const t = ` ${clause.toLowerCase().replace(/['’]/g, " ").replace(/\s+/g, " ")} `;
  const { told: shapes, any } = familyShapes();
  if (shapes.some((shape) => shape.test(t))) return true;
  if (HELD_BACK.test(t) && any.test(t)) return true;
  // The family named by name ("Stacey to be told today", "Donna told today by OT", "the outcome will be shared with her by
  // Callum"): someone is told, rather than telling ("Megan told SN that ..." is what a child said), and is not a professional.
  const told = TOLD.exec(clause);
  if (!told) return false;
  const before = clause.slice(0, told.index);
  const who = peopleTerms().matchAll(before, "text");
  return !who.some((m) => m.values.some((x) => x.kind === "role" || x.kind === "agency"));
}

let familyRes: { told: RegExp[]; any: RegExp } | undefined;

/** The shapes of the family told, with the family and the child by the words notes use for them (notes vocabulary `family_words`). */
function familyShapes(): { told: RegExp[]; any: RegExp } {
  if (familyRes) return familyRes;
  const fam = vocabularyAlternation(vocabulary().family_words.map((w) => w.toLowerCase())).source;
  familyRes = { told: FAMILY_TOLD.map((shape) => new RegExp(shape.replaceAll("FAM", fam), "u")), any: new RegExp(String.raw`\b(?:${fam})\b`, "u") };
  return familyRes;
}

/** The words between a family word and what is said of them ("mum (shares PR) to be told", "mum and Reece told"). */
const GAP = String.raw`(?:\s+\S+){0,4}?`;
/** Saying it to the family: the verbs of telling, in every form notes use. */
const TELL = String.raw`(?:tell|tells|telling|told|inform|informs|informing|informed|explain|explains|explaining|explained|update|updates|updating|updated|notify|notifies|notified|advise|advises|advised|share|shares|sharing|shared|feed\s?back|fed\s?back|ring|rings|ringing|rang|call|calls|calling|called|phone|phones|phoning|phoned|letter|write|writes|wrote)`;
/** The family's own word for being told, after the family word. */
const TOLD_WORD = String.raw`(?:told|informed|updated|advised|notified|made aware|kept (?:fully )?(?:informed|updated)|aware|knows? (?:everything|about|of|what)|shared with)`;
/** What may stand between a family word and "told" when the family is the one told ("to be", "has been", "already"). */
const AUX = String.raw`(?:(?:to be|will be|would be|can be|could be|should be|must be|may be|not to be|is to be|are to be|was|were|is|are|has been|have been|s been|been|being|be|already|now|also|fully|all|both|not|just)\s+)+`;
/** After a bare "told" with no auxiliary, the words that show the family was told ("mum told today", "parents told by Dr K"), never told someone ("mum told the HV"). */
const PASSIVE_NEXT = String.raw`(?:by|today|tonight|tomorrow|yesterday|this|of|about|re|at|when|after|during|before|everything|in|on|via|over|that|once|and|as|first|\d|[(+;:,.–—-]|$)`;

/** Each shape of the family told, with FAM standing for the family words; text is lower case, padded with spaces. */
const FAMILY_TOLD = [
  // "tell mum", "explain to mum", "explain the enquiries to mum", "share with the family", "ring dad", "letter to parents".
  String.raw`\b${TELL}\s+(?:(?:to|with)\s+)?(?:the\s+|both\s+|all\s+|his\s+|her\s+|their\s+)?(?:FAM)\b`,
  String.raw`\b${TELL}(?:\s+(?!(?:and|but|if|then|so)\b)\S+){1,5}?\s+(?:to|with)\s+(?:the\s+|both\s+|all\s+|his\s+|her\s+|their\s+)?(?:FAM)\b`,
  // "let mum know", "make parents aware", "keep mum informed".
  String.raw`\b(?:let|make|keep|keeping)\s+(?:the\s+|both\s+)?(?:FAM)\s+(?:\S+\s+)?(?:know|aware|informed|updated)\b`,
  // "information to the family", "info for parents".
  String.raw`\binfo(?:rmation)?\s+(?:to|for)\s+(?:the\s+|both\s+)?(?:FAM)\b`,
  // "mum to be told today", "Dad's been told", "mum already aware", "parents have been informed".
  String.raw`\b(?:FAM)\b${GAP}\s+${AUX}${TOLD_WORD}\b`,
  // "aunt knows everything already", "mum knows about the referral".
  String.raw`\b(?:FAM)\b${GAP}\s+(?:already\s+)?knows?\s+(?:everything|all|about|of)\b`,
  // "Fam: mum told today by JC", "mum informed of s47", "Parents told by Dr Kowalski" (a bare "told" read by what follows it).
  String.raw`\b(?:FAM)\b${GAP}\s+(?:told|informed|updated|advised|notified|made aware|aware)\s*${PASSIVE_NEXT}`,
];

/** Telling said of the one told: "to be told", "was informed", "told today by", "will be shared with her". */
const TOLD = /\b(?:(?:to be|will be|was|were|has been|have been|being|is|are|not to be)\s+(?:told|informed|updated|advised|notified|made aware|shared with (?:her|him|them))|(?:told|informed)\s+(?:today|tonight|this (?:morning|afternoon|evening)|tomorrow|yesterday|by)\b)/i;

/*
 * How minutes leave a decision undecided, not reached, handed on, given as a view, named as a task, cited, deferred or
 * asked, the answers that state it, the police's decision as officers say it, legal action said not to be taken and a
 * safety step said to be over, are data: records/data/decision-wording.json (decision-wording.ts), each list citing what
 * Working Together 2023 says the strategy discussion decides.
 */

/** Holding something back from the family: "not to be told", "nothing shared about ...", "no details ... to be shared". */
const HELD_BACK = /\b(?:not|nothing|no (?:info|information|details?)|hold off|holding off|withhold|withheld|held back)\b[^.;]{0,40}?\b(?:told|tell|telling|shared|share|sharing|informed|disclosed)\b|\b(?:nothing|no more)\s+(?:to|for)\b|\bnot to know\b/u;

const CONDITIONAL = /\b(if|unless|once|subject to|depending on|whether)\b/;
// "isn't", "doesn't", "won't" are spelt "isn t", "doesn t", "won t" once apostrophes are spaces.
const NEGATION = /\b(no|not|none|nil|nfa|no further action|not applicable|n a|(?:is|are|was|were|do|does|did|wo|ca|could|should|would|has|have|need)n ?t)\b/;

function joinOrNull(parts: string[]): string | null {
  const uniq = [...new Set(parts)];
  return uniq.length > 0 ? uniq.join("; ") : null;
}

const S47 = /\bs47\b|\bchild protection enquir/;

// Words that start the reason for a decision, or another subject: what follows them is not the decision's own wording.
const REASON = /\s\b(as|because|since|due to|given|following|owing to|which|who|where|so that|in case)\b\s/;

/** The part of a (spelt-out) clause that states the decision itself, up to the reason given for it. */
function aboutDecision(t: string, topic: RegExp): string {
  const parts = t.split(REASON);
  // split with a capture group interleaves separators; keep the text parts only.
  const texts = parts.filter((_, i) => i % 2 === 0);
  return texts.find((p) => topic.test(p)) ?? t;
}
/** Words that place a clause in the family's past involvement (a case closed, an earlier contact or referral). */
const HISTORY = /\b(?:prev|previous|previously|hx|history|historic|historical|closed|contacts?|in (?:19|20)\d\d|last year)\b/;
const NO_S47 = /\b(s17|child in need|cin|early help|step(ped)? down|no further action)\b/;
const POLICE_WORDS = /\b(police|criminal|crime|offence|cps|arrest)\b/;

/** The section 47 decision. A firm decision to start wins over one not to; "to be decided" is undecided. */
export function readSection47(cs: string[]): Decisions["section47"] & { source: string | null } {
  const W = wordingPatterns();
  const yes: string[] = [];
  const no: string[] = [];
  const undecided: string[] = [];
  const views: string[] = [];
  for (const c of cs) {
    if (isSharing(c)) continue;
    const t = spelled(c);
    const s47 = S47.test(t);
    // A threshold for court ("threshold for legal proceedings not met") is not the section 47 threshold.
    const threshold = /\bthreshold\b/.test(t) && /\bmet\b/.test(t) && !(LEGAL.test(t) && !s47);
    const icpc = /\b(icpc|initial child protection conference)\b/.test(t);
    if (!s47 && !threshold && !icpc) {
      // "CIN closed Jan 26", "prev: 1 CSC contact 03/26 NFA": the family's history, not this discussion's decision.
      if (NO_S47.test(t) && !POLICE_WORDS.test(t) && !HISTORY.test(t)) no.push(c);
      continue;
    }
    if (s47 && new RegExp(String.raw`\b(if|whether|unless)\s+(s47|child protection)`).test(t)) continue;
    // Only the words about section 47 count: "s47 as child not safe at home" is a yes with its reason.
    const about = aboutDecision(t, /\bs47\b|\bchild protection enquir|\bthreshold\b|\bicpc\b/);
    const answered = W.answered.test(about.replace(W.decision_named, " ").replace(W.cited, " "));
    if (W.cited.test(about) && !answered && !/\bthreshold\b/.test(about)) continue;
    // "s47?" asks the question the discussion has not yet answered (a "?" elsewhere doubts a fact: "s47 – NAI?",
    // and one with its answer after it is a heading's question: "s47? Y").
    if (W.undecided.test(about) || W.open.test(about) || W.handed_on.test(t) || S47_ASKED.test(c) || W.not_reached.test(about) || W.whether.test(about) || (W.decision_named.test(about) && !answered) || (W.left.test(about) && !W.stated.test(about))) undecided.push(c);
    else if (NEGATION.test(about) || /\bnot met\b/.test(about)) no.push(c);
    else if (W.view.test(about) && !/\b(agreed|decided|decision)\b/.test(about)) views.push(c);
    else yes.push(c);
  }
  // Views count as the decision only where no clause leaves it to be made.
  if (undecided.length === 0) yes.push(...views);
  if (yes.length > 0) return { decision: "yes", outcome: null, rationale: joinOrNull(yes), source: joinOrNull(yes) };
  if (no.length > 0) return { decision: "no", outcome: outcomeOf(cs), rationale: joinOrNull(no), source: joinOrNull(no) };
  if (undecided.length > 0) return { decision: "undecided", outcome: null, rationale: joinOrNull(undecided), source: joinOrNull(undecided) };
  return { decision: "undecided", outcome: null, rationale: null, source: null };
}

function outcomeOf(cs: string[]): string | null {
  const all = spelled(cs.join(" ; "));
  if (/\b(s17|child in need|cin|single assessment)\b/.test(all)) return "Section 17 (child in need) assessment or support";
  if (/\bcare and support plan\b/.test(all)) return "Care and support plan";
  if (/\b(early help|step(ped)? down)\b/.test(all)) return "Early help";
  if (/\bno further action\b/.test(all)) return "No further action";
  return null;
}

const CRIME_YES =
  /\b(joint (investigation|enquiry|enquiries|working)|joint with police|jointly|police (to |will |are |is )?(investigate|investigating|lead|leading|led)|police led|led by police|police lead|criminal investigation (yes|agreed|to start|to proceed|will)|police investigation|criminal enquiries|arrest|arrested|interview under caution|(investigation|criminal investigation)\b.{0,40}\bto lead|to lead (the )?(criminal|investigation))\b/;
const CRIME_NO =
  /\b(no (police|criminal) (investigation|action|involvement|further action|role|enquiries)|(?:won t|will not|not going to|aren t|are not|isn t|is not) (?:be )?investigat\w*|no offences|no role for police|no further action|police nfa|no offence|not a (criminal|police) matter|no crime|criminal investigation (?:no\b|not\b(?! (?:yet )?(?:decided|determined|known|discussed|reached|confirmed|clear)\b))|police will not investigate|not investigating|no investigation)\b/;
const CRIME_ANSWER = /^(?:police )?criminal(?: investigation| inv| investigations)?(?: decision)? (yes|no|agreed|not agreed)\b/;
const CRIME_TOPIC = /\b(police|criminal|investigation|investigate|investigating|offence|crime|arrest|abe)\b/;

/** The criminal investigation decision: whether, who leads, and its conduct and timing as written. */
export function readCriminalInvestigation(cs: string[]): Decisions["criminal_investigation"] & { lead_by: "police" | "joint" | null; source: string | null } {
  const W = wordingPatterns();
  const firm: string[] = [];
  const no: string[] = [];
  const pending: string[] = [];
  for (const c of cs) {
    if (isSharing(c)) continue;
    const t = spelled(c);
    if (!CRIME_TOPIC.test(t) && !/\bjoint\b/.test(t)) continue;
    const about = aboutDecision(t, CRIME_TOPIC);
    // "crim – NO (no new offence)", "crim investigation: YES – joint once EDT on board", "Pol: crim Y": the answer said
    // straight after the topic is the decision, whatever the reason or condition after it.
    const answered = CRIME_ANSWER.exec(t);
    if (answered) (/^(?:no|not agreed)$/.test(answered[1] ?? "") ? no : firm).push(c);
    // Left to be decided, or not reached ("could not be agreed without police", "Criminal investigation: not discussed"):
    // no decision, unless the clause says plainly there will be none ("NFA by police pending ...").
    else if ((W.undecided.test(about) || W.not_reached.test(about)) && !CRIME_NO.test(about)) pending.push(c);
    else if (CRIME_NO.test(about) || (/\b(criminal|police) investigation\b/.test(about) && NEGATION.test(about))) no.push(c);
    // A criminal or police investigation stated plainly ("criminal investigation to be undertaken") is one agreed.
    else if (CRIME_YES.test(about) || W.crime_stated.test(t) || /\b(criminal|police) investigation\b/.test(about)) (CONDITIONAL.test(about) ? pending : firm).push(c);
  }
  if (firm.length > 0) {
    // "Criminal investigation: joint, police to lead": joint working may be said in a clause of its own.
    const joint = cs.some((c) => {
      const t = spelled(c);
      return /\b(joint|jointly)\b/.test(t) && (/^(joint|jointly)( investigation| working)?( with police)?$/.test(t) || CRIME_TOPIC.test(t) || firm.includes(c));
    });
    return {
      decision: "yes",
      lead: joint ? "Police lead the criminal investigation; children's social care lead the section 47 enquiries (joint investigation)" : "Police",
      lead_by: joint ? "joint" : "police",
      detail: joinOrNull(firm),
      source: joinOrNull(firm),
    };
  }
  if (no.length > 0) return { decision: "no", lead: null, lead_by: null, detail: joinOrNull(no), source: joinOrNull(no) };
  if (pending.length > 0) return { decision: "undecided", lead: null, lead_by: null, detail: joinOrNull(pending), source: joinOrNull(pending) };
  return { decision: "undecided", lead: null, lead_by: null, detail: null, source: null };
}

const LEGAL = /\b(legal|epo|emergency protection order|police protection|ppo|powers of protection|s46|plo|pre proceedings|care proceedings|interim care order|court)\b/;
const LEGAL_YES = /\b(requested|request|to be requested|to be held|to be arranged|agreed|booked|yes|held|sought|initiated|granted|taken|obtained|in place|applied|apply|issued|convened|to be convened)\b/;
const LEGAL_BOOKED = /\b(requested|to be requested|booked|to be booked|arranged|to be arranged|convened|to be convened|held|to be held|granted|obtained|issued|in place|applied for|taken|today|tomorrow|this (?:morning|afternoon|week)|on (?:mon|tue|wed|thu|fri)\w*|\d{1,2} \d{1,2}(?: \d{2,4})?)\b/;
/** The legal topic as a template or heading labels it, opening the clause. */
const LEGAL_LABEL = /^(?:legal(?: action| planning| gateway| planning meeting| gateway meeting)?|legal planning meeting|plo|pre proceedings|epo|emergency protection order|police protection|court|care proceedings)\b/;
/** The answer straight after the label ("legal action yes ...", "legal no"). Spelt text. */
const LEGAL_ANSWER = /^(?:legal(?: action| planning| gateway)?|legal planning meeting|plo|pre proceedings|epo|court|care proceedings)(?: decision)? (yes|no|agreed|not agreed)\b/;
/** An answer closing the clause after a dash, colon or bar ("... to consider PLO – YES"). The clause as written. */
const CLOSING_ANSWER = /[-–—:|]\s*(yes|no)\s*[.!]?\s*$/i;
/** The words a legal label is made of; a clause of nothing else, its routes joined by a slash, states no decision. */
const LEGAL_LABEL_WORDS = new Set(["legal", "action", "gateway", "planning", "meeting", "plo", "pre", "proceedings", "epo", "emergency", "protection", "order", "police", "ppo", "court", "care", "lpm", "s46", "powers", "of", "and", "or"]);

function isLabelOnly(clause: string, t: string): boolean {
  return /\//.test(clause) && t.split(" ").every((w) => LEGAL_LABEL_WORDS.has(w));
}

/** An answer opening a clause ("no", "not at this stage", "yes", "none", "not needed"). Spelt text. */
const BARE_ANSWER = /^(?:no|not|none|nil|n a|yes|agreed|not agreed|not needed|not required)\b/;

/** A clause that is the legal topic named and nothing more ("Legal action", "Legal"). */
function isTopicOnly(clause: string): boolean {
  const t = spelled(clause);
  return t.length > 0 && LEGAL.test(t) && t.split(" ").every((w) => LEGAL_LABEL_WORDS.has(w));
}

/**
 * In a clause that also tells the family something, the words from the decision's topic up to the family's, where the
 * topic comes first ("... legal not needed ... mum has been told"): null when there are none, or when the topic is only
 * what the family is told of ("mum told about the PLO letter").
 */
function topicWindow(t: string, topic: RegExp): string | null {
  const at = topic.exec(t);
  if (!at) return null;
  const before = familyShapes().any.exec(t);
  if (before && before.index < at.index) return null;
  const rest = t.slice(at.index);
  const fam = familyShapes().any.exec(rest);
  const w = (fam ? rest.slice(0, fam.index) : rest).trim();
  return w.split(" ").length >= 2 && !isSharing(w) ? w : null;
}

const LEGAL_OPEN = /\b(tbc|to be discussed|to discuss|to be considered|consider|considering|pending|may be needed|if needed|if required|to be confirmed|awaiting)\b/;

/** Whether legal action (a legal planning meeting, an EPO, police protection) was decided on, and what. */
export function readLegalAction(cs: string[]): Decisions["legal_action"] & { source: string | null } {
  const W = wordingPatterns();
  const yes: string[] = [];
  const no: string[] = [];
  const open: string[] = [];
  for (const [i, written] of cs.entries()) {
    // "Legal action. Not at this stage." and "Legal, no, mum is protective": the answer said as a clause of its own
    // straight after the topic (as dictation and quick typing leave it) is the topic's answer.
    const next = cs[i + 1] ?? "";
    const c = isTopicOnly(written) && BARE_ANSWER.test(spelled(next)) ? `${written} – ${next}` : written;
    const spelt = spelled(c);
    // A dictated run carries several decisions in one clause ("s47 agreed joint investigation legal not needed ... mum
    // has been told"): telling the family there does not make the words about legal action a line about telling.
    const window = isSharing(c) ? topicWindow(spelt, LEGAL) : spelt;
    if (window === null) continue;
    const t = window;
    if (!LEGAL.test(t)) continue;
    // A template's label offering the routes ("Legal gateway / PLO", "EPO / PPO") with nothing written after it.
    if (isLabelOnly(c, t)) continue;
    // The answer written after the label ("Legal action: YES – legal gateway meeting to consider pre-proceedings", "Legal:
    // refer to the legal gateway to consider PLO – YES") is the decision, whatever the step it names still has to weigh.
    const answered = LEGAL_ANSWER.exec(t) ?? (LEGAL_LABEL.test(t) ? CLOSING_ANSWER.exec(c) : null);
    if (answered) {
      (/^(?:no|not agreed)$/i.test(answered[1] ?? "") ? no : yes).push(c);
      continue;
    }
    // Left to be decided or never reached ("Legal action: not yet decided", "Legal: not discussed", "we didn't talk about
    // legal"): no decision against legal action, unless the clause also says plainly there is none.
    if ((W.undecided.test(t) || W.not_reached.test(t)) && !W.legal_no.test(t)) open.push(c);
    else if (NEGATION.test(t)) no.push(c);
    // A step taken or booked ("LPM requested", "LPM today", "PLO to be considered at LPM – to be requested") is a decision made.
    else if (LEGAL_BOOKED.test(t)) yes.push(c);
    else if (LEGAL_OPEN.test(t)) open.push(c);
    else if (CONDITIONAL.test(t)) continue;
    else if (LEGAL_YES.test(t) || /\b(epo|emergency protection order|police protection|plo|care proceedings|interim care order)\b/.test(t)) yes.push(c);
  }
  if (yes.length > 0) return { decision: "yes", detail: joinOrNull(yes), source: joinOrNull(yes) };
  if (no.length > 0) return { decision: "no", detail: joinOrNull(no), source: joinOrNull(no) };
  if (open.length > 0) return { decision: "undecided", detail: joinOrNull(open), source: joinOrNull(open) };
  return { decision: "undecided", detail: null, source: null };
}

/** What was decided about sharing information with the child and family (including holding it back). */
export function readShareWithFamily(cs: string[]): string | null {
  return joinOrNull(cs.filter(isSharing));
}

/**
 * How the child's welfare and safety were considered: where and with whom the child stays, a safety plan, contact
 * stopped, an order, the child safe (notes vocabulary `child_safety_phrases`). Seeing the child, a visit or a medical
 * are tasks, and are not read as the child's safety considered.
 */
export function readChildWelfare(cs: string[]): string | null {
  // A line about telling the family may carry a safety step of its own after a dash ("tell mum today when dad is at work –
  // safety plan with mum"); what the family will be told about the child's safety is not itself the step.
  // A finding said after a comma ("Child seen at home 05/08, well") is read with the clause it ends.
  const joined: string[] = [];
  for (const c of cs) {
    const last = joined.length - 1;
    if (last >= 0 && FINDING_ALONE.test(c) && /\bseen\b/i.test(joined[last] ?? "")) joined[last] = `${joined[last]}, ${c}`;
    else joined.push(c);
  }
  // A safety step said to be over, broken or refused ("bail conds expired") tells what no longer keeps the child safe, not
  // how the child is kept safe now (decision-wording.json safety_undone), so the gap stands unless another clause says it.
  const undone = wordingPatterns().safety_undone;
  return joinOrNull(
    joined.flatMap((c) => (isSharing(c) ? c.split(/\s+[–—-]\s+/).map((p) => p.trim()) : [c])).filter((c) => saysChildSafety(c) && !isSharing(c) && !undone.test(c)),
  );
}

/** A clause that is nothing but how the child was found. */
const FINDING_ALONE = /^(?:and\s+)?(?:well|all well|safe|happy|fine|settled|no (?:marks|injur\w*|concerns))\.?$/iu;

/** Whether words say how the child is kept safe (notes vocabulary `child_safety_phrases`, and the shapes below). */
export function saysChildSafety(text: string): boolean {
  if (findPhrases(vocabulary().child_safety_phrases, text, "child_safety").length > 0) return true;
  if (safetyLabelPattern().test(text) || SEEN_SAFE.test(text)) return true;
  const t = text.toLowerCase().replace(/['’]/g, " ");
  return childGoesTo().test(t) || (familyTonight().test(t) && !MEETING_FAMILY.test(t));
}

/** A professional meeting, ringing or seeing the family ("police to speak with dad tonight"): a task, not where the child stays. */
const MEETING_FAMILY = /\b(?:speak|spoke|talk|meet|met|visit|call|ring|rang|phone|see|interview|check|discuss|work|arrest)\w*\s+(?:\S+\s+){0,2}(?:with|to|at)\b/u;

let famTonight: RegExp | undefined;

/**
 * Where the child sleeps, said of the child by name or initials ("KJ home w mum tonight", "O to aunt's (mat) tonight",
 * "Jac tonight with paternal aunt Rhian", "Poppy w/ MGM overnight"): with, at or to a relative, and when.
 */
function familyTonight(): RegExp {
  const fam = vocabularyAlternation(vocabulary().family_words.map((w) => w.toLowerCase())).source;
  famTonight ??= new RegExp(
    String.raw`(?:\b(?:with|w\/?|to|at)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:maternal\s+|paternal\s+|mat\s+|pat\s+)?(?:${fam})(?:\s+s)?\b[^.;]{0,40}?\b(?:tonight|overnight|since last night|for now|until|this weekend|over (?:the )?(?:wkend|weekend))\b)|\b(?:tonight|overnight)\s+(?:with|w\/?|at)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:maternal\s+|paternal\s+|mat\s+|pat\s+)?(?:${fam})\b`,
    "u",
  );
  return famTonight;
}

/**
 * A line labelled as the child's safety ("safety: kids to nan's tonight", "Immediate safety – ...", "Jordan's safety this
 * weekend: ...", a table row "Ela's safety | admitted ...", "Baby's safety at birth<tab>Birth plan ...", a heading
 * "Safety" over its block): the label names the child's safety, by a word or the child's name, with when or where in a
 * few words, then what keeps them safe.
 */
let safetyLabel: RegExp | undefined;

function safetyLabelPattern(): RegExp {
  // Built once: the alternations come from the vocabulary, and every line the reader checks asks for it.
  if (safetyLabel) return safetyLabel;
  const l = vocabulary().safety_label;
  const alt = (words: string[]) => vocabularyAlternation(words).source;
  // "pending" and "until" take what they wait for, in a few words ("until dad is interviewed", "pending the medical").
  const qualifier = String.raw`(?:(?:pending|until)\s+(?:[^\s:–—|]+\s+){0,3}[^\s:–—|]+|${alt(l.when)}|${alt(l.where)})`;
  safetyLabel = new RegExp(
    String.raw`^\s*[-•*–]?\s*(?:immediate\s+|(?:the\s+)?[\p{L}.]+['’]s\s+|childs\s+)?(?:${alt(l.subjects)})(?:\s+(?:${alt(l.kinds)}))?(?:\s+${qualifier}){0,2}\s*(?:[:–—|\t\n]|\s-)\s*\S`,
    "iu",
  );
  return safetyLabel;
}

/** The child seen and found well: a finding about the child now ("Child seen at home 05/08, well", "seen by police – all well"), not a plan to see them. */
const SEEN_SAFE = /\bseen\b[^.;]{0,40}?\b(?:well|all well|happy|fine|settled|safe|no (?:marks|injur\w*|concerns))\b/iu;

let goesTo: RegExp | undefined;

/** Where the child sleeps tonight in shorthand: "kids to MGM 2 nts", "Megan + Rhys → to Taid + Nain tonight". */
function childGoesTo(): RegExp {
  const v = vocabulary();
  const fam = vocabularyAlternation(v.family_words.map((w) => w.toLowerCase())).source;
  const child = vocabularyAlternation(v.child_words.map((w) => w.toLowerCase())).source;
  goesTo ??= new RegExp(
    String.raw`(?:\b(?:${child})\b|→|->)\s*(?:to\s+)?(?:stay\s+(?:with|at)\s+)?(?:the\s+|her\s+|his\s+|their\s+)?(?:maternal\s+|paternal\s+|mat\s+|pat\s+)?(?:${fam})\b[^.;]{0,40}?\b(?:tonight|overnight|nights?|nts|until|for now|while|pending|this weekend)\b`,
    "u",
  );
  return goesTo;
}

/** Whether a sentence tells why the discussion was held: a concern about a child, or the words "concern", "worries", "referral". */
/** Harm words that say what happened, not only that there is a concern ("referral", "concerns" say nothing of it). */
function saysHarm(text: string): boolean {
  const v = vocabulary();
  const generic = new Set(["concern", "concerns", "worry", "worries", "referral"]);
  return hasPhrase(v.harm_words.filter((w) => !generic.has(w)), text);
}

/**
 * Whether what is recorded as the concerns only points to another record ("See MASH referral", "as per MASH contact
 * 22/09, not repeated here", "Referral from Oak Lane Medical Centre, details as per the MASH contact record") and says
 * nothing of what happened.
 */
export function concernsOnlyPointElsewhere(text: string): boolean {
  return hasPhrase(vocabulary().concern_pointers, text) && !saysHarm(text);
}

/**
 * What the information shared says happened, where the notes give the concerns under no heading of their own: a
 * strategy discussion's information is about the child, so a harm word is enough ("J stopped 05/10 with 14 wraps of
 * crack", "15yo, 12 wks pregnant, partner is 23").
 */
export function isSharedConcern(text: string): boolean {
  return isConcern(text) || saysHarm(text);
}

export function isConcern(text: string): boolean {
  const v = vocabulary();
  if (/^\s*(concerns?|worries|the concern|concern was|the referral)\b/i.test(text) || /\bconcerns? (re|about|regarding|is|was|were)\b/i.test(text)) return true;
  // The child as notes name them: by a word ("baby", "YP"), an age ("7yo", "18 months old"), a name or initial with
  // the age in brackets ("Tyler (15)", "J (13)"), a school year ("Y9 lad", "yr9") or a date of birth.
  const child =
    hasPhrase(v.child_words, text) ||
    /\b\d{1,2}\s?(yo|y\/o|yrs?|years?[- ]old|months?[- ]old|month old|mo|m\/o|mths?|wks?|weeks)\b|\b\d{1,2}-year-old\b/i.test(text) ||
    /\b\p{Lu}[\p{L}.'’-]*\s*\(\d{1,2}\)/u.test(text) ||
    /\b(?:y|yr|year)\s?\d{1,2}\b|\bdob\b/i.test(text);
  return child && hasPhrase(v.harm_words, text);
}

/**
 * Every decision from the decision clauses. Sharing with the family and the child's
 * welfare are often written among the actions, so they are also looked for in `wider`,
 * unless the record states them itself.
 */
export function readDecisions(
  cs: string[],
  wider: string[],
  stated: { share_with_family?: string | null; child_welfare?: string | null } = {},
): Decisions {
  // A decision is written where the writer was when it was made: under "Actions" ("S47 agreed; SW to visit"), "Next
  // steps" ("LPM to be booked") or among what was shared. The decision headings come first; the rest count when they are silent.
  const first = <T extends { source: string | null }>(read: (xs: string[]) => T): T => {
    const r = read(cs);
    return r.source === null && wider.length > 0 ? read(wider) : r;
  };
  const s47 = first(readSection47);
  const crime = first(readCriminalInvestigation);
  const legal = first(readLegalAction);
  return {
    section47: { decision: s47.decision, outcome: s47.outcome, rationale: s47.rationale, source: s47.source },
    criminal_investigation: { decision: crime.decision, lead: crime.lead, lead_by: crime.lead_by, detail: crime.detail, source: crime.source },
    legal_action: { decision: legal.decision, detail: legal.detail, source: legal.source },
    share_with_family: stated.share_with_family || readShareWithFamily([...cs, ...wider]),
    child_welfare: stated.child_welfare || readChildWelfare([...cs, ...wider]),
  };
}
