import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import { createAssistant, type Assistant } from "../../assistant/index.js";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start } from "../../bot/server.js";

// The README's key rotation, end to end against a real Redis: a draft begun under the old
// key carries on during the rotation and after it; without the old key it is not found, never misread.

const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");
let redis: ChildProcess;
let redisUrl: string;
let assistant: Assistant;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** One message to a bot started with these keys, then the bot is stopped (a rollout step). */
async function sayWith(keys: { key: string; previous?: string }, conversation: string, text: string): Promise<string> {
  const config = parseConfig({
    STATE_STORE: "redis",
    REDIS_URL: redisUrl,
    STATE_ENCRYPTION_KEY: keys.key,
    ...(keys.previous ? { STATE_ENCRYPTION_KEY_PREVIOUS: keys.previous } : {}),
  });
  const bot = await start({ port: 0, host: "127.0.0.1", config, assistant, logger: createLogger({ level: "silent" }) });
  try {
    // As in a rollout, traffic comes once the instance is ready (its Redis connection up):
    // before that a turn is refused with the "cannot reach my conversation memory" reply.
    for (let i = 0; i < 100 && (await fetch(`${bot.url}/readyz`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(`${bot.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message",
        text,
        channelId: "emulator",
        serviceUrl: "http://localhost:1",
        conversation: { id: conversation },
        from: { id: "29:practitioner" },
        recipient: { id: "28:bot" },
        deliveryMode: "expectReplies",
      }),
    });
    expect(res.status).toBe(200);
    // A prompt may come as a card: its words count as what the bot said.
    const { activities } = (await res.json()) as { activities: { text?: string; attachments?: unknown[] }[] };
    return activities.map((a) => `${a.text ?? ""} ${JSON.stringify(a.attachments ?? [])}`).join("\n");
  } finally {
    await bot.stop();
  }
}

beforeAll(async () => {
  const port = await freePort();
  redisUrl = `redis://127.0.0.1:${port}`;
  redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const probe = createClient({ url: redisUrl });
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
  assistant = await createAssistant({ config: parseConfig({}) });
  await assistant.warmUp();
});

afterAll(() => {
  redis?.kill("SIGTERM");
});

describe("rotating STATE_ENCRYPTION_KEY with a real Redis", () => {
  it("a draft begun under the old key carries on during the rotation and after the old key is removed", async () => {
    expect(await sayWith({ key: oldKey }, "rotate-1", "draft a strategy record")).toMatch(/date of the strategy discussion/);
    // Rollout: the new key seals, the old one still opens.
    expect(await sayWith({ key: newKey, previous: oldKey }, "rotate-1", "14/5/2025")).toMatch(/Who took part/);
    // After the rotation: the state was sealed again with the new key, so the new key alone opens it.
    expect(await sayWith({ key: newKey }, "rotate-1", "Jo Smith social worker, DC Patel police, Dr Khan GP")).toMatch(/concerns/i);
  });

  it("without the old key, a conversation sealed with it is not found (its key is hashed with the old key), so the next message starts afresh and is never misread", async () => {
    expect(await sayWith({ key: oldKey }, "rotate-2", "draft a strategy record")).toMatch(/date of the strategy discussion/);
    expect(await sayWith({ key: newKey }, "rotate-2", "14/5/2025")).not.toMatch(/Who took part/);
    expect(await sayWith({ key: newKey }, "rotate-2", "draft a strategy record")).toMatch(/date of the strategy discussion/);
  });
});
