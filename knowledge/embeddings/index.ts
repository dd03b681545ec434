import type { Config } from "../../core/config.js";
import type { Embeddings } from "./embeddings.js";

import { USE_LITE } from "./embeddings.js";

export type { Embeddings } from "./embeddings.js";
export { cosine, normalise, USE_LITE } from "./embeddings.js";

export interface CreateEmbeddingsOptions {
  /**
   * Run the model on this many worker threads (see pooled-embeddings.ts). Unset: in the
   * calling thread. One: a thread of its own, so the caller's other work runs beside it.
   */
  workers?: number;
}

/**
 * Create the configured embeddings provider. Providers are imported lazily so the
 * transformers.js stack is never loaded unless an operator chose it. With `workers`,
 * the model runs on a pool of threads (the index build uses every core; the bot's
 * assistant threads each give their model a thread of its own).
 */
export async function createEmbeddings(config: Pick<Config, "embeddings">, opts: CreateEmbeddingsOptions = {}): Promise<Embeddings> {
  if (opts.workers !== undefined && opts.workers >= 1) {
    const { PooledEmbeddings } = await import("./pooled-embeddings.js");
    return PooledEmbeddings.start(config, opts.workers, config.embeddings.provider === "use" ? USE_LITE : undefined);
  }
  if (config.embeddings.provider === "transformers") {
    const { TransformersEmbeddings } = await import("./transformers-embeddings.js");
    return TransformersEmbeddings.load(config.embeddings.transformersModelDir ?? "");
  }
  const { UseEmbeddings } = await import("./use-embeddings.js");
  return UseEmbeddings.load();
}

/**
 * Embeddings for bulk work (building the index): the configured model on one worker
 * thread per core. Call `close()` when done.
 */
export async function createBulkEmbeddings(config: Pick<Config, "embeddings">): Promise<{ embeddings: Embeddings; close: () => Promise<void> }> {
  const { availableParallelism } = await import("node:os");
  const embeddings = await createEmbeddings(config, { workers: availableParallelism() });
  const closable = embeddings as Embeddings & { close?: () => Promise<void> };
  return { embeddings, close: async () => closable.close?.() };
}
