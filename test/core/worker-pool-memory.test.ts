import { afterEach, describe, expect, it } from "vitest";
import { WorkerPool } from "../../core/worker-pool.js";

const entry = new URL("./fixtures/memory-worker.ts", import.meta.url);
let pool: WorkerPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("a worker pool's memory profile", () => {
  it("names every thread by its pool path, a worker's own pool's threads included, with what each holds", async () => {
    pool = new WorkerPool({ name: "outer", entry, size: 1, workerData: { nested: true } });
    await pool.ready;
    const threads = await pool.memory();
    expect(threads.map((t) => t.thread)).toEqual(["outer[0]", "outer[0]/inner[0]"]);
    for (const t of threads) {
      expect(t.arrayBuffers).toBeGreaterThanOrEqual(8 * 1048576);
      expect(t.heapUsed).toBeGreaterThan(0);
      expect(t.v8Total).toBeGreaterThanOrEqual(t.heapTotal);
    }
  }, 60_000);
});
