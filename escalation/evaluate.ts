import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { z } from "zod";
import { fixedClock, type Clock } from "../core/clock.js";
import { fromRoot } from "../core/paths.js";
import type { Embeddings } from "../knowledge/embeddings/embeddings.js";
import { featuresOf, serialise, SPARSE_DIM, train, type Features, type SoftmaxModel } from "./classifier.js";
import type { Labelled } from "./labelled.js";
import { LEVELS, type TriageLevel } from "./levels.js";
import { readMessage, type Reading } from "./reader.js";
import { DANGER_KINDS, type DangerKind } from "./risk-model.js";
import { CONFIDENT, decideLevel, EMBED_CHARS, type ModelFile } from "./triage.js";

/**
 * Training and measuring the learned part of triage: embedding the labelled set (with
 * a cache), training the lexical and full models, cross-validating with a whole
 * danger kind held out at a time, and the figures the issue asks for.
 */

/** A line read once: its reading, and its sentence vector when it is short enough to have one. */
export interface Prepared {
  line: Pick<Labelled, "id" | "text" | "level" | "danger_kind" | "speaker" | "register" | "source" | "set">;
  reading: Reading;
  vec: Float32Array | null;
}

/** Hash of texts and levels: names the training data in the weights file and the vector cache. */
export function dataHash(lines: readonly { text: string; level?: string }[]): string {
  const h = createHash("sha256");
  for (const l of lines) h.update(`${l.text}\u0000${l.level ?? ""}\u0001`);
  return h.digest("hex").slice(0, 16);
}

/** Embed the texts that get a vector, caching them in the system's temporary folder by model and content. */
export async function embedAll(embeddings: Embeddings, texts: readonly string[]): Promise<(Float32Array | null)[]> {
  const want = texts.map((t) => t.length <= EMBED_CHARS && t.trim().split(/\s+/).length >= 3);
  const todo = texts.filter((_, i) => want[i]);
  const file = join(tmpdir(), `safeguard-triage-vectors-${embeddings.id.replace(/\W+/g, "_")}-${dataHash(todo.map((text) => ({ text })))}.bin`);
  let flat: Float32Array;
  if (existsSync(file)) {
    const buf = readFileSync(file);
    flat = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
  } else {
    const vecs = await embeddings.embed(todo);
    flat = new Float32Array(todo.length * embeddings.dimensions);
    vecs.forEach((v, i) => flat.set(v, i * embeddings.dimensions));
    // A cache that cannot be written only costs time next run.
    try {
      writeFileSync(file, Buffer.from(flat.buffer));
    } catch {
      /* optional cache */
    }
  }
  let k = 0;
  return texts.map((_, i) => (want[i] ? flat.slice(k * embeddings.dimensions, ++k * embeddings.dimensions) : null));
}

/** Read every line against `today` (evaluation passes its pinned clock, evalClock, so readings do not move with the machine's). */
export function prepare(lines: readonly Prepared["line"][], vectors?: readonly (Float32Array | null)[], today: number = Date.now()): Prepared[] {
  return lines.map((line, i) => ({ line, reading: readMessage(line.text, undefined, today), vec: vectors?.[i] ?? null }));
}

const EvalClockSchema = z.object({ about: z.string(), default: z.string().datetime(), sets: z.record(z.string(), z.string().datetime()) });

/**
 * The clock evaluation reads a set against (escalation/data/eval-clock.json): `override` (--clock) when given, else the set's
 * own day when the file names it (by file name), else the pinned default. Never the machine clock: a dated paste would turn
 * to history as the months pass and the figures with it.
 */
export function evalClock(setPath?: string, override?: string): Clock {
  if (override) return fixedClock(override);
  const file = EvalClockSchema.parse(JSON.parse(readFileSync(fromRoot("escalation", "data", "eval-clock.json"), "utf8")));
  const name = setPath ? basename(setPath) : undefined;
  return fixedClock((name !== undefined ? file.sets[name] : undefined) ?? file.default);
}

/** A line's weight in training (1 for every line unless given). */
export type LineWeight = (line: Prepared["line"]) => number;

/** Train the lexical model (every line) and the full model (lines with a vector), each line weighted by `weight`. */
export function trainModels(data: readonly Prepared[], dense: number, weight?: LineWeight): { lexical: SoftmaxModel; full: SoftmaxModel | null } {
  const xs: Features[] = data.map((d) => featuresOf(d.reading));
  const lexical = train(xs, data.map((d) => d.line.level), 0, weight ? { sampleWeights: data.map((d) => weight(d.line)) } : {});
  const withVec = data.filter((d) => d.vec);
  const full =
    dense && withVec.length
      ? train(withVec.map((d) => featuresOf(d.reading, d.vec)), withVec.map((d) => d.line.level), dense, weight ? { sampleWeights: withVec.map((d) => weight(d.line)) } : {})
      : null;
  return { lexical, full };
}

/** The ways a line can be decided, for comparing what each part adds. */
export type Variant = "rules" | "lexical" | "full" | "deployed";

/** Decide one prepared line with trained models, the way `createTriage` does for each variant. */
export function decideWith(d: Prepared, models: { lexical: SoftmaxModel; full: SoftmaxModel | null }, variant: Variant): TriageLevel {
  if (variant === "rules") return decideLevel(d.reading, null).level;
  if (variant === "lexical" || !models.full || !d.vec) return decideLevel(d.reading, models.lexical).level;
  if (variant === "full") return decideLevel(d.reading, models.full, d.vec).level;
  const fast = decideLevel(d.reading, models.lexical);
  if (fast.level === "999" || fast.confidence >= CONFIDENT) return fast.level;
  return decideLevel(d.reading, models.full, d.vec).level;
}

/** Fold of a line in the kind-holdout cross-validation: its danger kind, or for lines with none a stable share. */
export function foldOf(line: Prepared["line"]): number {
  if (line.danger_kind) return DANGER_KINDS.indexOf(line.danger_kind);
  let h = 0;
  for (const c of line.id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % DANGER_KINDS.length;
}

/**
 * Lines added to every fold's training and never decided (the stranger sets, in the team's cross-validations),
 * and each line's weight.
 */
export interface ExtraTraining {
  lines?: readonly Prepared[];
  weight?: LineWeight;
}

/**
 * Cross-validation holding out a whole danger kind at a time: for each kind, train on
 * every line of the other kinds (and eleven twelfths of the lines with no kind), then
 * decide that kind's lines and the remaining twelfth. Returns each line's level per variant.
 */
export function crossValidateByKind(data: readonly Prepared[], dense: number, variants: readonly Variant[], extra: ExtraTraining = {}): Map<Variant, TriageLevel[]> {
  const out = new Map<Variant, TriageLevel[]>(variants.map((v) => [v, new Array<TriageLevel>(data.length)]));
  const folds = data.map((d) => foldOf(d.line));
  for (let k = 0; k < DANGER_KINDS.length; k++) {
    const trainSet = data.filter((_, i) => folds[i] !== k);
    const models = trainModels([...trainSet, ...(extra.lines ?? [])], dense, extra.weight);
    data.forEach((d, i) => {
      if (folds[i] !== k) return;
      for (const v of variants) out.get(v)![i] = decideWith(d, models, v);
    });
  }
  return out;
}

/**
 * Cross-validation holding out a whole register at a time (plain, text-speak, typos,
 * Welsh, long pastes, past tense, procedure questions, injections): train on every other
 * register, decide the held-out one. Says whether the learned part generalises to a way
 * of writing it has not seen.
 */
export function crossValidateByRegister(data: readonly Prepared[], dense: number, variants: readonly Variant[], extra: ExtraTraining = {}): Map<Variant, TriageLevel[]> {
  return crossValidateByGroup(data, dense, variants, (d) => d.line.register, extra);
}

/**
 * Cross-validation holding out a whole kind of writer at a time (child, parent or carer, professional, bystander,
 * asker): train on every other writer, decide the held-out one. A writer the labelled set has not seen is how
 * strangers write: it says whether the learned part reads a level from the situation or from who usually writes it.
 */
export function crossValidateBySpeaker(data: readonly Prepared[], dense: number, variants: readonly Variant[], extra: ExtraTraining = {}): Map<Variant, TriageLevel[]> {
  return crossValidateByGroup(data, dense, variants, (d) => d.line.speaker, extra);
}

/**
 * Cross-validation holding out one stranger set at a time (stranger-sets.json): train on the team's lines and the
 * other stranger sets, decide the held-out set, which its authors wrote apart from every other set. With
 * `strangersInTraining` false, the same folds are decided by one model trained on the team's lines alone (the
 * baseline: how the learned part did before it saw a stranger's line). Team lines get no level (undefined).
 */
export function crossValidateByStrangerSet(
  data: readonly Prepared[],
  dense: number,
  variants: readonly Variant[],
  opts: { strangersInTraining: boolean; weight?: LineWeight },
): Map<Variant, (TriageLevel | undefined)[]> {
  const out = new Map<Variant, (TriageLevel | undefined)[]>(variants.map((v) => [v, new Array<TriageLevel | undefined>(data.length)]));
  const sets = [...new Set(data.map((d) => d.line.set).filter((s): s is string => !!s))].sort();
  const team = data.filter((d) => !d.line.set);
  const teamOnly = opts.strangersInTraining ? null : trainModels(team, dense, opts.weight);
  for (const s of sets) {
    const models = teamOnly ?? trainModels(data.filter((d) => d.line.set !== s), dense, opts.weight);
    data.forEach((d, i) => {
      if (d.line.set !== s) return;
      for (const v of variants) out.get(v)![i] = decideWith(d, models, v);
    });
  }
  return out;
}

/** Train on every group but one and decide that one, for each group in turn (a register, a kind of writer). */
function crossValidateByGroup(
  data: readonly Prepared[],
  dense: number,
  variants: readonly Variant[],
  group: (d: Prepared) => string,
  extra: ExtraTraining = {},
): Map<Variant, TriageLevel[]> {
  const out = new Map<Variant, TriageLevel[]>(variants.map((v) => [v, new Array<TriageLevel>(data.length)]));
  const groups = [...new Set(data.map(group))].sort();
  for (const g of groups) {
    const models = trainModels([...data.filter((d) => group(d) !== g), ...(extra.lines ?? [])], dense, extra.weight);
    data.forEach((d, i) => {
      if (group(d) !== g) return;
      for (const v of variants) out.get(v)![i] = decideWith(d, models, v);
    });
  }
  return out;
}

/** The figures of one set of predictions. */
export interface Figures {
  n: number;
  accuracy: number;
  recall999: { caught: number; total: number };
  recall999ByKind: Record<string, { caught: number; total: number }>;
  accuracyByLevel: Record<TriageLevel, { right: number; total: number }>;
  /** confusion[expected][got] */
  confusion: Record<TriageLevel, Record<TriageLevel, number>>;
  professionalToChildline: number;
  adultToChildline: number;
  accuracyByRegister: Record<string, { right: number; total: number }>;
}

export function figures(lines: readonly { level: TriageLevel; danger_kind?: DangerKind | null; speaker?: string; register?: string }[], got: readonly TriageLevel[]): Figures {
  const zero = () => Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<TriageLevel, number>;
  const f: Figures = {
    n: lines.length,
    accuracy: 0,
    recall999: { caught: 0, total: 0 },
    recall999ByKind: {},
    accuracyByLevel: Object.fromEntries(LEVELS.map((l) => [l, { right: 0, total: 0 }])) as Figures["accuracyByLevel"],
    confusion: Object.fromEntries(LEVELS.map((l) => [l, zero()])) as Figures["confusion"],
    professionalToChildline: 0,
    adultToChildline: 0,
    accuracyByRegister: {},
  };
  let right = 0;
  lines.forEach((l, i) => {
    const g = got[i]!;
    if (g === l.level) right++;
    f.confusion[l.level][g]++;
    const lv = f.accuracyByLevel[l.level];
    lv.total++;
    if (g === l.level) lv.right++;
    if (l.register) {
      const r = (f.accuracyByRegister[l.register] ??= { right: 0, total: 0 });
      r.total++;
      if (g === l.level) r.right++;
    }
    if (l.level === "999") {
      f.recall999.total++;
      if (g === "999") f.recall999.caught++;
      const key = l.danger_kind ?? "(no kind)";
      const k = (f.recall999ByKind[key] ??= { caught: 0, total: 0 });
      k.total++;
      if (g === "999") k.caught++;
    }
    if (g === "childline" && l.speaker === "professional") f.professionalToChildline++;
    if (g === "childline" && (l.speaker === "professional" || l.speaker === "parent_carer" || l.speaker === "bystander")) f.adultToChildline++;
  });
  f.accuracy = lines.length ? right / lines.length : 0;
  return f;
}

/** The weights file for a training run. */
export function modelFile(models: { lexical: SoftmaxModel; full: SoftmaxModel | null }, embeddingsId: string, trainedOn: { lines: number; hash: string }): ModelFile {
  if (!models.full) throw new Error("the full model needs sentence vectors to train");
  return {
    version: 1,
    sparse_dim: SPARSE_DIM,
    embeddings: embeddingsId,
    trained_on: trainedOn,
    lexical: { ...serialise(models.lexical), dense: 0 },
    full: serialise(models.full),
  };
}
