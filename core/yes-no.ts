/**
 * Reading a free-text reply to a yes/no question: "yes he's there now", "not sure",
 * "dunno", "i think so", "nah", "she isn't". General, not per question: a reply is read
 * by its polarity words, its hedges and its echo of the question ("it is", "they aren't"),
 * never by the topic. A reply that says none of these is not guessed at: it is null, and
 * the question is asked again.
 */

export type YesNo = "yes" | "no" | "unsure";

export interface YesNoReading {
  answer: YesNo;
  /** The reply was hedged ("I think so", "probably not"): taken as the answer, and said back. */
  hedged: boolean;
}

/** Words that say the replier does not know. Checked first, so "not sure" is never "not" and "sure". */
const UNSURE = [
  "not sure", "unsure", "dont know", "do not know", "dunno", "idk", "no idea", "no clue", "not certain", "uncertain",
  "cant tell", "cannot tell", "can not tell", "cant say", "cannot say", "hard to say", "hard to tell", "not clear", "unclear",
  "maybe", "perhaps", "possibly", "might be", "could be", "may be", "might", "not known", "unknown", "who knows",
  "yes and no", "sort of", "kind of", "partly", "in a way", "depends", "it depends", "50 50", "fifty fifty", "not yet known",
  "cant be sure", "cannot be sure", "no way of knowing", "not confirmed",
];

/** Hedges: the reply leans one way without being sure. Their polarity comes from any negation beside them. */
const HEDGES = [
  "i think", "i believe", "i suppose", "i guess", "i reckon", "i expect", "probably", "likely", "seems", "it seems",
  "looks like", "sounds like", "i would say", "id say", "pretty sure", "fairly sure", "quite sure", "as far as i know",
  "i imagine", "apparently",
];
/** Hedges that lean to no on their own. */
const NEGATIVE_HEDGES = [
  "doubt it", "doubt that", "unlikely", "not likely", "not really", "not that i know", "not as far as i know", "not that im aware",
  "not that i am aware", "dont think so", "do not think so", "dont believe so", "do not believe so", "dont reckon so", "hope not",
];

/** Words that open a plain yes. */
const YES = [
  "yes", "yeah", "yea", "yep", "yup", "ya", "yah", "yh", "y", "aye", "sure", "definitely", "certainly", "absolutely",
  "correct", "right", "true", "indeed", "affirmative", "of course", "it is", "that is right", "thats right", "exactly", "totally",
];
/** Words that open a plain no. */
const NO = ["no", "nope", "nah", "naw", "n", "never", "negative", "not at all", "none", "nobody", "no one", "false", "incorrect", "not"];

/** Fillers before the answer ("well, yes", "um no"). */
const FILLERS = new Set(["um", "umm", "erm", "er", "uh", "uhm", "hmm", "hm", "well", "oh", "ok", "okay", "so", "and", "i mean"]);

/** Negation anywhere in a clause: turns a hedge or an echo to no. */
const NEGATION = new Set([
  "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt",
  "werent", "hasnt", "havent", "hadnt", "cant", "cannot", "couldnt", "wont", "wouldnt", "shouldnt", "mustnt", "aint", "nt",
]);

/** Subject and auxiliary of an echo ("he is", "there isn't", "they've"): contractions included. */
const SUBJECTS = new Set(["i", "he", "she", "it", "they", "we", "you", "there", "that", "this"]);
const AUXILIARIES = new Set([
  "is", "are", "was", "were", "am", "has", "have", "had", "does", "do", "did", "can", "could", "will", "would", "should",
  "might", "may", "must", "isnt", "arent", "wasnt", "werent", "hasnt", "havent", "hadnt", "doesnt", "dont", "didnt", "cant",
  "couldnt", "wont", "wouldnt", "shouldnt", "mustnt",
]);
/** Contracted subject and verb in one word ("he's", "there's", "they're"). */
const CONTRACTED = new Set(["hes", "shes", "its", "theyre", "theres", "thats", "were", "im", "ive", "theyve", "weve", "youre", "itll"]);
/** Words an echo may end on without adding content ("he is still", "it is now"). */
const ECHO_TAIL = new Set(["now", "still", "yet", "really", "definitely", "certainly", "too", "though", "so", "currently", "right now"]);

/** Lowercase words, with apostrophes dropped so that "don't" and "dont" are one word. */
export function answerWords(text: string): string[] {
  const t = text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/n't\b/g, "nt")
    .replace(/'/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return t === "" ? [] : t.split(" ");
}

const phrases = (list: readonly string[]) => list.map((p) => p.split(" ")).sort((a, b) => b.length - a.length);
const UNSURE_P = phrases(UNSURE);
const HEDGE_P = phrases(HEDGES);
const NEG_HEDGE_P = phrases(NEGATIVE_HEDGES);
const YES_P = phrases(YES);
const NO_P = phrases(NO);
const FILLER_P = phrases([...FILLERS]);

function startsWith(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((w, k) => words[at + k] === w);
}
function contains(words: readonly string[], list: readonly (readonly string[])[]): boolean {
  for (let i = 0; i < words.length; i++) if (list.some((p) => startsWith(words, i, p))) return true;
  return false;
}
/** The length of the phrase from `list` that starts at `at`, or 0. */
function phraseAt(words: readonly string[], at: number, list: readonly (readonly string[])[]): number {
  return list.find((p) => startsWith(words, at, p))?.length ?? 0;
}

/** A clause that only echoes the question: "he is", "there isn't", "they're not", "it is still". */
function echo(words: readonly string[]): YesNo | null {
  let i = 0;
  if (CONTRACTED.has(words[0] ?? "")) i = 1;
  else if (SUBJECTS.has(words[0] ?? "") && AUXILIARIES.has(words[1] ?? "")) i = 2;
  else return null;
  const rest = words.slice(i);
  const negated = words.slice(0, i).some((w) => NEGATION.has(w)) || rest.some((w) => NEGATION.has(w));
  if (!rest.every((w) => NEGATION.has(w) || ECHO_TAIL.has(w))) return null;
  return negated ? "no" : "yes";
}

/** What follows a hedge, if it only completes it: "so", "not", "yes", or an echo ("I think he is"). */
function afterHedge(rest: readonly string[]): YesNo | null {
  const words = rest.filter((w) => w !== "so");
  if (words.length === 0) return "yes";
  if (words.every((w) => NEGATION.has(w))) return "no";
  if (phraseAt(words, 0, YES_P) === words.length) return "yes";
  if (phraseAt(words, 0, NO_P) === words.length) return "no";
  return echo(words);
}

/** One clause's answer, or null when it has none. */
function readClause(all: readonly string[]): YesNoReading | null {
  let start = 0;
  for (let n = phraseAt(all, start, FILLER_P); n > 0; n = phraseAt(all, start, FILLER_P)) start += n;
  const words = all.slice(start);
  if (words.length === 0) return null;
  if (contains(words, UNSURE_P)) return { answer: "unsure", hedged: false };
  if (contains(words, NEG_HEDGE_P)) return { answer: "no", hedged: true };
  const yes = phraseAt(words, 0, YES_P);
  const no = phraseAt(words, 0, NO_P);
  // "definitely not", "of course not": an intensifier with a negation is a no.
  if (yes > 0 && no === 0) return { answer: NEGATION.has(words[yes] ?? "") ? "no" : "yes", hedged: contains(words, HEDGE_P) };
  if (no > 0) return { answer: "no", hedged: contains(words, HEDGE_P) };
  // A hedge answers only when what follows it just completes it: "I think he's safe" says
  // something else, and is asked again rather than guessed.
  for (let i = 0; i < words.length; i++) {
    const n = phraseAt(words, i, HEDGE_P);
    if (n === 0) continue;
    const polarity = afterHedge(words.slice(i + n));
    return polarity ? { answer: polarity, hedged: true } : null;
  }
  const echoed = echo(words);
  return echoed ? { answer: echoed, hedged: false } : null;
}

/**
 * Read a reply to a yes/no question as yes, no or not sure, or null when it does not
 * say. The first clause that answers decides ("no, but she's scared" is no); doubt
 * anywhere in that clause makes it "unsure".
 */
export function readYesNo(text: string): YesNoReading | null {
  for (const clause of text.split(/[.,;:!?\n]+|\s+-\s+|\bbut\b/i)) {
    const read = readClause(answerWords(clause));
    if (read) return read;
  }
  return null;
}

// Openings that make a message a new question rather than a tentative answer.
const ASKS = /^\s*(who|whom|whose|what|whats|what's|when|where|which|why|how|can you|could you|would you|will you|tell me|explain)\b/i;

/**
 * Whether a reply opens as a question of its own ("what is a core group?"), as opposed
 * to an answer said with a question mark ("yes?", "is it 15 working days?"). A step uses
 * this to say which question-shaped replies are its answers.
 */
export function opensWithQuestionWord(text: string): boolean {
  return ASKS.test(text);
}
