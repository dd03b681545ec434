import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fromRoot } from "../core/paths.js";
import { readInt8Row, writeInt8Row } from "../knowledge/shipped-vectors.js";
import type { Embeddings } from "../knowledge/embeddings/embeddings.js";
import { loadLabelled, loadStrangerManifest, loadTrainingSet, type Labelled } from "./labelled.js";
import { readMessage, type Reading } from "./reader.js";

/**
 * The sentence net: a safety net for danger the risk model's vocabulary does not name.
 *
 * The risk model reads danger from phrases, and no phrase list covers every way a person
 * says a child is in danger. The labelled set does say it many ways, so each sentence of a
 * message is also compared, as a sentence vector, with every sentence of the labelled set.
 * When most of a sentence's nearest neighbours are danger sentences of 999 lines and the
 * closest is close, the message is treated as danger now, unless the reader has placed the
 * danger in the past, or the safety nets (an adult reporting a child safe now, a procedure
 * question) say otherwise. It can only raise a level to 999, never lower one.
 *
 * The constants were chosen on the team's dev sets (escalation/data/dev) and checked by
 * cross-validation with a whole danger kind's sentences held out of the bank
 * (`node dist/scripts/eval-triage.js`); they are product policy, not corpus facts.
 */
export const NET_K = 7;
/** This many of the K nearest must be danger sentences. */
export const NET_AGREE = 5;
/** And the nearest danger sentence at least this similar (cosine). */
export const NET_MIN_SIM = 0.7;
/** A sentence needs this many words to be compared: "help" or "ok" alone says nothing about which danger. */
export const NET_MIN_WORDS = 3;
/** A long paste is compared up to this many distinct sentences, half from each end (the reader reads them all for words). */
export const NET_MAX_SENTENCES = 80;
/** Bump when what goes into the bank changes, so a stale file is rebuilt. */
const BANK_VERSION = 1;

/**
 * Rows as shipped: 8-bit codes with a scale per row (writeInt8Row). Kept as they are, not
 * widened to floats (3.6 MB instead of 12.8 MB in every assistant thread); a row's values are
 * worked out as it is scored, to the same float32 values the widened rows held.
 */
export interface Int8Rows {
  readonly codes: Int8Array;
  readonly scales: Float32Array;
}

/** Labelled sentences as vectors, each marked danger (from a 999 line) or not. */
export interface SentenceBank {
  readonly dim: number;
  /** n × dim, L2-normalised rows: floats (a bank just embedded) or the shipped 8-bit rows. */
  readonly vectors: Float32Array | Int8Rows;
  /** 1 when the sentence is a danger sentence of a 999 line. */
  readonly danger: Uint8Array;
  /** The line's danger kind (for cross-validation by kind), or "" . */
  readonly kinds: readonly string[];
  /** Each row's text hash (for evaluation, which leaves a sentence's own row out). */
  readonly keys: readonly string[];
}

/** Rows to leave out when evaluating: a held-out danger kind's danger rows, and the query's own sentences. */
export interface Exclusion {
  kind?: string;
  keys?: ReadonlySet<string>;
}

/** One sentence of the labelled set that goes into the bank. */
export interface BankUnit {
  text: string;
  danger: boolean;
  kind: string;
}

/** A sentence's key in the bank. */
export const textKey = (t: string): string => createHash("sha256").update(t).digest("hex").slice(0, 16);

function words(s: string): number {
  return s.trim().split(/\s+/).filter(Boolean).length;
}

/** The sentences of a message the net compares: as the reader split them, long enough to say something. */
export function netSentences(reading: Pick<Reading, "sentences">): string[] {
  const distinct = [...new Set(reading.sentences.map((s) => s.trim()).filter((s) => words(s) >= NET_MIN_WORDS))];
  if (distinct.length <= NET_MAX_SENTENCES) return distinct;
  // A long paste: its opening and its end, where a writer puts what is happening now.
  const half = NET_MAX_SENTENCES / 2;
  return [...distinct.slice(0, half), ...distinct.slice(-half)];
}

/**
 * The bank's sentences. Every sentence of a line that is not 999 is a non-danger example.
 * For a 999 line of one or two sentences, both are danger sentences; in a longer 999 line
 * only the sentences the reader flags as carrying danger are (the rest of a long paste is
 * ordinary context and would teach the net that ordinary sentences are danger).
 */
export function bankUnits(lines: readonly Labelled[]): BankUnit[] {
  const out: BankUnit[] = [];
  for (const l of lines) {
    const reading = readMessage(l.text);
    const all = reading.sentences.map((text, i) => ({ text, i })).filter((s) => words(s.text) >= NET_MIN_WORDS);
    const units = all.length ? all : [{ text: l.text, i: -1 }];
    const is999 = l.level === "999";
    const flagged = new Set(reading.flagged);
    const pick = is999 && units.length > 2 && units.some((u) => flagged.has(u.i)) ? (u: { i: number }) => flagged.has(u.i) : () => true;
    for (const u of units) {
      if (is999 && !pick(u)) continue;
      out.push({ text: u.text, danger: is999, kind: l.danger_kind ?? "" });
    }
  }
  return out;
}

/** Embed the bank's sentences. */
export async function buildSentenceBank(units: readonly BankUnit[], embeddings: Embeddings): Promise<SentenceBank> {
  const dim = embeddings.dimensions;
  const vectors = new Float32Array(units.length * dim);
  const BATCH = 256;
  for (let i = 0; i < units.length; i += BATCH) {
    const vs = await embeddings.embed(units.slice(i, i + BATCH).map((u) => u.text));
    vs.forEach((v, j) => vectors.set(v.subarray(0, dim), (i + j) * dim));
  }
  return { dim, vectors, danger: Uint8Array.from(units, (u) => (u.danger ? 1 : 0)), kinds: units.map((u) => u.kind), keys: units.map((u) => textKey(u.text)) };
}

/** How many of a sentence's K nearest bank sentences are danger, and how close the closest danger one is. */
export function nearest(bank: SentenceBank, v: Float32Array, exclude: Exclusion = {}, known?: Float64Array): { agree: number; best: number } {
  const { dim, vectors, danger, kinds, keys } = bank;
  const n = danger.length;
  const topSim = new Float64Array(NET_K).fill(-2);
  const topDanger = new Uint8Array(NET_K);
  let best = -1;
  for (let r = 0; r < n; r++) {
    if (exclude.kind && danger[r] && kinds[r] === exclude.kind) continue;
    if (exclude.keys && exclude.keys.has(keys[r]!)) continue;
    // `known`: the danger rows' similarities, already worked out by `dangerSimilarities`.
    const s = known && danger[r] ? known[r]! : rowDot(vectors, r, v, dim);
    if (danger[r] && s > best) best = s;
    if (s <= topSim[NET_K - 1]!) continue;
    let j = NET_K - 1;
    while (j > 0 && topSim[j - 1]! < s) {
      topSim[j] = topSim[j - 1]!;
      topDanger[j] = topDanger[j - 1]!;
      j--;
    }
    topSim[j] = s;
    topDanger[j] = danger[r]!;
  }
  let agree = 0;
  for (let j = 0; j < NET_K; j++) agree += topDanger[j]!;
  return { agree, best };
}

/** True when any sentence reads as a danger sentence of the labelled set. */
export function nearDanger(bank: SentenceBank, vecs: readonly Float32Array[], exclude: Exclusion = {}): boolean {
  return vecs.some((v) => {
    // Most sentences are nowhere near a danger sentence: the danger rows alone (about a
    // third of the bank) say so, and the rest of the bank is scanned only when one is near.
    const { best, sims } = dangerSimilarities(bank, v, exclude);
    if (best < NET_MIN_SIM) return false;
    const near = nearest(bank, v, exclude, sims);
    return near.agree >= NET_AGREE && near.best >= NET_MIN_SIM;
  });
}

/** The danger rows' similarities to `v` (by row) and the closest, as `nearest` reports it. */
function dangerSimilarities(bank: SentenceBank, v: Float32Array, exclude: Exclusion): { best: number; sims: Float64Array } {
  const { dim, vectors, kinds, keys } = bank;
  const sims = new Float64Array(bank.danger.length);
  let best = -1;
  for (const r of dangerRows(bank)) {
    if (exclude.kind && kinds[r] === exclude.kind) continue;
    if (exclude.keys && exclude.keys.has(keys[r]!)) continue;
    const s = (sims[r] = rowDot(vectors, r, v, dim));
    if (s > best) best = s;
  }
  return { best, sims };
}

const dangerRowsOf = new WeakMap<SentenceBank, Uint32Array>();
function dangerRows(bank: SentenceBank): Uint32Array {
  let rows = dangerRowsOf.get(bank);
  if (!rows) {
    const list: number[] = [];
    bank.danger.forEach((d, r) => {
      if (d) list.push(r);
    });
    dangerRowsOf.set(bank, (rows = Uint32Array.from(list)));
  }
  return rows;
}

/** Row `r` of the bank times `v`. */
function rowDot(vectors: Float32Array | Int8Rows, r: number, v: Float32Array, dim: number): number {
  return vectors instanceof Float32Array ? dot(vectors, r * dim, v, dim) : dotInt8(vectors.codes, vectors.scales[r]!, r * dim, v, dim);
}

/** Row `r` of the bank as floats (what scoring multiplies by). */
export function bankRow(bank: SentenceBank, r: number): Float32Array {
  const { dim, vectors } = bank;
  if (vectors instanceof Float32Array) return vectors.slice(r * dim, (r + 1) * dim);
  const out = new Float32Array(dim);
  const scale = vectors.scales[r]!;
  for (let i = 0; i < dim; i++) out[i] = vectors.codes[r * dim + i]! * scale;
  return out;
}

/**
 * `dot` over an 8-bit row: each value is the code times the row's scale rounded to float32
 * (Math.fround), as readInt8Row stored it in a Float32Array, and the sum is added in the same
 * order, so the similarity is the same to the bit as over the widened row.
 */
function dotInt8(codes: Int8Array, scale: number, o: number, v: Float32Array, dim: number): number {
  const f = Math.fround;
  let s = 0;
  let i = 0;
  for (; i + 8 <= dim; i += 8) {
    const p = o + i;
    s += f(codes[p]! * scale) * v[i]!;
    s += f(codes[p + 1]! * scale) * v[i + 1]!;
    s += f(codes[p + 2]! * scale) * v[i + 2]!;
    s += f(codes[p + 3]! * scale) * v[i + 3]!;
    s += f(codes[p + 4]! * scale) * v[i + 4]!;
    s += f(codes[p + 5]! * scale) * v[i + 5]!;
    s += f(codes[p + 6]! * scale) * v[i + 6]!;
    s += f(codes[p + 7]! * scale) * v[i + 7]!;
  }
  for (; i < dim; i++) s += f(codes[o + i]! * scale) * v[i]!;
  return s;
}

/**
 * Row `o / dim` of the bank times `v`. Unrolled by eight with one running sum, so the sum
 * is added in the same order as a plain loop (the same result to the bit), about a third faster.
 */
function dot(vectors: Float32Array, o: number, v: Float32Array, dim: number): number {
  let s = 0;
  let i = 0;
  for (; i + 8 <= dim; i += 8) {
    const p = o + i;
    s += vectors[p]! * v[i]!;
    s += vectors[p + 1]! * v[i + 1]!;
    s += vectors[p + 2]! * v[i + 2]!;
    s += vectors[p + 3]! * v[i + 3]!;
    s += vectors[p + 4]! * v[i + 4]!;
    s += vectors[p + 5]! * v[i + 5]!;
    s += vectors[p + 6]! * v[i + 6]!;
    s += vectors[p + 7]! * v[i + 7]!;
  }
  for (; i < dim; i++) s += vectors[o + i]! * v[i]!;
  return s;
}

/** A hash of what the bank is made from: the labelled lines and the bank's version. */
export function bankHash(lines: readonly Labelled[]): string {
  const h = createHash("sha256").update(String(BANK_VERSION));
  for (const l of lines) h.update(`\n${l.id}\t${l.level}\t${l.danger_kind ?? ""}\t${l.text}`);
  return h.digest("hex").slice(0, 16);
}

/**
 * The lines the bank is made from: the train split, so the held-back lines stay unseen by it too; stranger lines
 * only when the manifest (stranger-sets.json `sentence_bank`) says the bank takes them.
 */
export function bankLines(all?: readonly Labelled[], withStrangers: boolean = loadStrangerManifest().sentence_bank): Labelled[] {
  // The stranger sets live under test/, which the deployed image does not carry: read them only when the bank takes them.
  const lines = all ?? (withStrangers ? loadTrainingSet() : loadLabelled());
  return lines.filter((l) => l.split === "train" && (withStrangers || l.source !== "stranger"));
}

/**
 * The shipped bank (like the shipped weights beside it): the bundled encoder's vectors of the
 * bank's sentences, as 8-bit integers with a scale per row, and a header naming the encoder
 * and the labelled set it was built from. `node dist/scripts/eval-triage.js --write-model`
 * rewrites it; a unit test fails when the labelled set changes and it is not rewritten.
 */
export const BANK_PATH = fromRoot("escalation", "data", "model", "sentence-bank.bin");

interface BankHeader {
  version: number;
  embeddings: string;
  dim: number;
  hash: string;
  /** Per row: the sentence's text hash (so a rewrite embeds only new sentences), danger (0/1) and kind. */
  rows: [string, number, string][];
}


/** The bank file's header, and where its rows start; its rows as floats only when `widen` (a rewrite reuses them). */
function readBankFile(path: string, widen = false): { header: BankHeader; buf: Buffer; at0: number; rows: Float32Array[] } | null {
  if (!existsSync(path)) return null;
  try {
    const buf = readFileSync(path);
    const hl = buf.readUInt32LE(0);
    const header = JSON.parse(buf.subarray(4, 4 + hl).toString("utf8")) as BankHeader;
    const stride = 4 + header.dim;
    const at0 = 4 + hl;
    if (buf.length !== at0 + header.rows.length * stride) return null;
    const rows = widen ? header.rows.map((_, i) => readInt8Row(buf, at0 + i * stride, header.dim)) : [];
    return { header, buf, at0, rows };
  } catch {
    return null;
  }
}

/** The file's rows (each a float32 scale, then `dim` signed bytes) as codes and scales. */
function readInt8Rows(buf: Buffer, at0: number, n: number, dim: number): Int8Rows {
  const codes = new Int8Array(n * dim);
  const scales = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    const at = at0 + r * (4 + dim);
    scales[r] = buf.readFloatLE(at);
    codes.set(new Int8Array(buf.buffer, buf.byteOffset + at + 4, dim), r * dim);
  }
  return { codes, scales };
}

/** The shipped bank, or null when it was built with another encoder or from another labelled set. */
export function loadSentenceBank(embeddingsId: string, dim: number, opts: { path?: string; lines?: readonly Labelled[] } = {}): SentenceBank | null {
  const file = readBankFile(opts.path ?? BANK_PATH);
  if (!file) return null;
  const { header } = file;
  if (header.version !== BANK_VERSION || header.embeddings !== embeddingsId || header.dim !== dim) return null;
  if (header.hash !== bankHash(opts.lines ?? bankLines())) return null;
  const vectors = readInt8Rows(file.buf, file.at0, header.rows.length, dim);
  return { dim, vectors, danger: Uint8Array.from(header.rows, (r) => r[1]), kinds: header.rows.map((r) => r[2]), keys: header.rows.map((r) => r[0]) };
}

/** Rewrite the shipped bank from the labelled set: sentences already in the file keep their vectors, new ones are embedded. */
export async function writeSentenceBank(embeddings: Embeddings, opts: { path?: string; lines?: readonly Labelled[] } = {}): Promise<{ rows: number; embedded: number }> {
  const path = opts.path ?? BANK_PATH;
  const lines = opts.lines ?? bankLines();
  const units = bankUnits(lines);
  const old = readBankFile(path, true);
  const reuse = new Map<string, Float32Array>();
  if (old && old.header.embeddings === embeddings.id && old.header.dim === embeddings.dimensions) {
    old.header.rows.forEach((r, i) => reuse.set(r[0], old.rows[i]!));
  }
  const keys = units.map((u) => textKey(u.text));
  const todo = [...new Set(keys.filter((k) => !reuse.has(k)))];
  const textOf = new Map(keys.map((k, i) => [k, units[i]!.text]));
  const fresh = await buildSentenceBank(todo.map((k) => ({ text: textOf.get(k)!, danger: false, kind: "" })), embeddings);
  todo.forEach((k, i) => reuse.set(k, bankRow(fresh, i)));
  const dim = embeddings.dimensions;
  const header: BankHeader = { version: BANK_VERSION, embeddings: embeddings.id, dim, hash: bankHash(lines), rows: units.map((u, i) => [keys[i]!, u.danger ? 1 : 0, u.kind]) };
  const hb = Buffer.from(JSON.stringify(header), "utf8");
  const stride = 4 + dim;
  const body = Buffer.alloc(units.length * stride);
  keys.forEach((k, i) => writeInt8Row(body, i * stride, reuse.get(k)!, dim));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(hb.length, 0);
  writeFileSync(path, Buffer.concat([len, hb, body]));
  return { rows: units.length, embedded: todo.length };
}
