import { cosine, type Embeddings } from "../knowledge/embeddings/embeddings.js";
import { buildExemplarIndex, loadExamples, type ExemplarIndex, type LabelledExample } from "./exemplars.js";
import { LEVELS, moreUrgent, type TriageLevel } from "./levels.js";
import { ruleVerdict, type RuleVerdict } from "./rules.js";
import { signpostFor, signpostText, type Signpost } from "./signposts.js";

/** The outcome of triage: the most urgent level that applies and its fixed signpost. */
export interface TriageResult {
  level: TriageLevel;
  /** The signpost wording for the level; for `none` a short neutral line. */
  text: string;
  signpost: Signpost | null;
  /** Rule names and nearest exemplar ids, for debugging. Never user text. */
  reasons: string[];
}

/** Triage with rules and similarity to labelled examples. */
export interface Triage {
  assess(text: string): Promise<TriageResult>;
}

/** Per-level similarity of a message to the exemplars: mean of the top K matches. */
export type LevelScores = Record<TriageLevel, number>;

const K = 2;
/** Sentences embedded at most per message: one embedding call stays a few milliseconds. */
const MAX_UNITS = 6;
/** Messages shorter than this many words are left to the rules. */
const MIN_WORDS = 3;
/** Characters of a unit sent to the model (USE reads a sentence, not a document). */
const UNIT_CHARS = 600;

/** Thresholds for trusting similarity over the rules (tuned on the train split). */
export const SEMANTIC = {
  /** A 999 exemplar this close overrides a non-emergency rule verdict (paraphrase of danger). */
  emergency: 0.8,
  /** How far ahead the 999 score must be of the best other level to override. */
  emergencyMargin: 0.05,
  /** Below this, similarity is ignored and the rules stand. */
  floor: 0.5,
  /** Two levels this close count as a tie, and the more urgent wins. */
  tie: 0.03,
  /** A wider tie for 999 when the rules are unsure: a missed emergency is the worst error. */
  tie999: 0.06,
};

function result(level: TriageLevel, reasons: string[]): TriageResult {
  return { level, text: signpostText(level), signpost: signpostFor(level), reasons };
}

/** Triage by rules alone: synchronous, no model. Reads every sentence of the input. */
export function triageByRules(text: string): TriageResult {
  const v = ruleVerdict(text);
  return result(v.level, v.reasons);
}

/**
 * The texts to embed: a short message whole; otherwise its sentences when there are
 * few, or the head, the tail and the sentences the rules flagged (latest first).
 * The cheap rules have already read every sentence; this bounds the model's work.
 */
export function unitsToEmbed(text: string, verdict: RuleVerdict): string[] {
  const s = verdict.sentences;
  if (text.length <= UNIT_CHARS || s.length === 0) return [text.slice(0, UNIT_CHARS)];
  const picks = new Set<number>();
  if (s.length <= MAX_UNITS) s.forEach((_, i) => picks.add(i));
  for (const i of [0, s.length - 1, s.length - 2]) if (i >= 0) picks.add(i);
  for (let k = verdict.flagged.length - 1; k >= 0 && picks.size < MAX_UNITS; k--) picks.add(verdict.flagged[k]!);
  if (picks.size < MAX_UNITS && s.length > 1) picks.add(1);
  return [...picks]
    .sort((a, b) => a - b)
    .slice(0, MAX_UNITS)
    .map((i) => s[i]!.slice(0, UNIT_CHARS));
}

/** Score each level by its exemplars' similarity to the best-matching unit. */
export function levelScores(units: readonly Float32Array[], index: ExemplarIndex): { scores: LevelScores; nearest: string[] } {
  const scores = Object.fromEntries(LEVELS.map((l) => [l, 0])) as LevelScores;
  let best = { sim: -1, id: "" };
  for (const u of units) {
    const perLevel = new Map<TriageLevel, number[]>();
    for (let j = 0; j < index.vectors.length; j++) {
      const sim = cosine(u, index.vectors[j]!);
      const level = index.levels[j]!;
      const list = perLevel.get(level) ?? [];
      list.push(sim);
      perLevel.set(level, list);
      if (sim > best.sim) best = { sim, id: index.ids[j]! };
    }
    for (const [level, sims] of perLevel) {
      sims.sort((a, b) => b - a);
      const top = sims.slice(0, K);
      const mean = top.reduce((a, b) => a + b, 0) / top.length;
      if (mean > scores[level]) scores[level] = mean;
    }
  }
  return { scores, nearest: best.id ? [best.id] : [] };
}

/**
 * Combine the rules with similarity. A 999 from the rules always stands. Similarity
 * can raise a message to 999 (a paraphrase the rules missed) when a 999 exemplar is
 * very close, unless the message is a procedure question or a training frame. Where
 * the rules found nothing, similarity decides; where they are unsure, the more urgent
 * of the two wins, as does a near tie between two levels.
 */
export function combine(verdict: RuleVerdict, scores: LevelScores): { level: TriageLevel; reason?: string } {
  if (verdict.level === "999") return { level: "999" };
  const ranked = [...LEVELS].sort((a, b) => scores[b] - scores[a]);
  const bestOther = Math.max(...LEVELS.filter((l) => l !== "999").map((l) => scores[l]));
  if (!verdict.procedural && scores["999"] >= SEMANTIC.emergency && scores["999"] - bestOther >= SEMANTIC.emergencyMargin) {
    return { level: "999", reason: "semantic:999" };
  }
  if (verdict.strength === "strong" || scores[ranked[0]!] < SEMANTIC.floor) return { level: verdict.level };
  // Childline is for children: an adult writer is never sent there by similarity alone.
  const candidates = verdict.adult ? ranked.filter((l) => l !== "childline") : ranked;
  const top = candidates[0]!;
  const second = candidates[1]!;
  let semantic = top;
  if (scores[top] - scores[second] <= SEMANTIC.tie) semantic = moreUrgent(top, second);
  if (!verdict.procedural && !verdict.calm && scores["999"] >= SEMANTIC.floor && scores[top] - scores["999"] <= SEMANTIC.tie999) {
    semantic = "999";
  }
  if (semantic === "999" && verdict.procedural) semantic = second === "999" ? top : second;
  // Below the strong-override threshold, similarity to emergencies only counts when
  // something in the message is happening now: a record's "infant with unexplained
  // bruising" resembles an emergency but describes a concern to report, not a 999 call.
  if (semantic === "999" && !verdict.immediate) semantic = candidates.find((l) => l !== "999")!;
  // A weak rule verdict and similarity disagreeing is exactly "unsure between two levels".
  const level = verdict.strength === "weak" ? moreUrgent(verdict.level, semantic) : semantic;
  return { level, reason: `semantic:${semantic}` };
}

/**
 * Create the combined triage. With no embeddings it is the rules alone. Exemplar
 * vectors are cached in `cacheDir` (keyed by model id and the examples' hash).
 * `exemplars` replaces the built-in labelled examples (for evaluation).
 */
export async function createTriage(
  opts: { embeddings?: Embeddings; cacheDir?: string; exemplars?: readonly LabelledExample[] } = {},
): Promise<Triage> {
  const { embeddings } = opts;
  if (!embeddings) return { assess: async (text) => triageByRules(text) };
  // In service every labelled example is an exemplar; evaluation passes the train split only.
  const exemplars = opts.exemplars ?? loadExamples();
  const index = await buildExemplarIndex(embeddings, exemplars, opts.cacheDir);
  return {
    async assess(text: string): Promise<TriageResult> {
      const verdict = ruleVerdict(text);
      // One or two words ("help", "next", a date) are commands or answers to a prompt:
      // similarity on so little text is noise, so the rules alone decide.
      // A 999 from the rules is final: answer at once, without the model.
      if (verdict.level === "999" || text.trim().split(/\s+/).length < MIN_WORDS) return result(verdict.level, verdict.reasons);
      // A confident procedure question cannot be changed by similarity (see combine):
      // skip the model, which is most of a practitioner's turn time.
      if (verdict.procedural && verdict.strength === "strong") return result(verdict.level, verdict.reasons);
      const units = await embeddings.embed(unitsToEmbed(text, verdict));
      const { scores, nearest } = levelScores(units, index);
      const combined = combine(verdict, scores);
      const reasons = [...verdict.reasons, ...(combined.reason ? [combined.reason] : []), ...nearest.map((id) => `nearest:${id}`)];
      return result(combined.level, reasons);
    },
  };
}
