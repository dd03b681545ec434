import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fromRoot } from "../core/paths.js";
import { percentiles, rssMb, runPhase, type PhaseResult } from "./bench/load.js";
import { Workload } from "./bench/workload.js";

// `npm run bench`: speed and memory figures, printed, never asserted (a timed test flakes).
// Drives /api/messages of the built server (dist/) with concurrent conversations over a
// mix of distinct messages, in memory and in Redis, and compares it with a generic
// LangChain RAG peer on the same questions. Every duration is configurable:
//   BENCH_PHASES="1:10,50:20,50:20:2000,200:60"  concurrency:seconds[:think ms], state in memory
//   BENCH_REDIS_PHASES="1:10,50:15,200:20"       the same with state in Redis (skipped without redis-server)
//   BENCH_COMPARE_PHASES="1:10,50:15,200:15"     questions only, bot and peer
//   BENCH_SKIP_INDEX=1                           skip the index build timing (about a minute)

interface PhaseSpec {
  concurrency: number;
  seconds: number;
  thinkMs: number;
}

function phases(name: string, fallback: string): PhaseSpec[] {
  return (process.env[name] ?? fallback)
    .split(",")
    .filter((p) => p.trim())
    .map((p) => {
      const [c, s, think] = p.split(":").map(Number);
      if (!c || !s) throw new Error(`${name}: "${p}" is not concurrency:seconds[:thinkMs]`);
      return { concurrency: c, seconds: s, thinkMs: think ?? 0 };
    });
}

const MIX = phases("BENCH_PHASES", "1:10,50:20,50:20:2000,200:60");
const REDIS = phases("BENCH_REDIS_PHASES", "1:10,50:15,200:20");
const COMPARE = phases("BENCH_COMPARE_PHASES", "1:10,50:15,200:15");
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lines: string[] = [];
const say = (s = "") => {
  lines.push(s);
  console.log(s);
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Start a server process and wait for its "listening on <url>" line. */
async function spawnServer(args: string[], env: Record<string, string>, pattern: RegExp): Promise<{ child: ChildProcess; url: string; listeningMs: number; out: () => string }> {
  const t = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.length > 200_000) out = out.slice(-100_000);
      const m = pattern.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited (${code}):\n${out.slice(-2000)}`)));
  });
  return { child, url, listeningMs: performance.now() - t, out: () => out };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}

async function waitReady(url: string, ms = 120_000): Promise<number> {
  const t = performance.now();
  while (performance.now() - t < ms) {
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return performance.now() - t;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`${url} did not become ready`);
}

/**
 * The bot runs as deployment/Dockerfile starts it: glibc's allocator with two arenas and
 * large blocks returned to the system, the main thread's young generation at 4 MB
 * semi-spaces and its old generation limited to 512 MB (the worker threads set their own,
 * core/worker-pool.ts). Without them RSS is higher by about 50-110 MB at ready
 * (node dist/scripts/mem-profile.js, with and without), and more under load.
 * BENCH_PLAIN_NODE=1 runs the bot with Node's and glibc's defaults instead.
 */
const PLAIN = process.env["BENCH_PLAIN_NODE"] === "1";
const ALLOCATOR_ENV: Record<string, string> = PLAIN ? {} : { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" };
const BOT_NODE_FLAGS = PLAIN ? [] : ["--max-semi-space-size=4", "--max-old-space-size=512"];

async function startBot(env: Record<string, string> = {}) {
  const server = await spawnServer(
    [...BOT_NODE_FLAGS, fromRoot("dist/bot/main.js")],
    { ...ALLOCATOR_ENV, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "error", ...env },
    /listening on (http:\/\/[^/\s]+)/,
  );
  const readyMs = server.listeningMs + (await waitReady(server.url));
  return { ...server, readyMs };
}

/** A few turns, not measured, so the first phase does not pay for JIT and first use. */
async function warmUp(url: string, pid: number, workload: Workload, onlyQuestions: boolean): Promise<void> {
  await runPhase({ url, pid, concurrency: 4, seconds: 3, thinkMs: 0, onlyQuestions, workload });
}

function row(label: string, r: PhaseResult): string {
  const kinds = Object.entries(r.errorKinds).map(([k, n]) => `${k}:${n}`).join(" ");
  return [
    label.padEnd(24),
    `${String(r.turns).padStart(6)} turns`,
    `${String(r.throughput).padStart(6)}/s`,
    `p50 ${String(r.latency.p50).padStart(6)}  p95 ${String(r.latency.p95).padStart(6)}  p99 ${String(r.latency.p99).padStart(6)} ms`,
    `e2e p95 ${String(r.endToEnd.p95).padStart(6)}`,
    `errors ${r.errors}${kinds ? ` (${kinds})` : ""}`,
    `timeouts ${r.timeouts}`,
    `503+Retry-After ${r.refusedWithRetryAfter}${r.unansweredAtEnd ? ` (${r.unansweredAtEnd} still waiting at the end)` : ""}`,
    `healthz/readyz p99 ${r.health.p99} max ${r.health.max} ms (${r.health.failures} failed)`,
    `RSS max ${r.rssMaxMb} MB`,
    `CPU ${r.cpuMsPerTurn} ms/turn`,
    `load ${r.hostLoad}`,
  ].join(" | ");
}

const figures: Record<string, unknown> = { node: process.version, cpus: availableParallelism(), host_load_at_start: Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]) };
say(`safeguarding-assistant bench: node ${process.version}, ${availableParallelism()} CPUs, host load ${String(figures.host_load_at_start)}`);
say("Latency: the answered attempt; e2e includes waits after 503 + Retry-After. CPU: the server's own, per answered turn.");
say(
  PLAIN
    ? "The bot runs with Node's and glibc's defaults (BENCH_PLAIN_NODE=1)."
    : `The bot runs as the container image starts it: ${Object.entries(ALLOCATOR_ENV).map(([k, v]) => `${k}=${v}`).join(" ")} node ${BOT_NODE_FLAGS.join(" ")}; the peer with the same allocator settings.`,
);
say();

/** CPU time used by this process's finished children (Linux), ms: the figure a busy host does not distort. */
function childrenCpuMs(): number {
  try {
    const f = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

// 1. Index build, in a child process and into a temporary folder, so the real index is untouched.
if (process.env["BENCH_SKIP_INDEX"] !== "1") {
  const dir = await mkdtemp(join(tmpdir(), "sg-bench-index-"));
  const cpu0 = childrenCpuMs();
  const t = performance.now();
  const r = spawnSync(process.execPath, [fromRoot("bin/safeguard.js"), "index", "--json"], { encoding: "utf8", env: { ...process.env, INDEX_DIR: dir, LOG_LEVEL: "silent" } });
  if (r.status !== 0) throw new Error(`index build failed: ${r.stderr}`);
  figures.index_build_s = round((performance.now() - t) / 1000);
  figures.index_build_cpu_s = round((childrenCpuMs() - cpu0) / 1000);
  await rm(dir, { recursive: true, force: true });
  say(`index build: ${String(figures.index_build_s)} s (${String(figures.index_build_cpu_s)} s of CPU over ${availableParallelism()} CPUs)`);
}

// 2. Cold start: the CLI to its first answer, and the server to /readyz.
{
  const runs: number[] = [];
  const cpu0 = childrenCpuMs();
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [fromRoot("bin/safeguard.js"), "ask", "who must attend a strategy discussion?", "--json"], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } });
    if (r.status !== 0) throw new Error(`cold start run failed: ${r.stderr}`);
    runs.push(performance.now() - t);
  }
  figures.cold_start_cli_first_answer_s = round(percentiles(runs).p50 / 1000, 2);
  figures.cold_start_cli_cpu_s = round((childrenCpuMs() - cpu0) / 3000, 2);
  say(`cold start, CLI to first answer (median of 3): ${String(figures.cold_start_cli_first_answer_s)} s (${String(figures.cold_start_cli_cpu_s)} s of CPU)`);
}

const results: Record<string, PhaseResult> = {};

// 3. The bot, state in memory, on the mix.
{
  const bot = await startBot();
  figures.cold_start_server_ready_s = round(bot.readyMs / 1000, 2);
  figures.server_rss_ready_mb = rssMb(bot.child.pid!);
  say(`cold start, server to /readyz: ${String(figures.cold_start_server_ready_s)} s; RSS when ready ${String(figures.server_rss_ready_mb)} MB`);
  say();
  say("Mix (questions 50%, what next 15%, deadlines 15%, concerns 12%, record drafts 8%), state in memory:");
  const workload = new Workload(13);
  await warmUp(bot.url, bot.child.pid!, workload, false);
  for (const p of MIX) {
    const label = `memory ${p.concurrency}${p.thinkMs ? ` (think ${p.thinkMs} ms)` : ""}`;
    const r = await runPhase({ url: bot.url, pid: bot.child.pid!, onlyQuestions: false, workload, ...p });
    results[label] = r;
    say(row(label, r));
  }
  if (workload.repeats > 0) say(`note: the message sets ran out; ${workload.repeats} messages were sent a second time`);
  await stopProcess(bot.child);
}

// 4. The same with state in Redis, if there is a redis-server to start.
{
  const has = spawnSync("redis-server", ["--version"], { encoding: "utf8" }).status === 0;
  say();
  if (REDIS.length === 0) say("Redis: no phases (BENCH_REDIS_PHASES is empty).");
  else if (!has) say("Redis: skipped (no redis-server on this machine; `apt-get install redis-server`).");
  else {
    const port = await freePort();
    const redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    try {
      const bot = await startBot({ STATE_STORE: "redis", REDIS_URL: `redis://127.0.0.1:${port}`, STATE_ENCRYPTION_KEY: randomBytes(32).toString("base64") });
      say("Mix, state in Redis (encrypted, eTags):");
      const workload = new Workload(17);
      await warmUp(bot.url, bot.child.pid!, workload, false);
      for (const p of REDIS) {
        const label = `redis ${p.concurrency}${p.thinkMs ? ` (think ${p.thinkMs} ms)` : ""}`;
        const r = await runPhase({ url: bot.url, pid: bot.child.pid!, onlyQuestions: false, workload, ...p });
        results[label] = r;
        say(row(label, r));
      }
      await stopProcess(bot.child);
    } finally {
      redis.kill("SIGTERM");
    }
  }
}

// 5. Distinct questions only: the bot and a generic LangChain RAG peer, on the same questions in the same order.
const compare: Record<string, { bot: PhaseResult; peer: PhaseResult }> = {};
if (COMPARE.length > 0) {
  say();
  say("Distinct questions only, bot (fresh process) and the LangChain MemoryVectorStore peer (same USE model, top 3 of 1,000-character chunks):");
  const bot = await startBot();
  const botWork = new Workload(29);
  await warmUp(bot.url, bot.child.pid!, botWork, true);
  const botRuns: PhaseResult[] = [];
  for (const p of COMPARE) botRuns.push(await runPhase({ url: bot.url, pid: bot.child.pid!, onlyQuestions: true, workload: botWork, ...p }));
  await stopProcess(bot.child);

  const peer = await spawnServer([fromRoot("dist/scripts/bench/peer-server.js")], { ...ALLOCATOR_ENV }, /peer listening on (http:\/\/[^\s]+)/);
  say(`peer: ${/\(chunks [^)]*\)/.exec(peer.out())?.[0] ?? ""}`);
  const peerWork = new Workload(29);
  await warmUp(peer.url, peer.child.pid!, peerWork, true);
  COMPARE.forEach((p, i) => {
    compare[`${p.concurrency}`] = { bot: botRuns[i]!, peer: undefined as unknown as PhaseResult };
  });
  for (const [i, p] of COMPARE.entries()) {
    const r = await runPhase({ url: peer.url, pid: peer.child.pid!, onlyQuestions: true, workload: peerWork, ...p });
    compare[`${p.concurrency}`]!.peer = r;
    say(row(`bot  questions ${p.concurrency}`, botRuns[i]!));
    say(row(`peer questions ${p.concurrency}`, r));
    say(
      `  ratio bot/peer at ${p.concurrency}: throughput ${round(botRuns[i]!.throughput / r.throughput, 2)}x, ` +
        `p50 latency ${round(botRuns[i]!.latency.p50 / r.latency.p50, 2)}x, p95 latency ${round(botRuns[i]!.latency.p95 / r.latency.p95, 2)}x`,
    );
  }
  await stopProcess(peer.child);
}

// 6. The targets (issue 13), measured on this machine.
{
  say();
  say("Targets:");
  const at50 = results["memory 50"];
  const at200 = Object.entries(results).find(([k]) => k === "memory 200")?.[1];
  const rss = Math.max(Number(figures.server_rss_ready_mb), ...Object.values(results).map((r) => r.rssMaxMb), ...Object.values(compare).map((c) => c.bot.rssMaxMb));
  const ratio50 = compare["50"] ? compare["50"].bot.throughput / compare["50"].peer.throughput : NaN;
  const check = (name: string, value: string, ok: boolean) => say(`  ${ok ? "MET " : "MISS"}  ${name}: ${value}`);
  if (at50) {
    check("p95 per turn at 50 concurrent ≤ 50 ms", `${at50.latency.p95} ms`, at50.latency.p95 <= 50);
    // 50 conversations sending back to back: each waits for the others' turns (Little's law).
    say(`        (50 conversations back to back at ${at50.throughput} turns/s wait about ${Math.round((50 / at50.throughput) * 1000)} ms a cycle; admitted turns are bounded by MAX_TURNS_IN_FLIGHT)`);
  }
  const at1 = results["memory 1"];
  if (at1) say(`        (one conversation alone: p50 ${at1.latency.p50} ms, p95 ${at1.latency.p95} ms)`);
  const paced = Object.entries(results).find(([k]) => k.startsWith("memory 50 (think"));
  if (paced) say(`        (at 50 conversations pausing to think, ${paced[0].slice(10)}: p95 ${paced[1].latency.p95} ms)`);
  if (at200) {
    check(
      `0 errors and 0 timeouts at 200 concurrent (${MIX.find((p) => p.concurrency === 200)?.seconds ?? "?"} s)`,
      `${at200.errors} errors, ${at200.timeouts} timeouts (503 with Retry-After apart: ${at200.refusedWithRetryAfter})`,
      at200.errors === 0 && at200.timeouts === 0,
    );
    check("/healthz (and /readyz) p99 ≤ 50 ms under that load", `${at200.health.p99} ms (max ${at200.health.max} ms)`, at200.health.p99 <= 50);
  }
  if (Number.isFinite(ratio50)) check("throughput ≥ 3× the peer on distinct questions (50 concurrent)", `${round(ratio50, 2)}×`, ratio50 >= 3);
  check("RSS ≤ 400 MB", `${rss} MB`, rss <= 400);
  check("cold start ≤ 3 s (CLI to first answer)", `${String(figures.cold_start_cli_first_answer_s)} s`, Number(figures.cold_start_cli_first_answer_s) <= 3);
  say(`        (server to /readyz: ${String(figures.cold_start_server_ready_s)} s)`);
  if (figures.index_build_s !== undefined) {
    check("index build ≤ 60 s", `${String(figures.index_build_s)} s`, Number(figures.index_build_s) <= 60);
    say(`        (${String(figures.index_build_cpu_s)} s of CPU, spread over ${availableParallelism()} CPUs by the embeddings pool)`);
  }
  say(`  host load average at the end: ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]} (other work on this machine slows every figure)`);
}

console.log(JSON.stringify({ bench: { ...figures, phases: results, compare } }));
process.exit(0);
