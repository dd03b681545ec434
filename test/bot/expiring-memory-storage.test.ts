import { describe, expect, it } from "vitest";
import { ExpiringMemoryStorage } from "../../bot/expiring-memory-storage.js";
import { NEW_ITEM_ETAG, StateConflict } from "../../bot/state-store.js";

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

  it("a conversation written again outlives one written after its first write, and an idle one behind it is still forgotten", async () => {
    let now = 0;
    const storage = new ExpiringMemoryStorage(60, () => now);
    await storage.write({ a: { step: 1 } });
    now = 10_000;
    await storage.write({ b: { step: 1 } });
    now = 50_000;
    await storage.write({ a: { step: 2 } });
    now = 71_000;
    expect(Object.keys(await storage.read(["a", "b"]))).toEqual(["a"]);
    now = 111_000;
    expect(await storage.read(["a", "b"])).toEqual({});
  });
});

describe("in-memory conversation state under simultaneous turns", () => {
  it("a turn that read an older state cannot overwrite a newer one (eTag conflict)", async () => {
    const storage = new ExpiringMemoryStorage(60);
    await storage.write({ a: { actions: [], eTag: NEW_ITEM_ETAG } });
    const [first, second] = [(await storage.read(["a"])).a!, (await storage.read(["a"])).a!];
    await storage.write({ a: { ...first, actions: ["SW to visit"] } });
    await expect(storage.write({ a: { ...second, actions: ["police to check records"] } })).rejects.toBeInstanceOf(StateConflict);
    expect((await storage.read(["a"])).a).toMatchObject({ actions: ["SW to visit"] });
  });

  it("two turns that both think they are first: only one creates the state", async () => {
    const storage = new ExpiringMemoryStorage(60);
    await storage.write({ a: { n: 1, eTag: NEW_ITEM_ETAG } });
    await expect(storage.write({ a: { n: 2, eTag: NEW_ITEM_ETAG } })).rejects.toBeInstanceOf(StateConflict);
  });

  it("a successful write hands the new eTag back on the item, and '*' still writes unconditionally", async () => {
    const storage = new ExpiringMemoryStorage(60);
    const item: { n: number; eTag?: string } = { n: 1, eTag: NEW_ITEM_ETAG };
    await storage.write({ a: item });
    expect((await storage.read(["a"])).a!.eTag).toBe(item.eTag);
    await storage.write({ a: { n: 2, eTag: "*" } });
    expect((await storage.read(["a"])).a).toMatchObject({ n: 2 });
  });
});
