import type { Jurisdiction } from "../core/jurisdiction.js";
import { loadPathway } from "./pathway.js";
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
  const order = loadPathway().stages;
  const byStage = new Map<Stage, Hit[]>();
  for (const h of kept) byStage.set(h.stage, [...(byStage.get(h.stage) ?? []), h]);
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
  const words = tokens(text, p.spellings);
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
