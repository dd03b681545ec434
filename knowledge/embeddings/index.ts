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
