import { describe, expect, it } from "vitest";
import { ExpiringMemoryStorage } from "../../bot/expiring-memory-storage.js";

describe("in-memory conversation state", () => {
  it("a conversation idle for longer than the time-to-live is forgotten", async () => {
    let now = 0;
    const storage = new ExpiringMemoryStorage(60, () => now);
    await storage.write({ a: { notes: "about a child" } });
    now = 30_000;
    await storage.write({ b: { notes: "another" } });
    expect(Object.keys(await storage.read(["a", "b"])).sort()).toEqual(["a", "b"]);
    now = 61_000;
    expect(Object.keys(await storage.read(["a", "b"]))).toEqual(["b"]);
    now = 200_000;
    expect(await storage.read(["a", "b"])).toEqual({});
  });

  it("a conversation written again stays", async () => {
    let now = 0;
    const storage = new ExpiringMemoryStorage(60, () => now);
    await storage.write({ a: { step: 1 } });
    now = 50_000;
    const item = await storage.read(["a"]);
    await storage.write({ a: { ...item.a, step: 2 } });
    now = 100_000;
    expect((await storage.read(["a"])).a).toMatchObject({ step: 2 });
  });
});
