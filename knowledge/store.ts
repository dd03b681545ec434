import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../core/config.js";
import { AppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import { CORPUS_DIR, ingestCorpus, sha256, type CorpusFile } from "./corpus.js";
import { loadCatalogue, localDocsRank, type DocumentMeta } from "./documents.js";
import type { Embeddings } from "./embeddings/embeddings.js";
import { expandQuestion, loadQuestionTerms } from "./expand.js";
import { ingestLocalDocuments, listLocalFiles } from "./local-docs.js";
import { loadShippedVectors } from "./shipped-vectors.js";
import { questionFocus, readQuestion } from "./reading.js";
import { procedureLexicon } from "./procedure-terms.js";
import { corpusFacts as corpusFactsOf } from "./corpus-facts.js";
import { BANK_DIR, bankCoverage, loadBank, loadOutOfScope, resolveBank, type BankProblem, type CoverageReport } from "./questions/bank.js";
import {
  buildChunkMini,
  buildQuestionMini,
  buildSentenceMini,
  sentenceHeading,
  type BankItem,
  type HybridIndex,
  type OutOfScopeItem,
  type SentenceRef,
} from "./search.js";
import type { Chunk } from "./types.js";

/** Bump when the saved format or the ingestion changes meaning. */
const FORMAT = 8;
/** The encoder is slow on long text and long text embeds poorly: embed a sentence's opening. */
const EMBED_CHARS = 300;

export interface IndexStats {
  documents: number;
  chunks: number;
  sentences: number;
  bankQuestions: number;
  outOfScopeQuestions: number;
  /** Texts embedded in this build (the rest came from the previous build's vectors). */
  embedded: number;
  ms: number;
  coverage: CoverageReport;
  /** Bank entries that could not be placed in the corpus (the bank's test fails on any). */
  bankProblems: BankProblem[];
}

interface Manifest {
  format: number;
  embeddingsId: string;
  dimensions: number;
  corpus: CorpusFile[];
  local: CorpusFile[];
  /** Hash of the catalogue, the question terms and the question bank: ingestion and the saved index depend on them. */
  settings: string;
  builtAt: string;
  counts: { sentences: number; headings: number; bank: number; outOfScope: number };
}

export interface LoadedIndex extends HybridIndex {
  documents: DocumentMeta[];
  manifest: Manifest;
}

async function collect(config: Config) {
  const catalogue = loadCatalogue();
  const national = ingestCorpus(catalogue);
  let documents = national.documents;
  let chunks = national.chunks;
  let local: CorpusFile[] = [];
  if (config.knowledge.localDocsDir) {
    const l = await ingestLocalDocuments({
      dir: config.knowledge.localDocsDir,
      jurisdiction: config.knowledge.localDocsJurisdiction,
      rank: localDocsRank(catalogue.ranks, config.knowledge.localDocsRank),
      debris: catalogue.debris,
      firstId: chunks.length,
    });
    documents = [...documents, ...l.documents];
    chunks = [...chunks, ...l.chunks];
    local = l.files;
  }
  return { documents, chunks, corpus: national.files, local };
}

/** What the encoder reads for a question (a user's or the bank's): acronyms spelled out where they stand. */
export function encoderText(question: string): string {
  return expandQuestion(question).inline.slice(0, 1000);
}

/** What the encoder reads for a bank question: its focus, read as a user's question is read. */
function bankEncoderText(question: string, chunks: readonly Chunk[]): string {
  const { vocabulary, freq } = corpusFactsOf(chunks);
  return encoderText(questionFocus(readQuestion(question, (w) => vocabulary.has(w), procedureLexicon(chunks)), freq.df));
}

function sentenceRefs(chunks: readonly Chunk[]): { refs: SentenceRef[]; headings: string[] } {
  const headings: string[] = [];
  const headingIds = new Map<string, number>();
  const refs: SentenceRef[] = [];
  for (const c of chunks) {
    c.units.forEach((_, u) => {
      const h = sentenceHeading(c, u);
      let hid = headingIds.get(h);
      if (hid === undefined) {
        hid = headings.length;
        headings.push(h);
        headingIds.set(h, hid);
      }
      refs.push({ chunk: c.id, unit: u, heading: hid });
    });
  }
  return { refs, headings };
}

/** The vectors of the previous build, by the hash of the text embedded, to reuse what has not changed. */
export function previousVectors(dir: string, embeddings: Embeddings): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  try {
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
    if (manifest.format !== FORMAT || manifest.embeddingsId !== embeddings.id) return out;
    const hashes = JSON.parse(readFileSync(join(dir, "texts.json"), "utf8")) as string[];
    const buf = readFileSync(join(dir, "vectors.bin"));
    const flat = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
    const d = manifest.dimensions;
    hashes.forEach((h, i) => out.set(h, flat.slice(i * d, (i + 1) * d)));
  } catch {
    // No previous build, or one we cannot read: embed everything.
  }
  return out;
}

/** The key a text's vector is kept under (in the index and in the shipped vectors). */
export function textHash(text: string): string {
  return sha256(text).slice(0, 24);
}

/**
 * Every text the index embeds, in the order the vectors are saved: each sentence's opening,
 * each distinct heading, each bank question and each out-of-scope question (as the encoder reads them).
 */
export function indexTexts(chunks: readonly Chunk[], bank: readonly BankItem[], outOfScope: readonly OutOfScopeItem[]): { refs: SentenceRef[]; headings: string[]; texts: string[] } {
  const { refs, headings } = sentenceRefs(chunks);
  const texts = [
    ...refs.map((r) => chunks[r.chunk]!.units[r.unit]!.text.slice(0, EMBED_CHARS)),
    ...headings,
    ...bank.map((b) => bankEncoderText(b.question, chunks)),
    ...outOfScope.map((o) => bankEncoderText(o.question, chunks)),
  ];
  return { refs, headings, texts };
}

/** The national corpus and the banks as the index holds them (no local procedures): what the shipped vectors must cover. */
export function nationalTexts(): string[] {
  const { chunks } = ingestCorpus(loadCatalogue());
  const { resolved } = resolveBank(loadBank(), chunks);
  const bank: BankItem[] = resolved.map(({ entry: e, chunk }) => ({ id: e.id, chunk, style: e.style, question: e.question, span: e.span, also: e.also }));
  const outOfScope: OutOfScopeItem[] = loadOutOfScope().map((o) => ({ id: o.id, topic: o.topic, question: o.question, where: o.where, ...(o.jurisdiction ? { jurisdiction: o.jurisdiction } : {}) }));
  return indexTexts(chunks, bank, outOfScope).texts;
}

/** Embed texts shortest first (a batch is padded to its longest text), reusing vectors of unchanged texts. */
async function embedAll(embeddings: Embeddings, texts: string[], reuse: Map<string, Float32Array>): Promise<{ vectors: Float32Array[]; hashes: string[]; embedded: number }> {
  const hashes = texts.map(textHash);
  const vectors: Float32Array[] = new Array(texts.length);
  const todo: number[] = [];
  hashes.forEach((h, i) => {
    const v = reuse.get(h);
    if (v) vectors[i] = v;
    else todo.push(i);
  });
  todo.sort((a, b) => texts[a]!.length - texts[b]!.length);
  const fresh = await embeddings.embed(todo.map((i) => texts[i]!));
  todo.forEach((i, k) => (vectors[i] = fresh[k]!));
  return { vectors, hashes, embedded: todo.length };
}

/**
 * Build the retrieval index (national corpus plus any local procedures, the question bank
 * and the out-of-scope bank), embed every sentence, heading and bank question once, and
 * save it under Config.knowledge.indexDir.
 */
export async function buildIndex(opts: { config: Config; embeddings: Embeddings; onProgress?: (msg: string) => void }): Promise<IndexStats> {
  const t0 = performance.now();
  const say = opts.onProgress ?? (() => undefined);
  const { documents, chunks, corpus, local } = await collect(opts.config);
  const { resolved, problems } = resolveBank(loadBank(), chunks);
  const bank: BankItem[] = resolved.map(({ entry: e, chunk }) => ({ id: e.id, chunk, style: e.style, question: e.question, span: e.span, also: e.also }));
  const outOfScope: OutOfScopeItem[] = loadOutOfScope().map((o) => ({ id: o.id, topic: o.topic, question: o.question, where: o.where, ...(o.jurisdiction ? { jurisdiction: o.jurisdiction } : {}) }));
  say(`Read ${documents.length} documents into ${chunks.length} passages; ${bank.length} bank questions and ${outOfScope.length} out-of-scope questions.`);
  const { refs, headings, texts } = indexTexts(chunks, bank, outOfScope);
  const dir = opts.config.knowledge.indexDir;
  const reuse = new Map([...loadShippedVectors(opts.embeddings.id, opts.embeddings.dimensions), ...previousVectors(dir, opts.embeddings)]);
  say(`Embedding ${refs.length} sentences, ${headings.length} headings and ${bank.length + outOfScope.length} questions…`);
  const { vectors, hashes, embedded } = await embedAll(opts.embeddings, texts, reuse);
  mkdirSync(dir, { recursive: true });
  const dims = opts.embeddings.dimensions;
  const flat = new Float32Array(vectors.length * dims);
  vectors.forEach((v, i) => flat.set(v.subarray(0, dims), i * dims));
  const manifest: Manifest = {
    format: FORMAT,
    embeddingsId: opts.embeddings.id,
    dimensions: dims,
    corpus,
    local,
    settings: settingsHash(),
    builtAt: new Date().toISOString(),
    counts: { sentences: refs.length, headings: headings.length, bank: bank.length, outOfScope: outOfScope.length },
  };
  // Write to temporary names, then rename: a crash never leaves a half-written index.
  const write = (name: string, data: string | Uint8Array) => {
    writeFileSync(join(dir, `${name}.tmp`), data);
    renameSync(join(dir, `${name}.tmp`), join(dir, name));
  };
  write("chunks.json", JSON.stringify({ documents, chunks, sentences: refs, bank, outOfScope }));
  write("vectors.bin", new Uint8Array(flat.buffer));
  write("texts.json", JSON.stringify(hashes));
  write("manifest.json", JSON.stringify(manifest, null, 2));
  const ms = Math.round(performance.now() - t0);
  say(`Index saved to ${dir} in ${ms} ms (${embedded} texts embedded, ${texts.length - embedded} reused).`);
  return {
    documents: documents.length,
    chunks: chunks.length,
    sentences: refs.length,
    bankQuestions: bank.length,
    outOfScopeQuestions: outOfScope.length,
    embedded,
    ms,
    coverage: bankCoverage(chunks, resolved),
    bankProblems: problems,
  };
}

const rebuild = "Run `safeguard index` to rebuild it.";

/** Each chunk's bank questions, expanded, for the chunk index (`keep` leaves some out, for cross-validation). */
export function bankQuestionsByChunk(n: number, bank: readonly BankItem[], keep: (item: number) => boolean = () => true): string[][] {
  const out: string[][] = Array.from({ length: n }, () => []);
  const texts = expandedBankTexts(bank);
  bank.forEach((b, i) => {
    if (keep(i)) out[b.chunk]!.push(texts[i]!);
  });
  return out;
}

const expandedBanks = new WeakMap<readonly BankItem[], string[]>();

/**
 * Each bank question as the lexical rankers read it (`expandQuestion(q).text`), worked out
 * once per loaded bank: the chunk index, the bank's own index and the knowledge base's
 * bank stems all read it, and expanding 2,450 questions three times was a third of start-up.
 */
export function expandedBankTexts(bank: readonly BankItem[]): string[] {
  let texts = expandedBanks.get(bank);
  if (!texts) expandedBanks.set(bank, (texts = bank.map((b) => expandQuestion(b.question).text)));
  return texts;
}

function settingsHash(): string {
  const catalogue = readFileSync(fromRoot("knowledge", "corpus", "documents.json"), "utf8");
  const bank = readdirSync(BANK_DIR)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .map((f) => `${f}\u0000${readFileSync(join(BANK_DIR, f), "utf8")}`)
    .join("\u0000");
  return sha256(`${catalogue}\u0000${JSON.stringify(loadQuestionTerms())}\u0000${bank}`);
}

function isStale(config: Config, manifest: Manifest): boolean {
  if (manifest.settings !== settingsHash()) return true;
  for (const f of manifest.corpus) {
    const p = join(CORPUS_DIR, f.file);
    if (!existsSync(p) || sha256(readFileSync(p)) !== f.sha256) return true;
  }
  const catalogueFiles = new Set(loadCatalogue().documents.map((d) => d.file));
  if (catalogueFiles.size !== manifest.corpus.length) return true;
  const dir = config.knowledge.localDocsDir;
  const names = dir ? listLocalFiles(dir) : [];
  if (names.length !== manifest.local.length) return true;
  return manifest.local.some((f) => !dir || !names.includes(f.file) || sha256(readFileSync(join(dir, f.file))) !== f.sha256);
}

/**
 * Load a saved index. Refuses (AppError "config") an index that is missing, was built
 * with other embeddings, or no longer matches the corpus, the bank or the local documents.
 */
/** The index's vectors as read by another thread, shared (see useSharedIndexVectors). */
let sharedVectors: { dir: string; bytes: SharedArrayBuffer } | null = null;

/**
 * Let this thread's loadIndex take the vectors of the index in `dir` from `bytes` (vectors.bin
 * read once by the thread that starts the workers, core/shared-file.ts) instead of reading
 * the file into memory of its own: every assistant thread then reads the same 13 MB.
 * Nothing writes to an index's vectors once loaded.
 */
export function useSharedIndexVectors(dir: string, bytes: SharedArrayBuffer): void {
  sharedVectors = { dir, bytes };
}

export function loadIndex(config: Config, embeddings: Embeddings): LoadedIndex {
  const dir = config.knowledge.indexDir;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  } catch (e) {
    throw new AppError("config", `No search index was found. ${rebuild}`, { cause: e });
  }
  if (manifest.format !== FORMAT) throw new AppError("config", `The search index is from an older version. ${rebuild}`);
  if (manifest.embeddingsId !== embeddings.id) {
    throw new AppError("config", `The search index was built with other embeddings (${manifest.embeddingsId}). ${rebuild}`);
  }
  if (isStale(config, manifest)) {
    throw new AppError("config", `The corpus, the question bank or the local procedures have changed since the index was built. ${rebuild}`);
  }
  try {
    const saved = JSON.parse(readFileSync(join(dir, "chunks.json"), "utf8")) as {
      documents: DocumentMeta[];
      chunks: Chunk[];
      sentences: SentenceRef[];
      bank: BankItem[];
      outOfScope: OutOfScopeItem[];
    };
    const shared = sharedVectors?.dir === dir ? sharedVectors.bytes : null;
    const buf = shared ? Buffer.from(shared) : readFileSync(join(dir, "vectors.bin"));
    const flat = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
    const d = manifest.dimensions;
    let at = 0;
    const take = (n: number) => Array.from({ length: n }, () => flat.subarray(at * d, ++at * d));
    const { sentences: ns, headings: nh, bank: nb, outOfScope: no } = manifest.counts;
    const sentenceVectors = take(ns);
    const headingVectors = take(nh);
    const bankVectors = take(nb);
    const outOfScopeVectors = take(no);
    return {
      documents: saved.documents,
      chunks: saved.chunks,
      sentences: saved.sentences,
      sentenceVectors,
      headingVectors,
      bank: saved.bank,
      bankVectors,
      outOfScope: saved.outOfScope,
      outOfScopeVectors,
      chunkMini: buildChunkMini(saved.chunks, bankQuestionsByChunk(saved.chunks.length, saved.bank)),
      sentenceMini: buildSentenceMini(saved.chunks, saved.sentences),
      bankMini: buildQuestionMini(expandedBankTexts(saved.bank)),
      outOfScopeMini: buildQuestionMini(saved.outOfScope.map((o) => expandQuestion(o.question).text)),
      manifest,
    };
  } catch (e) {
    throw new AppError("config", `The search index is damaged. ${rebuild}`, { cause: e });
  }
}
