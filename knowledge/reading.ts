import { expandQuestion, loadQuestionTerms } from "./expand.js";
import { focusQuestion } from "./focus.js";
import { readPersonTerms } from "../lexicon/roles.js";
import { fold, words } from "./text.js";

/**
 * How a message is read before ranking: the part that asks (its question sentences,
 * with the names, ages and dates of a case taken out) and the case narrative around
 * it. Practitioners wrap procedure questions in case detail ("Year 9 boy, disclosed
 * on Monday, mum says…"): the detail is context, not what the answer must cover.
 */
export interface QuestionReading {
  /** The whole message, noise lines dropped. */
  text: string;
  /** The asking part with case particulars removed: what the answer must cover. */
  core: string;
  /** The asking part as written (particulars masked), before any term of the story is read into it. */
  ask: string;
  /** The case narrative: sentences that tell, not ask. */
  context: string;
  /**
   * The procedure terms the narrative names ("the strat agreed s47", "she's on a CP plan"), in the
   * corpus's own words: what a case is about, weighed as the ask is while the rest of the story is not.
   */
  terms: string[];
}

/** A reader of procedure terms (knowledge/procedure-terms.ts). */
export interface TermFinder {
  find(text: string): { stems: string; text: string }[];
}


const ASKS =
  /^(?:what|what's|whats|who|who's|whos|whom|whose|when|where|which|why|how|how's|hows|can|can't|cant|could|do|does|did|is|isn't|are|aren't|was|were|should|shall|must|will|would|may|might|has|have|had|any|anyone|is there|are there|tell me|explain|i need to know|need to know|i'm wondering|im wondering|wondering|please|pls|plz|help|advice|quick q|q:|question)\b/i;

const MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thurs?|fri|sat|sun";
/** Dates, days and times of a case: "14/5/2025", "3rd March", "last Tuesday", "yesterday", "at 4pm". */
const DATES = new RegExp(
  [
    String.raw`\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b`,
    String.raw`\b\d{4}-\d{2}-\d{2}\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS})\b(?:\s+\d{4})?`,
    String.raw`\b(?:${MONTHS})\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?`,
    String.raw`\b(?:on|last|next|this|since|by)\s+(?:${DAYS})\b`,
    String.raw`\b(?:yesterday|today|tonight|tomorrow|last night|this morning|this afternoon|this evening)\b`,
    String.raw`\b(?:at\s+)?\d{1,2}(?::\d{2})?\s?(?:am|pm)\b`,
  ].join("|"),
  "gi",
);
/** Ages and school years: "14-year-old", "aged 9", "15yo", "Year 9", "3 months old". */
const AGES = /\b\d{1,2}[- ]?(?:years?|yrs?|months?|weeks?)[- ]old\b|\baged?\s+\d{1,2}\b|\b\d{1,2}\s?y\/?o\b|\byear\s+\d{1,2}\b|\b(?:an?\s+)?\d{1,2}\s+(?:year|yr)\s+old\b/gi;

/** Split a message into sentences (and lines). */
export function messageSentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.?!])\s+(?=\S)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Whether a sentence asks something (a question mark, or an asking opening). */
export function asks(sentence: string): boolean {
  return /\?\s*["')]*$/.test(sentence) || ASKS.test(sentence.replace(/^["'(\s]+/, ""));
}

/**
 * Take a case's particulars out of a sentence: dates, ages and names (a capitalised
 * word inside a sentence that the corpus does not use, such as "Jayden" or "Khan").
 */
export function maskParticulars(sentence: string, known: (word: string) => boolean): string {
  const tokens = sentence.replace(DATES, " ").replace(AGES, " ").split(/\s+/).filter(Boolean);
  // The first word of a sentence is capitalised anyway: only a capital inside the sentence marks a name.
  return tokens
    .filter((t, i) => {
      const m = /^["'(]*([A-Z][a-z]+)(?:['’]s)?[,.;:!?)"']*$/.exec(t);
      if (!m || i === 0 || /[.?!]$/.test(tokens[i - 1]!)) return true;
      return known(fold(m[1]!));
    })
    .join(" ")
    .trim();
}

/**
 * How an asking clause opens inside a sentence: the words that open a question, as in `ASKS`,
 * and the first-person asks of a practitioner ("do I need to", "I need to know").
 */
const CLAUSE_OPENERS =
  "what|what's|whats|who|who's|whos|whom|whose|when|where|which|why|how|can|can't|cant|could|do|does|did|is|isn't|are|aren't|should|shall|must|will|would|may|might|has|have|any|is there|are there|i need to know|need to know|i'm wondering|im wondering|wondering|i want to know|want to know|i'd like to know|tell me|please|pls";
/**
 * A clause boundary followed by an asking opener: a comma, semicolon, colon, bracket or dash, or a joining "so", "and", "but".
 * After a bracket, "is", "has" and the like go on telling about whom it follows ("Mia (Year 7) is often absent").
 */
const ASKING_CLAUSE = new RegExp(String.raw`(?:[,;:]\s*|\)\s*(?!(?:is|are|was|were|has|have|had)\b)|\s[-–—]+\s+|\s(?:so|and|but)\s+|,\s*(?:so|and|but)\s+)(?=(?:${CLAUSE_OPENERS})\b)`, "gi");
/** What tells a story rather than sets a condition: the asker in the first person, a child's particulars, or a story word. */
const STORY = /\b(?:i|i'm|im|i've|ive|i'd|we|we've|we're|my|our|me|us)\b|\bwhose\b/i;
/** A clause that sets a procedural condition ("if a child on a plan moves…") is part of the ask. */
const CONDITION = /^(?:if|when|where|once|after|before|unless|while|during|following|for|in)\b/i;

/** A shorthand ask set off after a story is a few words ("icpc timescale", "who chairs the strat"). */
const SHORT_ASK_WORDS = 6;

let storyWordCache: Set<string> | undefined;
/** The words that tell a case's story: kin, the child described, the telling (knowledge/question-terms.json). */
function storyWords(): Set<string> {
  storyWordCache ??= new Set(loadQuestionTerms().story);
  return storyWordCache;
}

/** Whether a stretch of text tells a case: the asker in the first person, a child's particulars, or a story word. */
function tellsCase(text: string): boolean {
  return STORY.test(text) || new RegExp(`${DATES.source}|${AGES.source}`, "i").test(text) || words(text).some((w) => storyWords().has(w));
}

/**
 * Where a story is set off after the ask: "... face to face? Asking because a 3 year old ...", "...
 * (context: mum has ...)". The words that give a reason or background open it; what follows is story
 * when it tells a case, and a reason that names only procedure ("because the s47 found nothing") stays
 * part of the ask.
 */
const STORY_AFTER = /(?:[,;:.?)]\s*|\s[-–—]+\s+|\s\(|\s)(?=(?:(?:i'm |im |i am |only |just )?asking (?:because|as|cos|coz|since)|because|cos|coz|(?:for |some |bit of |a bit of )?(?:context|background)\s*[:-])\s)/gi;

/** A story told after the ask, split off, or null. */
function storyAfter(sentence: string): { story: string; ask: string } | null {
  for (const m of sentence.matchAll(STORY_AFTER)) {
    const ask = sentence.slice(0, m.index + (/^[.?]/.test(m[0]) ? 1 : 0)).trim();
    const story = sentence.slice(m.index + m[0].length).replace(/[)\s.]+$/, "").trim();
    // A story that asks ("... because he hit a teacher, do I need to tell the LA?") is not one told
    // after the ask; nor is a head that tells a case itself without opening as a question does.
    if (/\?/.test(story) || (tellsCase(ask) && !ASKS.test(ask.replace(/^["'(\s]+/, "")))) continue;
    if (ask.split(/\s+/).length >= 2 && tellsCase(story)) return { story, ask };
  }
  return null;
}

/**
 * A story told clause by clause before an ask with no question word ("A 15yo came in with a bruise,
 * mum's explanation doesn't fit - complex case after strat - designated dr when"): split at commas,
 * dashes, semicolons, colons and a joining "so" or "and", the sentence is story when its first clause
 * tells a case, up to the last clause that does; the ask is the rest.
 */
const CLAUSE_BREAK = /[,;:]\s+|\s[-–—]+\s+|,?\s+(?:so|and)\s+/gi;
function clauseEnds(text: string): (readonly [number, number])[] {
  return [...[...text.matchAll(CLAUSE_BREAK)].map((b) => [b.index, b.index + b[0].length] as const), [text.length, text.length] as const];
}
/** A question's word order inside a clause: an auxiliary before the one who asks ("do we", "can I", "should they"). */
const INVERTED = /\b(?:do|does|can|could|should|shd|shall|must|will|would|are|have|need)\s+(?:i|we|you|they)\b/i;
function storyBefore(sentence: string): { story: string; ask: string } | null {
  let from = 0;
  let cut = -1;
  const clauses = clauseEnds(sentence);
  for (const [end, next] of clauses) {
    const clause = sentence.slice(from, end).trim();
    // Who asks ("Health visitor here") is part of the story as much as what happened; a clause in a
    // question's word order ("post discharge do we still need to…") asks, whatever "we" it says.
    const told = !INVERTED.test(clause) && (tellsCase(clause) || SELF_INTRO.test(clause));
    if (from === 0 && (CONDITION.test(clause) || !told)) return null;
    if (told) cut = next;
    from = next;
  }
  // A message asks something: when every clause tells, the last one that does not narrate is the ask
  // ("… mum has refused to sign the early help form, pace of change appropriate for child CIN").
  if (cut >= sentence.length && clauses.length > 1 && !NARRATES.test(sentence.slice(clauses[clauses.length - 2]![1]))) cut = clauses[clauses.length - 2]![1];
  if (cut <= 0 || cut >= sentence.length) return null;
  const ask = sentence.slice(cut).trim();
  if (ask.split(/\s+/).filter(Boolean).length < 2) return null;
  return { story: sentence.slice(0, cut).replace(/[\s,;:–—-]+(?:so|and)?\s*$/i, "").trim(), ask };
}

/** Narration: the past tense or a reported "would" ("came in", "was seen", "wouldn't say", "refused"). */
const NARRATES = /\b(?:was|were|had|has|have|been|is|are|did|didn't|would|wouldn't|said|says|came|went|got|told|saw|left|took|\w{3,}ed)\b/i;
/** The hard breaks between a story's clauses and a shorthand subject: commas, dashes, semicolons, colons. */
const HARD_BREAK = /[,;:]\s+|\s[-–—]+\s+/g;
/** At most this many shorthand clauses before the question word are the ask's subject. */
const SUBJECT_CLAUSES = 2;

/**
 * Where the ask begins, given the clause that opens as a question does at `at`: the clauses just
 * before it that neither tell a case nor narrate are the ask's own subject, set off in shorthand
 * ("... mum's explanation doesn't fit - complex case after strat - when to bring in the designated
 * doctor" asks about a complex case after a strategy discussion).
 */
function askBegins(sentence: string, at: number): number {
  const head = sentence.slice(0, at);
  const ends = [...head.matchAll(HARD_BREAK)].map((b) => [b.index, b.index + b[0].length] as const);
  let begin = at;
  for (let k = ends.length - 1; k >= Math.max(0, ends.length - SUBJECT_CLAUSES); k--) {
    const from = k > 0 ? ends[k - 1]![1] : 0;
    if (from === 0) break;
    const clause = head.slice(from, ends[k]![0]).trim();
    // A clause in a question's word order ("icpc how shd we work with parents") asks, whatever "we" it says.
    if (!clause || (tellsCase(clause) && !INVERTED.test(clause)) || NARRATES.test(clause) || /^(?:so|and|but)$/i.test(clause)) break;
    begin = from;
  }
  return begin;
}

/**
 * Split an asking sentence into the story it opens with and the clause that asks: "I've got a 15yo
 * whose mum has moved, do I need to tell the LA?" asks "do I need to tell the LA?". The ask is the
 * last clause that opens as a question does; what comes before it is story when it speaks of the
 * asker or a child's particulars, and not a condition of the procedure asked about. A sentence that
 * opens by asking is all ask.
 */
export function askingClause(sentence: string): { story: string; ask: string } {
  const told = storyAfter(sentence);
  if (told) return told;
  const s = sentence.replace(/^["'(\s]+/, "");
  if (ASKS.test(s)) return { story: "", ask: sentence };
  let at = -1;
  for (const m of sentence.matchAll(ASKING_CLAUSE)) {
    const tail = sentence.slice(m.index + m[0].length);
    if (tail.split(/\s+/).filter(Boolean).length >= 2) at = m.index + m[0].length;
  }
  const particular = new RegExp(`${DATES.source}|${AGES.source}`, "i");
  if (at < 0) {
    const walked = storyBefore(sentence);
    if (walked) return walked;
    // Shorthand asks with no question word ("…new phone, icpc timescale"): after a story, the
    // last short segment set off by a comma, semicolon, colon or dash is the ask.
    const cut = Math.max(...[...sentence.matchAll(/[,;:]\s*|\s[-–—]+\s+/g)].map((m) => m.index + m[0].length), -1);
    const tail = cut > 0 ? sentence.slice(cut).trim() : "";
    const n = tail.split(/\s+/).filter(Boolean).length;
    if (n < 2 || n > SHORT_ASK_WORDS) return { story: "", ask: sentence };
    const before = sentence.slice(0, cut).replace(/[\s,;:–—-]+$/, "").trim();
    const tellsStory = STORY.test(before) || particular.test(before) || words(before).some((w) => storyWords().has(w));
    if (!tellsStory || CONDITION.test(before)) return { story: "", ask: sentence };
    return { story: before, ask: tail };
  }
  at = askBegins(sentence, at);
  const story = sentence.slice(0, at).replace(/[\s,;:–—-]+(?:so|and|but)?\s*$/i, "").trim();
  if (CONDITION.test(story) && !particular.test(story)) return { story: "", ask: sentence };
  // What comes before in a question's word order ("icpc how shd we work with parents - which principles?") asks too.
  if (INVERTED.test(story)) return { story: "", ask: sentence };
  const tells = STORY.test(story) || particular.test(story) || words(story).some((w) => storyWords().has(w));
  if (!tells) return { story: "", ask: sentence };
  return { story, ask: sentence.slice(at).trim() };
}

/**
 * Read a message: the clauses that ask are the core (particulars masked); the rest, the
 * told sentences and the story an asking sentence opens with, is context. A message that
 * asks nothing in so many words is all core.
 */
export function readQuestion(message: string, known: (word: string) => boolean, lexicon?: TermFinder): QuestionReading {
  const text = focusQuestion(message).trim();
  const sentences = messageSentences(text);
  // A note that asks without a question mark ("strat - does health attend") is the line that does
  // not end as a told sentence does.
  let asking = sentences.filter(asks);
  if (asking.length === 0 && sentences.length > 1) asking = sentences.filter((s) => !/[.!]["')]*$/.test(s));
  // A one-sentence note that asks with no question mark or word ("A 15yo came in with a bruise, strat
  // timing") is read for a story it opens with like any asking sentence; with none, it stays whole.
  if (asking.length === 0 && sentences.length === 1) asking = sentences;
  let clauses = asking.map(askingClause);
  // Several asks around a story: those with a subject of their own are what the message asks about;
  // one that names no procedure and says little else ("Also, should I tell the parents?", "Oh and who
  // keeps the records?") is a follow-up on the case, read with the story. A message with no story
  // keeps every ask.
  if (lexicon && clauses.length > 1 && (sentences.length > asking.length || clauses.some((c) => c.story))) {
    const names = clauses.map((c) => lexicon.find(c.ask).length > 0 || ownWords(c.ask) > LEANING_ASK_WORDS);
    if (names.some(Boolean) && !names.every(Boolean)) {
      clauses = clauses.filter((_, k) => names[k]);
      asking = asking.filter((_, k) => names[k]);
    }
  }
  const telling = sentences.flatMap((s) => {
    const k = asking.indexOf(s);
    return k < 0 ? [s] : clauses[k]!.story ? [clauses[k]!.story] : [];
  });
  const core = (asking.length > 0 ? clauses.map((c) => c.ask) : sentences).map((s) => maskParticulars(s, known)).join(" ");
  const context = asking.length > 0 ? telling.join(" ") : "";
  const terms = lexicon && context ? lexicon.find(maskParticulars(caseContent(context), known)) : [];
  return { text, core: resolveAsk(core || text, terms, lexicon), ask: core || text, context, terms: terms.map((t) => t.text) };
}

/**
 * How an asker introduces themselves ("I'm a social worker in the assessment team", "Health visitor
 * here", "I run a youth club"): who asks, not what the case is about, so its role is no procedure the
 * ask leans on. A clause that also tells the case ("I'm worried about a 15yo", "I'm the SW for two
 * brothers") is story.
 */
const SELF_INTRO = /^(?:(?:hi|hello|hiya|morning|afternoon)\b[,!]?\s*)?(?:i'm|im|i am|i work|i run|i manage|i lead|i chair)\b|\bhere$/i;

/** The story with the asker's self-introduction left out. */
export function caseContent(context: string): string {
  return messageSentences(context)
    .flatMap((s) => s.split(CLAUSE_BREAK))
    .map((c) => c.trim().replace(/[.!]+$/, ""))
    .filter((c) => c && !(SELF_INTRO.test(c) && !tellsCase(c.replace(/^(?:(?:hi|hello|hiya|morning|afternoon)\b[,!]?\s*)?(?:i'm|im|i am|i)\b/i, ""))))
    .join(". ");
}

/**
 * Words an ask uses for something its story named: a thing or event ("is that too late?", "who do I
 * send it to?") and a body of people ("what are they required to do?"). A person ("can he be
 * accommodated?") is most often the child, whom no procedure term names, so "he" and "she" are left.
 */
const THING_WORDS = /\b(?:it|that|this|these|those)\b/i;
const GROUP_WORDS = /\b(?:they|them|their)\b/i;

/** Whether a procedure term names a role or an agency (lexicon/roles): what "they" can stand for, and "it" cannot. */
function namesPeople(term: string): boolean {
  const ws = term.split(" ");
  // Words drop the possessive ("children services" for "Children's Services"); the table writes it.
  const possessive = ws.length > 1 ? `${ws[0]}'s ${ws.slice(1).join(" ")}` : term;
  return readPersonTerms(term, "list").matches.length > 0 || readPersonTerms(possessive, "list").matches.length > 0;
}

/**
 * An ask leans on its story for what it is about. Each word of the ask that stands for something the
 * story named is read with the term it stands for: "it", "that" or "this" with the last procedure the
 * story names that is not a role or agency, "they" or "them" with the last role or agency it names
 * ("We sent a referral to Children's Services. What are they required to do with it?" asks about
 * both), even where the ask names a procedure of its own ("Is the strategy discussion where the timing
 * of that gets agreed?"). An ask that names no procedure and stands for none ("What should I do now?")
 * is read with the procedure the story names most often, the last named of those most often.
 * Quick cross-validation on every second bank case question, read and embedded live
 * (scripts/eval-case-quick.ts): with all case questions held out, passage hit 0.330 (the most frequent
 * term for every ask naming none) -> 0.335; with each chapter held out 0.221 -> 0.226.
 */
export function resolveAsk(core: string, terms: { stems: string; text: string }[], lexicon?: TermFinder): string {
  if (!lexicon || terms.length === 0) return core;
  const named = lexicon.find(core);
  const have = new Set(named.map((t) => t.stems));
  const last = (people: boolean) => [...terms].reverse().find((t) => namesPeople(t.text) === people && !have.has(t.stems));
  const stands = [THING_WORDS.test(core) ? last(false) : undefined, GROUP_WORDS.test(core) ? last(true) : undefined].filter((t) => t !== undefined);
  if (stands.length > 0) return `${core} ${[...new Set(stands.map((t) => t.text))].join(" ")}`;
  // An ask with a subject of its own ("is a MAT CEO a strategic leader?") is about that, whatever the
  // story names; only one that says little but how it asks ("what now?", "who do I tell?", "timescales?")
  // takes its procedure from the story. The story's roles and agencies are who it involves, not what
  // it is about: "they" reads them above.
  if (named.length > 0 || ownWords(core) > LEANING_ASK_WORDS) return core;
  const procedures = terms.filter((t) => !namesPeople(t.text));
  if (procedures.length === 0) return core;
  const count = new Map<string, number>();
  for (const t of procedures) count.set(t.stems, (count.get(t.stems) ?? 0) + 1);
  let best = procedures[procedures.length - 1]!;
  for (const t of [...procedures].reverse()) if (count.get(t.stems)! > count.get(best.stems)!) best = t;
  return `${core} ${best.text}`;
}

/** An ask leaning on its story names at most this many words of its own ("escalate", "timescales", "what now"). */
const LEANING_ASK_WORDS = 2;

/** How many words an ask says besides how it asks: not stopwords, generic words, the story's (kin, the child) words or the word a "how" asks with. */
function ownWords(ask: string): number {
  const t = loadQuestionTerms();
  const skip = new Set([...t.stopwords, ...t.generic, ...t.story]);
  // "How long", "how soon", "how often" ask as "when" does: the word after "how" is part of the asking.
  const ws = words(ask);
  return ws.filter((w, i) => w.length > 1 && !skip.has(w) && !/^\d+$/.test(w) && ws[i - 1] !== "how").length;
}

/**
 * What a question is judged on: its asking sentences (particulars masked) when they name at
 * least two things the corpus (`df`: its stems' document frequencies) or the field's shorthand
 * knows, else the whole message. Case detail around a self-contained question then changes
 * neither its vector nor its topic; an asking sentence that leans on its case ("what do I do
 * now?") is judged with the case.
 */
export function questionFocus(reading: QuestionReading, df: ReadonlyMap<string, number>): string {
  if (!reading.context) return reading.text;
  const known = expandQuestion(reading.core).concepts.filter((c) => c.alternatives.some((a) => a.every((w) => (df.get(w) ?? 0) > 0)));
  return known.length >= 2 ? reading.core : reading.text;
}
