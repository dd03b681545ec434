import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ThreadMemory } from "../core/thread-memory.js";
import { rssMb, runPhase } from "./bench/load.js";
import { Workload } from "./bench/workload.js";

// Where the server's memory goes, printed, never asserted:
//   node dist/scripts/mem-profile.js                 WORKER_THREADS as configured (auto)
//   WORKER_THREADS=2 MEM_LOAD="50:15" node dist/scripts/mem-profile.js
//   MEM_MIX=1 MEM_LOAD="200:30" node dist/scripts/mem-profile.js   the bench's mix instead of questions alone
//   MEM_MIX=1 MEM_WARM=1 MEM_LOAD="1:10,50:20,50:20:2000,200:60" node dist/scripts/mem-profile.js   the bench's memory phases, in order
//   MEM_MIX=1 MEM_WARM=1 MEM_LOAD="1:600:0:100,50:600:0:300,50:600:2000:300,200:600:0:1000" ...   the same loads ended by
//                                                    messages sent, not seconds: the same work however busy the host is
//   MEM_GC=1 ...                                     after each load, also the threads' figures after a full garbage collection (what is live)
// Starts the built server in a child process (anonymous mode, no keys, a free port on
// 127.0.0.1), waits for /readyz, and prints the process's RSS and what each thread holds:
// its V8 heap, external memory and array buffers, and the model's WebAssembly heap. Then,
// unless MEM_LOAD is empty, drives distinct questions at it (concurrency:seconds) and
// prints the peak RSS and the threads again.

const MB = 1048576;
const mb = (n: number) => (n / MB).toFixed(1);

interface ServerReport {
  rss: number;
  rssAnon: number;
  rssFile: number;
  threads: ThreadMemory[];
}

/** The child: start the server, then answer "memory" requests over IPC. */
async function serve(): Promise<void> {
  const { loadConfig } = await import("../core/config.js");
  const { createLogger } = await import("../core/logger.js");
  const { threadMemory } = await import("../core/thread-memory.js");
  const { startAssistantPool } = await import("../bot/assistant-pool.js");
  const config = loadConfig();
  const logger = createLogger({ level: "error" });
  // As bot/main.ts does: the worker threads start loading before the server's modules are imported.
  const assistant = startAssistantPool(config, logger);
  const { start } = await import("../bot/server.js");
  const bot = await start({ config, assistant, logger, port: 0, host: "127.0.0.1" });
  const { collectGarbage } = await import("../core/gc.js");
  process.on("message", (m: { type: string; collect?: boolean }) => {
    if (m.type !== "memory") return;
    if (m.collect) collectGarbage();
    void assistant.memory(m.collect).then((threads) => {
      const status = readFileSync("/proc/self/status", "utf8");
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
      const report: ServerReport = { rss: kb("VmRSS"), rssAnon: kb("RssAnon"), rssFile: kb("RssFile"), threads: [threadMemory("main"), ...threads] };
      process.send!(report);
    });
  });
  process.send!({ url: bot.url });
}

function ask(child: ChildProcess, collect = false): Promise<ServerReport> {
  return new Promise((resolve) => {
    child.once("message", (m) => resolve(m as ServerReport));
    child.send({ type: "memory", collect });
  });
}

function print(title: string, r: ServerReport): void {
  console.log(`${title}: RSS ${mb(r.rss)} MB (anonymous ${mb(r.rssAnon)}, file-backed ${mb(r.rssFile)})`);
  console.log(`  ${"thread".padEnd(28)} ${"heap used".padStart(10)} ${"heap total".padStart(10)} ${"external".padStart(10)} ${"arrayBufs".padStart(10)} ${"v8 total".padStart(10)} ${"(wasm)".padStart(10)}`);
  let accounted = 0;
  for (const t of r.threads) {
    const wasm = t.extra["wasmHeap"] ?? 0;
    accounted += t.v8Total;
    const cells = [t.heapUsed, t.heapTotal, t.external, t.arrayBuffers, t.v8Total].map((n) => mb(n).padStart(10));
    console.log(`  ${t.thread.padEnd(28)} ${cells.join(" ")} ${(wasm ? mb(wasm) : "").padStart(10)}`);
    const spaces = Object.entries(t.spaces ?? {}).filter(([, n]) => n >= MB / 2);
    console.log(`  ${"".padEnd(28)} heap spaces: ${spaces.map(([name, n]) => `${name.replace(/_space$/, "")} ${mb(n)}`).join(", ")}`);
  }
  console.log(`  threads' V8 totals (the model's wasm heap is in its external): ${mb(accounted)} MB; the rest of RSS (code, native libraries, allocator, thread stacks): ${mb(r.rss - accounted)} MB`);
}

async function main(): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], {
    // glibc's allocator as the image and the bench run the server (two arenas, large blocks returned to the system):
    // without it the memory outside the threads' heaps read about 20 MB higher at ready and grew under load to about
    // 110 MB, figures the bench's server never shows. BENCH_PLAIN_NODE=1 profiles glibc's defaults instead, as the bench does.
    env: {
      ...(process.env["BENCH_PLAIN_NODE"] === "1" ? {} : { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" }),
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "error",
      MicrosoftAppId: "",
      MicrosoftAppPassword: "",
    },
    // As `npm start`, the image and the bench run the server: the main thread's semi-spaces at 4 MB
    // (V8's default lets them grow to 16 MB each, when it likes, and RSS at ready moved by 30 MB between runs),
    // its old generation limited as the worker threads' are (core/worker-pool.ts, OLD_GENERATION_MB).
    // Flags given to this script come after, and win: `node --max-old-space-size=4096 dist/scripts/mem-profile.js`
    // runs every thread with V8's default limit on a large host (the flag overrides the workers' own limit).
    execArgv: ["--max-semi-space-size=4", "--max-old-space-size=512", ...process.execArgv],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const t0 = performance.now();
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { url: string }));
    child.once("exit", (code) => reject(new Error(`the server exited (${code})`)));
  });
  for (;;) {
    const ok = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  // CPU time to ready (all threads): unlike the wall time, hardly moved by other work on the machine.
  const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const cpuS = (Number(stat[11]) + Number(stat[12])) / 100;
  console.log(`WORKER_THREADS=${process.env["WORKER_THREADS"] ?? "auto"}: ready in ${((performance.now() - t0) / 1000).toFixed(2)} s (${cpuS.toFixed(2)} s of CPU)`);
  await new Promise((r) => setTimeout(r, 500));
  print("at ready", await ask(child));
  // One load, or several back to back in the same server, as `npm run bench` runs them:
  //   MEM_MIX=1 MEM_LOAD="1:10,50:20,50:20:2000,200:60" (the bench's mix phases, warm-up first with MEM_WARM=1).
  const load = process.env["MEM_LOAD"] ?? "50:15";
  const mix = process.env["MEM_MIX"] === "1";
  const workload = new Workload(13);
  if (load.trim() && process.env["MEM_WARM"] === "1") await runPhase({ url, pid: child.pid!, concurrency: 4, seconds: 3, thinkMs: 0, onlyQuestions: !mix, workload });
  let peak = 0;
  for (const phase of load.split(",").filter((p) => p.trim())) {
    const [concurrency, seconds, thinkMs, messages] = phase.split(":").map(Number);
    if (!concurrency || !seconds) throw new Error(`MEM_LOAD: "${phase}" is not concurrency:seconds[:thinkMs[:messages]]`);
    const r = await runPhase({ url, pid: child.pid!, concurrency, seconds, thinkMs: thinkMs ?? 0, onlyQuestions: !mix, workload, ...(messages ? { maxMessages: messages } : {}) });
    peak = Math.max(peak, r.rssMaxMb);
    console.log(`\nload: ${concurrency} conversations${thinkMs ? ` (think ${thinkMs} ms)` : ""} for ${seconds} s${messages ? ` or ${messages} messages` : ""}, ${mix ? "the mix" : "distinct questions"}: ${r.throughput}/s, p50 ${r.latency.p50} ms, p95 ${r.latency.p95} ms, errors ${r.errors}, peak RSS ${r.rssMaxMb} MB, CPU ${r.cpuMsPerTurn} ms/turn, host load ${r.hostLoad}`);
    print("after load", await ask(child));
    console.log(`RSS now ${rssMb(child.pid!)} MB`);
    // MEM_GC=1: each thread collects its garbage, then reports again, so what it holds live shows apart from garbage not yet collected.
    if (process.env["MEM_GC"] === "1") print("after load, each thread's garbage collected", await ask(child, true));
  }
  if (peak) console.log(`\npeak RSS over the loads: ${peak} MB`);
  child.kill("SIGTERM");
}

if (process.argv.includes("--serve")) await serve();
else await main();
