import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start, type RunningBot } from "../../bot/server.js";
import { lightAssistant } from "./light-assistant.js";
import { RedisServer, freePort } from "./redis-server.js";
import { postMessage, type Reply } from "./emulator-message.js";

// Redis going away and coming back, mid-conversation and at start-up, against a real
// redis-server and the server's own storage (started from configuration).

function logCapture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      for (const l of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}

async function post(bot: RunningBot, conversation: string, text: string): Promise<{ status: number; ms: number; replies: Reply[] }> {
  const t = performance.now();
  const { status, replies } = await postMessage(bot.url, conversation, text);
  return { status, ms: performance.now() - t, replies };
}

const words = (r: Reply[]) => r.map((a) => a.text ?? "").join("\n");

async function readyz(bot: RunningBot): Promise<{ status: number; body: { ready: boolean; store: { name: string; ready: boolean; error?: string } } }> {
  const res = await fetch(`${bot.url}/readyz`);
  return { status: res.status, body: (await res.json()) as never };
}

async function until(what: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await what()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out waiting");
}

const key = randomBytes(32).toString("base64");
const assistant = lightAssistant();
let bot: RunningBot | undefined;
let redis: RedisServer | undefined;

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

afterAll(async () => {
  await redis?.stop();
});

describe("Redis stopped and started again mid-conversation", () => {
  it("is reported on /readyz and in the log by name, fails turns at once with the signpost first, and recovers without a restart", async () => {
    redis = await RedisServer.start();
    const { lines, logger } = logCapture();
    const config = parseConfig({ STATE_STORE: "redis", REDIS_URL: redis.url, STATE_ENCRYPTION_KEY: key });
    bot = await start({ port: 0, host: "127.0.0.1", config, logger, assistant });
    await until(async () => (await readyz(bot!)).status === 200);

    const first = await post(bot, "outage-1", "draft a strategy discussion record");
    expect(words(first.replies)).toMatch(/date of the strategy discussion/i);

    await redis.stop();
    await until(async () => (await readyz(bot!)).status === 503);
    const down = await readyz(bot);
    expect(down.body.store).toMatchObject({ name: "redis", ready: false });
    expect(down.body.store.error).toMatch(/^redis: /);
    expect(lines.some((l) => l.event === "state_store_unavailable" && l.store === "redis")).toBe(true);

    // A message in danger still gets its signpost first, at once, then a plain word about the outage.
    const during = await post(bot, "outage-1", "my dad has a knife and says he will hurt me tonight");
    expect(during.status).toBe(200);
    expect(during.ms).toBeLessThan(2000);
    expect(JSON.stringify(during.replies[0])).toContain("999");
    expect(words(during.replies.slice(1))).toMatch(/cannot reach my conversation memory/i);
    expect(lines.some((l) => l.event === "turn_failed_state_store_unavailable" && l.store === "redis")).toBe(true);

    await redis.resume();
    await until(async () => (await readyz(bot!)).status === 200);
    expect(lines.some((l) => l.event === "state_store_ready" && l.recovered === true)).toBe(true);
    // The conversation carries on where it was: the date is taken and the next field the record lacks is asked.
    const after = await post(bot, "outage-1", "14/05/2025");
    expect(words(after.replies)).toMatch(/What time did it start/);
  });
});

describe("Redis unreachable at start-up", () => {
  it("the server listens, says why it is not ready, retries with backoff, and becomes ready when Redis starts", async () => {
    const port = await freePort();
    const { lines, logger } = logCapture();
    const config = parseConfig({ STATE_STORE: "redis", REDIS_URL: `redis://127.0.0.1:${port}`, STATE_ENCRYPTION_KEY: key });
    bot = await start({ port: 0, host: "127.0.0.1", config, logger, assistant });

    const before = await readyz(bot);
    expect(before.status).toBe(503);
    expect(before.body.store.error).toMatch(/redis: .*(ECONNREFUSED|connecting)/);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    await until(async () => lines.filter((l) => l.event === "state_store_retry").length >= 3);
    const delays = lines.filter((l) => l.event === "state_store_retry").map((l) => Number(l.inMs));
    expect(delays[2]).toBeGreaterThan(delays[0]!);
    expect(lines.find((l) => l.event === "state_store_unavailable")).toMatchObject({ store: "redis", reason: "ECONNREFUSED" });

    const early = await post(bot, "startup-1", "what happens at a strategy discussion?");
    expect(words(early.replies)).toMatch(/cannot reach my conversation memory/i);

    redis = await RedisServer.start(port);
    await until(async () => (await readyz(bot!)).status === 200);
    const later = await post(bot, "startup-1", "draft a strategy discussion record");
    expect(words(later.replies)).toMatch(/date of the strategy discussion/i);
  });
});
