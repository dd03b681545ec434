import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { systemClock, type Clock } from "../core/clock.js";
import { fromRoot } from "../core/paths.js";
import type { Embeddings } from "../knowledge/embeddings/embeddings.js";
import { deserialise, featuresOf, predict, SPARSE_DIM, type SoftmaxModel } from "./classifier.js";
import { applySafetyNets, policyFacts, ruleLevel } from "./decide.js";
import { LEVELS, moreUrgent, type TriageLevel } from "./levels.js";
import { readMessage, type Reading } from "./reader.js";
import { openPhraseCache, savePhraseCache } from "./phrases.js";
import { loadRiskModel, type DangerKind, type Speaker } from "./risk-model.js";
import { signpostFor, signpostText, type Signpost } from "./signposts.js";
import { loadSentenceBank, nearDanger, netSentences, type Exclusion, type SentenceBank } from "./sentence-net.js";

/** The outcome of triage: the most urgent level that applies, its fixed signpost, and codes saying why. */
export interface TriageResult {
  level: TriageLevel;
  /** The signpost wording for the level; for `none` a short neutral line. */
  text: string;
  signpost: Signpost | null;
  /** Rule, safety-net and model names, danger kinds found: codes only, never user text. */
  reasons: string[];
  /** The danger kind behind the level (the live one for 999), or null. */
  dangerKind: DangerKind | null;
  /** Who reads as writing: child, parent_carer, professional, bystander or asker. */
  speaker: Speaker;
}

/** Options for one assessment. */
export interface AssessOptions {
  /**
   * The message's sentence vector, already computed by the caller (the bot embeds a
   * question once and shares it with retrieval). Used only for a message short enough
   * to be one sentence vector, and only when it comes from the model the weights were trained with.
   */
  vector?: Float32Array;
}

/** Triage: rules, a learned model over them, and safety nets that hold whatever the model says. */
export interface Triage {
  assess(text: string, opts?: AssessOptions): Promise<TriageResult>;
}

/** Messages up to this length are embedded whole; a longer paste is read by the rules and the lexical model. */
export const EMBED_CHARS = 1000;
/** The lexical model decides alone when it is this sure (the fast path); otherwise the sentence vector is used. */
export const CONFIDENT = 0.9;
/** Two levels this close in probability count as a tie, and the more urgent wins. */
export const TIE = 0.1;
/**
 * Where the risk model finds nothing at all (no danger, concern, child, request or
 * question about procedure: the rules' "otherwise"), the model must be at least this
 * sure to raise a signpost. A guess on no evidence is not a reason to alarm anyone.
 */
export const NO_EVIDENCE_MIN = 0.5;

const ModelFileSchema = z.object({
  version: z.literal(1),
  /** Facts, rule levels and hash buckets the weights were trained with: weights for other features are refused. */
  sparse_dim: z.number().int().positive(),
  embeddings: z.string(),
  trained_on: z.object({ lines: z.number().int().positive(), hash: z.string() }),
  lexical: z.object({ dense: z.literal(0), weights: z.array(z.string()), bias: z.array(z.number()) }),
  full: z.object({ dense: z.number().int().positive(), weights: z.array(z.string()), bias: z.array(z.number()) }),
});
export type ModelFile = z.infer<typeof ModelFileSchema>;

/** The shipped weights (escalation/data/model/triage-model.json). */
export interface TriageModels {
  embeddings: string;
  lexical: SoftmaxModel;
  full: SoftmaxModel;
  trainedOn: { lines: number; hash: string };
}

export const MODEL_PATH = fromRoot("escalation", "data", "model", "triage-model.json");

/** Load the shipped weights, or null when the file is missing or unreadable (triage then runs on rules alone). */
export function loadTriageModels(path: string = MODEL_PATH): TriageModels | null {
  if (!existsSync(path)) return null;
  try {
    const file = ModelFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
    if (file.sparse_dim !== SPARSE_DIM) return null;
    return { embeddings: file.embeddings, lexical: deserialise(file.lexical), full: deserialise(file.full), trainedOn: file.trained_on };
  } catch {
    return null;
  }
}

function result(level: TriageLevel, reading: Reading, reasons: string[]): TriageResult {
  const kinds = reading.hits.map((h) => `danger:${h.kind}:${h.live ? "live" : "past"}`);
  return {
    level,
    text: signpostText(level),
    signpost: signpostFor(level),
    reasons: [...new Set([...reasons, ...kinds, `speaker:${reading.speaker}`])],
    dangerKind: level === "999" || reading.facts.has("danger_any") ? reading.dangerKind : null,
    speaker: reading.speaker,
  };
}

/** A model's level: the most probable, or the more urgent of two that are nearly tied. */
export function levelFromProbabilities(p: Float32Array): TriageLevel {
  const order = [...LEVELS.keys()].sort((a, b) => p[b]! - p[a]!);
  const [first, second] = [order[0]!, order[1]!];
  return p[first]! - p[second]! < TIE ? moreUrgent(LEVELS[first]!, LEVELS[second]!) : LEVELS[first]!;
}

/**
 * Decide a reading's level with a model (or the rules when there is none), then apply
 * the safety nets. Exported for evaluation, which swaps in models trained on folds.
 */
export function decideLevel(reading: Reading, model: SoftmaxModel | null, vec: Float32Array | null = null): { level: TriageLevel; reasons: string[]; confidence: number } {
  const rule = ruleLevel(reading);
  let level = rule.level;
  const reasons = [`rule:${rule.rule}`];
  let confidence = 1;
  if (model) {
    const p = predict(model, featuresOf(reading, vec));
    level = levelFromProbabilities(p);
    confidence = Math.max(...p);
    reasons.push(`model:${model.dense ? "full" : "lexical"}:${level}`);
    if (rule.rule === "otherwise" && level !== "none" && !groundedWithoutRules(level, reading, confidence)) {
      level = "none";
      reasons.push("no-evidence");
    }
  }
  const nets = applySafetyNets(level, reading);
  return { level: nets.level, reasons: [...reasons, ...nets.nets.map((n) => `net:${n}`)], confidence };
}

/**
 * Where the risk model found nothing (the rules' "otherwise"), may the model still raise a
 * signpost? Only where what the level needs is in the message: 999 when something is
 * happening now (a paraphrase of danger the vocabulary missed). Childline when a child may be writing
 * about themselves: evidence of a child writer (the level policy's `child_writer`), or a writer who speaks
 * of themselves as a person (I, me) with nothing of an adult's life, or a danger the reader found. Not on a
 * guessed speaker alone: the net that turns a Childline without a child writer into a referral would
 * otherwise make a concern of a message that tells of no one ("our cat is missing"). A referral or the NSPCC needs
 * a particular child told of in a statement, not a question: a guess about a question is not a
 * concern. Never on a weak guess.
 */
function groundedWithoutRules(level: TriageLevel, reading: Reading, confidence: number): boolean {
  if (confidence < NO_EVIDENCE_MIN) return false;
  const f = reading.facts;
  if (level === "999") return hasTimeNow(reading);
  if (level === "childline") return policyFacts(reading).has("child_writer") || writerOfThemselves(reading) || reading.hits.length > 0;
  // A particular child told of in a statement (not asked about) is what a concern is made of, when the
  // vocabulary of harm missed how the writer put it ("makes her sleep in the shed"); unsure, it is advice.
  const toldOfAChild = f.has("particular_child") && !f.has("question") && !f.has("framed");
  if (level === "101_or_childrens_services") return toldOfAChild;
  if (level === "nspcc_advice") return toldOfAChild && f.has("advice");
  return false;
}

/** The writer speaks of themselves as a person (I, me; Welsh fi, dw, rwy), not only as an owner ("my cat"), and nothing says they are an adult. */
function writerOfThemselves(reading: Reading): boolean {
  if (reading.facts.has("adult_age")) return false;
  return / (?:i|im|me|myself|fi|dw|dwi|rwy|rydw|rwyf) /.test(` ${reading.lexical} `);
}

/** The reader found a time cue that places something now, just now, about to happen, tonight, or as a present state. */
function hasTimeNow(reading: Reading): boolean {
  return (["imm_now", "imm_just", "imm_about", "imm_tonight", "imm_state"] as const).some((x) => reading.facts.has(x as never));
}

/**
 * The sentence net (sentence-net.ts) after the model and the nets: may raise a level to 999
 * when a sentence reads like the labelled set's danger sentences. It does not raise a
 * professional's report (their route is a referral unless the reader finds danger now). It does
 * not overrule the reader where the reader found the danger itself and placed it in the past; it
 * does not raise a message the rules read as nothing unless a time cue places something now (a
 * procedure question has none); and the safety nets still hold over what it raises.
 */
export async function applySentenceNet(
  level: TriageLevel,
  reading: Reading,
  embed: (texts: readonly string[]) => Promise<Float32Array[]>,
  bank: SentenceBank,
  exclude: Exclusion = {},
): Promise<{ level: TriageLevel; reasons: string[] }> {
  if (level === "999") return { level, reasons: [] };
  // A professional's report is a referral unless the reader itself finds danger now (levels.json):
  // professionals name what they see, and a likeness to danger sentences is not a finding.
  if (reading.facts.has("speaker_professional")) return { level, reasons: [] };
  if (reading.hits.length > 0 && !reading.hits.some((h) => h.live)) return { level, reasons: [] };
  if (level === "none" && !hasTimeNow(reading)) return { level, reasons: [] };
  const sentences = netSentences(reading);
  if (sentences.length === 0) return { level, reasons: [] };
  if (!nearDanger(bank, await embed(sentences), exclude)) return { level, reasons: [] };
  const nets = applySafetyNets("999", reading);
  if (nets.level !== "999") return { level, reasons: ["sentence-net:held-by-safety-net"] };
  return { level: "999", reasons: ["net:sentence-near-danger"] };
}

/** Triage by the risk model's rules and safety nets alone: synchronous, no weights, no embeddings. Reads every sentence. */
export function triageByRules(text: string, clock: Clock = systemClock): TriageResult {
  const reading = readMessage(text, undefined, clock.now().getTime());
  const d = decideLevel(reading, null);
  return result(d.level, reading, d.reasons);
}

/**
 * Create triage. With the shipped weights it is rules plus the lexical model (fast
 * path); with embeddings from the model the weights were trained with, a message the
 * lexical model is unsure of is also read through its sentence vector (given by the
 * caller in `assess(text, { vector })`, or embedded here). Without weights it is the
 * rules alone. Nothing here can fail for want of a model.
 */
export async function createTriage(
  opts: {
    embeddings?: Embeddings;
    models?: TriageModels | null;
    /** Where the risk model's compiled phrase tries are kept between runs (the index folder). */
    cacheDir?: string;
    /** The sentence net's bank, given directly (evaluation); null turns the net off. By default the shipped bank. */
    bank?: SentenceBank | null;
    /** When a message is read (a pasted document's old dates are history against it). */
    clock?: Clock;
  } = {},
): Promise<Triage> {
  const models = opts.models === undefined ? loadTriageModels() : opts.models;
  const clock = opts.clock ?? systemClock;
  // Load the risk model now, at start-up, not in the first user's turn: its phrase tries
  // from the cache when it holds them, else compiled (about two seconds) and saved there.
  if (opts.cacheDir) openPhraseCache(opts.cacheDir);
  try {
    loadRiskModel();
  } finally {
    if (opts.cacheDir) savePhraseCache();
  }
  const embeddings = opts.embeddings && models && opts.embeddings.id === models.embeddings ? opts.embeddings : undefined;
  // The sentence net needs sentence vectors from the model its bank was built with; without them triage runs without it.
  const bank = opts.bank !== undefined ? opts.bank : opts.embeddings ? loadSentenceBank(opts.embeddings.id, opts.embeddings.dimensions) : null;
  const netEmbed = opts.embeddings && bank && bank.dim === opts.embeddings.dimensions ? opts.embeddings : undefined;
  // `own`: the message's vector when triage has just embedded it whole; a one-sentence message is not embedded again.
  const withNet = async (level: TriageLevel, reading: Reading, reasons: string[], own?: { text: string; vec: Float32Array }): Promise<TriageResult> => {
    if (!netEmbed || !bank) return result(level, reading, reasons);
    const embed = async (t: readonly string[]) => (own && t.length === 1 && t[0] === own.text ? [own.vec] : netEmbed.embed(t));
    const net = await applySentenceNet(level, reading, embed, bank);
    return result(net.level, reading, [...reasons, ...net.reasons]);
  };
  return {
    async assess(text: string, assessOpts: AssessOptions = {}): Promise<TriageResult> {
      const reading = readMessage(text, undefined, clock.now().getTime());
      if (!models) {
        const d = decideLevel(reading, null);
        return withNet(d.level, reading, d.reasons);
      }
      const embeddable = text.length <= EMBED_CHARS && text.trim().split(/\s+/).length >= 3;
      let vec: Float32Array | null = null;
      let own: { text: string; vec: Float32Array } | undefined;
      if (embeddable && assessOpts.vector && assessOpts.vector.length === models.full.dense) {
        vec = assessOpts.vector;
        // The caller's vector is the message's own: a one-sentence message is not embedded again by the net.
        own = text === text.trim() ? { text, vec } : undefined;
      }
      if (!vec) {
        const fast = decideLevel(reading, models.lexical);
        // The safety nets already said 999, or the lexical model is sure: no embedding needed.
        if (!embeddings || !embeddable || fast.level === "999" || fast.confidence >= CONFIDENT) {
          return withNet(fast.level, reading, fast.reasons);
        }
        vec = (await embeddings.embed([text]))[0] ?? null;
        own = vec && text === text.trim() ? { text, vec } : undefined;
      }
      const d = decideLevel(reading, models.full, vec);
      return withNet(d.level, reading, d.reasons, own);
    },
  };
}
