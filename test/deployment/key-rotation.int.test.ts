import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssistant, type Assistant } from "../../assistant/index.js";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start } from "../../bot/server.js";
import { postMessage } from "../bot/emulator-message.js";
import { RedisServer } from "../bot/redis-server.js";

// The README's key rotation, end to end against a real Redis: a draft begun under the old
// key carries on during the rotation and after it; without the old key it is not found, never misread.

const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");
let redis: RedisServer | undefined;
let redisUrl: string;
let assistant: Assistant;

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
    const { status, replies } = await postMessage(bot.url, conversation, text, { id: "29:practitioner" }, { id: "28:bot" });
    expect(status).toBe(200);
    // A prompt may come as a card: its words count as what the bot said.
    return replies.map((a) => `${a.text ?? ""} ${JSON.stringify(a.attachments ?? [])}`).join("\n");
  } finally {
    await bot.stop();
  }
}

beforeAll(async () => {
  redis = await RedisServer.start();
  redisUrl = redis.url;
  assistant = await createAssistant({ config: parseConfig({}) });
  await assistant.warmUp();
});

afterAll(async () => {
  await redis?.stop();
});

describe("rotating STATE_ENCRYPTION_KEY with a real Redis", () => {
  it("a draft begun under the old key carries on during the rotation and after the old key is removed", async () => {
    expect(await sayWith({ key: oldKey }, "rotate-1", "draft a strategy record")).toMatch(/date of the strategy discussion/);
    // Rollout: the new key seals, the old one still opens.
    expect(await sayWith({ key: newKey, previous: oldKey }, "rotate-1", "14/5/2025")).toMatch(/What time did it start/);
    // After the rotation: the state was sealed again with the new key, so the new key alone opens it.
    expect(await sayWith({ key: newKey }, "rotate-1", "10:00")).toMatch(/meeting in person, a phone call, or virtual/);
  });

  it("without the old key, a conversation sealed with it is not found (its key is hashed with the old key), so the next message starts afresh and is never misread", async () => {
    expect(await sayWith({ key: oldKey }, "rotate-2", "draft a strategy record")).toMatch(/date of the strategy discussion/);
    expect(await sayWith({ key: newKey }, "rotate-2", "14/5/2025")).not.toMatch(/What time did it start/);
    expect(await sayWith({ key: newKey }, "rotate-2", "draft a strategy record")).toMatch(/date of the strategy discussion/);
  });
});
