import { join } from "node:path";
import { systemClock, type Clock } from "../core/clock.js";
import type { Config } from "../core/config.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { cleanUserText } from "../core/text.js";
import type { ThreadMemory } from "../core/thread-memory.js";
import { WorkerPool, type PoolEvent, type PoolStats } from "../core/worker-pool.js";
import { readPhraseCacheShared } from "../escalation/phrase-cache-file.js";
import { readFileShared } from "../core/shared-file.js";
import type { DeadlineCalculator, DeadlineQuestion } from "../deadlines/index.js";
import type { DraftResult } from "../records/index.js";
import type { Assistant, DeadlineView, JurisdictionOption, NextView, NotesReading, ReadMessageOptions, ReadNotesOptions } from "./assistant.js";
import { vectorText } from "./question-vector.js";
import { answerDeadlineQuestion } from "./deadline-answer.js";
import { Lazy } from "./lazy.js";
import type { MessageReading } from "./reading.js";
import type { AskResult } from "./types.js";
import { VectorCache } from "./vector-cache.js";

/** What the bot and its dialogs ask of the assistant each turn; met by Assistant and PooledAssistant alike. */
export type AssistantService = Pick<
  Assistant,
  "read" | "answer" | "answerDeadline" | "nextFor" | "deadline" | "readNotes" | "calculator" | "clock" | "config" | "keep" | "warmUp"
> & {
  /** Release threads and models (the pooled assistant); optional. */
  close?(): Promise<void>;
  stats?(): PoolStats;
};

export interface PooledAssistantOptions {
  config: Config;
  /** Worker threads (see workerCount in core/worker-pool.ts). */
  workers: number;
  /** Each worker thread runs its embedding model on a thread of its own (see embeddingsThread in assistant.ts). */
  embeddingsThread?: boolean;
  onEvent?: (event: PoolEvent) => void;
}

const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

/** Turns a thread holds at once; past four, batching the model saves nothing more (measured on USE-lite). */
const JOBS_PER_WORKER = 4;

/**
 * The assistant for the bot server: every CPU-heavy use case (reading and triage with
 * the model, retrieval, next steps) runs on a pool of worker threads, each holding
 * its own assistant, so every core answers and the event loop only moves messages
 * (health checks stay instant under load). Question vectors are cached here, across
 * threads, and handed to whichever thread reads the message. Deadlines with a date
 * and keeping records are cheap and stay on this thread. This module imports nothing of
 * the model or the index: this thread never loads them.
 */
export class PooledAssistant implements AssistantService {
  readonly clock: Clock = systemClock;
  private readonly pool: WorkerPool;
  /**
   * Question vectors shared across assistant threads; null with one thread, whose own cache in
   * front of its model (CachedEmbeddings, keyed by the text retrieval reads) already holds every
   * vector this one would, so a second copy here only took memory: about 4.6 MB once 2,000
   * distinct questions had been asked (the bench's mix asks no question twice).
   */
  private readonly vectors: VectorCache | null;
  private readonly calculatorLazy: Lazy<DeadlineCalculator>;

  constructor(readonly config: Config, options: Omit<PooledAssistantOptions, "config">) {
    this.vectors = options.workers > 1 ? new VectorCache() : null;
    this.pool = new WorkerPool({
      name: "assistant",
      entry: new URL(`./assistant-worker${ext}`, import.meta.url),
      size: options.workers,
      // A few turns per thread at once: their model calls are batched (BatchingEmbeddings).
      jobsPerWorker: JOBS_PER_WORKER,
      workerData: {
        config,
        embeddingsThread: options.embeddingsThread ?? false,
        // With more than one thread, the risk model's tries (26 MB) and the index's vectors (13 MB)
        // are read once, here, into memory they all share.
        phraseCache: options.workers > 1 ? readPhraseCacheShared(config.knowledge.indexDir) : null,
        indexVectors: options.workers > 1 ? readFileShared(join(config.knowledge.indexDir, "vectors.bin")) : null,
      },
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    // Imported when first used (at warm-up): the server makes this pool before it imports anything heavy.
    this.calculatorLazy = new Lazy(async () => (await import("../deadlines/index.js")).createDeadlineCalculator({ overrideFile: config.deadlines.holidaysOverrideFile }));
  }

  async warmUp(): Promise<void> {
    await Promise.all([this.pool.ready, this.calculatorLazy.get()]);
  }

  calculator(): Promise<DeadlineCalculator> {
    return this.calculatorLazy.get();
  }

  async read(raw: string, opts: ReadMessageOptions = {}): Promise<MessageReading> {
    const cache = this.vectors;
    if (!cache) return this.pool.run<MessageReading>("read", [raw, opts]);
    const key = vectorText(cleanUserText(raw).trim());
    const known = opts.vector ?? cache.get(key);
    const reading = await this.pool.run<MessageReading>("read", [raw, { ...opts, vector: known }]);
    if (!known && reading.vector) cache.set(key, reading.vector);
    return reading;
  }

  answer(reading: MessageReading): Promise<AskResult> {
    return this.pool.run("answer", [reading]);
  }

  nextFor(reading: MessageReading): Promise<NextView> {
    return this.pool.run("nextFor", [reading]);
  }

  deadline(event: string, dateText: string, opts: JurisdictionOption = {}): Promise<DeadlineView> {
    return this.pool.run("deadline", [event, dateText, opts]);
  }

  readNotes(notes: string, opts: ReadNotesOptions): Promise<NotesReading> {
    return this.pool.run("readNotes", [notes, opts]);
  }

  async answerDeadline(question: DeadlineQuestion, jurisdiction?: Jurisdiction): Promise<Omit<AskResult, "signpost"> | null> {
    return answerDeadlineQuestion(question, await this.calculatorLazy.get(), jurisdiction);
  }

  async keep(draft: DraftResult): Promise<string | null> {
    const dir = this.config.records.dir;
    return dir ? (await import("../records/index.js")).saveRecord(dir, draft) : null;
  }

  stats(): PoolStats {
    return this.pool.stats();
  }

  /** What each worker thread (and its model thread) holds: scripts/mem-profile.ts prints it. */
  memory(collect = false): Promise<ThreadMemory[]> {
    return this.pool.memory(collect);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
