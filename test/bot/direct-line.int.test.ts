import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start, type RunningBot } from "../../bot/server.js";

// The Direct Line-compatible transport over HTTP, in-process on port 0, against the real bot.

type Ticket = { conversationId: string; token: string; expires_in: number };
type Activity = { id: string; type: string; text?: string; from: { role: string }; entities?: unknown[] };

let bot: RunningBot;

async function call(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${bot.url}/v3/directline${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}

/** Poll as DirectLineJS does until `done` sees what it waits for. */
async function pollUntil(t: Ticket, watermark: string, done: (a: Activity[]) => boolean): Promise<{ activities: Activity[]; watermark: string }> {
  const seen: Activity[] = [];
  let mark = watermark;
  for (let i = 0; i < 60; i++) {
    const r = await call("GET", `/conversations/${t.conversationId}/activities?watermark=${mark}`, t.token);
    seen.push(...(r.json.activities as Activity[]));
    mark = r.json.watermark as string;
    if (done(seen)) return { activities: seen, watermark: mark };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("no reply");
}

beforeAll(async () => {
  bot = await start({ port: 0, host: "127.0.0.1", config: parseConfig({}), logger: createLogger({ level: "silent" }) });
  await bot.ready;
});

afterAll(async () => {
  await bot?.stop();
});

describe("the Direct Line 3.0 subset on the bot's own server", () => {
  it("starting a conversation returns 201 with its id and token, and the bot says hello", async () => {
    const started = await call("POST", "/conversations", undefined, { user: { id: "r_abc" }, locale: "en-GB" });
    expect(started.status).toBe(201);
    expect(started.headers.get("cache-control")).toBe("no-store");
    const t = started.json as unknown as Ticket;
    const { activities } = await pollUntil(t, "", (a) => a.some((x) => /safeguarding assistant/i.test(x.text ?? "")));
    expect(activities[0]?.from.role).toBe("bot");
  });

  it("a generated token starts its conversation (201), and starting again with it returns the same one (200)", async () => {
    const generated = (await call("POST", "/tokens/generate")).json as unknown as Ticket;
    const first = await call("POST", "/conversations", generated.token, {});
    const again = await call("POST", "/conversations", generated.token, {});
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.json.conversationId).toBe(generated.conversationId);
    const refreshed = await call("POST", "/tokens/refresh", generated.token);
    expect(refreshed.json).toMatchObject({ conversationId: generated.conversationId, token: generated.token });
  });

  it("a question is answered with Web Chat's citation shape; other tokens and unknown conversations are refused; files are refused", async () => {
    const t = (await call("POST", "/conversations", undefined, {})).json as unknown as Ticket;
    const other = (await call("POST", "/conversations", undefined, {})).json as unknown as Ticket;
    const { watermark } = await pollUntil(t, "", (a) => a.length > 0);
    const posted = await call("POST", `/conversations/${t.conversationId}/activities`, t.token, { type: "message", text: "who has to be at a strategy discussion?", from: { id: "r_abc" } });
    expect(posted.status).toBe(200);
    const { activities } = await pollUntil(t, watermark, (a) => a.some((x) => x.from.role === "bot" && x.type === "message"));
    const answer = activities.find((x) => x.from.role === "bot" && x.type === "message");
    expect(answer?.text).toMatch(/\[1\]: cite:1 "Working Together to Safeguard Children 2023/);
    expect((await call("GET", `/conversations/${t.conversationId}/activities`, other.token)).status).toBe(403);
    expect((await call("GET", `/conversations/${t.conversationId}/activities`)).status).toBe(403);
    expect((await call("GET", `/conversations/not-a-conversation/activities`, t.token)).status).toBe(404);
    expect((await call("POST", `/conversations/${t.conversationId}/upload?userId=r_abc`, t.token, {})).status).toBe(400);
    const refused = await call("POST", `/conversations/${t.conversationId}/activities`, t.token, { type: "message", attachments: [{ contentType: "image/png", contentUrl: "blob:x" }] });
    expect(refused.status).toBe(400);
    expect((refused.json.error as { message: string }).message).toMatch(/Files cannot be sent/);
  });
});

describe("with Bot Framework credentials", () => {
  let secured: RunningBot;

  beforeAll(async () => {
    secured = await start({
      port: 0,
      host: "127.0.0.1",
      config: parseConfig({ MicrosoftAppId: "00000000-0000-0000-0000-000000000001", MicrosoftAppPassword: "not-a-real-secret" }),
      logger: createLogger({ level: "silent" }),
    });
  });

  afterAll(async () => {
    await secured?.stop();
  });

  it("neither the web chat page nor its anonymous transport is served", async () => {
    expect((await fetch(`${secured.url}/chat/`)).status).toBe(404);
    expect((await fetch(`${secured.url}/v3/directline/conversations`, { method: "POST" })).status).toBe(404);
  });
});

describe("the web chat page's files, read from disk when asked for", () => {
  const bundlePath = () => {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve("botframework-webchat")), "..", "dist", "webchat.js");
  };

  it("the Web Chat bundle comes gzipped or plain, the same bytes as the installed file, with one ETag that answers 304", async () => {
    const file = readFileSync(bundlePath());
    const gz = await fetch(`${bot.url}/chat/webchat.js`, { headers: { "accept-encoding": "gzip" } });
    expect(gz.status).toBe(200);
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    // fetch undoes the gzip: what the browser gets is the file itself.
    expect(Buffer.from(await gz.arrayBuffer()).equals(file)).toBe(true);
    const plain = await fetch(`${bot.url}/chat/webchat.js`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(file)).toBe(true);
    const etag = gz.headers.get("etag")!;
    expect(plain.headers.get("etag")).toBe(etag);
    expect((await fetch(`${bot.url}/chat/webchat.js`, { headers: { "if-none-match": etag } })).status).toBe(304);
  });
});
