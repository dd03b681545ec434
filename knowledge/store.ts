import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import MiniSearch from "minisearch";
import type { Config } from "../core/config.js";
import { AppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import { CORPUS_DIR, ingestCorpus, sha256, type CorpusFile } from "./corpus.js";
import { loadCatalogue, localDocsRank, type DocumentMeta } from "./documents.js";
import type { Embeddings } from "./embeddings/embeddings.js";
import { ingestLocalDocuments, listLocalFiles } from "./local-docs.js";
import { loadQuestionTerms } from "./expand.js";
import { buildChunkMini, headingText, lexicalHeading, miniSearchOptions, type HybridIndex, type SearchDoc, type UnitRef } from "./search.js";
import type { Chunk } from "./types.js";

/** Bump when the saved format or the ingestion changes meaning. */
const FORMAT = 6;
/** The encoder is slow on long text and long text embeds poorly: embed a unit's opening. */
const EMBED_CHARS = 300;

export interface IndexStats {
  documents: number;
  chunks: number;
  vectors: number;
  ms: number;
}

interface Manifest {
  format: number;
  embeddingsId: string;
  dimensions: number;
  corpus: CorpusFile[];
  local: CorpusFile[];
  /** Hash of the catalogue and the stopwords: ingestion and the saved lexical index depend on them. */
  settings: string;
  builtAt: string;
  units: number;
  headings: number;
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

/** Embed texts shortest first: a batch is padded to its longest text, so similar lengths embed much faster. */
async function embedSorted(embeddings: Embeddings, texts: string[]): Promise<Float32Array[]> {
  const order = texts.map((t, i) => ({ t, i })).sort((a, b) => a.t.length - b.t.length);
  const sorted = await embeddings.embed(order.map((o) => o.t));
  const out: Float32Array[] = new Array(texts.length);
  order.forEach((o, k) => (out[o.i] = sorted[k]!));
  return out;
}

function unitRefs(chunks: Chunk[]): { refs: UnitRef[]; headings: string[] } {
  const headings: string[] = [];
  const headingIds = new Map<string, number>();
  const refs: UnitRef[] = [];
  for (const c of chunks) {
    const h = headingText(c);
    let hid = headingIds.get(h);
    if (hid === undefined) {
      hid = headings.length;
      headings.push(h);
      headingIds.set(h, hid);
    }
    c.units.forEach((_, u) => refs.push({ chunk: c.id, unit: u, heading: hid }));
  }
  return { refs, headings };
}

/**
 * Build the retrieval index (national corpus plus any local procedures), embed every
 * sentence, bullet and heading once, and save it under Config.knowledge.indexDir.
 */
export async function buildIndex(opts: {
  config: Config;
  embeddings: Embeddings;
  onProgress?: (msg: string) => void;
}): Promise<IndexStats> {
  const t0 = performance.now();
  const say = opts.onProgress ?? (() => undefined);
  const { documents, chunks, corpus, local } = await collect(opts.config);
  say(`Read ${documents.length} documents into ${chunks.length} passages.`);
  const { refs, headings } = unitRefs(chunks);
  const unitTexts = refs.map((r) => chunks[r.chunk]!.units[r.unit]!.text.slice(0, EMBED_CHARS));
  say(`Embedding ${unitTexts.length} sentences and ${headings.length} headings…`);
  const vectors = await embedSorted(opts.embeddings, [...unitTexts, ...headings]);
  const mini = new MiniSearch<SearchDoc>(miniSearchOptions());
  mini.addAll(
    refs.map((r, i) => ({ id: i, text: chunks[r.chunk]!.units[r.unit]!.text, heading: lexicalHeading(chunks[r.chunk]!) })),
  );
  const dir = opts.config.knowledge.indexDir;
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
    units: refs.length,
    headings: headings.length,
  };
  // Write to temporary names, then rename: a crash never leaves a half-written index.
  const write = (name: string, data: string | Uint8Array) => {
    writeFileSync(join(dir, `${name}.tmp`), data);
    renameSync(join(dir, `${name}.tmp`), join(dir, name));
  };
  write("chunks.json", JSON.stringify({ documents, chunks, refs }));
  write("vectors.bin", new Uint8Array(flat.buffer));
  write("minisearch.json", JSON.stringify(mini));
  write("manifest.json", JSON.stringify(manifest, null, 2));
  const stats = { documents: documents.length, chunks: chunks.length, vectors: vectors.length, ms: Math.round(performance.now() - t0) };
  say(`Index saved to ${dir} in ${stats.ms} ms.`);
  return stats;
}

const rebuild = "Run `safeguard index` to rebuild it.";

function settingsHash(): string {
  const catalogue = readFileSync(fromRoot("knowledge", "corpus", "documents.json"), "utf8");
  return sha256(`${catalogue}\u0000${JSON.stringify(loadQuestionTerms().stopwords)}`);
}

function currentHashes(config: Config, manifest: Manifest): { stale: boolean } {
  if (manifest.settings !== settingsHash()) return { stale: true };
  for (const f of manifest.corpus) {
    const p = join(CORPUS_DIR, f.file);
    if (!existsSync(p) || sha256(readFileSync(p)) !== f.sha256) return { stale: true };
  }
  const catalogueFiles = new Set(loadCatalogue().documents.map((d) => d.file));
  if (catalogueFiles.size !== manifest.corpus.length) return { stale: true };
  const dir = config.knowledge.localDocsDir;
  const names = dir ? listLocalFiles(dir) : [];
  if (names.length !== manifest.local.length) return { stale: true };
  for (const f of manifest.local) {
    if (!dir || !names.includes(f.file) || sha256(readFileSync(join(dir, f.file))) !== f.sha256) return { stale: true };
  }
  return { stale: false };
}

/**
 * Load a saved index. Refuses (AppError "config") an index that is missing, was
 * built with other embeddings, or no longer matches the corpus or local documents.
 */
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
  if (currentHashes(config, manifest).stale) {
    throw new AppError("config", `The corpus or the local procedures have changed since the index was built. ${rebuild}`);
  }
  try {
    const saved = JSON.parse(readFileSync(join(dir, "chunks.json"), "utf8")) as {
      documents: DocumentMeta[];
      chunks: Chunk[];
      refs: UnitRef[];
    };
    const buf = readFileSync(join(dir, "vectors.bin"));
    const flat = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
    const d = manifest.dimensions;
    const vec = (i: number) => flat.subarray(i * d, (i + 1) * d);
    const unitVectors = saved.refs.map((_, i) => vec(i));
    const headingVectors = Array.from({ length: manifest.headings }, (_, i) => vec(manifest.units + i));
    const mini = MiniSearch.loadJSON<SearchDoc>(readFileSync(join(dir, "minisearch.json"), "utf8"), miniSearchOptions());
    const chunkMini = buildChunkMini(saved.chunks);
    return { documents: saved.documents, chunks: saved.chunks, refs: saved.refs, unitVectors, headingVectors, mini, chunkMini, manifest };
  } catch (e) {
    throw new AppError("config", `The search index is damaged. ${rebuild}`, { cause: e });
  }
}
