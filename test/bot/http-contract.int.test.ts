import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start, type RunningBot } from "../../bot/server.js";
import { emulatorActivity } from "./emulator-message.js";

// The HTTP contract, in-process on port 0, against the real index and models.

type Activity = { type: string; text?: string; attachments?: { contentType: string; content: unknown }[] };

let bot: RunningBot;
const activity = (text: string | undefined, extra: Record<string, unknown> = {}) => emulatorActivity(text, extra, "c");

async function post(body: unknown, init: { raw?: string | Uint8Array; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${bot.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: init.raw === undefined ? JSON.stringify(body) : typeof init.raw === "string" ? init.raw : new Blob([new Uint8Array(init.raw)]),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json: json as { activities?: Activity[]; error?: string } | undefined };
}

function signpostOf(a: Activity | undefined): string {
  return JSON.stringify(a?.attachments ?? []);
}

beforeAll(async () => {
  bot = await start({ port: 0, host: "127.0.0.1", config: parseConfig({}), logger: createLogger({ level: "silent" }) });
  await bot.ready;
});

afterAll(async () => {
  await bot?.stop();
});

describe("HTTP contract", () => {
  it("GET /healthz says the process is alive", async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("GET /readyz says the index and models are loaded", async () => {
    const res = await fetch(`${bot.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ready: true });
  });

  it("HEAD probes get the same status and headers as GET, and no body", async () => {
    for (const path of ["/healthz", "/readyz"]) {
      const [get, head] = [await fetch(`${bot.url}${path}`), await fetch(`${bot.url}${path}`, { method: "HEAD" })];
      expect(head.status).toBe(get.status);
      expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
      expect(head.headers.get("content-length")).toBe(get.headers.get("content-length"));
      expect(await head.text()).toBe("");
      await get.text();
    }
  });

  it("a question with expectReplies gets a cited answer in the response body", async () => {
    const r = await post(activity("what is a strategy discussion?"));
    expect(r.status).toBe(200);
    const texts = (r.json?.activities ?? []).map((a) => a.text ?? "").join("\n");
    expect(texts.toLowerCase()).toContain("strategy discussion");
    expect(texts).toContain("Working Together to Safeguard Children 2023");
    expect(texts).toMatch(/England/);
  });

  it("a procedure question full of danger words gets no signpost", async () => {
    const r = await post(activity("what does immediate protection mean?"));
    expect(r.status).toBe(200);
    expect(signpostOf(r.json?.activities?.[0])).not.toContain("AdaptiveCard");
  });

  it("an empty message gets a prompt to type a question, not an error", async () => {
    const r = await post(activity(""));
    expect(r.status).toBe(200);
    expect(r.json?.activities?.[0]?.text).toMatch(/type your question/i);
  });

  it("an empty body is refused with 400", async () => {
    const r = await post(undefined, { raw: "" });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });

  it("invalid JSON is refused with 400", async () => {
    const r = await post(undefined, { raw: '{"type": "message", "text": ' });
    expect(r.status).toBe(400);
  });

  it("a missing conversation is refused with 400 naming it", async () => {
    const { conversation: _c, ...rest } = activity("hello");
    const r = await post(rest);
    expect(r.status).toBe(400);
    expect(r.json?.error).toContain("conversation");
  });

  it("invalid UTF-8 is read with replacement characters and answered, never a 5xx", async () => {
    const json = JSON.stringify(activity("I'm worried about a child XX at school YY what do I do"));
    const bytes = Buffer.from(json, "utf8");
    const raw = Buffer.concat([
      bytes.subarray(0, bytes.indexOf("XX")),
      Buffer.from([0xff, 0xfe]),
      bytes.subarray(bytes.indexOf("XX") + 2, bytes.indexOf("YY")),
      Buffer.from([0xed, 0xa0, 0x80]),
      bytes.subarray(bytes.indexOf("YY") + 2),
    ]);
    const r = await post(undefined, { raw: raw });
    expect(r.status).toBeLessThan(500);
  });

  it("a 100 KB message with an emergency in its last line leads with the 999 signpost", async () => {
    const filler = "Chronology entry: home visit completed, mother engaged well, no new concerns noted. ".repeat(1200);
    const text = `${filler}\nHe has just told me his dad is at the door with a knife and says he will kill him tonight.`;
    expect(text.length).toBeGreaterThan(100_000);
    const r = await post(activity(text));
    expect(r.status).toBe(200);
    const first = r.json?.activities?.[0];
    expect(signpostOf(first)).toContain("999");
    expect(first?.text).toContain("999");
    const all = (r.json?.activities ?? []).map((a) => a.text ?? "").join("\n");
    expect(all).toMatch(/too long/i);
  });

  it("in Teams the signpost is an attention card", async () => {
    const r = await post(activity("a girl about 14 is being dragged into a van on my road right now", { channelId: "msteams" }));
    const first = r.json?.activities?.[0];
    expect(first?.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(signpostOf(first)).toContain("attention");
    expect(signpostOf(first)).toContain("999");
  });

  it("when the bot is added to a conversation, it says hello and what it can do", async () => {
    const base = activity(undefined);
    const r = await post({ ...base, type: "conversationUpdate", membersAdded: [base.recipient] });
    expect(r.status).toBe(200);
    expect((r.json?.activities ?? []).map((a) => a.text).join(" ")).toMatch(/strategy discussion/i);
  });

  it("when someone else joins, the bot says nothing", async () => {
    const r = await post({ ...activity(undefined), type: "conversationUpdate", membersAdded: [{ id: "someone-new" }] });
    expect(r.status).toBe(200);
    expect(r.json?.activities ?? []).toEqual([]);
  });

  it("an emergency typed half way through drafting a record is signposted first and the draft carries on", async () => {
    const conversation = { id: "drafting-1" };
    const first = await post(activity("draft a strategy discussion record", { conversation }));
    expect((first.json?.activities ?? []).map((a) => a.text).join(" ")).toMatch(/date/i);
    const second = await post(activity("sorry - mum just rang, her boyfriend is hitting the baby right now", { conversation }));
    const acts = second.json?.activities ?? [];
    expect(signpostOf(acts[0])).toContain("999");
    // The dialog is still waiting for the date: nothing was lost.
    const third = await post(activity("14/05/2025", { conversation }));
    expect((third.json?.activities ?? []).map((a) => a.text).join(" ")).not.toMatch(/sorry, something went wrong/i);
  });

  it("the server keeps serving after bad requests", async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
  });
});

describe("HTTP contract with credentials", () => {
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

  it("an unauthenticated call gets 401", async () => {
    const res = await fetch(`${secured.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity("hello")),
    });
    expect(res.status).toBe(401);
  });
});

describe("turn errors", () => {
  let failing: RunningBot;
  const lines: string[] = [];

  beforeAll(async () => {
    const { Writable } = await import("node:stream");
    const { Assistant } = await import("../../assistant/index.js");
    const config = parseConfig({});
    // A real assistant whose answering part breaks, to drive the turn-error handler.
    const assistant = new Assistant({ config });
    assistant.answer = async () => {
      throw new Error("index exploded while reading Jane Smith's case");
    };
    assistant.warmUp = async () => undefined;
    const destination = new Writable({
      write(chunk, _enc, cb) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        cb();
      },
    });
    failing = await start({ port: 0, host: "127.0.0.1", config, assistant, logger: createLogger({ level: "info", destination }) });
  });

  afterAll(async () => {
    await failing?.stop();
  });

  it("a failure inside a turn gets a plain apology, is logged without the user's text, and the next turn works", async () => {
    const conversation = { id: "failing-1" };
    const send = (text: string) =>
      fetch(`${failing.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...activity(text), conversation }),
      });
    const res = await send("what does Jane Smith's strategy discussion need?");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: Activity[] };
    expect(body.activities.map((a) => a.text).join(" ")).toMatch(/Sorry, something went wrong/);
    const log = lines.join("\n");
    expect(log).toContain("turn_error");
    expect(log).not.toContain("Jane Smith");
    const again = await send("help");
    expect(again.status).toBe(200);
    expect(((await again.json()) as { activities: Activity[] }).activities[0]?.text).toMatch(/You can:/);
  });
});
