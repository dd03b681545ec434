import type { Config } from "../../core/config.js";
import type { Embeddings } from "./embeddings.js";

export type { Embeddings } from "./embeddings.js";
export { cosine, normalise } from "./embeddings.js";

/**
 * Create the configured embeddings provider. Providers are imported lazily so the
 * transformers.js stack is never loaded unless an operator chose it.
 */
export async function createEmbeddings(config: Pick<Config, "embeddings">): Promise<Embeddings> {
  if (config.embeddings.provider === "transformers") {
    const { TransformersEmbeddings } = await import("./transformers-embeddings.js");
    return TransformersEmbeddings.load(config.embeddings.transformersModelDir ?? "");
  }
  const { UseEmbeddings } = await import("./use-embeddings.js");
  return UseEmbeddings.load();
}

/**
 * Embeddings for bulk work (building the index): the bundled model on one worker thread
 * per core. Call `close()` when done. Other providers run as they are.
 */
export async function createBulkEmbeddings(config: Pick<Config, "embeddings">): Promise<{ embeddings: Embeddings; close: () => Promise<void> }> {
  const { availableParallelism } = await import("node:os");
  if (config.embeddings.provider === "use" && availableParallelism() > 1) {
    const { ParallelEmbeddings } = await import("./parallel-embeddings.js");
    const parallel = await ParallelEmbeddings.start();
    return { embeddings: parallel, close: () => parallel.close() };
  }
  return { embeddings: await createEmbeddings(config), close: async () => undefined };
}
