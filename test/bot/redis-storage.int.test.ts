import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import { RedisStorage } from "../../bot/redis-storage.js";
import { StateCipher } from "../../bot/state-cipher.js";

// Conversation state in a real Redis server (Debian's redis-server, started here).

let redis: ChildProcess;
let url: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  url = `redis://127.0.0.1:${port}`;
  redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const probe = createClient({ url });
  probe.on("error", () => undefined);
  for (let i = 0; i < 50; i++) {
    try {
      await probe.connect();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await probe.quit();
});

afterAll(() => {
  redis?.kill("SIGTERM");
});

describe("Redis conversation state", () => {
  const key = randomBytes(32).toString("base64");

  it("state written is read back, and is encrypted at rest with a time-to-live", async () => {
    const storage = await RedisStorage.connect({ url, cipher: new StateCipher(key), ttlSeconds: 600, prefix: "t1:" });
    const notes = "Strat 14/5/25: Jo Smith SW, DC Patel; concerns about baby Amy";
    await storage.write({ "emulator/conversations/c1/": { dialogState: { notes } } });
    expect(await storage.read(["emulator/conversations/c1/", "missing"])).toEqual({
      "emulator/conversations/c1/": { dialogState: { notes } },
    });

    const raw = createClient({ url });
    await raw.connect();
    const stored = await raw.get("t1:emulator/conversations/c1/");
    expect(stored).toBeTruthy();
    expect(stored).not.toContain("Amy");
    expect(stored).not.toContain("Patel");
    const ttl = await raw.ttl("t1:emulator/conversations/c1/");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600);
    await raw.quit();

    await storage.delete(["emulator/conversations/c1/"]);
    expect(await storage.read(["emulator/conversations/c1/"])).toEqual({});
    await storage.close();
  });

  it("state sealed with another key cannot be read", async () => {
    const a = await RedisStorage.connect({ url, cipher: new StateCipher(key), ttlSeconds: 600, prefix: "t2:" });
    await a.write({ k: { v: 1 } });
    await a.close();
    const b = await RedisStorage.connect({
      url,
      cipher: new StateCipher(randomBytes(32).toString("base64")),
      ttlSeconds: 600,
      prefix: "t2:",
    });
    await expect(b.read(["k"])).rejects.toThrow();
    await b.close();
  });
});
