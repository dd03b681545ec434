/** The two comparison systems of the eval, scored with the same scorer. */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { fromRoot } from "../core/paths.js";
import { cosine, type Embeddings } from "../knowledge/embeddings/embeddings.js";
import { sha256 } from "../knowledge/corpus.js";
import type { AskFn } from "./eval.js";

interface RawChunk {
  id: number;
  file: string;
  text: string;
}

/** Plain 1,000-character chunks of the raw corpus files. */
function rawChunks(): RawChunk[] {
  const dir = fromRoot("knowledge", "corpus");
  const out: RawChunk[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
    const text = readFileSync(join(dir, file), "utf8");
    for (let i = 0; i < text.length; i += 1000) out.push({ id: out.length, file, text: text.slice(i, i + 1000) });
  }
  return out;
}

function asAnswer(chunks: RawChunk[]) {
  return {
    answer: chunks.map((c) => c.text).join("\n"),
    covered: chunks.length > 0,
    citations: chunks.map((c) => ({ file: c.file, section: "", quote: c.text, passage: c.text })),
  };
}

/** BM25 top-3 and dense top-3 (same embeddings) over 1,000-character chunks. */
export async function runBaselines(embeddings: Embeddings, cacheDir: string): Promise<{ name: string; ask: AskFn }[]> {
  const chunks = rawChunks();
  const mini = new MiniSearch<RawChunk>({ fields: ["text"], storeFields: [] });
  mini.addAll(chunks);
  const bm25: AskFn = async (q) => asAnswer(mini.search(q).slice(0, 3).map((r) => chunks[r.id as number]!));
  const key = sha256(`${embeddings.id}:${chunks.map((c) => c.text).join("\u0000")}`).slice(0, 16);
  const cache = join(cacheDir, `baseline-dense-${key}.bin`);
  let vectors: Float32Array[];
  if (existsSync(cache)) {
    const buf = readFileSync(cache);
    const flat = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
    vectors = chunks.map((_, i) => flat.subarray(i * embeddings.dimensions, (i + 1) * embeddings.dimensions));
  } else {
    vectors = await embeddings.embed(chunks.map((c) => c.text));
    const flat = new Float32Array(vectors.length * embeddings.dimensions);
    vectors.forEach((v, i) => flat.set(v, i * embeddings.dimensions));
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cache, new Uint8Array(flat.buffer));
  }
  const dense: AskFn = async (q) => {
    const [v] = await embeddings.embed([q]);
    const top = vectors
      .map((x, i) => ({ i, s: cosine(v!, x) }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 3)
      .map((r) => chunks[r.i]!);
    return asAnswer(top);
  };
  return [
    { name: "baseline: BM25 over 1,000-char chunks, top 3", ask: bm25 },
    { name: "baseline: dense (same embeddings) over 1,000-char chunks, top 3", ask: dense },
  ];
}
