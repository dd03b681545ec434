import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start, type RunningBot } from "../../bot/server.js";
import { completeRecord } from "../records/fixtures.js";

// Teams-shaped activities through POST /api/messages on the real server, as Teams sends
// them (no expectReplies): replies go to the conversation's serviceUrl, here a small
// Bot Connector stand-in on loopback that records what the bot posts.

type Card = { body?: unknown[]; actions?: { type: string; title: string; data?: unknown; url?: string }[] };
type Sent = {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: Card }[];
  entities?: { type: string; citation?: unknown[] }[];
  channelData?: { feedbackLoopEnabled?: boolean };
};

const BOT = { id: "28:bot-id", name: "Safeguarding assistant" };
const ALICE = { id: "29:alice", name: "Alice", aadObjectId: "00000000-0000-0000-0000-0000000000a1" };
const TENANT = { tenant: { id: "00000000-0000-0000-0000-0000000000f1" } };

let bot: RunningBot;
let connector: Server;
let serviceUrl = "";
const sent: Sent[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  connector = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      if (req.method === "POST" && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? "")) sent.push(JSON.parse(body) as Sent);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `reply-${sent.length}` }));
    });
  });
  await new Promise<void>((resolve) => connector.listen(0, "127.0.0.1", resolve));
  serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString("utf8"));
      done();
    },
  });
  // Anonymous mode replies only to the configured local connector (the stand-in for Teams here).
  bot = await start({ port: 0, host: "127.0.0.1", config: parseConfig({ EMULATOR_SERVICE_URL: serviceUrl }), logger: createLogger({ level: "info", destination }) });
  await bot.ready;
});

afterAll(async () => {
  await bot?.stop();
  await new Promise((resolve) => connector?.close(resolve));
});

const personal = (conversationId: string) => ({ id: conversationId, conversationType: "personal", tenantId: TENANT.tenant.id });

/** Post one activity as Teams would; returns the HTTP status and body, and what the bot sent back meanwhile. */
async function post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown; sent: Sent[] }> {
  sent.length = 0;
  const res = await fetch(`${bot.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      channelId: "msteams",
      serviceUrl,
      from: ALICE,
      recipient: BOT,
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelData: TENANT,
      locale: "en-GB",
      ...activity,
    }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, sent: [...sent] };
}

const words = (s: Sent[]) => s.map((a) => `${a.text ?? ""} ${JSON.stringify(a.attachments ?? [])}`).join("\n");
const cardActions = (s: Sent[]) => s.flatMap((a) => a.attachments ?? []).flatMap((att) => att.content.actions ?? []);

describe("Teams activities through /api/messages", () => {
  it("installing the bot (installationUpdate add) gets the welcome, in a personal chat and in a group chat", async () => {
    for (const conversation of [personal(`a:${randomUUID()}`), { id: `19:${randomUUID()}@thread.v2`, conversationType: "groupChat", isGroup: true }]) {
      const r = await post({ type: "installationUpdate", action: "add", conversation });
      expect(r.status).toBe(200);
      expect(r.sent).toHaveLength(1);
      expect(r.sent[0]?.text).toContain("Hello, I am the safeguarding assistant.");
    }
  });

  it("the bot joining the conversation on install (conversationUpdate) does not greet a second time", async () => {
    const r = await post({ type: "conversationUpdate", conversation: personal(`a:${randomUUID()}`), membersAdded: [{ id: BOT.id }, { id: ALICE.id }] });
    expect(r.status).toBe(200);
    expect(r.sent).toEqual([]);
  });

  it("someone else joining a team is not greeted", async () => {
    const r = await post({
      type: "conversationUpdate",
      conversation: { id: `19:${randomUUID()}@thread.skype`, conversationType: "channel", isGroup: true },
      membersAdded: [{ id: "29:bob" }],
      channelData: { ...TENANT, eventType: "teamMemberAdded", team: { id: "19:team@thread.skype" } },
    });
    expect(r.status).toBe(200);
    expect(r.sent).toEqual([]);
  });

  it("a question in a personal chat gets an answer with Teams citation entities and feedback buttons", async () => {
    const r = await post({ type: "message", text: "what is a strategy discussion?", conversation: personal(`a:${randomUUID()}`) });
    expect(r.status).toBe(200);
    const answer = r.sent.find((a) => a.entities?.some((e) => e.type === "https://schema.org/Message"));
    expect(answer?.text).toMatch(/\[1\]/);
    expect(answer?.entities?.[0]?.citation?.length).toBeGreaterThan(0);
    expect(answer?.channelData?.feedbackLoopEnabled).toBe(true);
  });

  describe("during a draft, every kind of card action and invoke is answered and the draft carries on", () => {
    const conversation = personal(`a:${randomUUID()}`);
    const feedbackSecret = `feedback-${randomUUID()}`;

    it("a draft from notes asks the section 47 question as a card with buttons", async () => {
      const record = completeRecord();
      const notes = {
        ...record,
        decisions: { ...record.decisions, section47: { decision: "undecided", outcome: null, rationale: null }, criminal_investigation: { decision: "undecided", lead: null, detail: null }, share_with_family: null },
      };
      const r = await post({ type: "message", text: `draft: ${JSON.stringify(notes)}`, conversation });
      expect(r.status).toBe(200);
      expect(words(r.sent)).toContain("Did the local authority decide to start section 47 enquiries?");
      // The notes' own signpost card (its call actions) may come first: the question's card is the one asked about.
      const question = r.sent.filter((a) => words([a]).includes("section 47 enquiries?"));
      expect(cardActions(question).map((a) => a.title)).toEqual(["Yes", "No", "Not decided yet"]);
    });

    it("a feedback invoke (message/submitAction) is a 200, sends nothing, and its words are not logged", async () => {
      const r = await post({
        type: "invoke",
        name: "message/submitAction",
        conversation,
        replyToId: "reply-1",
        value: { actionName: "feedback", actionValue: { reaction: "dislike", feedback: JSON.stringify({ feedbackText: feedbackSecret }) } },
      });
      expect(r.status).toBe(200);
      expect(r.sent).toEqual([]);
      expect(logLines.join("")).toContain('"event":"feedback"');
      expect(logLines.join("")).not.toContain(feedbackSecret);
    });

    it("a messageBack with a value the bot does not know, and no text, is answered plainly, not as a turn error", async () => {
      const r = await post({ type: "message", conversation, value: { verb: "somethingElse" }, channelData: { ...TENANT, postBack: true } });
      expect(r.status).toBe(200);
      expect(words(r.sent)).not.toMatch(/something went wrong/i);
      expect(r.sent).toHaveLength(1);
    });

    it("an unknown invoke gets a 400 and no reply, and a messaging extension query (not offered) too", async () => {
      for (const name of ["some/unknownInvoke", "composeExtension/query"]) {
        const r = await post({ type: "invoke", name, conversation, value: {} });
        expect(r.status, name).toBe(400);
        expect(r.sent).toEqual([]);
      }
    });

    it("the card button clicked (a value only, no text) answers the section 47 question: the draft was kept", async () => {
      const r = await post({ type: "message", conversation, value: { answer: "Yes" } });
      expect(r.status).toBe(200);
      expect(words(r.sent)).toMatch(/Was a criminal investigation agreed\?/);
    });

    it("an Adaptive Card universal action (adaptiveCard/action) is read as the words it carries and answered in its invoke response", async () => {
      const r = await post({
        type: "invoke",
        name: "adaptiveCard/action",
        conversation,
        value: { action: { type: "Action.Execute", verb: "answer", data: { answer: "not decided" } }, trigger: "manual" },
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.activity.message" });
      expect(words(r.sent)).toMatch(/What will be shared with the child and family/);
    });

    it("the draft finishes as a record card with its Download as Word link", async () => {
      let r = await post({ type: "message", text: "skip", conversation });
      for (let i = 0; i < 5 && !cardActions(r.sent).some((a) => a.title === "Download as Word"); i++) {
        r = await post({ type: "message", text: "skip", conversation });
      }
      expect(r.status).toBe(200);
      const link = cardActions(r.sent).find((a) => a.title === "Download as Word");
      expect(link?.type).toBe("Action.OpenUrl");
      expect(link?.url).toMatch(/\/api\/records\/[A-Za-z0-9_-]{43}\.docx$/);
      expect(words(r.sent)).toMatch(/Criminal investigation/i);
    });
  });
});
