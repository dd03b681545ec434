import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { MemoryVectorStore } from "@langchain/classic/vectorstores/memory";
import { Document } from "@langchain/core/documents";
import { Embeddings as LangchainEmbeddings } from "@langchain/core/embeddings";
import { RecursiveCharacterTextSplitter } from "@langchain/classic/text_splitter";
import { fromRoot } from "../../core/paths.js";
import { parseConfig } from "../../core/config.js";
import { createEmbeddings, type Embeddings } from "../../knowledge/embeddings/index.js";

/**
 * The bench's peer: a generic LangChain RAG service over the same corpus, as a team
 * would first build it: 1,000-character chunks (200 overlap, the tutorial setting) in a
 * MemoryVectorStore, embedded with the same bundled USE model, the top 3 chunks
 * returned for each message, served over HTTP the way the bot is (POST /api/messages
 * with a Bot Framework activity, replies in the response). It runs the model in its
 * request thread, as such a service does. It does not answer questions: it finds text.
 *
 * Prints `peer listening on <url> (chunks N, build S s)` when ready.
 */

/** The bundled model behind LangChain's Embeddings interface. */
class UseLangchainEmbeddings extends LangchainEmbeddings {
  constructor(private readonly model: Embeddings) {
    super({});
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.model.embed(texts)).map((v) => Array.from(v));
  }
  async embedQuery(text: string): Promise<number[]> {
    return Array.from((await this.model.embed([text]))[0]!);
  }
}

const config = parseConfig({});
const corpusDir = fromRoot("knowledge", "corpus");
const files = readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort();
const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
const docs: Document[] = [];
for (const file of files) {
  for (const chunk of await splitter.splitText(readFileSync(join(corpusDir, file), "utf8"))) {
    docs.push(new Document({ pageContent: chunk, metadata: { file } }));
  }
}

// The chunk vectors are cached (data/ is not committed): a second run starts in seconds.
const t0 = performance.now();
const hash = createHash("sha256").update(docs.map((d) => d.pageContent).join("\u0000")).digest("hex").slice(0, 16);
const cacheFile = fromRoot("data", "bench", `peer-vectors-${hash}.json`);
let vectors: number[][];
let built = false;
if (existsSync(cacheFile)) {
  vectors = JSON.parse(readFileSync(cacheFile, "utf8")) as number[][];
} else {
  // Building is not what is compared: use every core for it.
  const pooled = await createEmbeddings(config, { workers: Math.max(2, Number(process.env["BENCH_PEER_BUILD_WORKERS"] ?? 2)) });
  vectors = (await pooled.embed(docs.map((d) => d.pageContent))).map((v) => Array.from(v));
  await (pooled as { close?: () => Promise<void> }).close?.();
  mkdirSync(fromRoot("data", "bench"), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(vectors));
  built = true;
}
const embeddings = new UseLangchainEmbeddings(await createEmbeddings(config));
const store = new MemoryVectorStore(embeddings);
await store.addVectors(vectors, docs);
const buildSeconds = Math.round((performance.now() - t0) / 100) / 10;

const server = createServer((req, res) => {
  if (req.method === "GET" && (req.url === "/healthz" || req.url === "/readyz")) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"status":"ok"}');
    return;
  }
  if (req.method !== "POST" || req.url !== "/api/messages") {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    void (async () => {
      try {
        const activity = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { text?: string };
        const found = await store.similaritySearch(String(activity.text ?? ""), 3);
        const text = found.map((d, i) => `[${i + 1}] ${(d.metadata as { file: string }).file}\n${d.pageContent}`).join("\n\n");
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ activities: [{ type: "message", text }] }));
      } catch {
        res.writeHead(400, { "content-type": "application/json" });
        res.end('{"error":"bad request"}');
      }
    })();
  });
});
server.listen(0, "127.0.0.1", () => {
  const port = (server.address() as { port: number }).port;
  process.stdout.write(`peer listening on http://127.0.0.1:${port} (chunks ${docs.length}, build ${buildSeconds} s${built ? "" : ", vectors cached"})\n`);
});
