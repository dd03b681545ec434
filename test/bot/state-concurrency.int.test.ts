import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoreItems } from "botbuilder";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start, type RunningBot } from "../../bot/server.js";
import { ExpiringMemoryStorage } from "../../bot/expiring-memory-storage.js";
import { RedisStorage } from "../../bot/redis-storage.js";
import { StateCipher } from "../../bot/state-cipher.js";
import type { StateStore } from "../../bot/state-store.js";
import { lightAssistant } from "./light-assistant.js";
import { RedisServer } from "./redis-server.js";
import { postMessage } from "./emulator-message.js";
import { recordMessage, type RecordMessageId } from "../../records/index.js";

// Simultaneous turns of one conversation: through two server instances sharing a real
// redis-server, and through one instance in memory. Nothing may be lost, and each
// sender must be told what was actually kept.


/** A store whose writes wait a little, so that two turns both read before either writes. */
class SlowWrites implements StateStore {
  constructor(
    private readonly inner: StateStore,
    private readonly ms: number,
  ) {}
  get name() {
    return this.inner.name;
  }
  read(keys: string[]) {
    return this.inner.read(keys);
  }
  async write(changes: StoreItems) {
    await new Promise((r) => setTimeout(r, this.ms));
    return this.inner.write(changes);
  }
  delete(keys: string[]) {
    return this.inner.delete(keys);
  }
  health() {
    return this.inner.health();
  }
  close() {
    return this.inner.close();
  }
}

async function say(bot: RunningBot, conversation: string, text: string): Promise<string> {
  const { status, replies } = await postMessage(bot.url, conversation, text);
  expect(status).toBe(200);
  return replies.map((a) => a.text ?? JSON.stringify(a.attachments ?? [])).join("\n");
}

const NOTES =
  "draft: Strategy discussion 14/05/2025. Present: Jo Smith SW (CSC), DC Patel (police), HV Ann Lee (health). Concerns: bruising to arm.";

/** An answer to each question the guided draft may ask before the actions (the notes give the date, people and concerns). */
const ANSWERS: [RecordMessageId, string][] = [
  ["record.prompt.time", "10:00"],
  ["record.prompt.format", "phone call"],
  ["record.prompt.child_ref", "CR-1234"],
  ["record.prompt.information_shared", "Police shared previous call-outs; health shared the bruising was seen at the GP."],
  ["record.prompt.section47", "Yes"],
  ["record.prompt.criminal_investigation", "no"],
  ["record.prompt.legal_action", "no"],
];

/** The dialog's question for the agreed actions, taken one at a time. */
const ACTIONS_ASKED = /What actions were agreed\?/;

/** Drive a record to the step that takes agreed actions one at a time, answering each question by what it asks. */
async function toActions(bot: RunningBot, conversation: string): Promise<void> {
  let reply = await say(bot, conversation, NOTES);
  for (let turn = 0; turn < 12 && !ACTIONS_ASKED.test(reply); turn++) {
    const answer = ANSWERS.find(([id]) => reply.includes(recordMessage(id)));
    if (!answer) throw new Error(`The draft asked a question this test has no answer for: ${reply.slice(0, 300)}`);
    reply = await say(bot, conversation, answer[1]);
  }
  expect(reply).toMatch(ACTIONS_ASKED);
}

/** Two actions sent at the same moment (one to each bot), then "done": both must be in the record. */
async function simultaneousActions(a: RunningBot, b: RunningBot, conversation: string): Promise<void> {
  await toActions(a, conversation);
  const [first, second] = await Promise.all([
    say(a, conversation, "SW to visit the child"),
    say(b, conversation, "Police to check records"),
  ]);
  // Both senders are told their action was noted, and neither is told anything went wrong.
  expect(first).toContain("Noted");
  expect(second).toContain("Noted");
  expect(`${first}\n${second}`).not.toMatch(/sorry|could not record/i);
  // The record lists what was kept: both actions.
  const done = await say(b, conversation, "done");
  expect(done).toContain("Visit the child");
  expect(done).toContain("Check records");
}

const logger = createLogger({ level: "silent" });
const assistant = lightAssistant();

describe("two instances sharing a real Redis", () => {
  let redis: RedisServer;
  const bots: RunningBot[] = [];
  const key = randomBytes(32).toString("base64");

  const instance = async (delayMs: number) => {
    const config = parseConfig({ STATE_STORE: "redis", REDIS_URL: redis.url, STATE_ENCRYPTION_KEY: key });
    const store = await RedisStorage.connect({ url: redis.url, cipher: new StateCipher(key), ttlSeconds: 600 });
    const bot = await start({ port: 0, host: "127.0.0.1", config, logger, assistant, storage: delayMs ? new SlowWrites(store, delayMs) : store });
    bots.push(bot);
    return bot;
  };

  beforeAll(async () => {
    redis = await RedisServer.start();
  });

  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await redis?.stop();
  });

  it("when both turns read the state before either writes, both are recorded and both senders are told so", async () => {
    const [a, b] = [await instance(250), await instance(250)];
    await simultaneousActions(a!, b!, "shared-slow");
  });

  it("ten rounds of simultaneous turns at full speed lose nothing", async () => {
    const [a, b] = [await instance(0), await instance(0)];
    for (let round = 0; round < 10; round++) await simultaneousActions(a!, b!, `shared-fast-${round}`);
  });
});

describe("one instance, state in memory", () => {
  let bot: RunningBot;

  beforeAll(async () => {
    bot = await start({ port: 0, host: "127.0.0.1", config: parseConfig({}), logger, assistant, storage: new SlowWrites(new ExpiringMemoryStorage(600), 250) });
  });

  afterAll(async () => {
    await bot?.stop();
  });

  it("two turns of one conversation arriving together are both recorded", async () => {
    await simultaneousActions(bot, bot, "memory-slow");
  });
});
