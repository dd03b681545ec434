import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { createEmbeddings, type Embeddings } from "../../knowledge/embeddings/index.js";

// The bundled model on worker threads (used to build the index on every core), against the model in this thread.

const config = parseConfig({});
let pooled: Embeddings & { close?: () => Promise<void> };

afterAll(async () => {
  await pooled?.close?.();
});

describe("embeddings on worker threads", () => {
  it("a large batch is split over the threads and comes back in order, the same vectors as in one thread", async () => {
    pooled = await createEmbeddings(config, { workers: 2 });
    const local = await createEmbeddings(config);
    expect(pooled.id).toBe(local.id);
    expect(pooled.dimensions).toBe(local.dimensions);
    const texts = Array.from({ length: 150 }, (_, i) => `strategy discussion number ${i} with police and health`);
    const [a, b] = [await pooled.embed(texts), await local.embed(texts)];
    expect(a).toHaveLength(150);
    for (const i of [0, 63, 64, 149]) {
      a[i]!.forEach((v, k) => expect(v).toBeCloseTo(b[i]![k]!, 5));
    }
  });
});
