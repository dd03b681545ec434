import { describe, expect, it } from "vitest";
import { DirectLineConversations, DirectLineError, type DirectLineOptions, type WireActivity } from "../../bot/direct-line.js";

// The Direct Line-compatible transport's rules, with a scripted bot in place of the real
// one (direct-line.int.test.ts drives the real bot over HTTP).

interface Harness {
  conversations: DirectLineConversations;
  seen: WireActivity[];
  forgotten: string[];
  advance(ms: number): void;
}

function harness(opts: Partial<DirectLineOptions> = {}): Harness {
  let now = Date.parse("2026-11-26T09:00:00Z");
  const seen: WireActivity[] = [];
  const forgotten: string[] = [];
  const conversations = new DirectLineConversations({
    run: async (activity) => {
      seen.push(activity);
      if (activity.type === "conversationUpdate") return [{ type: "message", text: "Hello" }];
      return [
        { type: "trace", name: "BotState", value: { said: activity.text } },
        { type: "message", text: `You said: ${String(activity.text)}` },
      ];
    },
    idleSeconds: 3600,
    maxConversations: 10,
    serviceUrl: () => "http://127.0.0.1:1",
    onForget: (id) => void forgotten.push(id),
    now: () => now,
    ...opts,
  });
  return { conversations, seen, forgotten, advance: (ms) => (now += ms) };
}

const message = (text: string, clientActivityID = "c1") => ({ type: "message", text, from: { id: "r_user" }, channelData: { clientActivityID } });

async function statusOf(work: () => unknown): Promise<number | "ok"> {
  try {
    await work();
    return "ok";
  } catch (e) {
    if (e instanceof DirectLineError) return e.status;
    throw e;
  }
}

describe("starting a web conversation", () => {
  it("gives each conversation its own random id and token, and the bot's hello is waiting", async () => {
    const { conversations } = harness();
    const a = (await conversations.start(undefined, "r_user")).ticket;
    const b = (await conversations.start(undefined, "r_user")).ticket;
    expect(a.conversationId).not.toBe(b.conversationId);
    expect(a.token).not.toBe(b.token);
    expect(a.conversationId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.expires_in).toBe(3600);
    await conversations.settled();
    const { activities } = conversations.read(a.conversationId, a.token, undefined);
    expect(activities.map((x) => x.text)).toEqual(["Hello"]);
  });

  it("a generated token starts its own conversation once; starting again with it returns the same conversation", async () => {
    const { conversations } = harness();
    const generated = conversations.generate();
    const first = await conversations.start(generated.token);
    const again = await conversations.start(generated.token);
    expect(first).toMatchObject({ created: true, ticket: { conversationId: generated.conversationId } });
    expect(again).toMatchObject({ created: false, ticket: { conversationId: generated.conversationId } });
    expect(await statusOf(() => conversations.start("made-up-token"))).toBe(403);
  });

  it("refuses new conversations beyond the limit until idle ones are forgotten", async () => {
    const { conversations, advance } = harness({ maxConversations: 2 });
    await conversations.start(undefined);
    await conversations.start(undefined);
    expect(await statusOf(() => conversations.start(undefined))).toBe(503);
    advance(3601 * 1000);
    await conversations.sweep();
    expect(await statusOf(() => conversations.start(undefined))).toBe("ok");
  });
});

describe("posting and reading activities", () => {
  it("echoes the user's message (Web Chat matches its clientActivityID), then a typing indicator and the bot's replies, in order", async () => {
    const { conversations } = harness();
    const { conversationId, token } = (await conversations.start(undefined, "r_user")).ticket;
    await conversations.settled();
    const { watermark } = conversations.read(conversationId, token, undefined);
    const { id } = conversations.post(conversationId, token, message("what is a core group?", "client-7"));
    await conversations.settled();
    const { activities } = conversations.read(conversationId, token, watermark);
    expect(activities.map((a) => [a.type, (a.from as { role: string }).role])).toEqual([
      ["message", "user"],
      ["typing", "bot"],
      ["message", "bot"],
    ]);
    const [echo, , reply] = activities;
    expect(echo?.id).toBe(id);
    expect(echo?.channelData).toEqual({ clientActivityID: "client-7" });
    expect(reply?.text).toBe("You said: what is a core group?");
    expect(reply?.replyToId).toBe(id);
  });

  it("the bot sees a webchat activity in this conversation from this conversation's user, delivered expecting replies", async () => {
    const { conversations, seen } = harness();
    const { conversationId, token } = (await conversations.start(undefined, "r_user")).ticket;
    conversations.post(conversationId, token, { ...message("hello"), from: { id: "someone-else" }, conversation: { id: "another" }, channelId: "msteams" });
    await conversations.settled();
    const posted = seen.find((a) => a.type === "message");
    expect(posted).toMatchObject({
      channelId: "webchat",
      conversation: { id: conversationId },
      from: { id: "r_user", role: "user" },
      deliveryMode: "expectReplies",
      serviceUrl: "http://127.0.0.1:1",
    });
  });

  it("trace activities from the bot (state snapshots holding user text) never reach the client", async () => {
    const { conversations } = harness();
    const { conversationId, token } = (await conversations.start(undefined)).ticket;
    conversations.post(conversationId, token, message("my notes"));
    await conversations.settled();
    const { activities } = conversations.read(conversationId, token, undefined);
    expect(activities.some((a) => a.type === "trace")).toBe(false);
  });

  it("activities the client has acknowledged with its watermark are dropped: the user's words are not held after delivery", async () => {
    const { conversations } = harness();
    const { conversationId, token } = (await conversations.start(undefined)).ticket;
    conversations.post(conversationId, token, message("the child's address is 1 High Street"));
    await conversations.settled();
    const first = conversations.read(conversationId, token, undefined);
    expect(JSON.stringify(first.activities)).toContain("1 High Street");
    const after = conversations.read(conversationId, token, first.watermark);
    expect(after.activities).toEqual([]);
    expect(after.watermark).toBe(first.watermark);
    // A client asking again from the start gets nothing it has already acknowledged.
    expect(JSON.stringify(conversations.read(conversationId, token, "0").activities)).not.toContain("1 High Street");
  });

  it("turns run one at a time in the order they were posted, even when the first is slow", async () => {
    const order: string[] = [];
    const { conversations } = harness({
      run: async (a) => {
        if (a.text === "slow") await new Promise((r) => setTimeout(r, 30));
        order.push(String(a.text ?? a.type));
        return [{ type: "message", text: `re ${String(a.text)}` }];
      },
    });
    const { conversationId, token } = (await conversations.start(undefined)).ticket;
    conversations.post(conversationId, token, message("slow"));
    conversations.post(conversationId, token, message("fast"));
    await conversations.settled();
    expect(order).toEqual(["conversationUpdate", "slow", "fast"]);
    const texts = conversations.read(conversationId, token, undefined).activities.filter((a) => a.from && (a.from as { role: string }).role === "bot" && a.type === "message").map((a) => a.text);
    expect(texts).toEqual(["re undefined", "re slow", "re fast"]);
  });

  it("when the bot fails outside its own error handler, the user gets an apology with the 999 line and the conversation carries on", async () => {
    let fail = true;
    const { conversations } = harness({
      run: async (a) => {
        if (a.type === "message" && fail) {
          fail = false;
          throw new Error("boom");
        }
        return [{ type: "message", text: "ok" }];
      },
    });
    const { conversationId, token } = (await conversations.start(undefined)).ticket;
    conversations.post(conversationId, token, message("first"));
    conversations.post(conversationId, token, message("second"));
    await conversations.settled();
    const texts = conversations.read(conversationId, token, undefined).activities.filter((a) => a.type === "message" && (a.from as { role: string }).role === "bot").map((a) => String(a.text));
    expect(texts[1]).toMatch(/something went wrong.*999/);
    expect(texts[2]).toBe("ok");
  });

  it("refuses files, other activity types and text that is not a string, and drops typing indicators", async () => {
    const { conversations, seen } = harness();
    const { conversationId, token } = (await conversations.start(undefined)).ticket;
    expect(await statusOf(() => conversations.post(conversationId, token, { ...message("x"), attachments: [{ contentType: "image/png", contentUrl: "blob:x" }] }))).toBe(400);
    expect(await statusOf(() => conversations.post(conversationId, token, { type: "invoke", name: "x" }))).toBe(400);
    expect(await statusOf(() => conversations.post(conversationId, token, { type: "message", text: 42 }))).toBe(400);
    expect(await statusOf(() => conversations.post(conversationId, token, "not an object"))).toBe(400);
    conversations.post(conversationId, token, { type: "typing" });
    await conversations.settled();
    expect(seen.filter((a) => a.type !== "conversationUpdate")).toEqual([]);
  });
});

describe("isolation between conversations", () => {
  it("one conversation's token cannot read or post in another (403); an unknown conversation is 404; no token is 403", async () => {
    const { conversations } = harness();
    const a = (await conversations.start(undefined)).ticket;
    const b = (await conversations.start(undefined)).ticket;
    expect(await statusOf(() => conversations.read(b.conversationId, a.token, undefined))).toBe(403);
    expect(await statusOf(() => conversations.post(b.conversationId, a.token, message("hi")))).toBe(403);
    expect(await statusOf(() => conversations.reconnect(b.conversationId, a.token))).toBe(403);
    expect(await statusOf(() => conversations.read(b.conversationId, undefined, undefined))).toBe(403);
    expect(await statusOf(() => conversations.read("no-such-conversation", a.token, undefined))).toBe(404);
    expect(await statusOf(() => conversations.refresh(undefined))).toBe(403);
    expect(conversations.refresh(a.token).conversationId).toBe(a.conversationId);
  });
});

describe("forgetting idle conversations", () => {
  it("a conversation with no message for the idle time is forgotten with its bot state; reading it then says it has ended (404)", async () => {
    const { conversations, forgotten, advance } = harness();
    const { conversationId, token } = (await conversations.start(undefined)).ticket;
    advance(30 * 60 * 1000);
    conversations.post(conversationId, token, message("still here"));
    await conversations.settled();
    advance(59 * 60 * 1000);
    // Polling does not keep a conversation alive; a message does, and this one is 59 minutes old.
    conversations.read(conversationId, token, undefined);
    expect(await conversations.sweep()).toBe(0);
    advance(2 * 60 * 1000);
    expect(await conversations.sweep()).toBe(1);
    expect(forgotten).toEqual([conversationId]);
    expect(await statusOf(() => conversations.read(conversationId, token, undefined))).toBe(404);
    expect(await statusOf(() => conversations.refresh(token))).toBe(403);
    expect(conversations.size).toBe(0);
  });

  it("replies that finish after the conversation was forgotten are dropped", async () => {
    let release: () => void = () => {};
    const { conversations } = harness({
      run: (a) =>
        a.type === "message"
          ? new Promise((resolve) => {
              release = () => resolve([{ type: "message", text: "late" }]);
            })
          : Promise.resolve([]),
    });
    const { conversationId, token } = (await conversations.start(undefined)).ticket;
    await conversations.settled();
    conversations.post(conversationId, token, message("question"));
    await new Promise((r) => setTimeout(r, 0));
    await conversations.clear();
    release();
    await conversations.settled();
    expect(conversations.size).toBe(0);
  });
});
