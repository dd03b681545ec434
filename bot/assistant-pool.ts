import type { Config } from "../core/config.js";
import type { Logger } from "../core/logger.js";
import { letThreadsSizeTheirYoungGeneration, limitHeapGrowth } from "../core/gc.js";
import { embeddingsOnOwnThread, workerCount } from "../core/worker-pool.js";
import { PooledAssistant } from "../assistant/pooled-assistant.js";

/**
 * The server's assistant: a pool of worker threads (WORKER_THREADS), each loading the
 * index, the risk model and its embedding model as soon as it is made. This module is
 * light on purpose: bot/main.ts makes the pool before it imports the Bot Framework, so
 * the threads load while the main thread is still importing (about 1.8 s of CPU for
 * botbuilder alone), instead of after it.
 */
export function startAssistantPool(config: Config, logger: Logger): PooledAssistant {
  // Each thread's heap grows less far past what it holds live between full collections (core/gc.ts).
  limitHeapGrowth();
  // Each thread's young generation as its pool sizes it, not the main thread's command-line size (core/gc.ts).
  letThreadsSizeTheirYoungGeneration();
  return new PooledAssistant(config, {
    workers: workerCount(config.server.workerThreads),
    embeddingsThread: embeddingsOnOwnThread(),
    onEvent: (e) =>
      logger.error(
        { event: e.type, pool: e.pool, ...(e.type === "worker_exit" ? { code: e.code, restartInMs: e.restartInMs } : { reason: e.message }) },
        "worker thread problem",
      ),
  });
}
