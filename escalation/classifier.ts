import { LEVELS, type TriageLevel } from "./levels.js";
import { ruleLevel } from "./decide.js";
import { FACTS, type Reading } from "./reader.js";

/**
 * The learned part of triage: a multinomial logistic regression (softmax) over the
 * reader's facts (kind-agnostic: no feature names a danger kind, so a kind the model
 * never saw is still placed by "danger now"), the rules' own level, hashed words and
 * word pairs of the message, and, when there is one, the message's USE vector.
 * Training is full-batch gradient descent from zero weights in a fixed order:
 * deterministic, no random seed needed.
 */

/** Hashed lexical features: 2^12 buckets of words and word pairs. */
export const LEX_DIM = 4096;
const FACT_DIM = FACTS.length;
const RULE_DIM = LEVELS.length;
/** Sparse part: facts, the rules' level, hashed words. */
export const SPARSE_DIM = FACT_DIM + RULE_DIM + LEX_DIM;

/** One message as the model sees it. */
export interface Features {
  idx: Int32Array;
  val: Float32Array;
  /** The sentence vector (L2-normalised), or null when there is none. */
  vec: Float32Array | null;
}

function fnv(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Features of a reading: facts and the rules' level as 0/1, words and pairs hashed and scaled to unit length. */
export function featuresOf(reading: Reading, vec: Float32Array | null = null): Features {
  const idx: number[] = [];
  const val: number[] = [];
  FACTS.forEach((f, i) => {
    // An instruction to the assistant says nothing about the child: it must neither raise nor lower a level,
    // so the weights never see it (the safety nets and the reader deal with it).
    if (reading.facts.has(f) && f !== "injection") {
      idx.push(i);
      val.push(1);
    }
  });
  idx.push(FACT_DIM + LEVELS.indexOf(ruleLevel(reading).level));
  val.push(1);
  const words = reading.lexical.trim().split(" ").filter(Boolean).slice(0, 600);
  const buckets = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    buckets.add(fnv(words[i]!) % LEX_DIM);
    if (i + 1 < words.length) buckets.add(fnv(`${words[i]} ${words[i + 1]}`) % LEX_DIM);
  }
  const scale = buckets.size ? 1 / Math.sqrt(buckets.size) : 0;
  for (const b of [...buckets].sort((a, c) => a - c)) {
    idx.push(FACT_DIM + RULE_DIM + b);
    val.push(scale);
  }
  return { idx: Int32Array.from(idx), val: Float32Array.from(val), vec };
}

/** Softmax regression weights: one row per level, sparse part then (optionally) the dense vector part. */
export interface SoftmaxModel {
  /** Dimensions of the dense (sentence vector) part: 0 for the lexical model. */
  dense: number;
  /** LEVELS.length rows of SPARSE_DIM + dense weights. */
  weights: Float32Array[];
  bias: Float32Array;
}

/** Class probabilities in LEVELS order. */
export function predict(model: SoftmaxModel, x: Features): Float32Array {
  const k = LEVELS.length;
  const z = new Float32Array(k);
  for (let c = 0; c < k; c++) {
    const w = model.weights[c]!;
    let s = model.bias[c]!;
    for (let j = 0; j < x.idx.length; j++) s += w[x.idx[j]!]! * x.val[j]!;
    if (model.dense && x.vec) for (let d = 0; d < model.dense; d++) s += w[SPARSE_DIM + d]! * x.vec[d]!;
    z[c] = s;
  }
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let c = 0; c < k; c++) sum += (z[c] = Math.exp(z[c]! - max));
  for (let c = 0; c < k; c++) z[c] = z[c]! / sum;
  return z;
}

/** Training options: L2 strength, epochs, learning rate. Defaults fixed once, before evaluation. */
export interface TrainOptions {
  l2?: number;
  epochs?: number;
  rate?: number;
  /** Each example's weight (1 when absent): a line from a source the set is thin on can count for more. */
  sampleWeights?: readonly number[];
}

/**
 * Train by full-batch Adam from zero weights, each level weighted by the inverse of
 * its (weighted) frequency (so 999, the rarer and costlier class, counts as much as the rest),
 * and each example by its own weight when one is given.
 */
export function train(xs: readonly Features[], ys: readonly TriageLevel[], dense: number, opts: TrainOptions = {}): SoftmaxModel {
  const { l2 = 1e-4, epochs = 250, rate = 0.05, sampleWeights } = opts;
  if (sampleWeights && sampleWeights.length !== xs.length) throw new Error("one weight per example");
  const sw = (i: number) => (sampleWeights ? sampleWeights[i]! : 1);
  const k = LEVELS.length;
  const dim = SPARSE_DIM + dense;
  const W = Array.from({ length: k }, () => new Float32Array(dim));
  const b = new Float32Array(k);
  const y = ys.map((l) => LEVELS.indexOf(l));
  const counts = new Array<number>(k).fill(0);
  let mass = 0;
  y.forEach((c, i) => {
    counts[c]! += sw(i);
    mass += sw(i);
  });
  const weightOf = counts.map((n) => (n ? mass / (k * n) : 0));
  const mW = Array.from({ length: k }, () => new Float32Array(dim));
  const vW = Array.from({ length: k }, () => new Float32Array(dim));
  const mb = new Float32Array(k);
  const vb = new Float32Array(k);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  const model: SoftmaxModel = { dense, weights: W, bias: b };
  const total = y.reduce((s, c, i) => s + weightOf[c]! * sw(i), 0);
  for (let t = 1; t <= epochs; t++) {
    const gW = Array.from({ length: k }, () => new Float32Array(dim));
    const gb = new Float32Array(k);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      const p = predict(model, x);
      const wi = (weightOf[y[i]!]! * sw(i)) / total;
      for (let c = 0; c < k; c++) {
        const g = (p[c]! - (c === y[i] ? 1 : 0)) * wi;
        if (g === 0) continue;
        gb[c] = gb[c]! + g;
        const row = gW[c]!;
        for (let j = 0; j < x.idx.length; j++) row[x.idx[j]!] = row[x.idx[j]!]! + g * x.val[j]!;
        if (dense && x.vec) for (let d = 0; d < dense; d++) row[SPARSE_DIM + d] = row[SPARSE_DIM + d]! + g * x.vec[d]!;
      }
    }
    const c1 = 1 - b1 ** t;
    const c2 = 1 - b2 ** t;
    for (let c = 0; c < k; c++) {
      const w = W[c]!;
      const g = gW[c]!;
      const m = mW[c]!;
      const v = vW[c]!;
      for (let j = 0; j < dim; j++) {
        const gj = g[j]! + l2 * w[j]!;
        if (gj === 0 && m[j] === 0) continue;
        m[j] = b1 * m[j]! + (1 - b1) * gj;
        v[j] = b2 * v[j]! + (1 - b2) * gj * gj;
        w[j] = w[j]! - (rate * (m[j]! / c1)) / (Math.sqrt(v[j]! / c2) + eps);
      }
      mb[c] = b1 * mb[c]! + (1 - b1) * gb[c]!;
      vb[c] = b2 * vb[c]! + (1 - b2) * gb[c]! * gb[c]!;
      b[c] = b[c]! - (rate * (mb[c]! / c1)) / (Math.sqrt(vb[c]! / c2) + eps);
    }
  }
  return model;
}

/** A model as JSON: rows as base64 of float32, so the shipped file stays small and exact. */
export interface SerialisedModel {
  dense: number;
  weights: string[];
  bias: number[];
}

export function serialise(m: SoftmaxModel): SerialisedModel {
  return {
    dense: m.dense,
    weights: m.weights.map((w) => Buffer.from(w.buffer, w.byteOffset, w.byteLength).toString("base64")),
    bias: [...m.bias],
  };
}

export function deserialise(s: SerialisedModel): SoftmaxModel {
  const dim = SPARSE_DIM + s.dense;
  const weights = s.weights.map((b64) => {
    const buf = Buffer.from(b64, "base64");
    const out = new Float32Array(dim);
    new Uint8Array(out.buffer).set(buf.subarray(0, dim * 4));
    return out;
  });
  if (weights.length !== LEVELS.length) throw new Error("wrong number of weight rows");
  return { dense: s.dense, weights, bias: Float32Array.from(s.bias) };
}
