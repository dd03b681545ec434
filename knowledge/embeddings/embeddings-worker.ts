import { workerData } from "node:worker_threads";
import type { Config } from "../../core/config.js";
import { serveWorker } from "../../core/worker-host.js";
import { createEmbeddings } from "./index.js";

/** One thread of the embeddings pool (pooled-embeddings.ts): the configured model, in this thread. */
serveWorker(async () => {
  const { config } = workerData as { config: Pick<Config, "embeddings"> };
  const embeddings = await createEmbeddings(config);
  return {
    info: async () => ({ id: embeddings.id, dimensions: embeddings.dimensions }),
    embed: (texts: string[]) => embeddings.embed(texts),
  };
});
