import { parseConfig } from "../core/config.js";
import { fixedClock } from "../core/clock.js";
import { createAssistant } from "../assistant/index.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { CachedEmbeddings } from "../knowledge/embeddings/cached-embeddings.js";
import { Workload, type Scenario } from "./bench/workload.js";

// Where a turn's CPU goes on the bench's mix, in this process, printed, never asserted:
//   node dist/scripts/bench-mix-cpu.js [conversations, default 300]
// The same conversations as `npm run bench` (Workload, seed 13), each read and answered as the
// bot does on its worker thread (read, then answer, what next or the notes reader), one at a
// time. CPU time, not wall time, so a host busy with other work hardly moves the figures;
// the embedding model's share and its calls are counted apart (it runs on a thread of its own
// in the server). The server's own thread (Bot Framework, HTTP) is not in these figures.
// MIX_DUMP=FILE also writes every step's output, one JSON line each, so a change meant to
// leave outputs alone can be checked byte for byte (`cmp` the files of a run before and after).

interface Step {
  n: number;
  cpuMs: number;
  modelMs: number;
  modelCalls: number;
  modelTexts: number;
  maxMs: number;
}

const model = { calls: 0, texts: 0, ms: 0 };
const embed = UseEmbeddings.prototype.embed;
UseEmbeddings.prototype.embed = async function (this: UseEmbeddings, texts: readonly string[]) {
  model.calls++;
  model.texts += texts.length;
  const c = process.cpuUsage();
  const out = await embed.call(this, texts);
  const d = process.cpuUsage(c);
  model.ms += (d.user + d.system) / 1000;
  return out;
};

// Who asks for vectors, and how many the cache in front of the model answers: every reader of a turn
// goes through one CachedEmbeddings (assistant.ts), so texts asked there minus texts the model embedded
// are hits. The reader is told from the call's stack (a diagnostic, printed, never asserted).
const READERS: [string, RegExp][] = [
  ["question vector", /questionVector/],
  ["sentence net", /applySentenceNet/],
  ["triage message", /\bassess\b/],
  ["retrieval", /analyse|KnowledgeBase\.embed/],
];
const asked = new Map<string, { texts: number; hits: number }>();
let scenarioNow = "";
const cachedEmbed = CachedEmbeddings.prototype.embed;
CachedEmbeddings.prototype.embed = async function (this: CachedEmbeddings, texts: readonly string[]) {
  const stack = new Error().stack ?? "";
  const reader = READERS.find(([, re]) => re.test(stack))?.[0] ?? "other";
  const key = `${scenarioNow}\t${reader}`;
  const a = asked.get(key) ?? { texts: 0, hits: 0 };
  asked.set(key, a);
  const before = model.texts;
  const out = await cachedEmbed.call(this, texts);
  a.texts += texts.length;
  a.hits += texts.length - (model.texts - before);
  return out;
};

const conversations = Number(process.argv[2] ?? 300);
const now = "2025-06-12T12:00:00Z";
const assistant = await createAssistant({ config: parseConfig({}), clock: fixedClock(now) });
await assistant.warmUp();
const workload = new Workload(13);
// A few turns first, not counted, so the figures do not include first use (JIT, lazy tables).
for (let i = 0; i < 20; i++) await assistant.read(workload.conversation().messages[0]!);

const dumpFile = process.env["MIX_DUMP"];
const dump: string[] = [];
// Typed arrays (a reading's vector) as plain lists, so the dump shows every value.
const plain = (_k: string, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v);

const steps = new Map<string, Step>();
async function step<T>(scenario: Scenario, name: string, fn: () => Promise<T>): Promise<T | null> {
  const key = `${scenario} ${name}`;
  const s = steps.get(key) ?? { n: 0, cpuMs: 0, modelMs: 0, modelCalls: 0, modelTexts: 0, maxMs: 0 };
  steps.set(key, s);
  const before = { ...model };
  const c = process.cpuUsage();
  // A stage the procedures do not recognise, a question refused as invalid: the bot answers it otherwise; its CPU still counts.
  const out = await fn().catch(() => null);
  const d = process.cpuUsage(c);
  if (dumpFile) dump.push(JSON.stringify({ step: key, out }, plain));
  const ms = (d.user + d.system) / 1000;
  s.n++;
  s.cpuMs += ms;
  s.maxMs = Math.max(s.maxMs, ms);
  s.modelMs += model.ms - before.ms;
  s.modelCalls += model.calls - before.calls;
  s.modelTexts += model.texts - before.texts;
  return out;
}

asked.clear();
const turns = new Map<string, number>();
for (let i = 0; i < conversations; i++) {
  const { scenario, messages } = workload.conversation();
  scenarioNow = scenario;
  turns.set(scenario, (turns.get(scenario) ?? 0) + 1);
  const text = messages[0]!;
  const reading = await step(scenario, "read", () => assistant.read(text));
  if (!reading) continue;
  if (scenario === "draft") await step(scenario, "readNotes", () => assistant.readNotes(text, { now, impossibleDate: "gap" }));
  else if (scenario === "next") await step(scenario, "nextFor", () => assistant.nextFor(reading));
  else await step(scenario, "answer", () => assistant.answer(reading));
}

const r1 = (n: number) => n.toFixed(1);
let total = 0;
let totalModel = 0;
console.log(`${"step".padEnd(20)} ${"n".padStart(4)} ${"CPU ms".padStart(8)} ${"model".padStart(7)} ${"rest".padStart(7)} ${"max".padStart(6)} ${"model texts".padStart(12)}`);
for (const [key, s] of [...steps].sort(([a], [b]) => a.localeCompare(b))) {
  total += s.cpuMs;
  totalModel += s.modelMs;
  console.log(
    `${key.padEnd(20)} ${String(s.n).padStart(4)} ${r1(s.cpuMs / s.n).padStart(8)} ${r1(s.modelMs / s.n).padStart(7)} ${r1((s.cpuMs - s.modelMs) / s.n).padStart(7)} ${s.maxMs.toFixed(0).padStart(6)} ${(s.modelTexts / s.n).toFixed(2).padStart(12)}`,
  );
}
console.log(`per conversation: ${r1(total / conversations)} ms of CPU, of which the model ${r1(totalModel / conversations)} ms and the rest ${r1((total - totalModel) / conversations)} ms (host load ${(await import("node:os")).loadavg()[0]!.toFixed(1)})`);
console.log(`\n${"texts embedded per turn".padEnd(34)} ${"asked".padStart(6)} ${"cached".padStart(7)} ${"model".padStart(6)}`);
for (const [key, a] of [...asked].sort(([x], [y]) => x.localeCompare(y))) {
  const [scenario, reader] = key.split("\t") as [string, string];
  const n = turns.get(scenario)!;
  console.log(`${`${scenario} ${reader}`.padEnd(34)} ${(a.texts / n).toFixed(2).padStart(6)} ${(a.hits / n).toFixed(2).padStart(7)} ${((a.texts - a.hits) / n).toFixed(2).padStart(6)}`);
}
if (dumpFile) (await import("node:fs")).writeFileSync(dumpFile, dump.join("\n") + "\n");
process.exit(0);
