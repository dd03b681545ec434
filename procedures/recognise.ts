import type { Jurisdiction } from "../core/jurisdiction.js";
import { getStage, loadPathway } from "./pathway.js";
import type { Alias, Stage, StageId } from "./schema.js";
import { findPhrase, tokens } from "./text.js";
import { mentionsWales as lexiconMentionsWales } from "../lexicon/index.js";

/** The stage a description was read as, how sure we are (0–1) and the phrase that decided it. */
export interface StageRecognition {
  stage: StageId;
  confidence: number;
  matched: string;
  /** The jurisdiction the stage belongs to, and whether it came from the words (not an option). */
  jurisdiction: Jurisdiction;
  /** Set when an England stage was asked about in Wales and mapped to the nearest Wales stage. */
  mappedFrom?: StageId;
}

interface Hit {
  stage: Stage;
  start: number;
  end: number;
  weight: number;
  phrase: string;
}

interface CompiledAlias {
  stage: Stage;
  phrase: string;
  words: string[];
  weight: number;
}

// Longer phrases are more specific, so by default they weigh more; the data can say otherwise.
const aliasWeight = (a: Alias, words: number) => (typeof a === "string" ? 1 + 0.5 * (words - 1) : a.weight);

let compiled: CompiledAlias[] | undefined;
function aliases(): CompiledAlias[] {
  if (compiled) return compiled;
  const p = loadPathway();
  compiled = p.stages.flatMap((stage) =>
    stage.aliases.map((a) => {
      const phrase = typeof a === "string" ? a : a.phrase;
      const words = tokens(phrase, p.spellings);
      return { stage, phrase, words, weight: aliasWeight(a, words.length) };
    }),
  );
  return compiled;
}

/** Whether the words place the situation in Wales (a Welsh place, force, law or "Wales"): the shared lexicon's cues. */
export function mentionsWales(text: string): boolean {
  return lexiconMentionsWales(text);
}

/** Marks a clause boundary among the words: no phrase and no negation reaches across it. */
const BOUNDARY = "|";
/** How far (in words) a negation or an ending reaches from the stage's words, within the clause. */
const NEGATION_BEFORE = 3;
const NEGATION_AFTER = 2;
const ENDING_REACH = 4;
/** An outcome read from negation or ending says more than the stage's words alone. */
const OUTCOME_BONUS = 2;
/** Negation words that open a noun phrase ("no plan") rather than deny what went before. */
const DETERMINERS = new Set(["no", "none", "without", "neither", "nor", "against"]);

/** The words of a description, clause by clause, with a boundary marker between clauses. */
export function clauseWords(text: string, spellings: Record<string, string>): string[] {
  return text
    .split(/[.;,!?\n]+|\s[-–—]\s|\s+(?:but|however|although|then)\s+/i)
    .map((clause) => tokens(clause, spellings))
    .filter((ws) => ws.length > 0)
    .flatMap((ws, i) => (i === 0 ? ws : [BOUNDARY, ...ws]));
}

/**
 * Whether a cue word sits in words[from, to) without crossing a clause boundary from
 * `anchor`, and outside `taken` (words that belong to another matched phrase, such as the
 * "not" of "did not substantiate": that phrase's negation is its own, not this one's).
 */
function cueNear(words: string[], cues: ReadonlySet<string>, from: number, to: number, anchor: number, taken: ReadonlySet<number>): boolean {
  const hit = (i: number) => cues.has(words[i]!) && !taken.has(i);
  for (let i = anchor - 1; i >= Math.max(0, from) && words[i] !== BOUNDARY; i--) if (hit(i)) return true;
  for (let i = anchor; i < Math.min(words.length, to) && words[i] !== BOUNDARY; i++) if (hit(i)) return true;
  return false;
}

/**
 * What a matched phrase says once its clause is read: the stage itself, its negation
 * ("no CP plan", "s47 not agreed": `whenNegated`) or its ending ("the plan has ended":
 * `whenEnded`). A negated stage with no negative outcome is not counted.
 */
function outcomeOf(words: string[], hit: Hit, others: readonly Hit[]): Hit | null {
  const p = loadPathway();
  const negations = new Set(p.language.negations);
  // After the phrase, only a predicate negates it ("s47 not agreed", "plan was not needed");
  // a determiner there starts the next phrase ("conference today - no plan").
  const predicates = new Set(p.language.negations.filter((w) => !DETERMINERS.has(w)));
  const endings = new Set(p.language.endings);
  const taken = new Set(others.filter((o) => o !== hit).flatMap((o) => Array.from({ length: o.end - o.start }, (_, k) => o.start + k)));
  const inside = words.slice(hit.start, hit.end);
  // A negation inside the phrase is part of it ("not substantiated" is its own stage).
  const negatedHere = !inside.some((w) => negations.has(w));
  const before = cueNear(words, negations, hit.start - NEGATION_BEFORE, hit.start, hit.start, taken);
  const after = cueNear(words, predicates, hit.end, hit.end + NEGATION_AFTER, hit.end, taken);
  if (negatedHere && (before || after)) {
    if (!hit.stage.whenNegated) return null;
    return { ...hit, stage: getStage(hit.stage.whenNegated), weight: hit.weight + OUTCOME_BONUS, phrase: `${hit.phrase} (negated)` };
  }
  const ended = cueNear(words, endings, hit.start - ENDING_REACH, hit.start, hit.start, taken) || cueNear(words, endings, hit.end, hit.end + ENDING_REACH, hit.end, taken);
  if (hit.stage.whenEnded && ended) {
    return { ...hit, stage: getStage(hit.stage.whenEnded), weight: hit.weight + OUTCOME_BONUS, phrase: `${hit.phrase} (ended)` };
  }
  return hit;
}

/** Score every stage of one jurisdiction against the words; best first. */
function score(words: string[], jurisdiction: Jurisdiction): { stage: Stage; score: number; matched: string }[] {
  const hits: Hit[] = [];
  for (const a of aliases()) {
    if (a.stage.jurisdiction !== jurisdiction) continue;
    for (const start of findPhrase(words, a.words)) {
      hits.push({ stage: a.stage, start, end: start + a.words.length, weight: a.weight, phrase: a.phrase });
    }
  }
  // A phrase inside a longer matched phrase does not count: "substantiated" inside
  // "not substantiated", "conference" inside "review conference". The same words may
  // still count for two stages ("icpc" for an outcome and for a plan).
  hits.sort((x, y) => y.end - y.start - (x.end - x.start) || y.weight - x.weight);
  const kept: Hit[] = [];
  const len = (h: Hit) => h.end - h.start;
  for (const h of hits) {
    const covered = kept.some((k) => k.start <= h.start && h.end <= k.end && (len(k) > len(h) || k.stage === h.stage));
    if (!covered) kept.push(h);
  }
  const read = kept.map((h) => outcomeOf(words, h, kept)).filter((h): h is Hit => h !== null);
  const order = loadPathway().stages;
  const byStage = new Map<Stage, Hit[]>();
  for (const h of read) byStage.set(h.stage, [...(byStage.get(h.stage) ?? []), h]);
  return [...byStage.entries()]
    .map(([stage, hs]) => {
      const sorted = [...hs].sort((a, b) => b.weight - a.weight);
      const top = sorted[0] as Hit;
      // Supporting phrases add a little; the strongest phrase decides.
      const rest = sorted.slice(1).reduce((sum, h) => sum + h.weight, 0);
      return { stage, score: top.weight + 0.25 * rest, matched: top.phrase };
    })
    .sort((a, b) => b.score - a.score || order.indexOf(b.stage) - order.indexOf(a.stage));
}

function exactId(text: string): Stage | undefined {
  const id = text.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return loadPathway().stages.find((s) => s.id === id);
}

function toConfidence(best: number, second: number): number {
  // Any phrase match is a fair reading; a strong phrase more so; a close runner-up less so.
  const strength = Math.min(1, 0.5 + best / 4);
  const margin = best - second >= 0.5 ? 1 : 0.6;
  return Math.round(strength * margin * 100) / 100;
}

/**
 * Read a practitioner's description of where things stand ("strat done, s47 agreed",
 * "ICPC was yesterday") as a pathway stage, or a stage id. In Wales (by option or by
 * the words used) only Wales stages are returned where the sources have one; an England
 * stage with a Wales counterpart is mapped to it. Returns null when nothing matches.
 */
export function recogniseStage(text: string, opts: { jurisdiction?: Jurisdiction } = {}): StageRecognition | null {
  const p = loadPathway();
  const jurisdiction: Jurisdiction = opts.jurisdiction ?? (mentionsWales(text) ? "wales" : "england");
  const byId = exactId(text);
  if (byId) {
    if (jurisdiction === "wales" && byId.jurisdiction === "england" && byId.walesCounterpart) {
      return { stage: byId.walesCounterpart, confidence: 1, matched: byId.id, jurisdiction: "wales", mappedFrom: byId.id };
    }
    return { stage: byId.id, confidence: 1, matched: byId.id, jurisdiction: byId.jurisdiction };
  }
  const words = clauseWords(text, p.spellings);
  if (jurisdiction === "wales") {
    const wales = score(words, "wales");
    const england = score(words, "england");
    const w = wales[0];
    const e = england[0];
    // A clearly more specific England description ("moved in from another county") is
    // mapped to its Wales counterpart rather than lost to a vague Wales word.
    if (w && (!e || w.score >= e.score - 1)) {
      return { stage: w.stage.id, confidence: toConfidence(w.score, wales[1]?.score ?? 0), matched: w.matched, jurisdiction: "wales" };
    }
    if (!e) return null;
    const conf = toConfidence(e.score, england[1]?.score ?? 0);
    if (e.stage.walesCounterpart) {
      return { stage: e.stage.walesCounterpart, confidence: conf, matched: e.matched, jurisdiction: "wales", mappedFrom: e.stage.id };
    }
    return { stage: e.stage.id, confidence: conf, matched: e.matched, jurisdiction: "england" };
  }
  const ranked = score(words, "england");
  const best = ranked[0];
  if (!best) return null;
  return { stage: best.stage.id, confidence: toConfidence(best.score, ranked[1]?.score ?? 0), matched: best.matched, jurisdiction: "england" };
}
