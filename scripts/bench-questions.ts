import { spawn } from "node:child_process";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";
import { fromRoot } from "../core/paths.js";
import { runPhase } from "./bench/load.js";
import { Workload } from "./bench/workload.js";

// The bench's distinct-questions phase alone, against a fresh server (dist/), for profiling:
//   node dist/scripts/bench-questions.js [concurrency=50] [seconds=20] [-- extra node flags for the server]
// e.g. `node dist/scripts/bench-questions.js 50 20 -- --cpu-prof --cpu-prof-dir=/tmp/prof`
// Prints throughput, latency, CPU per answered turn and RSS, as `npm run bench` does.

const dash = process.argv.indexOf("--");
const args = dash < 0 ? process.argv.slice(2) : process.argv.slice(2, dash);
const nodeFlags = dash < 0 ? [] : process.argv.slice(dash + 1);
const concurrency = Number(args[0] ?? 50);
const seconds = Number(args[1] ?? 20);

const child = spawn(process.execPath, [...nodeFlags, fromRoot("dist/bot/main.js")], {
  env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: process.env["LOG_LEVEL"] ?? "error" },
  stdio: ["ignore", "pipe", "inherit"],
});
// BENCH_SERVER_OUT=file keeps the server's stdout (for --trace-gc and the like).
const keep = process.env["BENCH_SERVER_OUT"] ? createWriteStream(process.env["BENCH_SERVER_OUT"]) : null;
const url = await new Promise<string>((resolve, reject) => {
  let out = "";
  child.stdout!.on("data", (d: Buffer) => {
    keep?.write(d);
    out += d.toString();
    const m = /listening on (http:\/\/[^/\s]+)/.exec(out);
    if (m) resolve(m[1]!);
  });
  child.once("exit", (code) => reject(new Error(`server exited (${code})`)));
});
// Ready within two minutes, as in bench.ts, or say why not (the server's own /readyz body).
for (const started = performance.now(); ; ) {
  let body = "";
  try {
    const res = await fetch(`${url}/readyz`);
    if (res.status === 200) break;
    body = await res.text();
  } catch {
    // not listening yet
  }
  if (performance.now() - started > 120_000) {
    child.kill("SIGTERM");
    throw new Error(`the server did not become ready: ${body}`);
  }
  await new Promise((r) => setTimeout(r, 50));
}
const workload = new Workload(29);
await runPhase({ url, pid: child.pid!, concurrency: 4, seconds: 3, thinkMs: 0, onlyQuestions: true, workload });
// BENCH_REPEAT=n runs the phase n times on the same server (the first ones pay for JIT compilation).
for (let run = 0; run < Number(process.env["BENCH_REPEAT"] ?? 1); run++) {
  const before = threadCpu(child.pid!);
  const windowStart = process.hrtime.bigint() / 1000n;
  const r = await runPhase({ url, pid: child.pid!, concurrency, seconds, thinkMs: 0, onlyQuestions: true, workload });
  const windowEnd = process.hrtime.bigint() / 1000n;
  const after = threadCpu(child.pid!);
  console.log(
    `questions ${concurrency}: ${r.turns} turns ${r.throughput}/s p50 ${r.latency.p50} p95 ${r.latency.p95} ms ` +
      `errors ${r.errors} timeouts ${r.timeouts} 503 ${r.refusedWithRetryAfter} RSS max ${r.rssMaxMb} MB CPU ${r.cpuMsPerTurn} ms/turn load ${r.hostLoad}`,
  );
  // CPU per answered turn, thread by thread (Linux /proc): the main thread, then the others by thread id
  // (V8's helper threads come first, then the worker threads in the order they start).
  const perThread = [...after]
    .map(([tid, ms]) => ({ tid, ms: ms - (before.get(tid) ?? 0) }))
    .filter((t) => t.ms > 0)
    .map((t) => `${t.tid === child.pid ? "main" : t.tid}:${Math.round((t.ms / Math.max(1, r.turns)) * 10) / 10}`);
  console.log(`CPU ms/turn by thread: ${perThread.join(" ")}`);
  // The phase's window on the monotonic clock (µs), to cut a --cpu-prof profile to it.
  console.log(`phase window µs: ${windowStart} ${windowEnd}`);
}
await new Promise<void>((resolve) => {
  child.once("exit", () => resolve());
  child.kill("SIGTERM");
});

/** CPU time (user + system) of each thread of a process, ms, by thread id. */
function threadCpu(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const f = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8").split(") ")[1]!.split(" ");
      out.set(Number(tid), ((Number(f[11]) + Number(f[12])) * 1000) / 100);
    } catch {
      // the thread ended
    }
  }
  return out;
}
