import { createSign, generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start, type RunningBot } from "../../bot/server.js";
import { lightAssistant } from "./light-assistant.js";
import { emulatorActivity } from "./emulator-message.js";

// Hostile and careless requests against the real server, in-process on port 0.

const PERSONAL = "Jane Smith, born 02/03/2015, 14 Acacia Avenue";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      cb();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}

/** Everything the process writes to stdout and stderr while `fn` runs (restify's old logger and console.error wrote there). */
async function consoleOutput(fn: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (written.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (written.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    await fn();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  return written.join("");
}

const activity = (text: string | undefined, extra: Record<string, unknown> = {}) => emulatorActivity(text, extra, "doors");

async function post(bot: RunningBot, body: string, headers: Record<string, string> = {}, signal?: AbortSignal) {
  const t = performance.now();
  const res = await fetch(`${bot.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, ...(signal ? { signal } : {}) });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers, ms: performance.now() - t };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("bodies and logs", () => {
  let bot: RunningBot;
  const log = capture();

  beforeAll(async () => {
    bot = await start({ port: 0, config: parseConfig({}), logger: log.logger, assistant: lightAssistant() });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it("anonymous mode listens on loopback unless HOST says otherwise", () => {
    expect(new URL(bot.url).hostname).toBe("127.0.0.1");
  });

  it("JSON nested 10,000 levels deep is a 400 with a plain message, nothing is logged from it, and the server carries on", async () => {
    let r: Awaited<ReturnType<typeof post>> | undefined;
    const printed = await consoleOutput(async () => {
      r = await post(bot, `{"text":"${PERSONAL}","x":${"[".repeat(10_000)}${"]".repeat(10_000)}}`);
    });
    expect(r!.status).toBe(400);
    expect(JSON.parse(r!.text).error).toMatch(/nested too deeply/);
    expect(printed).toBe("");
    expect(log.lines.join("\n")).not.toContain("Jane Smith");
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it("a 2.5 MB request full of personal data is a 413; no log line holds any of it, and nothing reaches stdout or stderr", async () => {
    const huge = JSON.stringify(activity(`${PERSONAL}. `.repeat(56_000)));
    expect(huge.length).toBeGreaterThan(2_500_000);
    let r: Awaited<ReturnType<typeof post>> | undefined;
    const printed = await consoleOutput(async () => {
      r = await post(bot, huge);
    });
    expect(r!.status).toBe(413);
    expect(JSON.parse(r!.text).error).toContain("1,024 KB");
    expect(printed).toBe("");
    expect(log.lines.join("\n")).not.toContain("Acacia");
    expect(Math.max(...log.lines.map((l) => l.length))).toBeLessThan(2000);
  });

  it("bodies restify would once have parsed and logged (broken JSON, a form post, a wrong method) are refused with nothing personal logged", async () => {
    const printed = await consoleOutput(async () => {
      expect((await post(bot, `{"text":"${PERSONAL}",`)).status).toBe(400);
      expect((await post(bot, `text=${encodeURIComponent(PERSONAL)}`, { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
      const wrong = await fetch(`${bot.url}/api/messages?who=${encodeURIComponent(PERSONAL)}`, { method: "PUT", body: PERSONAL });
      expect(wrong.status).toBeGreaterThanOrEqual(400);
      expect(wrong.status).toBeLessThan(500);
    });
    expect(printed).toBe("");
    expect(log.lines.join("\n")).not.toMatch(/Jane|Acacia/);
  });
});

describe("where an anonymous bot replies", () => {
  let victim: Server;
  let hits: string[];
  let victimUrl: string;
  const bots: RunningBot[] = [];

  beforeAll(async () => {
    hits = [];
    victim = createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
    await new Promise<void>((r) => victim.listen(0, "127.0.0.1", () => r()));
    victimUrl = `http://127.0.0.1:${(victim.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await new Promise((r) => victim.close(r));
  });

  it("a request naming another address as its serviceUrl is refused, and the bot posts nothing there", async () => {
    const bot = await start({ port: 0, config: parseConfig({}), logger: createLogger({ level: "silent" }), assistant: lightAssistant() });
    bots.push(bot);
    const { deliveryMode: _d, ...normal } = activity("help", { serviceUrl: victimUrl });
    const r = await post(bot, JSON.stringify(normal));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toContain("expectReplies");
    await sleep(200);
    expect(hits).toEqual([]);
  });

  it("with the Emulator's URL configured, replies are posted there", async () => {
    const bot = await start({
      port: 0,
      // The light assistant loads its reading on the first turn (its warm-up is a no-op), which on a
      // loaded host takes longer than the default turn budget; the budget is not what this test is about.
      config: parseConfig({ EMULATOR_SERVICE_URL: victimUrl, TURN_BUDGET_MS: "60000" }),
      logger: createLogger({ level: "silent" }),
      assistant: lightAssistant(),
    });
    bots.push(bot);
    const { deliveryMode: _d, ...normal } = activity("help", { serviceUrl: victimUrl });
    const r = await post(bot, JSON.stringify(normal));
    expect(r.status).toBe(200);
    expect(hits.some((h) => h.startsWith("POST /v3/conversations/"))).toBe(true);
  });
});

describe("forged tokens", () => {
  let secured: RunningBot;
  const log = capture();
  const appId = "00000000-0000-0000-0000-000000000001";
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const claims = { iss: "https://api.botframework.com", aud: appId, serviceUrl: "http://localhost:1", exp: Math.floor(Date.now() / 1000) + 600, nbf: 0 };
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const rs256 = () => {
    const body = `${b64({ alg: "RS256", typ: "JWT", kid: "not-a-published-key" })}.${b64(claims)}`;
    return `${body}.${createSign("RSA-SHA256").update(body).sign(privateKey).toString("base64url")}`;
  };
  const forged: [string, string][] = [
    ["no token", ""],
    ["alg none", `Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`],
    ["HS256 signed with the app id", `Bearer ${b64({ alg: "HS256", typ: "JWT" })}.${b64(claims)}.${Buffer.from("mac").toString("base64url")}`],
    ["a self-signed RSA key", `Bearer ${rs256()}`],
  ];

  beforeAll(async () => {
    secured = await start({
      port: 0,
      host: "127.0.0.1",
      config: parseConfig({ MicrosoftAppId: appId, MicrosoftAppPassword: "not-a-real-secret" }),
      logger: log.logger,
      assistant: lightAssistant(),
    });
  });
  afterAll(async () => {
    await secured?.stop();
  });
  beforeEach(() => {
    log.lines.length = 0;
  });

  it.each(forged)("%s: 401 with a plain body, one JSON log line, nothing on stderr", async (_name, authorization) => {
    let r: Awaited<ReturnType<typeof post>> | undefined;
    const printed = await consoleOutput(async () => {
      r = await post(secured, JSON.stringify(activity("help", { serviceUrl: "http://localhost:1" })), authorization ? { authorization } : {});
    });
    expect(r!.status).toBe(401);
    expect(JSON.parse(r!.text)).toEqual({ error: "The request could not be authenticated." });
    expect(printed).toBe("");
    const lines = log.lines.map((l) => JSON.parse(l) as { event?: string; reason?: string });
    expect(lines.filter((l) => l.event === "auth_failed")).toHaveLength(1);
    expect(log.lines.join("\n")).not.toContain("Bearer");
  });
});

describe("admission, budgets and rate limits", () => {
  const bots: RunningBot[] = [];
  // Each server logs apart: an abandoned turn of one test may finish during the next.
  let log = capture();
  beforeEach(() => {
    log = capture();
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
  });

  /** The test assistant, with reading that takes `ms` (as a busy model would). */
  const slow = (ms: number) => {
    const assistant = lightAssistant();
    const read = assistant.read.bind(assistant);
    assistant.read = async (raw, opts) => {
      await sleep(ms);
      return read(raw, opts);
    };
    return assistant;
  };
  const bot = async (env: Record<string, string>, readMs: number) => {
    const b = await start({ port: 0, config: parseConfig(env), logger: log.logger, assistant: slow(readMs) });
    bots.push(b);
    return b;
  };

  it("past the bound on turns in flight, callers get a fast 503 with Retry-After, and the turns admitted are answered", async () => {
    // Reading waits at a gate, so the admitted turns stay in flight while the others arrive.
    let open: () => void = () => undefined;
    const gate = new Promise<void>((r) => (open = r));
    const assistant = lightAssistant();
    const read = assistant.read.bind(assistant);
    assistant.read = async (raw, opts) => {
      await gate;
      return read(raw, opts);
    };
    const b = await start({ port: 0, config: parseConfig({ MAX_TURNS_IN_FLIGHT: "2" }), logger: log.logger, assistant });
    bots.push(b);
    const pending = Array.from({ length: 6 }, (_, i) => post(b, JSON.stringify(activity("help", { conversation: { id: `busy-${i}` } }))));
    const settled: Awaited<ReturnType<typeof post>>[] = [];
    pending.forEach((p) => void p.then((r) => settled.push(r)));
    while (settled.length < 4) await sleep(20);
    expect(settled.map((r) => r.status)).toEqual([503, 503, 503, 503]);
    for (const r of settled) expect(r.ms).toBeLessThan(1000);
    // Each refused caller is given a later place than the one before (two places a second, the bound's worth).
    expect(settled.map((r) => Number(r.headers.get("retry-after"))).sort()).toEqual([1, 1, 2, 2]);
    expect(log.lines.map((l) => JSON.parse(l) as { event?: string })).toContainEqual(expect.objectContaining({ event: "turns_refused", refused: 1 }));
    open();
    const all = await Promise.all(pending);
    expect(all.filter((r) => r.status === 200)).toHaveLength(2);
    expect((await post(b, JSON.stringify(activity("help")))).status).toBe(200);
  });

  it("a turn that outruns its budget is abandoned with 503 and Retry-After", async () => {
    const b = await bot({ TURN_BUDGET_MS: "200" }, 1000);
    const r = await post(b, JSON.stringify(activity("help")));
    expect(r.status).toBe(503);
    expect(r.headers.get("retry-after")).toBe("1");
    expect(r.ms).toBeLessThan(800);
    expect(log.lines.map((l) => JSON.parse(l) as { event?: string; reason?: string })).toContainEqual(expect.objectContaining({ event: "turn_abandoned", reason: "budget" }));
  });

  it("when the caller goes away, the turn's remaining work is dropped", async () => {
    const b = await bot({}, 400);
    const controller = new AbortController();
    const pending = post(b, JSON.stringify(activity("what is a strategy discussion?")), {}, controller.signal).catch(() => undefined);
    await sleep(100);
    controller.abort();
    await pending;
    await sleep(600);
    const events = log.lines.map((l) => JSON.parse(l) as { event?: string; reason?: string });
    expect(events).toContainEqual(expect.objectContaining({ event: "turn_abandoned", reason: "client_gone" }));
    // The question was never answered: no turn was completed.
    expect(events.filter((e) => e.event === "turn")).toEqual([]);
  });

  it("a conversation sending faster than its rate is asked to slow down, and a danger message still gets its signpost first", async () => {
    const b = await bot({ CONVERSATION_BURST: "2", CONVERSATION_TURNS_PER_MINUTE: "6" }, 0);
    const conversation = { id: "rate-1" };
    expect((await post(b, JSON.stringify(activity("help", { conversation })))).status).toBe(200);
    expect((await post(b, JSON.stringify(activity("help", { conversation })))).status).toBe(200);
    const over = await post(b, JSON.stringify(activity("my dad has a knife and says he will hurt me", { conversation })));
    expect(over.status).toBe(200);
    const replies = (JSON.parse(over.text) as { activities: { text?: string; attachments?: unknown[] }[] }).activities;
    expect(JSON.stringify(replies[0])).toContain("999");
    expect(replies[replies.length - 1]?.text).toMatch(/faster than I can answer/);
    // Another conversation is not slowed down.
    expect((await post(b, JSON.stringify(activity("help")))).status).toBe(200);
  });
});
