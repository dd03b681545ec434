import { Worker } from "node:worker_threads";
import { loadConfig } from "../core/config.js";

// Attribution, one part at a time in one thread, garbage collected between parts:
// node --expose-gc dist/scripts/mem-parts.js
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const mb = (n: number) => Math.round(n / 1048576);
let last = process.memoryUsage();
function step(name: string): void {
  gc!();
  gc!();
  const m = process.memoryUsage();
  const d = (k: keyof NodeJS.MemoryUsage) => `${mb(m[k])} (${m[k] - last[k] >= 0 ? "+" : ""}${mb(m[k] - last[k])})`;
  console.log(`${name.padEnd(34)} rss ${d("rss").padEnd(12)} heap ${d("heapUsed").padEnd(12)} external ${d("external").padEnd(12)} arrayBuffers ${d("arrayBuffers")}`);
  last = m;
}

step("node baseline");
const w = new Worker("require('node:worker_threads').parentPort.postMessage(1); setInterval(() => {}, 1000)", { eval: true });
await new Promise((r) => w.once("message", r));
step("an empty worker thread");
await w.terminate();
step("empty worker terminated");

const config = loadConfig();
const { UseEmbeddings } = await import("../knowledge/embeddings/use-embeddings.js");
step("tfjs and USE modules imported");
const model = await UseEmbeddings.load();
step("USE-lite loaded");
const texts = ["who must attend a strategy discussion?", "what happens after a section 47 enquiry", "when is the initial child protection conference", "my dad hits me when he is drunk"];
for (let i = 0; i < 20; i++) await model.embed(texts.slice(0, 1 + (i % 4)));
step("20 embed calls");
const tf = (await import("@energetic-ai/core")) as unknown as { memory(): { numTensors: number; numBytes: number }; getBackend(): string };
console.log("  tfjs:", tf.getBackend(), JSON.stringify(tf.memory()));

const { loadIndex } = await import("../knowledge/store.js");
const index = loadIndex(config, model);
step("index loaded (loadIndex)");
const { KnowledgeBase } = await import("../knowledge/knowledge-base.js");
const kb = new KnowledgeBase(index, index.documents, model);
step("knowledge base constructed");
await kb.answer("who must attend a strategy discussion?");
step("one ask");

const { createTriage } = await import("../escalation/index.js");
const triage = await createTriage({ embeddings: model, cacheDir: config.knowledge.indexDir });
step("triage created (risk model, bank)");
await triage.assess("my dad hits me when he is drunk and I am scared to go home");
step("one assess");
void kb;
void triage;
