import type { Config } from "../../core/config.js";
import { WorkerPool } from "../../core/worker-pool.js";
import type { Embeddings } from "./embeddings.js";

/** Texts per job: large enough to batch well in the model, small enough to spread over every thread. */
const TEXTS_PER_JOB = 64;

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
