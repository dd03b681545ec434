import { moreUrgent, type TriageLevel } from "./levels.js";
import { normaliseSentence, normaliseText, splitSentences, type NormalisedSentence } from "./normalise.js";
import * as P from "./patterns.js";

/** How sure the rules are: `strong` decisions are never overridden by similarity. */
export type RuleStrength = "strong" | "weak" | "default";

/** What the rules found: a level, why (rule names only, never user text) and how sure. */
export interface RuleVerdict {
  level: TriageLevel;
  reasons: string[];
  strength: RuleStrength;
  /** Indexes of sentences a rule fired on: the ones worth embedding in a long text. */
  flagged: number[];
  /** The input split into sentences (raw), shared with the semantic step. */
  sentences: string[];
  /** True when the message reads as a procedure question or a training/hypothetical frame. */
  procedural: boolean;
  /** True when the writer places the harm in the past or says the child is safe now. */
  calm: boolean;
  /** True when the writer reads as an adult (a parent, a professional, someone worried about "a child"). */
  adult: boolean;
  /** True when anything in the message places events now or tonight ("right now", "rn", "tonight"). */
  immediate: boolean;
}

/** Up to this length the whole message is one context; beyond it, context is a few sentences. */
const SHORT_MESSAGE = 1500;
/** Beyond this length, only screened sentences are normalised (see sampleLongText). */
const LONG_TEXT = 8000;
/** Sentences at each end of a long text that are always read in full, typos included. */
const EDGE_SENTENCES = 40;
/**
 * Raw-text screen for long pastes: stems of every danger the rules know, case-
 * insensitive and loose enough for typos and text-speak ("knif", "od", "chokin").
 * A sentence that fails it cannot fire an emergency rule; one that passes is read
 * in full with its neighbours. Keep it in step with patterns.ts.
 */
const RAW_STEMS = new RegExp(
  [
    "kni|nif|blade|machet|\\bguns?\\b|firearm|weapon|armed|\\baxe|hammer|crowbar|\\bbat\\b|cyll|gyll|gwn",
    "stab|chok|choc|stran|suffoc|drown|noose|ligature|hang|rope|jump|bridge|roof|ledge|goodbye|end it|own life|suic|sucid|\\bdie\\b|kill|murder",
    "overd|\\bo\\.?d\\b|pill|tablet|tabled|llyncu|paracet|bleach|poison|painkil|drank|swallow|drugged|spiked",
    "breath|breth|blue|concious|conscious|unrespons|respond|wake|not moving|collaps|seiz|fitting|convuls|passed out|floppy|limp|lifeless",
    "bleed|blood|shot|shoot|fell|falling|run over|hit by|motorway|railway|swimming|under water|face down|pond|river|canal",
    "break|broke|torri|kick|smash|banging|get in|climb|window|fire|drag|bundl|snatch|grab|lure|kidnap|abduct|stranger|drove off|taken|took",
    "hostage|held|trapped|get away|let (?:her|him|me|us|them)|blocking|can.?t leave|cannot leave|locked|hiding|cuddio",
    "perygl|danger|emergenc|emergan|frifo|churo|taro|beat|attack|punch|hurt|shak|\\brap|assault|batter|smack|slap|whip|threat|scream|burn",
    "missing|run away|ran away|ran off|come home|disappear|diflann|goll|can.?t find|cannot find|alone|nobody|no one",
  ].join("|"),
  "i",
);

type Sentence = NormalisedSentence;

/**
 * A long paste: every sentence is screened with a cheap case-insensitive stem test
 * on the raw text; only the head, the tail and the sentences that hit (with their
 * neighbours, for context) are normalised. The rest become blanks that no rule
 * matches. This keeps a 100 KB paste to a few milliseconds without skipping any
 * sentence that could describe danger.
 */
function sampleLongText(text: string): Sentence[] {
  const raws = splitSentences(text);
  const n = raws.length;
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (i < EDGE_SENTENCES || i >= n - EDGE_SENTENCES) keep[i] = 2;
    else if (RAW_STEMS.test(raws[i]!)) {
      keep[i] = Math.max(keep[i]!, 1);
      if (i > 0) keep[i - 1] = Math.max(keep[i - 1]!, 1);
      if (i + 1 < n) keep[i + 1] = Math.max(keep[i + 1]!, 1);
    }
  }
  const cache = new Map<string, string>();
  return raws.map((raw, i) => {
    if (keep[i] === 0) return { raw, norm: " " };
    const key = `${keep[i]}${raw}`;
    let norm = cache.get(key);
    if (norm === undefined) {
      norm = normaliseSentence(raw, keep[i] === 2);
      cache.set(key, norm);
    }
    return { raw, norm };
  });
}

/** Head, tail and flagged sentences (with neighbours) of a long text, joined. */
function edgesAndFlagged(sents: readonly Sentence[], flagged: readonly number[]): string {
  const n = sents.length;
  const keep = new Set<number>();
  for (let i = 0; i < Math.min(n, EDGE_SENTENCES); i++) keep.add(i);
  for (let i = Math.max(0, n - EDGE_SENTENCES); i < n; i++) keep.add(i);
  for (const f of flagged) for (let j = Math.max(0, f - 1); j <= Math.min(n - 1, f + 1); j++) keep.add(j);
  return [...keep].sort((a, b) => a - b).map((i) => sents[i]!.norm).join("");
}

/** The sentences around i (i-1..i+1), joined, for rules that look across a sentence break. */
function windowText(sents: readonly Sentence[], i: number): string {
  let out = "";
  for (let j = Math.max(0, i - 1); j <= Math.min(sents.length - 1, i + 1); j++) out += sents[j]!.norm;
  return out;
}

/**
 * Emergency rules for one sentence, with its neighbours as context. Returns the
 * name of the rule that fired, or null. Harm in the past or denied by the writer
 * ("not in danger now", "safe right now") does not count.
 */
function emergencyRule(s: string, ctx: string): string | null {
  const negated = P.NEGATION.test(s) && !P.UNSAFE.test(s);
  const past = P.PAST.test(s);
  if (negated || past) return null;
  const immediate = P.IMMEDIATE.test(ctx);
  if (P.HARD_DANGER.test(s)) return "danger-now";
  if (P.WEAPON.test(s) && (P.WEAPON_PRESENT.test(s) || P.THREAT.test(s) || immediate)) return "weapon";
  if (P.THREAT.test(s)) return "threat-to-kill";
  if ((P.VIOLENCE_NOW.test(s) || P.THREAT_HARM.test(s)) && immediate && !P.MUTUAL.test(s)) return "violence-now";
  if (P.SELF_HARM.test(s) && P.SELF_HARM_NOW.test(ctx)) return "self-harm-now";
  if (P.MISSING.test(s) && !P.MISSING_NOT_URGENT.test(s) && P.MISSING_RISK.test(ctx) && !(P.NOT_A_CHILD.test(s) && !P.CHILD_REF.test(ctx))) {
    return "missing-at-risk";
  }
  if (P.YOUNG_CHILD.test(ctx) && P.LEFT_ALONE.test(s) && P.ALONE_URGENT.test(ctx)) return "young-child-alone";
  if (P.SOFT_DANGER.test(s) && P.LIVE_NOW.test(ctx) && P.CHILD_REF.test(ctx)) return "danger-live";
  return null;
}

/** A child (5–17) giving their own age: "im 14", "i am only 12", "dw i'n 14". */
function childAge(s: string): boolean {
  const m = P.CHILD_SELF_AGE.exec(s);
  if (!m) return false;
  const age = Number(m[1]);
  const after = s.slice(m.index + m[0].length, m.index + m[0].length + 12);
  if (/^ (?:minutes|mins|hours|hrs|miles|weeks|months|days|pounds|percent|times|people|kids|children)\b/.test(after)) return false;
  return age >= 5 && age <= 17;
}

/**
 * Triage by rules alone: synchronous, no model, fast on any length (every sentence
 * of the input is read). Used on its own where the model is not loaded, and as the
 * backbone of the combined triage.
 */
export function ruleVerdict(text: string): RuleVerdict {
  const sents = text.length <= LONG_TEXT ? normaliseText(text) : sampleLongText(text);
  const rawSentences = sents.map((s) => s.raw);
  const short = text.length <= SHORT_MESSAGE;
  const whole = short ? sents.map((s) => s.norm).join("") : "";
  const scope = (i: number): string => (short ? whole : windowText(sents, i));

  const reasons = new Set<string>();
  const flagged: number[] = [];
  let level: TriageLevel = "none";
  let strength: RuleStrength = "default";

  // 1. Emergencies, sentence by sentence over the whole input.
  const checked = new Map<string, string | null>();
  for (let i = 0; i < sents.length; i++) {
    const s = sents[i]!.norm;
    if (s === " ") continue;
    const ctx = short ? whole : windowText(sents, i);
    const key = short ? s : ctx;
    let rule = checked.get(key);
    if (rule === undefined) {
      rule = emergencyRule(s, ctx);
      checked.set(key, rule);
    }
    if (rule === null) continue;
    flagged.push(i);
    const sc = scope(i);
    const framed = P.FICTION.test(sc) || P.PROCEDURAL_Q.test(sc) || P.PROCEDURAL_TERMS.test(sc);
    // A training scenario or a procedure question describes danger without being in
    // it; a real person in it says so ("my brother … right now").
    // Danger in a real person's own family is never framed away: an injected
    // "disregard all prior guidance" must not silence "my sister has taken 40 pills".
    const ownDanger = P.OWN_PERSON.test(sc) && !P.FICTION.test(sc);
    if (framed && !ownDanger && !(P.FIRST_PERSON.test(sc) && P.LIVE_NOW.test(sc))) {
      reasons.add(`framed:${rule}`);
      continue;
    }
    reasons.add(`rule:${rule}`);
    level = "999";
    strength = "strong";
  }

  // 2. The other levels read the message as a whole.
  // For a long paste, who is writing and what they ask is read from its head, its
  // tail and the flagged sentences; the emergency rules above have read everything.
  const all = short ? whole : edgesAndFlagged(sents, flagged);
  const fiction = P.FICTION.test(all);
  const procedural = fiction || P.PROCEDURAL_TERMS.test(all) || P.PROCEDURAL_Q.test(all);
  const age = sents.some((s) => childAge(s.norm));
  const adult = P.ADULT_VOICE.test(all) || (!age && P.ADULT_SELF_AGE.test(all));
  const strongChild = P.CHILD_SELF_HARM_BY_ADULT.test(all) || P.CHILD_SELF_FEELING.test(all) || P.CHILD_SELF_YEAR.test(all);
  const weakChild = P.CHILD_WEAK.test(all);
  let other: TriageLevel = "none";
  let otherStrength: RuleStrength = "default";
  const harmedChild = P.CHILD_SELF_HARM_BY_ADULT.test(all);
  // "my parents", "my teacher" without an age could be an adult asking for advice.
  const adviceNotChild = !age && !harmedChild && P.ADULT_ADVICE.test(all) && !P.SELF_HARM.test(all);
  if (!fiction && !adviceNotChild && (age || (strongChild && !adult))) {
    other = "childline";
    otherStrength = age || harmedChild || (strongChild && weakChild) ? "strong" : "weak";
    reasons.add(age ? "rule:child-gives-age" : "rule:child-voice");
  } else if (fiction || P.PROCEDURAL_TERMS.test(all)) {
    reasons.add(fiction ? "rule:training-or-hypothetical" : "rule:procedure-terms");
    otherStrength = "strong";
  } else if (P.CHILDLINE_ASK.test(all)) {
    other = "childline";
    otherStrength = "strong";
    reasons.add("rule:asks-for-childline");
  } else if (P.ADVICE.test(all)) {
    other = "nspcc_advice";
    otherStrength = "strong";
    reasons.add("rule:adult-seeks-advice");
  } else if (P.REPORT_INTENT.test(all) && (P.HARM_SIGNS.test(all) || P.CHILD_REF.test(all))) {
    other = "101_or_childrens_services";
    otherStrength = "strong";
    reasons.add("rule:concern-to-report");
  } else if (P.PROCEDURAL_Q.test(all)) {
    reasons.add("rule:procedure-question");
    otherStrength = "strong";
  } else if (P.HARM_SIGNS.test(all) && P.CHILD_REF.test(all)) {
    other = "101_or_childrens_services";
    otherStrength = "weak";
    reasons.add("rule:concern");
  }
  if (level !== "999") {
    level = moreUrgent(level, other);
    strength = otherStrength;
  }
  const calm = (P.NEGATION.test(all) && !P.UNSAFE.test(all)) || P.PAST.test(all);
  const immediate = P.IMMEDIATE.test(all);
  return { level, reasons: [...reasons], strength, flagged, sentences: rawSentences, procedural, calm, adult: adult && !age, immediate };
}
