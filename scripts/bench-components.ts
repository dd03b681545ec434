import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseConfig } from "../core/config.js";
import { fixedClock } from "../core/clock.js";
import { fromRoot } from "../core/paths.js";
import { triageByRules, createTriage } from "../escalation/index.js";
import { createAssistant } from "../assistant/index.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";

// `npm run bench` (first part): each component timed in this process, printed, never asserted.
// Targets: ask p95 <= 50 ms with the question bank loaded (issue 9); triage p95 <= 10 ms on a
// question and <= 50 ms on a 100 KB paste (issue 8). The server under load is scripts/bench.ts.

function stats(ms: number[]): { median: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  return { median: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1] ?? NaN) };
}
const round = (n: number) => Math.round(n * 100) / 100;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function jsonl(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, "utf8");
  return text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

// The repository's own sets: the public sample (carried in test/eval) and the team's question sets.
const evalDir = fromRoot("test", "eval");
const questions = [
  ...(await jsonl(join(evalDir, "qa.jsonl"))),
  ...(await jsonl(fromRoot("test", "knowledge", "dev-questions.jsonl"))),
  ...(await jsonl(fromRoot("test", "knowledge", "canonical-questions.jsonl"))),
].map((q) => String(q.question));
const messages = (await jsonl(join(evalDir, "escalation.jsonl"))).map((q) => String(q.text));
const long = (await jsonl(join(evalDir, "adversarial.jsonl")))
  .map((a) => (a.input as { text?: string }).text ?? "")
  .sort((a, b) => b.length - a.length)[0]!;

const figures: Record<string, unknown> = {};
const config = parseConfig({});
const assistant = await createAssistant({ config, clock: fixedClock("2025-06-12T12:00:00Z") });
const [, warmMs] = await timed(() => assistant.warmUp());
figures.warm_up_in_process_s = round(warmMs / 1000);
figures.rss_after_load_mb = mb(process.memoryUsage().rss);

// ask: every distinct question once as a warm-up, then timed over two rounds (reading and triage included).
for (const q of questions) await assistant.ask(q);
const askMs: number[] = [];
for (let r = 0; r < 2; r++) for (const q of questions) askMs.push((await timed(() => assistant.ask(q)))[1]);
figures.ask_ms = stats(askMs);
figures.ask_questions = questions.length;

// Triage alone (issue 8), each text run several times after a warm-up, p95 over all runs.
// - fast path: rules + the lexical model, no sentence embedding (what decides confident messages);
// - shared vector: the bot embeds a question once for retrieval and passes the vector to triage;
//   the embedding is timed on its own line, triage is timed without it.
{
  const embeddings = await UseEmbeddings.load();
  const fast = await createTriage();
  // Model calls triage itself makes (the sentence net's sentences), counted: they are in the shared-vector figure.
  let netCalls = 0;
  const counted = { id: embeddings.id, dimensions: embeddings.dimensions, embed: (t: readonly string[]) => (netCalls++, embeddings.embed(t)) };
  const deployed = await createTriage({ embeddings: counted });
  const texts = [...messages, ...questions.slice(0, 60)];
  const vectors = await embeddings.embed(texts);
  const runs = async (fn: (t: string, i: number) => Promise<unknown>, list: string[], n = 5) => {
    for (let i = 0; i < list.length; i++) await fn(list[i]!, i);
    const ms: number[] = [];
    for (let r = 0; r < n; r++) for (let i = 0; i < list.length; i++) ms.push((await timed(() => fn(list[i]!, i)))[1]);
    return stats(ms);
  };
  figures.triage_fast_path_ms = await runs((t) => fast.assess(t), texts);
  figures.triage_with_shared_vector_ms = await runs((t, i) => deployed.assess(t, { vector: vectors[i]! }), texts);
  netCalls = 0;
  for (let i = 0; i < texts.length; i++) await deployed.assess(texts[i]!, { vector: vectors[i]! });
  figures.triage_shared_vector_model_calls = `${netCalls} of ${texts.length} texts (the sentence net's sentences)`;
  // Triage's own work once every vector it needs is known (the net's sentences remembered from the run
  // above), in CPU time: what a shared vector leaves, and a figure that a busy machine does not inflate.
  {
    const known = new Map<string, Float32Array>();
    const remember = {
      id: embeddings.id,
      dimensions: embeddings.dimensions,
      embed: async (t: readonly string[]) => {
        const missing = t.filter((x) => !known.has(x));
        if (missing.length) (await embeddings.embed(missing)).forEach((v, j) => known.set(missing[j]!, v));
        return t.map((x) => known.get(x)!);
      },
    };
    const warm = await createTriage({ embeddings: remember });
    for (let i = 0; i < texts.length; i++) await warm.assess(texts[i]!, { vector: vectors[i]! });
    const cpu: number[] = [];
    for (let r = 0; r < 5; r++)
      for (let i = 0; i < texts.length; i++) {
        const c = process.cpuUsage();
        await warm.assess(texts[i]!, { vector: vectors[i]! });
        const d = process.cpuUsage(c);
        cpu.push((d.user + d.system) / 1000);
      }
    figures.triage_cpu_ms_every_vector_known = stats(cpu);
  }
  figures.embed_one_question_ms = await runs((t) => embeddings.embed([t]), questions.slice(0, 10), 2);
  figures.triage_100kb_paste_ms = await runs((t) => deployed.assess(t), [long], 10);
  figures.triage_rules_100kb_paste_ms = await runs(async (t) => triageByRules(t), [long], 10);
}

const deadlineMs: number[] = [];
for (let i = 0; i < 200; i++) deadlineMs.push((await timed(() => assistant.deadline("strategy_discussion", "2025-04-10")))[1]);
figures.deadline_ms = stats(deadlineMs);

figures.rss_after_components_mb = mb(process.memoryUsage().rss);
figures.node = process.version;

console.log("== components, in process ==");
const width = Math.max(...Object.keys(figures).map((k) => k.length));
for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(width)}  ${typeof v === "object" ? JSON.stringify(v) : String(v)}`);
console.log(JSON.stringify({ bench_components: figures }));
process.exit(0);
