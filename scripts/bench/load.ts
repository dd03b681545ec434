import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Workload } from "./workload.js";

/**
 * The load driver: `concurrency` virtual practitioners, each holding one conversation
 * at a time with the server over POST /api/messages (deliveryMode expectReplies, as
 * the web chat does), one message after the other's reply, with an optional pause to
 * think. A 503 with Retry-After is waited out and sent again, as Teams and the Bot
 * Connector do; it is counted apart, never as an answer or an error.
 */

export interface PhaseOptions {
  url: string;
  /** The server's process id, for its memory and CPU (Linux /proc). */
  pid: number;
  concurrency: number;
  seconds: number;
  /** Mean pause between a reply and the next message (0: at once). */
  thinkMs: number;
  onlyQuestions: boolean;
  workload: Workload;
  /** A client gives up after this long (Teams waits 15 s). */
  timeoutMs?: number;
  /**
   * End the phase once this many messages have been sent, if before `seconds`: the same work
   * whatever else the host is doing (memory grows with the turns served, not with the seconds).
   */
  maxMessages?: number;
}

export interface PhaseResult {
  turns: number;
  /** Answered turns per second of the phase. */
  throughput: number;
  /** Latency of answered turns (the attempt that was answered), ms. */
  latency: Percentiles;
  /** The same, including any 503 waits before the answer, ms. */
  endToEnd: Percentiles;
  errors: number;
  errorKinds: Record<string, number>;
  timeouts: number;
  refusedWithRetryAfter: number;
  /** Turns still being refused (503 + Retry-After) when the phase ended: not answered, not errors. */
  unansweredAtEnd: number;
  health: Percentiles & { failures: number; probes: number };
  rssMaxMb: number;
  cpuMsPerTurn: number;
  /** Load average of the host when the phase ended (other work on the machine shows here). */
  hostLoad: number;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(values: number[]): Percentiles {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN);
  const r = (n: number) => Math.round(n * 10) / 10;
  return { p50: r(at(0.5)), p95: r(at(0.95)), p99: r(at(0.99)), max: r(s[s.length - 1] ?? NaN) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of a process, MB (worker threads included: they share it). */
export function rssMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
}

/** CPU time a process has used (user + system), ms. */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks at USER_HZ=100
  } catch {
    return NaN;
  }
}

function hostLoad(): number {
  try {
    return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  } catch {
    return NaN;
  }
}

const APOLOGY = /something went wrong|could not record this one|cannot reach my conversation memory|faster than I can answer/i;

let seq = 0;

/** Send one message; resolves with what happened. */
async function send(url: string, conversation: string, text: string, timeoutMs: number) {
  const t = performance.now();
  try {
    const res = await fetch(`${url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message",
        text,
        channelId: "webchat",
        serviceUrl: url,
        conversation: { id: conversation },
        from: { id: `${conversation}-user` },
        recipient: { id: "bot" },
        id: `m-${++seq}`,
        deliveryMode: "expectReplies",
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.text();
    const ms = performance.now() - t;
    if (res.status === 503) return { kind: "refused" as const, ms, retryAfter: Number(res.headers.get("retry-after") ?? NaN) };
    if (res.status !== 200) return { kind: "error" as const, ms, error: `http_${res.status}` };
    let activities: { text?: string }[] = [];
    try {
      activities = (JSON.parse(body) as { activities?: { text?: string }[] }).activities ?? [];
    } catch {
      return { kind: "error" as const, ms, error: "bad_json" };
    }
    if (activities.length === 0) return { kind: "error" as const, ms, error: "no_reply" };
    if (activities.some((a) => APOLOGY.test(a.text ?? ""))) return { kind: "error" as const, ms, error: "apology" };
    return { kind: "answered" as const, ms };
  } catch (e) {
    const ms = performance.now() - t;
    if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError")) return { kind: "timeout" as const, ms };
    return { kind: "error" as const, ms, error: e instanceof Error ? (e.cause as { code?: string } | undefined)?.code ?? e.name : "unknown" };
  }
}

/** Probe /healthz every 100 ms for `seconds` (or until stopped), from a process of its own; resolves with latencies and failures. */
function healthProbe(url: string, seconds: number): { result: Promise<Percentiles & { failures: number; probes: number }>; stop: () => void } {
  let child: ReturnType<typeof spawn> | undefined;
  const result = new Promise<Percentiles & { failures: number; probes: number }>((resolve) => {
    child = spawn(process.execPath, [fileURLToPath(new URL(`./health-probe${ext}`, import.meta.url)), url, String(seconds)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    child.once("exit", () => {
      try {
        const r = JSON.parse(out) as { latencies: number[]; failures: number };
        resolve({ ...percentiles(r.latencies), failures: r.failures, probes: r.latencies.length + r.failures });
      } catch {
        resolve({ ...percentiles([]), failures: NaN, probes: 0 });
      }
    });
  });
  return { result, stop: () => void child?.kill("SIGTERM") };
}

const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

/** Run one phase of load and measure it. */
export async function runPhase(o: PhaseOptions): Promise<PhaseResult> {
  const timeoutMs = o.timeoutMs ?? 15_000;
  const latency: number[] = [];
  const endToEnd: number[] = [];
  const errorKinds: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  let refused = 0;
  let unanswered = 0;
  let turns = 0;
  let sent = 0;
  const budgetLeft = () => o.maxMessages === undefined || sent < o.maxMessages;
  let rssMax = rssMb(o.pid);
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMb(o.pid))), 250);
  const probe = healthProbe(o.url, o.seconds);
  const cpuStart = cpuMs(o.pid);
  const started = performance.now();
  const end = started + o.seconds * 1000;
  const think = () => (o.thinkMs > 0 ? sleep(o.thinkMs * (0.5 + Math.random())) : Promise.resolve());

  const user = async (u: number) => {
    // Stagger the start over the first second, as people do not all press enter at once.
    await sleep((u / o.concurrency) * Math.min(1000, o.seconds * 100));
    let n = 0;
    while (performance.now() < end && budgetLeft()) {
      const conversation = `bench-${process.pid}-${u}-${n++}-${Math.random().toString(36).slice(2, 8)}`;
      for (const text of o.workload.conversation(o.onlyQuestions).messages) {
        if (performance.now() >= end || !budgetLeft()) break;
        sent++;
        const first = performance.now();
        for (let attempt = 0; ; attempt++) {
          const r = await send(o.url, conversation, text, timeoutMs);
          if (r.kind === "refused" && Number.isFinite(r.retryAfter)) {
            refused++;
            // Waited out and sent again, as the connector does, while the phase lasts.
            if (performance.now() + r.retryAfter * 1000 < end) {
              await sleep(r.retryAfter * 1000);
              continue;
            }
            // Told to come back after the phase: this conversation waits the phase out, as a
            // connector would wait before its next message (moving on at once made a client
            // that sent a refused request every few milliseconds).
            unanswered++;
            await sleep(Math.max(0, end - performance.now()));
            break;
          }
          if (r.kind === "answered") {
            turns++;
            latency.push(r.ms);
            endToEnd.push(performance.now() - first);
          } else if (r.kind === "timeout") timeouts++;
          else {
            errors++;
            const kind = r.kind === "refused" ? "503_without_retry_after" : r.error;
            errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
          }
          break;
        }
        await think();
      }
    }
  };

  await Promise.all(Array.from({ length: o.concurrency }, (_, u) => user(u)));
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuMs(o.pid) - cpuStart;
  clearInterval(sampler);
  // A phase ended by its message budget stops probing with it.
  probe.stop();
  const health = await probe.result;
  return {
    turns,
    throughput: Math.round((turns / elapsed) * 10) / 10,
    latency: percentiles(latency),
    endToEnd: percentiles(endToEnd),
    errors,
    errorKinds,
    timeouts,
    refusedWithRetryAfter: refused,
    unansweredAtEnd: unanswered,
    health,
    rssMaxMb: Math.max(rssMax, rssMb(o.pid)),
    cpuMsPerTurn: turns ? Math.round((cpu / turns) * 10) / 10 : NaN,
    hostLoad: hostLoad(),
  };
}
