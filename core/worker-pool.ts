import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { AppError } from "./errors.js";
import type { ThreadMemory } from "./thread-memory.js";
import { TurnAbandoned, abandonReason, turnSignal } from "./turn-scope.js";
import { fromWire, type FromWorker, type ToWorker } from "./worker-wire.js";

/** Something a pool reports for the operator's log; never carries job arguments or results. */
export type PoolEvent =
  | { type: "worker_exit"; pool: string; code: number; restartInMs: number }
  | { type: "worker_failed"; pool: string; message: string };

export interface WorkerPoolOptions {
  /** Name used in log events ("assistant", "embeddings"). */
  name: string;
  /** The worker module (a compiled .js file, or a .ts file when running from source). */
  entry: URL;
  /** Threads to run; see workerCount(). */
  size: number;
  /**
   * Jobs a thread holds at once (default 1). More than one lets a thread overlap the
   * waits inside its jobs (and lets it batch their model calls); CPU work still runs one at a time.
   */
  jobsPerWorker?: number;
  /** Passed to every worker as `workerData` (structured-cloned: plain data only). */
  workerData?: unknown;
  /** Young generation of each thread's V8 heap, MB (default YOUNG_GENERATION_MB). */
  youngGenerationMb?: number;
  /** Old generation limit of each thread's V8 heap, MB (default OLD_GENERATION_MB). */
  oldGenerationMb?: number;
  onEvent?: (event: PoolEvent) => void;
}

export interface PoolStats {
  size: number;
  ready: number;
  busy: number;
  queued: number;
}

interface Job {
  id: number;
  method: string;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (e: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort?: () => void;
  slot?: Slot;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  everReady?: boolean;
  jobs: Map<number, Job>;
  restarts: number;
  lastError?: string;
  /** The start-up promise of this slot, settled when its thread is first ready or the pool fails. */
  waiter: { resolve: () => void; reject: (e: unknown) => void } | undefined;
}

/** The pools started by this thread, so a worker thread can report its own pools' memory (worker-host.ts). */
export const poolsOfThisThread = new Set<WorkerPool>();

/** How long a memory profile waits for a thread's report. */
const MEMORY_REPORT_MS = 5000;

/** How long closing waits for threads still starting before it terminates them anyway. */
const CLOSE_START_GRACE_MS = 15_000;

/**
 * A worker thread's young generation, MB (V8 makes it three semi-spaces' worth: 12 MB is
 * two 4 MB semi-spaces). V8's own default lets each thread's semi-spaces grow to 16 MB,
 * 32 MB committed per thread, held from the first busy second on; a thread's jobs are short
 * and keep little, so small semi-spaces cost a scavenge more often and little else.
 */
export const YOUNG_GENERATION_MB = 12;

/**
 * A worker thread's old generation limit, MB. V8 lets a heap grow past what it holds live by
 * a factor it scales with the heap's limit: up to 4 for the default limit (4 GB on a 24 GB
 * host, two thirds of a container's memory elsewhere), about 1.4 for 512 MB. Under load an
 * assistant thread holding 78 MB live grew to 180 MB of heap between major collections, its
 * model thread 17 MB to 57 (MEM_GC=1 node dist/scripts/mem-profile.js). The busiest thread
 * holds well under a fifth of this (compiling the risk model when its cache is missing peaks
 * at about 285 MB); more frequent collections cost no measurable CPU per turn. The main thread gets the same limit from --max-old-space-size
 * (package.json's start, the image's NODE_OPTIONS), which would override this one anyway.
 */
export const OLD_GENERATION_MB = 512;

/** Threads that die before they were ever ready are retried this many times before the pool gives up. */
const MAX_START_ATTEMPTS = 3;

/**
 * Assistant threads for CPU-heavy work: `auto` is one per two CPUs (at least one), each
 * with its embedding model on a thread of its own (embeddingsOnOwnThread), so a 2-core
 * host runs the model on one core and retrieval and triage on the other, the event loop
 * (light: about a tenth of a turn's CPU) beside them. Measured on 2 cores, one assistant
 * thread holding its model kept one core busy and left the other nearly idle; a second
 * whole assistant thread cost about 190 MB (its own model, index and risk model).
 */
export function workerCount(setting: number | "auto"): number {
  return setting === "auto" ? Math.max(1, Math.min(Math.floor(availableParallelism() / 2), 8)) : Math.max(1, setting);
}

/** Whether each assistant thread runs its embedding model on a thread of its own: where there is a second CPU for it. */
export function embeddingsOnOwnThread(): boolean {
  return availableParallelism() >= 2;
}

/**
 * A fixed set of worker threads running one job at a time each, fed from one queue.
 * Jobs queued for a turn that has been abandoned (see core/turn-scope.ts) are dropped
 * before they reach a thread; a running one is told to stop at its next await. A
 * thread that dies is replaced with backoff, and its job fails with an AppError.
 */
export class WorkerPool {
  readonly ready: Promise<void>;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private failure: string | undefined;
  private readonly memoryWaiters = new Map<number, (threads: ThreadMemory[]) => void>();

  constructor(private readonly options: WorkerPoolOptions) {
    poolsOfThisThread.add(this);
    const readies: Promise<void>[] = [];
    for (let i = 0; i < options.size; i++) readies.push(this.spawn());
    this.ready = Promise.all(readies).then(() => undefined);
    // A failed start is reported through `ready`; keep it from being an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  /** Run `method` on the next free thread. Rejects with TurnAbandoned if the caller's turn is abandoned first. */
  run<T>(method: string, args: unknown[]): Promise<T> {
    if (this.failure) return Promise.reject(new AppError("not_available", this.failure));
    if (this.closed) return Promise.reject(new AppError("not_available", `The ${this.options.name} workers have stopped.`));
    const signal = turnSignal();
    if (signal?.aborted) return Promise.reject(new TurnAbandoned(abandonReason(signal)));
    return new Promise<T>((resolve, reject) => {
      const job: Job = { id: this.nextId++, method, args, resolve: resolve as (v: unknown) => void, reject, signal };
      if (signal) {
        job.onAbort = () => this.abandon(job);
        signal.addEventListener("abort", job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  stats(): PoolStats {
    return {
      size: this.slots.length,
      ready: this.slots.filter((s) => s.ready).length,
      busy: this.slots.reduce((n, s) => n + s.jobs.size, 0),
      queued: this.queue.length,
    };
  }

  /**
   * What each ready thread holds, and the threads of the pools it started, named by
   * their path ("assistant[0]/embeddings[0]"). For the operator's memory profile; with
   * `collect`, each thread first runs a full garbage collection, so the figures are what is live.
   */
  async memory(collect = false): Promise<ThreadMemory[]> {
    const reports = this.slots.map((slot, i) => {
      const name = `${this.options.name}[${i}]`;
      if (!slot.ready) return Promise.resolve([]);
      return new Promise<ThreadMemory[]>((resolve) => {
        const id = this.nextId++;
        // A thread that dies before it answers is left out of the profile.
        const timer = setTimeout(() => (this.memoryWaiters.delete(id), resolve([])), MEMORY_REPORT_MS);
        this.memoryWaiters.set(id, (threads) => {
          clearTimeout(timer);
          resolve(threads.map((t) => ({ ...t, thread: t.thread ? `${name}/${t.thread}` : name })));
        });
        slot.worker.postMessage({ type: "memory", id, collect } satisfies ToWorker);
      });
    });
    return (await Promise.all(reports)).flat();
  }

  async close(): Promise<void> {
    this.closed = true;
    poolsOfThisThread.delete(this);
    for (const job of this.queue.splice(0)) this.settle(job, new AppError("not_available", `The ${this.options.name} workers have stopped.`));
    // A thread terminated while it is still starting (loading the model) may never report its
    // exit, and nothing then keeps the process alive: `safeguard index` with nothing to embed
    // ended with exit code 13 (an unsettled await). Let starts finish first, for a bounded time.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.ready.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_START_GRACE_MS)))]);
    clearTimeout(timer);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const slot: Slot = { worker: undefined as unknown as Worker, ready: false, jobs: new Map(), restarts: 0, waiter: { resolve, reject } };
      this.slots.push(slot);
      this.attach(slot);
    });
  }

  /** Start (or restart) the thread of a slot and wire its messages. */
  private attach(slot: Slot): void {
    const worker = startWorker(this.options.entry, this.options.workerData, {
      maxYoungGenerationSizeMb: this.options.youngGenerationMb ?? YOUNG_GENERATION_MB,
      maxOldGenerationSizeMb: this.options.oldGenerationMb ?? OLD_GENERATION_MB,
    });
    slot.worker = worker;
    slot.ready = false;
    worker.on("message", (message: FromWorker) => {
      if (message.type === "ready") {
        // An idle thread does not keep the process alive (a CLI run ends when its work does).
        worker.unref();
        slot.ready = true;
        slot.restarts = 0;
        slot.everReady = true;
        slot.waiter?.resolve();
        slot.waiter = undefined;
        this.dispatch();
      } else if (message.type === "failed") {
        this.fail(message.message);
      } else if (message.type === "memory") {
        this.memoryWaiters.get(message.id)?.(message.threads);
        this.memoryWaiters.delete(message.id);
      } else {
        const job = slot.jobs.get(message.id);
        if (!job) return;
        slot.jobs.delete(message.id);
        if (slot.jobs.size === 0) worker.unref();
        if (message.type === "result") this.settle(job, undefined, message.value);
        else this.settle(job, fromWire(message.error));
        this.dispatch();
      }
    });
    // An uncaught error also ends the thread; "exit" below handles both. Keep its first line (no stack) to say why.
    worker.on("error", (e: Error) => {
      slot.lastError = (e.message ?? String(e)).split("\n")[0];
    });
    worker.on("exit", (code) => {
      slot.ready = false;
      for (const job of slot.jobs.values()) this.settle(job, new AppError("internal", `A ${this.options.name} worker stopped while working.`));
      slot.jobs.clear();
      if (this.closed) return;
      if (!slot.everReady && slot.restarts >= MAX_START_ATTEMPTS) {
        this.fail(`The ${this.options.name} workers could not start${slot.lastError ? `: ${slot.lastError}` : "."}`);
        return;
      }
      const restartInMs = Math.min(5000, 100 * 2 ** slot.restarts);
      slot.restarts += 1;
      this.options.onEvent?.({ type: "worker_exit", pool: this.options.name, code, restartInMs });
      setTimeout(() => {
        if (!this.closed) this.attach(slot);
      }, restartInMs).unref();
    });
  }

  /** A thread could not load what it needs (an index missing, a model broken): nothing will work until restart. */
  private fail(message: string): void {
    if (this.failure) return;
    this.failure = message;
    this.options.onEvent?.({ type: "worker_failed", pool: this.options.name, message });
    for (const slot of this.slots) {
      slot.waiter?.reject(new AppError("not_available", message));
      slot.waiter = undefined;
    }
    void this.close();
  }

  private dispatch(): void {
    const perWorker = this.options.jobsPerWorker ?? 1;
    // Fill the least busy thread first, one job at a time, so work spreads over every thread.
    for (;;) {
      if (this.queue.length === 0) return;
      let slot: Slot | undefined;
      for (const s of this.slots) if (s.ready && s.jobs.size < perWorker && (!slot || s.jobs.size < slot.jobs.size)) slot = s;
      if (!slot) return;
      const job = this.queue.shift()!;
      job.slot = slot;
      slot.jobs.set(job.id, job);
      slot.worker.ref();
      const message: ToWorker = { type: "call", id: job.id, method: job.method, args: job.args };
      slot.worker.postMessage(message);
    }
  }

  /** The turn behind a job was abandoned: drop it if still queued, or ask its thread to stop. */
  private abandon(job: Job): void {
    const reason = job.signal ? abandonReason(job.signal) : "client_gone";
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    else if (job.slot?.jobs.has(job.id)) job.slot.worker.postMessage({ type: "abort", id: job.id, reason } satisfies ToWorker);
    // The caller stops waiting now; a running job's thread frees itself when it replies.
    this.settle(job, new TurnAbandoned(reason));
  }

  private settle(job: Job, error: unknown, value?: unknown): void {
    if (job.onAbort) job.signal?.removeEventListener("abort", job.onAbort);
    job.onAbort = undefined;
    if (error !== undefined) job.reject(error);
    else job.resolve(value);
    // A job settles once; later settles (a late result after an abandon) are no-ops.
    job.resolve = () => undefined;
    job.reject = () => undefined;
  }
}

/** tsx's ESM registration API (a development dependency, used only when running from source). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("tsx/package.json");
  const exports = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(join(dirname(manifest), exports["./esm/api"]!.import.default)).href;
}

/**
 * Start a worker thread on `entry`. Compiled code runs the .js file directly; from
 * source (tests, `npm run dev`) the thread registers tsx first so it can load .ts.
 */
function startWorker(entry: URL, workerData: unknown, resourceLimits: ResourceLimits): Worker {
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry, { workerData, resourceLimits });
  const boot =
    `import(${JSON.stringify(tsxEsmApi())})` +
    `.then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })` +
    `.catch((e) => { require("node:worker_threads").parentPort.postMessage({ type: "failed", message: String(e && e.message || e).split("\\n")[0] }); });`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}
