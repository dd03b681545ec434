import type { Config } from "../../core/config.js";
import { WorkerPool } from "../../core/worker-pool.js";
import type { Embeddings } from "./embeddings.js";

/** Texts per job: large enough to batch well in the model, small enough to spread over every thread. */
const TEXTS_PER_JOB = 64;

/**
 * A model thread's young generation, MB (two 2 MB semi-spaces; the pool's default is 12 MB, two
 * 4 MB semi-spaces). The model's work is in its WebAssembly heap; what a call makes on the V8 heap
 * (tfjs's tensor records, the graph walk's maps, the output arrays) dies with the call. The
 * default's new space filled to 8 MB in the first busy second and stayed there; at 4 MB the model
 * costs the same CPU (240 texts in 120 calls, alternating runs on one thread: 25.3 / 25.9 ms a call
 * against 25.4 / 25.0), where 1 MB semi-spaces cost a tenth more (29.6 / 28.7 ms).
 */
export const MODEL_YOUNG_GENERATION_MB = 6;

const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

/**
 * The configured embeddings on a pool of worker threads: a large batch (building the
 * index) is split over every core, and the caller's event loop stays free. Same ids,
 * same vectors as the model in one thread.
 */
export class PooledEmbeddings implements Embeddings {
  private constructor(
    private readonly pool: WorkerPool,
    readonly id: string,
    readonly dimensions: number,
  ) {}

  /**
   * Start the threads. With the model's identity known beforehand (`known`), return at
   * once: the model loads on its threads while the caller loads other things, calls wait
   * for it, and `ready` says when it has loaded. Otherwise wait and ask the model.
   */
  static async start(config: Pick<Config, "embeddings">, workers: number, known?: { id: string; dimensions: number }): Promise<PooledEmbeddings> {
    const pool = new WorkerPool({
      name: "embeddings",
      entry: new URL(`./embeddings-worker${ext}`, import.meta.url),
      size: workers,
      youngGenerationMb: MODEL_YOUNG_GENERATION_MB,
      workerData: { config: { embeddings: config.embeddings } },
    });
    if (known) return new PooledEmbeddings(pool, known.id, known.dimensions);
    await pool.ready;
    const info = await pool.run<{ id: string; dimensions: number }>("info", []);
    return new PooledEmbeddings(pool, info.id, info.dimensions);
  }

  /** Settles when every thread has loaded the model (rejects if it cannot load). */
  get ready(): Promise<void> {
    return this.pool.ready;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const jobs: Promise<Float32Array[]>[] = [];
    for (let i = 0; i < texts.length; i += TEXTS_PER_JOB) jobs.push(this.pool.run("embed", [texts.slice(i, i + TEXTS_PER_JOB)]));
    return (await Promise.all(jobs)).flat();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
