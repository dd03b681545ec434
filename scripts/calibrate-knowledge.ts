/**
 * `npm run calibrate`: fits the knowledge layer's fusion weights, its coverage (refusal)
 * model and its fast-path thresholds by cross-validation on the question bank and the
 * out-of-scope bank (and, with `--strangers`, the retired held-out sets of the study pool named by its manifest), and writes
 * knowledge/calibration.json. Never reads a set still held out, nor the check pool: stranger-rows.ts refuses them (core/study-sets.ts).
 *
 * - Fusion weights: each style of bank question is answered with the bank holding only
 *   the other styles; the weights that put the question's own passage first most often win.
 * - Coverage: in-scope bank questions (their passage's questions held out; with `--case-style-out`,
 *   case questions with the whole case style held out, read and embedded live) against out-of-scope questions as
 *   written and wrapped in a generated case story (topic held out); a logistic regression on the
 *   coverage features, and the lowest threshold that refuses 95% of out-of-scope questions held
 *   out one by one and 90% of those whose whole topic is held out, as written and wrapped.
 *   `--keep-fusion` keeps the fusion weights as they are; `--chapter-out` judges each in-scope
 *   question with its whole chapter's bank questions held out; `--dump FILE` writes the feature rows
 *   (to judge one fit on another's rows, e.g. a passage-out fit on chapter-out rows); `--bank-blind` ranks
 *   every passage without bank evidence while the rows are read; `--cv` cross-validates the decision
 *   (refitted per fold, chapters and topics held out); `--from-dump FILE [--features a,b]` judges and fits
 *   on dumped rows without reading anything again; `--out FILE` writes elsewhere than knowledge/;
 *   `--no-fast-path` leaves the fast path off without reading its rows.
 * - Strangers (`--strangers test/heldout/qa-study-sets.json`): the retired held-out QA sets of the study pool (#1-#10 since
 *   round fifteen, ten outside authors' 1,349 questions; the figures below are round thirteen's, on #1-#6's 825), read live (scripts/stranger-rows.ts) and fitted on with the team's rows, each weighed
 *   `--stranger-weight`; the threshold must then also refuse `--refuse-strangers` of their out-of-scope questions,
 *   and the team's rules are set by `--refuse-unseen` / `--refuse-named`. With `--cv` (or `--from-dump` a dump
 *   holding them) the decision is cross-validated leaving one stranger's set out at a time. Round thirteen chose
 *   by that CV alone (rows dumped once, `--from-dump --cv --strangers-only`), covered refused / out of scope
 *   answered summed over the six left-out sets, 732 / 93 questions, shipped calibration 101 / 1:
 *   team rows only, 0.9 / 0.95 (the old rule) 103 / 1; with strangers weighed 1, 4, 10: 101, 99, 97 / 1 (the
 *   team's unseen-topic rule binds the threshold); weighed 4, unseen 0.85: 68 / 1, unseen 0.8: 50 / 2 (named
 *   0.8-0.9 alike; 0.95 binds again), no team rule, strangers 0.95: 42 / 5. Weighed 1 or 10 at 0.8: 55 / 2, 49 / 2.
 *   Without `subject` and `known`: 57 / 3; with `known` alone 49 / 3, `subject` alone 57 / 2. Shipped: all
 *   twelve features, weighed 4, unseen 0.8, named 0.9, strangers 0.95.
 * - Fast path: the thresholds under which the lexical and bank matches alone pick the same
 *   passage as the full ranking, for as many questions as that stays true of 98% of them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseConfig } from "../core/config.js";
import { fromRoot } from "../core/paths.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase, type KnowledgeBase } from "../knowledge/index.js";
import { FEATURES, loadCalibration, type Calibration, type CoverageFeatures } from "../knowledge/coverage.js";
import { expandQuestion } from "../knowledge/expand.js";
import { wrapAll } from "./case-wrap.js";
import { strangerRows, type StrangerRow } from "./stranger-rows.js";
import { partOf } from "../knowledge/questions/bank.js";
import { bankVotes, CONTEXT_RANK, denseEvidence, lexicalEvidence, type FusionWeights } from "../knowledge/search.js";

type Style = "formal" | "shorthand" | "case";
const numberArg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
/** Judge the bank's case questions with the whole case style held out, read live (see below); off by default. */
const CASE_STYLE_OUT = process.argv.includes("--case-style-out");
/** Judge in-scope questions with their whole chapter's bank questions held out (see below). */
const CHAPTER_OUT = process.argv.includes("--chapter-out");
/** Out-of-scope refusal the threshold must reach on topics held out (the issue's target) and on topics the bank names. */
const REFUSE_UNSEEN = numberArg("--refuse-unseen", 0.9);
const REFUSE_NAMED = numberArg("--refuse-named", 0.95);
/** Seed of the case stories wrapped round out-of-scope questions (another seed than eval-case's). */
const WRAP_SEED = 41;
const STYLES: Style[] = ["formal", "shorthand", "case"];
/** `--no-fast-path`: leave the fast path off and skip reading its lexical-only rows (half the run). */
const NO_FAST_PATH = process.argv.includes("--no-fast-path");
/** `--strangers MANIFEST`: strangers' questions (the retired held-out sets of the study pool, scripts/stranger-rows.ts) fitted on too. */
const STRANGERS = process.argv.includes("--strangers") ? process.argv[process.argv.indexOf("--strangers") + 1]! : undefined;
/**
 * How much one stranger's question weighs against one of the team's rows of its class (`--stranger-weight`):
 * about 735 covered questions against 2,450 of the bank's, 90 out of scope against 646 of the team's.
 */
const STRANGER_WEIGHT = numberArg("--stranger-weight", 4);
/** Out-of-scope refusal the threshold must reach on the strangers' out-of-scope questions it is fitted on (`--refuse-strangers`). */
const REFUSE_STRANGERS = numberArg("--refuse-strangers", 0.9);
/** `--features a,b`: fit on these features only (the others weigh nothing), to compare feature sets on the same rows. */
const USED = process.argv.includes("--features") ? (process.argv[process.argv.indexOf("--features") + 1]!.split(",") as (typeof FEATURES)[number][]) : [...FEATURES];

/** One candidate passage's raw signals for one question. */
interface Candidate {
  chunk: number;
  cl: number;
  sl: number;
  bl: number;
  bd: number;
  sd: number;
  bv: number;
  factor: number;
}

interface Sample {
  item: number;
  style: Style;
  target: number;
  candidates: Candidate[];
}

const stretch = (x: number, lo: number, hi: number) => Math.max(0, Math.min(1, (x - lo) / (hi - lo)));

function score(c: Candidate, w: FusionWeights): number {
  const total = w.bankDense + w.sentenceDense + w.chunkLexical + w.bankLexical + w.sentenceLexical + w.bankVote;
  const s =
    w.chunkLexical * c.cl +
    w.sentenceLexical * c.sl +
    w.bankLexical * c.bl +
    w.bankDense * stretch(c.bd, ...w.bankRange) +
    w.sentenceDense * stretch(c.sd, ...w.sentenceRange) +
    w.bankVote * c.bv;
  return (s / total) * c.factor;
}

/** Mean over styles of the share of questions whose own passage ranks first. */
function accuracy(samples: Sample[], w: FusionWeights): number {
  const by = new Map<Style, [number, number]>();
  for (const s of samples) {
    let best = -1;
    let bestScore = -Infinity;
    for (const c of s.candidates) {
      const v = score(c, w);
      if (v > bestScore) {
        bestScore = v;
        best = c.chunk;
      }
    }
    const r = by.get(s.style) ?? [0, 0];
    r[0] += best === s.target ? 1 : 0;
    r[1]++;
    by.set(s.style, r);
  }
  return [...by.values()].reduce((a, [h, n]) => a + h / n, 0) / by.size;
}

async function collect(kb: KnowledgeBase): Promise<Sample[]> {
  const index = kb.index;
  const samples: Sample[] = [];
  for (const style of STYLES) {
    const fold = kb.withoutBank((i) => index.bank[i]!.style === style);
    const ix = fold.index;
    for (let i = 0; i < ix.bank.length; i++) {
      const b = ix.bank[i]!;
      if (b.style !== style) continue;
      const j = ix.chunks[b.chunk]!.jurisdiction;
      const reading = fold.read(b.question);
      const lexical = lexicalEvidence(ix, { core: expandQuestion(reading.core).text, context: reading.context ? expandQuestion(reading.context).text : "" });
      const dense = denseEvidence(ix, ix.bankVectors[i]!);
      const eligible = (c: number) => ix.chunks[c]!.jurisdiction === j || ix.chunks[c]!.jurisdiction === "both";
      const n = ix.chunks.length;
      const cl = new Float32Array(n);
      const sl = new Float32Array(n);
      const bl = new Float32Array(n);
      const bd = new Float32Array(n).fill(0);
      const sd = new Float32Array(n).fill(0);
      const norm = (xs: ArrayLike<number>, of: (k: number) => number) => {
        let m = 0;
        for (let k = 0; k < xs.length; k++) if (eligible(of(k))) m = Math.max(m, xs[k]!);
        return m || 1;
      };
      const mc = norm(lexical.chunks, (k) => k);
      for (let c = 0; c < n; c++) cl[c] = lexical.chunks[c]! / mc;
      const ms = norm(lexical.sentences, (k) => ix.sentences[k]!.chunk);
      ix.sentences.forEach((r, k) => {
        sl[r.chunk] = Math.max(sl[r.chunk]!, lexical.sentences[k]! / ms);
        sd[r.chunk] = Math.max(sd[r.chunk]!, dense.sentences[k]!);
      });
      const mb = norm(
        Float32Array.from(lexical.bank, (v, k) => (ix.bank[k]!.style === style ? 0 : v)),
        (k) => ix.bank[k]!.chunk,
      );
      ix.bank.forEach((x, k) => {
        if (x.style === style) return;
        bl[x.chunk] = Math.max(bl[x.chunk]!, lexical.bank[k]! / mb);
        bd[x.chunk] = Math.max(bd[x.chunk]!, dense.bank[k]!);
      });
      const bv = bankVotes(ix, dense, (k) => ix.bank[k]!.style === style, (c) => eligible(c.id));
      const ids = [...Array(n).keys()].filter(eligible);
      const top = (f: (c: number) => number) => [...ids].sort((a, c) => f(c) - f(a)).slice(0, 40);
      const pick = new Set([...top((c) => cl[c]! + sl[c]! + bl[c]!), ...top((c) => bd[c]! + sd[c]! + bv[c]!), b.chunk]);
      samples.push({
        item: i,
        style,
        target: b.chunk,
        candidates: [...pick].map((c) => ({ chunk: c, cl: cl[c]!, sl: sl[c]!, bl: bl[c]!, bd: bd[c]!, sd: sd[c]!, bv: bv[c]!, factor: (ix.chunks[c]!.rank <= CONTEXT_RANK ? 0.6 : 1) * (1 + 0.1 * (ix.chunks[c]!.rank - 3)) })),
      });
    }
  }
  return samples;
}

/** Coordinate ascent over the fusion weights and stretch ranges, from a few starting points. */
function searchWeights(samples: Sample[], start: FusionWeights): FusionWeights {
  let best = start;
  let bestAcc = accuracy(samples, best);
  const steps: [keyof FusionWeights, number[]][] = [
    ["chunkLexical", [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1]],
    ["sentenceLexical", [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7]],
    ["bankLexical", [0, 0.05, 0.1, 0.2, 0.3, 0.4]],
    ["bankDense", [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.6]],
    ["sentenceDense", [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.6]],
    ["bankVote", [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.6]],
  ];
  const ranges: [number, number][] = [
    [0.2, 0.9],
    [0.3, 0.85],
    [0.4, 0.9],
    [0.5, 0.95],
    [0.2, 0.7],
    [0.3, 0.7],
  ];
  for (let round = 0; round < 4; round++) {
    for (const [key, values] of steps) {
      for (const v of values) {
        const w = { ...best, [key]: v };
        if (w.chunkLexical + w.sentenceLexical + w.bankLexical + w.bankDense + w.sentenceDense + w.bankVote === 0) continue;
        const acc = accuracy(samples, w);
        if (acc > bestAcc + 1e-9) {
          best = w;
          bestAcc = acc;
        }
      }
    }
    for (const key of ["bankRange", "sentenceRange"] as const) {
      for (const r of ranges) {
        const w = { ...best, [key]: r };
        const acc = accuracy(samples, w);
        if (acc > bestAcc + 1e-9) {
          best = w;
          bestAcc = acc;
        }
      }
    }
  }
  console.log(`fusion: passage first for ${(100 * bestAcc).toFixed(1)}% of bank questions (mean over styles, style held out)`);
  return best;
}

/**
 * Logistic regression on standardised features, classes weighted equally; returns weights in the raw feature
 * scale. A row's `w` (1 unless given) weighs it within its class: a stranger's question counts for more than
 * one of the bank's many (see STRANGER_WEIGHT).
 */
function fitLogistic(rows: { f: CoverageFeatures; y: number; w?: number }[]): { weights: Record<string, number>; bias: number } {
  const keys = [...USED];
  const mean = keys.map((k) => rows.reduce((a, r) => a + r.f[k], 0) / rows.length);
  const sd = keys.map((k, j) => Math.sqrt(rows.reduce((a, r) => a + (r.f[k] - mean[j]!) ** 2, 0) / rows.length) || 1);
  const x = rows.map((r) => keys.map((k, j) => (r.f[k] - mean[j]!) / sd[j]!));
  const mass = (y: number) => rows.reduce((a, r) => a + (r.y === y ? (r.w ?? 1) : 0), 0);
  const total = mass(0) + mass(1);
  const classWeight = [total / (2 * mass(0)), total / (2 * mass(1))];
  const weightOf = (r: { y: number; w?: number }) => classWeight[r.y]! * (r.w ?? 1);
  let w = keys.map(() => 0);
  let b = 0;
  const lr = 0.1;
  const l2 = 1e-3;
  for (let it = 0; it < 3000; it++) {
    const gw = keys.map(() => 0);
    let gb = 0;
    rows.forEach((r, i) => {
      const z = b + w.reduce((a, wj, j) => a + wj * x[i]![j]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - r.y) * weightOf(r);
      gb += g;
      x[i]!.forEach((xj, j) => (gw[j]! += g * xj));
    });
    w = w.map((wj, j) => wj - lr * (gw[j]! / total + l2 * wj));
    b -= (lr * gb) / total;
  }
  const weights: Record<string, number> = Object.fromEntries(FEATURES.map((k) => [k, 0]));
  let bias = b;
  keys.forEach((k, j) => {
    weights[k] = w[j]! / sd[j]!;
    bias -= (w[j]! * mean[j]!) / sd[j]!;
  });
  return { weights, bias };
}

/** A coverage row: an in-scope bank question (its style and chapter) or an out-of-scope one (its topic, as written or wrapped). */
interface Row {
  f: CoverageFeatures;
  y: number;
  style?: Style;
  part?: string;
  topic?: string;
  form?: "written" | "wrapped";
  /** A row's weight within its class (strangers' rows weigh STRANGER_WEIGHT). */
  w?: number;
}

function probability(weights: Record<string, number>, bias: number, f: CoverageFeatures): number {
  return 1 / (1 + Math.exp(-(bias + FEATURES.reduce((a, k) => a + weights[k]! * f[k], 0))));
}

/**
 * The threshold: out-of-scope questions on topics the bank names refused at 95% or more, and on
 * topics it does not name (each topic left out, as written and wrapped in a story) at the issue's target,
 * 90%; as many in-scope questions answered as that allows. Until round ten the rule was 97% / 85%: the
 * named topics' 97% bound the threshold, and covered questions were refused to refuse the last few
 * named-topic questions (measured in round ten, the model fitted as below and judged on the bank's questions
 * with each whole chapter's questions held out, `--chapter-out --dump`: answered 0.64 at 97% / 85% and
 * 0.68 at 95% / 90%, with unseen topics refused 0.92 and 0.90).
 */
function chooseThreshold(scored: (Row & { p: number })[], knownP: number[], wrappedP: number[], strangersOutP: number[] = []): number {
  const team = scored.filter((r) => r.w === undefined);
  for (const t of [...new Set(scored.map((r) => Math.round(r.p * 1000) / 1000))].sort((a, b) => a - b)) {
    const unseen = team.filter((r) => r.y === 0 && r.p < t).length / team.filter((r) => r.y === 0).length;
    const seen = knownP.filter((p) => p < t).length / knownP.length;
    const wrapped = wrappedP.filter((p) => p < t).length / wrappedP.length;
    // Strangers' out-of-scope questions (when fitted on) refused at the issue's target too.
    const strangers = strangersOutP.length === 0 ? 1 : strangersOutP.filter((p) => p < t).length / strangersOutP.length;
    if (unseen >= REFUSE_UNSEEN && seen >= REFUSE_NAMED && wrapped >= REFUSE_UNSEEN && strangers >= REFUSE_STRANGERS) return t;
  }
  return 0.5;
}

/** Strangers' rows as fitting rows, weighed STRANGER_WEIGHT each. */
const asFitRows = (xs: readonly StrangerRow[]): Row[] => xs.map((r) => ({ f: r.f, y: r.y, style: r.style as Style, w: STRANGER_WEIGHT }));

/** Fit the model on the team's rows and the strangers' given, and choose its threshold by the rule above. */
function fitDecision(rows: Row[], known: { f: CoverageFeatures }[], wrapped: { f: CoverageFeatures }[], strangers: readonly StrangerRow[]): { weights: Record<string, number>; bias: number; threshold: number } {
  const { weights, bias } = fitLogistic([...rows, ...asFitRows(strangers)]);
  const p = (f: CoverageFeatures) => probability(weights, bias, f);
  const scored = rows.map((r) => ({ ...r, p: p(r.f) }));
  const threshold = chooseThreshold(scored, known.map((r) => p(r.f)), wrapped.map((r) => p(r.f)), strangers.filter((r) => r.y === 0 && !r.blocked).map((r) => p(r.f)));
  return { weights, bias, threshold };
}

/**
 * `--cv` with `--strangers`: the decision cross-validated with one stranger's set left out at a time (six
 * folds): model and threshold refitted on the team's rows and the other five sets, and the left-out set
 * judged. Printed per fold, before (the calibration the rows were read under) and after: covered
 * questions refused (all, and the case-wrapped) and out-of-scope questions answered.
 */
function crossValidateStrangers(rows: Row[], known: { f: CoverageFeatures }[], wrapped: { f: CoverageFeatures }[], strangers: readonly StrangerRow[], fitOn = true): void {
  const sum = { before: [0, 0, 0], after: [0, 0, 0], n: [0, 0, 0] };
  const line = (xs: readonly StrangerRow[], covered: (r: StrangerRow) => boolean) => {
    const cr = xs.filter((r) => r.y === 1 && !covered(r)).length;
    const crCase = xs.filter((r) => r.y === 1 && r.style === "case" && !covered(r)).length;
    const oa = xs.filter((r) => r.y === 0 && covered(r)).length;
    return [cr, crCase, oa];
  };
  console.log(fitOn ? "strangers' sets, each left out in turn (model and threshold refitted on the team's rows and the other sets):" : "strangers' sets judged by the model fitted on the team's rows alone:");
  console.log("  set          covered refused (case-wrapped)   out of scope answered    threshold");
  for (const set of [...new Set(strangers.map((r) => r.set))]) {
    const test = strangers.filter((r) => r.set === set);
    const d = fitDecision(rows, known, wrapped, fitOn ? strangers.filter((r) => r.set !== set) : []);
    const after = (r: StrangerRow) => !r.blocked && probability(d.weights, d.bias, r.f) >= d.threshold;
    const b = line(test, (r) => r.covered);
    const a = line(test, after);
    const n = [test.filter((r) => r.y === 1).length, test.filter((r) => r.y === 1 && r.style === "case").length, test.filter((r) => r.y === 0).length];
    for (let k = 0; k < 3; k++) [sum.before[k], sum.after[k], sum.n[k]] = [sum.before[k]! + b[k]!, sum.after[k]! + a[k]!, sum.n[k]! + n[k]!];
    console.log(`  ${set.padEnd(12)} ${`${b[0]} -> ${a[0]} of ${n[0]} (${b[1]} -> ${a[1]} of ${n[1]})`.padEnd(32)} ${`${b[2]} -> ${a[2]} of ${n[2]}`.padEnd(24)} ${d.threshold.toFixed(3)}`);
  }
  console.log(`  ${"all".padEnd(12)} ${`${sum.before[0]} -> ${sum.after[0]} of ${sum.n[0]} (${sum.before[1]} -> ${sum.after[1]} of ${sum.n[1]})`.padEnd(32)} ${sum.before[2]} -> ${sum.after[2]} of ${sum.n[2]}`);
}

/**
 * `--cv`: the coverage decision itself cross-validated, model and threshold refitted in every fold.
 * Each chapter's in-scope questions are judged by a model fitted without any of that chapter's rows,
 * and each out-of-scope topic's questions (as written and wrapped) by one fitted without any of that
 * topic's rows; the threshold is chosen in the fold by the same rule. Printed: in-scope questions
 * refused by style and chapter (CR), out-of-scope answered as written and wrapped (OA). Run with
 * `--chapter-out` the in-scope rows are also read with their chapter's bank questions left out, so a
 * chapter is met as a stranger's question on it meets the model, as a topic is.
 */
function crossValidate(rows: Row[], known: { f: CoverageFeatures; topic: string }[]): void {
  const judged: (Row & { p: number; t: number })[] = [];
  const fold = (train: Row[], trainKnown: typeof known, test: Row[]) => {
    const { weights, bias } = fitLogistic(train);
    const p = (f: CoverageFeatures) => probability(weights, bias, f);
    const scored = train.map((r) => ({ ...r, p: p(r.f) }));
    const t = chooseThreshold(scored, trainKnown.map((r) => p(r.f)), scored.filter((r) => r.form === "wrapped").map((r) => r.p));
    for (const r of test) judged.push({ ...r, p: p(r.f), t });
  };
  for (const part of [...new Set(rows.filter((r) => r.y === 1).map((r) => r.part))]) {
    fold(rows.filter((r) => r.y === 0 || r.part !== part), known, rows.filter((r) => r.y === 1 && r.part === part));
  }
  for (const topic of [...new Set(rows.filter((r) => r.y === 0).map((r) => r.topic))]) {
    fold(rows.filter((r) => r.y === 1 || r.topic !== topic), known.filter((k) => k.topic !== topic), rows.filter((r) => r.y === 0 && r.topic === topic));
  }
  const pct = (xs: (Row & { p: number; t: number })[], refused: boolean) => `${xs.filter((r) => (r.p < r.t) === refused).length}/${xs.length} (${((100 * xs.filter((r) => (r.p < r.t) === refused).length) / Math.max(1, xs.length)).toFixed(1)}%)`;
  console.log("cross-validated coverage decision (chapter held out for in-scope, topic held out for out-of-scope; refitted per fold):");
  for (const s of STYLES) console.log(`  covered refused, ${s.padEnd(9)} ${pct(judged.filter((r) => r.y === 1 && r.style === s), true)}`);
  for (const part of [...new Set(judged.filter((r) => r.y === 1).map((r) => r.part!))].sort()) console.log(`    ${part.padEnd(30)} ${pct(judged.filter((r) => r.y === 1 && r.part === part), true)}`);
  console.log(`  covered refused, all       ${pct(judged.filter((r) => r.y === 1), true)}`);
  for (const form of ["written", "wrapped"] as const) console.log(`  out of scope answered, ${form.padEnd(8)} ${pct(judged.filter((r) => r.y === 0 && r.form === form), false)}`);
}

/** `--from-dump FILE`: judge and fit on rows a `--dump` wrote (nothing is read or embedded again); prints, writes nothing. */
function fromDump(file: string): void {
  const dumped = JSON.parse(readFileSync(file, "utf8")) as { rows: Row[]; known: { f: CoverageFeatures; topic: string }[]; wrapped: { f: CoverageFeatures }[]; strangers?: StrangerRow[] };
  const { rows, known, wrapped } = dumped;
  // Strangers' rows are fitted on only when asked for (`--strangers`), so one dump compares both fits.
  const all = dumped.strangers ?? [];
  const strangers = STRANGERS ? all : [];
  // Rows dumped before a feature existed read it as 0.
  for (const r of [...rows, ...known, ...wrapped, ...all]) for (const k of FEATURES) r.f[k] ??= 0;
  if (process.argv.includes("--cv")) {
    if (all.length > 0) crossValidateStrangers(rows, known, wrapped, all, STRANGERS !== undefined);
    if (!process.argv.includes("--strangers-only")) crossValidate(rows, known);
  }
  const { weights, bias, threshold: t } = fitDecision(rows, known, wrapped, strangers);
  const inScope = rows.filter((r) => r.y === 1);
  console.log(`fitted on all rows: threshold ${t.toFixed(3)}, team in-scope answered ${(100 * (inScope.filter((r) => probability(weights, bias, r.f) >= t).length / inScope.length)).toFixed(1)}%`);
  console.log(`  weights ${JSON.stringify(Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, Math.round(v * 1e3) / 1e3])))} bias ${bias.toFixed(3)}`);
  // `--out FILE`: the shipped calibration with this coverage model, to try on a dev set (probe-coverage --calibration).
  if (process.argv.includes("--out")) {
    const round = (x: number) => Math.round(x * 1e4) / 1e4;
    const c = loadCalibration();
    const out = process.argv[process.argv.indexOf("--out") + 1]!;
    const coverage = { weights: Object.fromEntries(FEATURES.map((k) => [k, round(weights[k]!)])) as Calibration["coverage"]["weights"], bias: round(bias), threshold: t };
    writeFileSync(out, JSON.stringify({ ...c, coverage, provenance: `${c.provenance} Coverage refitted from dumped rows (${file}).` }, null, 2) + "\n");
    console.log(`wrote ${out}`);
  }
}

async function main(): Promise<void> {
  if (process.argv.includes("--from-dump")) return fromDump(process.argv[process.argv.indexOf("--from-dump") + 1]!);
  const config = parseConfig({ INDEX_DIR: process.env["INDEX_DIR"] ?? "data/index" });
  const embeddings = await UseEmbeddings.load();
  const kb = await loadKnowledgeBase({ config, embeddings });
  const index = kb.index;
  const current = kb.calibration;

  let fusion = current.fusion;
  if (!process.argv.includes("--keep-fusion")) {
    console.log("collecting signals (bank by style, each style held out)…");
    const t0 = performance.now();
    const samples = await collect(kb);
    console.log(`  ${samples.length} questions in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    fusion = searchWeights(samples, current.fusion);
  }

  // Coverage: features from the full pipeline with the new fusion, on both banks.
  // With --bank-blind, every passage is ranked without bank evidence while the rows are read: held out by
  // chapter, the held-out chapter's passages are the only ones with no bank questions, and a ranking that
  // weighs the bank puts another chapter's passage first for them (eval-rank's flaw); blind to the bank,
  // every chapter's passages, and every out-of-scope question's, are ranked alike.
  const rankFusion = process.argv.includes("--bank-blind") ? { ...fusion, bankDense: 0, bankLexical: 0, bankVote: 0 } : fusion;
  const draft: Calibration = { ...current, fusion: rankFusion, fastPath: { ...current.fastPath, enabled: false } };
  const rows: Row[] = [];
  const fastRows: { f: CoverageFeatures; agree: boolean; margin: number; bankLexical: number; y: number }[] = [];
  const lexicalOnly: Calibration = { ...draft, fastPath: { enabled: true, minConcepts: -1, minBankLexical: -1, minMargin: -1, maxLexicalOutOfScope: 2 } };
  // With --chapter-out, each in-scope question is judged with its whole chapter's bank questions left out,
  // as out-of-scope questions are judged with their whole topic left out: both classes are then met as a
  // stranger's question on an area meets the model, and the bank's nearness cannot decide either.
  if (CHAPTER_OUT) {
    const partOfItem = (i: number) => partOf(index.chunks[index.bank[i]!.chunk]!) ?? "other";
    for (const part of [...new Set(index.bank.map((_, i) => partOfItem(i)))]) {
      const holdOut = (k: number) => partOfItem(k) === part;
      const fold = kb.withoutBank(holdOut, draft);
      for (let i = 0; i < index.bank.length; i++) {
        if (!holdOut(i)) continue;
        const b = index.bank[i]!;
        const jurisdiction = index.chunks[b.chunk]!.jurisdiction === "wales" ? "wales" : "england";
        const a = await fold.analyse(b.question, { jurisdiction, vector: index.bankVectors[i], dense: true, excludeBank: holdOut });
        rows.push({ f: a.features, y: 1, style: b.style as Style, part });
      }
    }
  }
  for (const style of CHAPTER_OUT ? [] : STYLES) {
    const fold = kb.withoutBank((i) => index.bank[i]!.style === style, draft);
    const foldLexical = fold.withCalibration(lexicalOnly);
    for (let i = 0; i < index.bank.length; i++) {
      const b = index.bank[i]!;
      if (b.style !== style) continue;
      const jurisdiction = index.chunks[b.chunk]!.jurisdiction === "wales" ? "wales" : "england";
      // Whether a question is in scope is judged with its passage's questions left out of the bank: a
      // new question is worded unlike the bank's, so nearness to the bank's wording must not decide it.
      // It is ranked by the fold's passage index (its style left out). Out-of-scope questions are
      // judged with their whole topic left out, and (below) with only themselves left out.
      // With --case-style-out, a case question is judged as a user's message is, read and embedded live,
      // with every case question left out of the bank (a practitioner's story with no twin in the bank).
      // Measured (round nine): the model it fits is stricter, threshold 0.564 -> 0.664, and live
      // cross-validation on the bank's case questions (case style held out) answers fewer, 0.558 -> 0.473,
      // with the public sample's fact recall 0.72 -> 0.69; so it is not the default.
      const a =
        style === "case" && CASE_STYLE_OUT
          ? await fold.analyse(b.question, { jurisdiction, dense: true, excludeBank: (k) => index.bank[k]!.style === "case" || index.bank[k]!.chunk === b.chunk })
          : await fold.analyse(b.question, { jurisdiction, vector: index.bankVectors[i], dense: true, excludeBank: (k) => index.bank[k]!.chunk === b.chunk });
      rows.push({ f: a.features, y: 1, style, part: partOf(index.chunks[b.chunk]!) ?? "other" });
      if (NO_FAST_PATH) continue;
      const lex = await foldLexical.analyse(b.question, { jurisdiction });
      const [x, y] = lex.ranked;
      fastRows.push({ f: lex.features, agree: x?.chunk === a.ranked[0]?.chunk, margin: (x?.score ?? 0) - (y?.score ?? 0), bankLexical: x?.bankLexical ?? 0, y: 1 });
    }
  }
  const oos = index.outOfScope;
  const whole = kb.withCalibration(draft);
  const wholeLexical = kb.withCalibration(lexicalOnly);
  for (let i = 0; i < oos.length; i++) {
    const topic = oos[i]!.topic;
    const opts = { excludeOutOfScope: (k: number) => oos[k]!.topic === topic, vector: index.outOfScopeVectors[i], dense: true };
    const a = await whole.analyse(oos[i]!.question, { ...opts, jurisdiction: oos[i]!.jurisdiction ?? "england" });
    rows.push({ f: a.features, y: 0, topic, form: "written" });
    if (NO_FAST_PATH) continue;
    const lex = await wholeLexical.analyse(oos[i]!.question, { excludeOutOfScope: opts.excludeOutOfScope, jurisdiction: oos[i]!.jurisdiction ?? "england" });
    const [x, y] = lex.ranked;
    fastRows.push({ f: lex.features, agree: false, margin: (x?.score ?? 0) - (y?.score ?? 0), bankLexical: x?.bankLexical ?? 0, y: 0 });
  }
  // The out-of-scope questions wrapped in a generated case story (scripts/case-wrap.ts), their topic
  // left out: a story around an out-of-scope question must not carry it into coverage.
  const wrappedText = wrapAll(oos.map((o) => o.question), WRAP_SEED);
  const wrappedRows: { f: CoverageFeatures; topic: string }[] = [];
  for (let i = 0; i < oos.length; i++) {
    const topic = oos[i]!.topic;
    const a = await whole.analyse(wrappedText[i]!, { excludeOutOfScope: (k: number) => oos[k]!.topic === topic, dense: true, jurisdiction: oos[i]!.jurisdiction ?? "england" });
    rows.push({ f: a.features, y: 0, topic, form: "wrapped" });
    wrappedRows.push({ f: a.features, topic });
  }
  // The same out-of-scope questions with only themselves left out: a new question on a topic the bank names.
  const known: { f: CoverageFeatures; topic: string }[] = [];
  for (let i = 0; i < oos.length; i++) {
    const a = await whole.analyse(oos[i]!.question, { excludeOutOfScope: (k: number) => k === i, vector: index.outOfScopeVectors[i], dense: true, jurisdiction: oos[i]!.jurisdiction ?? "england" });
    known.push({ f: a.features, topic: oos[i]!.topic });
  }
  // Strangers' questions, read as a user's are (embedded live, the whole bank in place): see scripts/stranger-rows.ts.
  const strangers = STRANGERS ? await strangerRows(whole, STRANGERS) : [];
  const dump = process.argv.includes("--dump") ? process.argv[process.argv.indexOf("--dump") + 1] : undefined;
  if (dump) writeFileSync(dump, JSON.stringify({ rows, known, wrapped: wrappedRows, strangers }));
  if (process.argv.includes("--cv")) {
    if (strangers.length > 0) crossValidateStrangers(rows, known, wrappedRows, strangers);
    crossValidate(rows, known);
  }
  const { weights, bias, threshold } = fitDecision(rows, known, wrappedRows, strangers);
  const prob = (f: CoverageFeatures) => probability(weights, bias, f);
  const scored = rows.map((r) => ({ ...r, p: prob(r.f) }));
  const knownP = known.map((r) => prob(r.f));
  const wrappedP = wrappedRows.map((r) => prob(r.f));
  if (strangers.length > 0) {
    const judged = strangers.map((r) => !r.blocked && prob(r.f) >= threshold);
    console.log(`  strangers' questions (fitted on): covered refused ${strangers.filter((r, i) => r.y === 1 && !judged[i]).length} of ${strangers.filter((r) => r.y === 1).length}, out of scope answered ${strangers.filter((r, i) => r.y === 0 && judged[i]).length} of ${strangers.filter((r) => r.y === 0).length}`);
  }
  console.log(`  out-of-scope refused, topic named in the bank: ${(100 * (knownP.filter((p) => p < threshold).length / knownP.length)).toFixed(1)}%`);
  console.log(`  out-of-scope refused, wrapped in a case story, topic left out: ${(100 * (wrappedP.filter((p) => p < threshold).length / wrappedP.length)).toFixed(1)}%`);
  const inScope = scored.filter((r) => r.y === 1);
  const answered = inScope.filter((r) => r.p >= threshold).length / inScope.length;
  const refused = scored.filter((r) => r.y === 0 && r.p < threshold).length / scored.filter((r) => r.y === 0).length;
  console.log(`coverage: threshold ${threshold.toFixed(3)}; in-scope answered ${(100 * answered).toFixed(1)}%, out-of-scope refused ${(100 * refused).toFixed(1)}% with each topic left out (cross-validated)`);
  for (const s of STYLES) {
    const xs = inScope.filter((r) => r.style === s);
    console.log(`  ${s}: answered ${(100 * (xs.filter((r) => r.p >= threshold).length / xs.length)).toFixed(1)}%`);
  }

  // Fast path: the loosest thresholds under which 98% of fast answers agree with the full ranking and no out-of-scope question takes it.
  let fastPath = { enabled: false, minConcepts: 1, minBankLexical: 1, minMargin: 1, maxLexicalOutOfScope: 0 };
  let bestShare = 0;
  for (const minConcepts of [0.6, 0.7, 0.8, 0.9, 1]) {
    for (const minBankLexical of [0.5, 0.7, 0.8, 0.9, 1]) {
      for (const minMargin of [0.02, 0.05, 0.08, 0.12, 0.16, 0.2, 0.3]) {
        for (const maxLexicalOutOfScope of [0.1, 0.2, 0.3, 0.4, 0.5]) {
          const taken = fastRows.filter((r) => r.f.concepts >= minConcepts && r.bankLexical >= minBankLexical && r.margin >= minMargin && r.f.lexicalOutOfScope <= maxLexicalOutOfScope);
          const inTaken = taken.filter((r) => r.y === 1);
          if (taken.some((r) => r.y === 0) || inTaken.length === 0) continue;
          const agree = inTaken.filter((r) => r.agree).length / inTaken.length;
          const share = inTaken.length / fastRows.filter((r) => r.y === 1).length;
          if (agree >= 0.98 && share > bestShare) {
            bestShare = share;
            fastPath = { enabled: true, minConcepts, minBankLexical, minMargin, maxLexicalOutOfScope };
          }
        }
      }
    }
  }
  console.log(`fast path: ${fastPath.enabled ? `${(100 * bestShare).toFixed(1)}% of bank questions` : "off"} (${JSON.stringify(fastPath)})`);

  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const calibration: Calibration = {
    fusion: { ...fusion, bankRange: fusion.bankRange, sentenceRange: fusion.sentenceRange },
    coverage: { weights: Object.fromEntries(FEATURES.map((k) => [k, round(weights[k]!)])) as Calibration["coverage"]["weights"], bias: round(bias), threshold },
    fastPath,
    // The re-ranker is learnt apart (scripts/eval-rerank.ts --write), on rankings this calibration makes: kept as it was.
    ...(kb.calibration.rerank ? { rerank: kb.calibration.rerank } : {}),
    provenance: `scripts/calibrate-knowledge.ts on ${index.bank.length} bank questions (fusion: style held out; coverage: ${CHAPTER_OUT ? "each chapter's questions held out" : "passage's questions held out"}${process.argv.includes("--bank-blind") ? ", every passage ranked without bank evidence" : ""}${CASE_STYLE_OUT ? ", and for case questions the whole case style, read and embedded live" : ""}) and ${oos.length} out-of-scope questions, as written and wrapped in a generated case story (topic held out)${strangers.length > 0 ? `; and ${strangers.length} strangers' questions (${STRANGERS}: the retired held-out sets of the study pool, read live, each weighed ${STRANGER_WEIGHT}, their out-of-scope questions refused at ${REFUSE_STRANGERS} or more)` : "; no held-out set read"}.`,
  };
  const out = process.argv.includes("--out") ? process.argv[process.argv.indexOf("--out") + 1]! : fromRoot("knowledge", "calibration.json");
  writeFileSync(out, JSON.stringify(calibration, null, 2) + "\n");
  console.log(`wrote ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
