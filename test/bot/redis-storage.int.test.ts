import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import { RedisStorage } from "../../bot/redis-storage.js";
import { StateCipher } from "../../bot/state-cipher.js";
import { NEW_ITEM_ETAG, StateConflict } from "../../bot/state-store.js";
import { RedisServer } from "./redis-server.js";

// Conversation state in a real Redis server (Debian's redis-server, started here).

let redis: RedisServer;
let url: string;

beforeAll(async () => {
  redis = await RedisServer.start();
  url = redis.url;
});

afterAll(async () => {
  await redis?.stop();
});

describe("Redis conversation state", () => {
  const key = randomBytes(32).toString("base64");

  it("state written is read back, and is encrypted at rest under a hashed key with a time-to-live", async () => {
    const storage = await RedisStorage.connect({ url, cipher: new StateCipher(key), ttlSeconds: 600, prefix: "t1:" });
    const notes = "Strat 14/5/25: Jo Smith SW, DC Patel; concerns about baby Amy";
    await storage.write({ "emulator/conversations/c1/": { dialogState: { notes } } });
    const read = await storage.read(["emulator/conversations/c1/", "missing"]);
    expect(Object.keys(read)).toEqual(["emulator/conversations/c1/"]);
    expect(read["emulator/conversations/c1/"]).toMatchObject({ dialogState: { notes } });

    const raw = createClient({ url });
    await raw.connect();
    const keys = await raw.keys("t1:*");
    expect(keys).toEqual([storage.keyOf("emulator/conversations/c1/")]);
    expect(keys[0]).not.toContain("c1");
    expect(keys[0]).not.toContain("emulator");
    const stored = await raw.get(keys[0]!);
    expect(stored).toBeTruthy();
    expect(stored).not.toContain("Amy");
    expect(stored).not.toContain("Patel");
    const ttl = await raw.ttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600);
    await raw.quit();

    await storage.delete(["emulator/conversations/c1/"]);
    expect(await storage.read(["emulator/conversations/c1/"])).toEqual({});
    await storage.close();
  });

  it("a write with a stale eTag is refused, and one with the current eTag goes through", async () => {
    const storage = await RedisStorage.connect({ url, cipher: new StateCipher(key), ttlSeconds: 600, prefix: "t3:" });
    await storage.write({ k: { step: 1, eTag: NEW_ITEM_ETAG } });
    await expect(storage.write({ k: { step: 1, eTag: NEW_ITEM_ETAG } })).rejects.toBeInstanceOf(StateConflict);
    const first = (await storage.read(["k"])).k as { eTag: string };
    const second = { ...first, step: 2 };
    await storage.write({ k: second });
    expect(second.eTag).not.toBe(first.eTag);
    await expect(storage.write({ k: { ...first, step: 3 } })).rejects.toBeInstanceOf(StateConflict);
    expect((await storage.read(["k"])).k).toMatchObject({ step: 2, eTag: second.eTag });
    await storage.write({ k: { step: 4, eTag: "*" } });
    expect((await storage.read(["k"])).k).toMatchObject({ step: 4 });
    await storage.close();
  });

  it("state sealed with another key can be neither found nor read", async () => {
    const a = await RedisStorage.connect({ url, cipher: new StateCipher(key), ttlSeconds: 600, prefix: "t2:" });
    await a.write({ k: { v: 1 } });
    await a.close();
    const other = new StateCipher(randomBytes(32).toString("base64"));
    const b = await RedisStorage.connect({ url, cipher: other, ttlSeconds: 600, prefix: "t2:" });
    expect(await b.read(["k"])).toEqual({});
    await b.close();
    const raw = createClient({ url });
    await raw.connect();
    const [stored] = await raw.mGet(await raw.keys("t2:*"));
    await raw.quit();
    expect(() => other.decrypt(String(stored).slice(String(stored).indexOf("|") + 1))).toThrow();
  });
});
