import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../core/config.js";
import { fixedClock } from "../core/clock.js";
import { fromRoot } from "../core/paths.js";
import { triageByRules } from "../escalation/index.js";
import { createAssistant } from "../assistant/index.js";

// `npm run bench`: speed and memory figures, printed, never asserted (a timed test flakes).
// Targets (issue 3 and 5): cold start ≤ 3 s with a built index, ask p95 ≤ 50 ms, RSS ≤ 400 MB,
// triage a few ms per turn; issue 8: triage p95 <= 10 ms on a question, <= 50 ms on a 100 KB paste.

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

const evalDir = fromRoot("..", "shared", "eval");
const questions = (await jsonl(join(evalDir, "qa.jsonl"))).map((q) => String(q.question));
const messages = (await jsonl(join(evalDir, "escalation.jsonl"))).map((q) => String(q.text));
const long = (await jsonl(join(evalDir, "adversarial.jsonl")))
  .map((a) => (a.input as { text?: string }).text ?? "")
  .sort((a, b) => b.length - a.length)[0]!;

const figures: Record<string, unknown> = {};

// 1. Index build, in a child process and into a temporary folder, so the real index is
// untouched and this process's memory figures are not inflated by the build.
{
  const dir = await mkdtemp(join(tmpdir(), "sg-bench-index-"));
  const t = performance.now();
  const r = spawnSync(process.execPath, [fromRoot("bin/safeguard.js"), "index", "--json"], {
    encoding: "utf8",
    env: { ...process.env, INDEX_DIR: dir, LOG_LEVEL: "silent" },
  });
  if (r.status !== 0) throw new Error(`index build failed: ${r.stderr}`);
  figures.index_build_s = round((performance.now() - t) / 1000);
  await rm(dir, { recursive: true, force: true });
}

// 2. Cold start to first answer: a new process, the built index, one question.
{
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [fromRoot("bin/safeguard.js"), "ask", "who must attend a strategy discussion?", "--json"], {
      encoding: "utf8",
      env: { ...process.env, LOG_LEVEL: "silent" },
    });
    if (r.status !== 0) throw new Error(`cold start run failed: ${r.stderr}`);
    runs.push(performance.now() - t);
  }
  figures.cold_start_to_first_answer_s = round(stats(runs).median / 1000);
}

// 2b. The bot server's own memory once loaded and after answering questions.
{
  const child = spawn(process.execPath, [fromRoot("dist/bot/main.js")], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "ignore"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^/\s]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on("exit", () => reject(new Error("bot exited")));
  });
  for (let i = 0; i < 100 && (await fetch(`${url}/readyz`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 200));
  const rss = async () => mb(Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0) * 1024);
  figures.bot_rss_ready_mb = await rss();
  for (const q of questions) {
    await fetch(`${url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message", text: q, channelId: "emulator", serviceUrl: "http://localhost:1",
        conversation: { id: "bench" }, from: { id: "u" }, recipient: { id: "b" }, deliveryMode: "expectReplies",
      }),
    });
  }
  figures.bot_rss_after_questions_mb = await rss();
  child.kill("SIGTERM");
}

// 3. Warm figures in this process.
const config = parseConfig({});
const assistant = await createAssistant({ config, clock: fixedClock("2025-06-12T12:00:00Z") });
const [, warmMs] = await timed(() => assistant.warmUp());
figures.warm_up_in_process_s = round(warmMs / 1000);
figures.rss_after_load_mb = mb(process.memoryUsage().rss);

const askMs: number[] = [];
for (let round_ = 0; round_ < 3; round_++) {
  for (const q of questions) askMs.push((await timed(() => assistant.ask(q)))[1]);
}
figures.ask_ms = stats(askMs);

const triageMs: number[] = [];
for (const m of [...messages, ...questions]) triageMs.push((await timed(() => assistant.assess(m)))[1]);
figures.triage_ms = stats(triageMs);
figures.triage_rules_only_100kb_ms = round((await timed(() => triageByRules(long)))[1]);
figures.triage_full_100kb_ms = round((await timed(() => assistant.assess(long)))[1]);

// 3b. Triage alone (issue 8), each text run several times after a warm-up, p95 over all runs.
// - fast path: rules + the lexical model, no sentence embedding (what decides confident messages);
// - shared vector: the bot embeds a question once for retrieval and passes the vector to triage;
//   the embedding is timed on its own line, triage is timed without it;
// - deployed without a vector: the fast path, embedding only the messages the lexical model is unsure of.
{
  const { createTriage } = await import("../escalation/index.js");
  const { UseEmbeddings } = await import("../knowledge/embeddings/use-embeddings.js");
  const embeddings = await UseEmbeddings.load();
  const fast = await createTriage();
  const deployed = await createTriage({ embeddings });
  const texts = [...messages, ...questions];
  const vectors = await embeddings.embed(texts);
  const runs = async (fn: (t: string, i: number) => Promise<unknown>, list: string[], n = 5) => {
    for (let i = 0; i < list.length; i++) await fn(list[i]!, i);
    const ms: number[] = [];
    for (let r = 0; r < n; r++) for (let i = 0; i < list.length; i++) ms.push((await timed(() => fn(list[i]!, i)))[1]);
    return stats(ms);
  };
  figures.triage_fast_path_ms = await runs((t) => fast.assess(t), texts);
  figures.triage_with_shared_vector_ms = await runs((t, i) => deployed.assess(t, { vector: vectors[i]! }), texts);
  figures.embed_one_question_ms = await runs((t) => embeddings.embed([t]), questions.slice(0, 10), 2);
  const embeddedBefore = { n: 0 };
  const counting = { id: embeddings.id, dimensions: embeddings.dimensions, embed: (x: readonly string[]) => { embeddedBefore.n++; return embeddings.embed(x); } };
  const counted = await createTriage({ embeddings: counting });
  for (const t of texts) await counted.assess(t);
  figures.triage_share_embedded_without_vector = `${embeddedBefore.n}/${texts.length}`;
  figures.triage_deployed_without_vector_ms = await runs((t) => deployed.assess(t), texts, 2);
  figures.triage_100kb_paste_ms = await runs((t) => deployed.assess(t), [long], 10);
  figures.triage_rules_100kb_paste_ms = await runs(async (t) => triageByRules(t), [long], 10);
}

const deadlineMs: number[] = [];
for (let i = 0; i < 200; i++) deadlineMs.push((await timed(() => assistant.deadline("strategy_discussion", "2025-04-10")))[1]);
figures.deadline_ms = stats(deadlineMs);

figures.rss_after_bench_mb = mb(process.memoryUsage().rss);
figures.node = process.version;

const width = Math.max(...Object.keys(figures).map((k) => k.length));
for (const [k, v] of Object.entries(figures)) {
  console.log(`${k.padEnd(width)}  ${typeof v === "object" ? JSON.stringify(v) : String(v)}`);
}
console.log(JSON.stringify({ bench: figures }));
process.exit(0);
