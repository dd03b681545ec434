import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { AppError } from "../../core/errors.js";
import type { Embeddings } from "./embeddings.js";

/** Texts per job: small enough to keep every worker busy to the end, large enough to batch well. */
const JOB = 48;

interface Pending {
  resolve: (v: Float32Array) => void;
  reject: (e: Error) => void;
}

/**
 * The bundled USE embeddings spread over worker threads, one per core, for bulk work
 * (`safeguard index`). Results come back in the order of the texts. `close()` ends the workers.
 */
export class ParallelEmbeddings implements Embeddings {
  readonly id = "use-lite-512";
  readonly dimensions = 512;
  private next = 0;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on("message", (m: { id: number; flat?: Float32Array; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.flat) p.resolve(m.flat);
        else p.reject(new AppError("internal", "An embedding worker failed.", { cause: m.error }));
      });
    }
  }

  /** Start `threads` workers (default: one per core) and wait until each has loaded the model. */
  static async start(threads = availableParallelism()): Promise<ParallelEmbeddings> {
    // From source (tests, tsx) the worker is TypeScript: a one-line module registers tsx's loader, then imports it.
    const fromSource = import.meta.url.endsWith(".ts");
    const url = new URL(fromSource ? "./embed-worker.ts" : "./embed-worker.js", import.meta.url);
    const entry = fromSource
      ? new URL(`data:text/javascript,${encodeURIComponent(`import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); await import(${JSON.stringify(url.href)});`)}`)
      : url;
    const workers = await Promise.all(
      Array.from({ length: Math.max(1, threads) }, () => {
        const w = new Worker(entry);
        return new Promise<Worker>((resolve, reject) => {
          w.once("message", () => resolve(w));
          w.once("error", (e) => reject(new AppError("internal", "An embedding worker could not start.", { cause: e })));
        });
      }),
    );
    return new ParallelEmbeddings(workers);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const jobs: Promise<Float32Array>[] = [];
    for (let i = 0; i < texts.length; i += JOB) {
      const id = this.next++;
      const worker = this.workers[id % this.workers.length]!;
      jobs.push(
        new Promise<Float32Array>((resolve, reject) => {
          this.pending.set(id, { resolve, reject });
          worker.postMessage({ id, texts: texts.slice(i, i + JOB) });
        }),
      );
    }
    const out: Float32Array[] = [];
    for (const flat of await Promise.all(jobs)) {
      for (let k = 0; k < flat.length / this.dimensions; k++) out.push(flat.subarray(k * this.dimensions, (k + 1) * this.dimensions));
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
