import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start, type RunningBot } from "../../bot/server.js";
import { createAssistant } from "../../assistant/index.js";
import { emulatorActivity } from "../bot/emulator-message.js";

// /metrics after a real conversation (real index, models and triage), in-process on port 0.

const TOKEN = "metrics-token-for-the-test-0123456789";

/** Words that only the messages below contain: none of them may ever reach the figures. */
const TYPED = ["Zebedee", "sourdough", "scared", "strategy discussion"];

let bot: RunningBot;
function activity(text: string, extra: Record<string, unknown> = {}) {
  return emulatorActivity(text, { from: { id: "u1", name: "Zebedee Practitioner" }, ...extra }, "metrics");
}

async function post(url: string, body: string): Promise<number> {
  const res = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body });
  await res.arrayBuffer();
  return res.status;
}

async function scrape(url: string, token?: string): Promise<{ status: number; body: string; type: string }> {
  const res = await fetch(`${url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, body: await res.text(), type: res.headers.get("content-type") ?? "" };
}

/** The value of one sample, e.g. value(body, 'safeguarding_turns_total{channel="emulator",...}'); 0 when absent. */
function value(body: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of body.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) total += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return total;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const config = parseConfig({ METRICS_ENABLED: "true", METRICS_TOKEN: TOKEN });
  bot = await start({ port: 0, host: "127.0.0.1", config, logger: createLogger({ level: "silent" }) });
  await bot.ready;
});

afterAll(async () => {
  await bot?.stop();
});

describe("operator figures at /metrics", () => {
  it("without the bearer token, a scrape is refused with 401", async () => {
    expect((await scrape(bot.url)).status).toBe(401);
    expect((await scrape(bot.url, "not-the-token-at-all-0000")).status).toBe(401);
  });

  it("after a conversation, turns, latency, signposts, refusals and rejections have moved, and no message text appears", async () => {
    const before = (await scrape(bot.url, TOKEN)).body;

    expect(await post(bot.url, JSON.stringify(activity("what is a strategy discussion?")))).toBe(200);
    expect(await post(bot.url, JSON.stringify(activity("how do I bake a sourdough loaf, Zebedee?")))).toBe(200);
    expect(await post(bot.url, JSON.stringify(activity("my dad hits me and I am scared to go home")))).toBe(200);
    expect(await post(bot.url, JSON.stringify(activity("help")))).toBe(200);
    expect(await post(bot.url, JSON.stringify({ type: "message", text: "Zebedee" }))).toBe(400);
    expect(await post(bot.url, JSON.stringify(activity("x".repeat(4 * 1024 * 1024))))).toBe(413);

    const after = await scrape(bot.url, TOKEN);
    expect(after.status).toBe(200);
    expect(after.type).toContain("text/plain");
    const moved = (name: string, labels: Record<string, string> = {}) => value(after.body, name, labels) - value(before, name, labels);

    expect(moved("safeguarding_turns_total", { channel: "emulator", kind: "ask" })).toBe(3);
    expect(moved("safeguarding_turns_total", { channel: "emulator", kind: "help" })).toBe(1);
    expect(moved("safeguarding_turn_duration_seconds_count", { channel: "emulator", kind: "ask" })).toBe(3);
    expect(moved("safeguarding_signposts_total", { level: "childline" })).toBe(1);
    expect(moved("safeguarding_refusals_total", { reason: "not_covered" })).toBeGreaterThanOrEqual(1);
    expect(moved("safeguarding_requests_rejected_total", { route: "/api/messages", status: "400" })).toBe(1);
    expect(moved("safeguarding_requests_rejected_total", { route: "/api/messages", status: "413" })).toBe(1);
    expect(moved("safeguarding_http_responses_total", { route: "/api/messages", status: "200" })).toBe(4);
    expect(value(after.body, "safeguarding_state_store_up", { store: "memory" })).toBe(1);
    expect(value(after.body, "safeguarding_requests_rejected_total", { route: "/metrics", status: "401" })).toBeGreaterThanOrEqual(2);

    for (const word of TYPED) expect(after.body.toLowerCase()).not.toContain(word.toLowerCase());
  });

  it("when a turn fails, the error is counted, the user gets an apology, and the next message is answered", async () => {
    // The real assistant, except that reading one particular message fails, as a bug would.
    const config = parseConfig({ METRICS_ENABLED: "true", METRICS_TOKEN: TOKEN });
    const real = await createAssistant({ config });
    const failing = new Proxy(real, {
      get(target, prop) {
        const v: unknown = Reflect.get(target, prop, target);
        if (prop === "read") {
          return async (raw: string) => {
            if (raw.includes("trigger a fault")) throw new Error("a bug");
            return target.read(raw);
          };
        }
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
    const faulty = await start({ port: 0, host: "127.0.0.1", config, assistant: failing, logger: createLogger({ level: "silent" }) });
    try {
      await faulty.ready;
      const res = await fetch(`${faulty.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(activity("please trigger a fault, Zebedee", { conversation: { id: "faulty-1" } })),
      });
      expect(res.status).toBe(200);
      const replies = ((await res.json()) as { activities: { text?: string }[] }).activities.map((a) => a.text ?? "").join(" ");
      expect(replies).toMatch(/Sorry, something went wrong/);
      expect(await post(faulty.url, JSON.stringify(activity("help", { conversation: { id: "faulty-1" } })))).toBe(200);
      const body = (await scrape(faulty.url, TOKEN)).body;
      expect(value(body, "safeguarding_errors_total", { kind: "turn" })).toBe(1);
      expect(value(body, "safeguarding_turns_total", { kind: "help" })).toBe(1);
      expect(body).not.toContain("Zebedee");
      expect(body).not.toContain("fault");
    } finally {
      await faulty.stop();
    }
  });
});

describe("where /metrics is served", () => {
  it("when metrics are not enabled, the bot's port has no /metrics", async () => {
    const plain = await start({ port: 0, host: "127.0.0.1", config: parseConfig({}), logger: createLogger({ level: "silent" }) });
    try {
      expect((await scrape(plain.url)).status).toBe(404);
    } finally {
      await plain.stop();
    }
  });

  it("with METRICS_PORT, figures are served on that port only, and the token still applies", async () => {
    const metricsPort = await freePort();
    const config = parseConfig({ METRICS_ENABLED: "true", METRICS_PORT: String(metricsPort), METRICS_TOKEN: TOKEN });
    const separate = await start({ port: 0, host: "127.0.0.1", config, logger: createLogger({ level: "silent" }) });
    try {
      expect((await scrape(separate.url, TOKEN)).status).toBe(404);
      const metricsUrl = `http://127.0.0.1:${metricsPort}`;
      expect((await scrape(metricsUrl)).status).toBe(401);
      const ok = await scrape(metricsUrl, TOKEN);
      expect(ok.status).toBe(200);
      expect(ok.body).toContain("safeguarding_turns_total");
      expect((await fetch(`${metricsUrl}/api/messages`)).status).toBe(404);
    } finally {
      await separate.stop();
    }
  });

  it("with Bot Framework credentials, an unauthenticated message is refused with 401 and counted", async () => {
    const config = parseConfig({
      METRICS_ENABLED: "true",
      METRICS_TOKEN: TOKEN,
      MicrosoftAppId: "00000000-0000-0000-0000-000000000001",
      MicrosoftAppPassword: "not-a-real-secret",
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppTenantId: "00000000-0000-0000-0000-000000000002",
    });
    const secured = await start({ port: 0, host: "127.0.0.1", config, logger: createLogger({ level: "silent" }) });
    try {
      expect(await post(secured.url, JSON.stringify(activity("Zebedee asks about a strategy discussion")))).toBe(401);
      const body = (await scrape(secured.url, TOKEN)).body;
      expect(value(body, "safeguarding_requests_rejected_total", { route: "/api/messages", status: "401" })).toBe(1);
      expect(value(body, "safeguarding_turns_total")).toBe(0);
      expect(body).not.toContain("Zebedee");
    } finally {
      await secured.stop();
    }
  });
});
