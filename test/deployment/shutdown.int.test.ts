import { describe, expect, it } from "vitest";
import { createAssistant, type Assistant } from "../../assistant/index.js";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start } from "../../bot/server.js";

// Stopping the server (what SIGTERM does in bot/main.ts): a message being answered is
// finished, not cut off, unless it outlasts SHUTDOWN_GRACE_SECONDS.

/** The real assistant, except that reading a message containing "slowly" takes `ms`. */
function slowAssistant(real: Assistant, ms: number): Assistant {
  return new Proxy(real, {
    get(target, prop) {
      const v: unknown = Reflect.get(target, prop, target);
      if (prop === "read") {
        return async (raw: string) => {
          if (raw.includes("slowly")) await new Promise((r) => setTimeout(r, ms));
          return target.read(raw);
        };
      }
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

function message(text: string) {
  return JSON.stringify({
    type: "message",
    text,
    channelId: "emulator",
    serviceUrl: "http://localhost:1",
    conversation: { id: `shutdown-${Math.random()}` },
    from: { id: "u1" },
    recipient: { id: "b1" },
    deliveryMode: "expectReplies",
  });
}

async function stopWhileAnswering(graceSeconds: number, delayMs: number) {
  const config = parseConfig({ SHUTDOWN_GRACE_SECONDS: String(graceSeconds) });
  const assistant = slowAssistant(await createAssistant({ config }), delayMs);
  const bot = await start({ port: 0, host: "127.0.0.1", config, assistant, logger: createLogger({ level: "silent" }) });
  await bot.ready;
  // An idle keep-alive connection, as a proxy keeps: it must not hold the stop open.
  await (await fetch(`${bot.url}/healthz`)).text();
  const answer = fetch(`${bot.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: message("help, slowly") }).then(
    async (res) => ({ status: res.status, body: await res.text() }),
    (e: unknown) => ({ status: 0, body: String((e as { cause?: { code?: string } }).cause?.code ?? e) }),
  );
  await new Promise((r) => setTimeout(r, 300));
  const started = Date.now();
  await bot.stop();
  return { stoppedAfterMs: Date.now() - started, answer: await answer, url: bot.url };
}

describe("stopping the server", () => {
  it("a message being answered when the stop comes is answered in full, and nothing new is accepted", async () => {
    const { stoppedAfterMs, answer, url } = await stopWhileAnswering(8, 1500);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("activities");
    expect(stoppedAfterMs).toBeGreaterThan(800);
    expect(stoppedAfterMs).toBeLessThan(8000);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it("a request that outlasts SHUTDOWN_GRACE_SECONDS is cut off at the grace period, so the process can exit in time", async () => {
    const { stoppedAfterMs, answer } = await stopWhileAnswering(1, 6000);
    expect(answer.status).toBe(0);
    expect(stoppedAfterMs).toBeGreaterThanOrEqual(900);
    expect(stoppedAfterMs).toBeLessThan(3000);
  });
});
