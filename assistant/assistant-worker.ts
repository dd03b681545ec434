import { workerData } from "node:worker_threads";
import type { Config } from "../core/config.js";
import { serveWorker } from "../core/worker-host.js";
import { usePhraseCacheBytes } from "../escalation/phrases.js";
import { useSharedIndexVectors } from "../knowledge/store.js";
import type { DeadlineQuestion } from "../deadlines/index.js";
import { Assistant, type JurisdictionOption, type ReadMessageOptions, type ReadNotesOptions } from "./assistant.js";
import type { MessageReading } from "./reading.js";

/**
 * One worker thread of the assistant pool (see pooled-assistant.ts): a whole assistant
 * (models, index, triage) answering the use cases the bot calls per turn. Readings and
 * results cross as plain data.
 */
serveWorker(async () => {
  const { config, embeddingsThread, phraseCache, indexVectors } = workerData as {
    config: Config;
    embeddingsThread: boolean;
    phraseCache: SharedArrayBuffer | null;
    indexVectors: SharedArrayBuffer | null;
  };
  if (phraseCache) usePhraseCacheBytes(config.knowledge.indexDir, phraseCache);
  if (indexVectors) useSharedIndexVectors(config.knowledge.indexDir, indexVectors);
  const assistant = new Assistant({ config, embeddingsThread });
  await assistant.warmUp();
  return {
    read: (raw: string, opts: ReadMessageOptions) => assistant.read(raw, opts),
    answer: (reading: MessageReading) => assistant.answer(reading),
    nextFor: (reading: MessageReading) => assistant.nextFor(reading),
    deadline: (event: string, dateText: string, opts: JurisdictionOption) => assistant.deadline(event, dateText, opts),
    readNotes: (notes: string, opts: ReadNotesOptions) => assistant.readNotes(notes, opts),
    answerDeadline: (q: DeadlineQuestion, jurisdiction?: JurisdictionOption["jurisdiction"]) => assistant.answerDeadline(q, jurisdiction),
  };
});
