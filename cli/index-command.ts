import type { Config } from "../core/config.js";
import { createEmbeddings } from "../knowledge/embeddings/index.js";
import { buildIndex } from "../knowledge/index.js";
import { createTriage } from "../escalation/index.js";
import { workerCount } from "../core/worker-pool.js";
import type { CliIO } from "./main.js";

/**
 * `safeguard index`: build the retrieval index (corpus plus the operator's local
 * procedures) and the triage exemplar cache, so start-up only loads files.
 */
export async function runIndex(config: Config, io: CliIO, asJson: boolean): Promise<number> {
  // Building embeds every passage: use every core.
  const embeddings = await createEmbeddings(config, { workers: workerCount(config.server.workerThreads) });
  const stats = await buildIndex({
    config,
    embeddings,
    onProgress: (msg) => {
      if (!asJson) io.stderr(`${msg}\n`);
    },
  });
  // Building the triage cache now keeps the first message after start-up fast.
  await createTriage({ embeddings, cacheDir: config.knowledge.indexDir });
  io.stdout(asJson ? JSON.stringify({ indexDir: config.knowledge.indexDir, ...stats }) + "\n" : `Index built in ${config.knowledge.indexDir}: ${JSON.stringify(stats)}\n`);
  return 0;
}
