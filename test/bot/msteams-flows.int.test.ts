import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { start, type RunningBot } from "../../bot/server.js";
import { activityText } from "../dialogs/harness.js";
import { RECORD_FIELD_IDS, recordMessage } from "../../records/index.js";

// The web chat page's flows again, as Teams sends them: POST /api/messages with
// channelId "msteams" in a 1:1 chat, replies read from the expectReplies response body.

type Reply = { type: string; text?: string; summary?: string; importance?: string; entities?: unknown[]; channelData?: unknown; attachments?: { contentType: string; content: Record<string, unknown> }[] };

const BOT = { id: "28:safeguarding-bot", name: "Safeguarding assistant" };
const ALICE = { id: "29:alice", name: "Alice", aadObjectId: "00000000-0000-0000-0000-0000000000a1" };
let bot: RunningBot;
let seq = 0;

async function teams(text: string | undefined, extra: Record<string, unknown> = {}): Promise<Reply[]> {
  seq += 1;
  const res = await fetch(`${bot.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "message",
      ...(text === undefined ? {} : { text }),
      channelId: "msteams",
      serviceUrl: "https://smba.trafficmanager.net/uk/",
      conversation: { id: "a:1on1-alice", conversationType: "personal", tenantId: "tenant-1" },
      from: ALICE,
      recipient: BOT,
      channelData: { tenant: { id: "tenant-1" } },
      id: `msg-${seq}`,
      locale: "en-GB",
      deliveryMode: "expectReplies",
      ...extra,
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { activities: Reply[] }).activities;
}

const words = (replies: Reply[]) => replies.map((r) => activityText(r as never)).join("\n---\n");
const cardOf = (r: Reply | undefined) => r?.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")?.content;

beforeAll(async () => {
  // A guided draft walks every field the notes left out, more turns in a row than the default burst allows one
  // conversation; the flows here are about the dialog, and the rate limit has its own test (closed-doors.int).
  bot = await start({ port: 0, host: "127.0.0.1", config: parseConfig({ CONVERSATION_BURST: "60", CONVERSATION_TURNS_PER_MINUTE: "600" }), logger: createLogger({ level: "silent" }) });
  await bot.ready;
});

afterAll(async () => {
  await bot?.stop();
});

describe("the same flows through POST /api/messages as Teams sends them", () => {
  it("a question gets a cited answer in Teams' shape: position markers, a Message entity with claims, feedback buttons", async () => {
    const [answer] = await teams("who has to be at a strategy discussion?");
    expect(answer?.text).toMatch(/police/i);
    expect(answer?.text).toMatch(/\[1\]/);
    expect(answer?.text).not.toMatch(/\]: cite:/);
    const entity = answer?.entities?.find((e) => (e as { type?: string }).type === "https://schema.org/Message") as { citation: { position: number; appearance: { name: string } }[] };
    expect(entity.citation[0]).toMatchObject({ position: 1, appearance: { name: expect.stringContaining("Working Together") } });
    expect(answer?.channelData).toEqual({ feedbackLoopEnabled: true });
  });

  it("what happens next is an Adaptive Card 1.5 with a summary for the chat list", async () => {
    const [next] = await teams("strategy discussion done, s47 agreed: what happens next?");
    expect(cardOf(next)).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    expect(next?.summary).toMatch(/What happens next/);
  });

  it("a draft asks with a card whose buttons are messageBacks; pressing one is read as the answer; the record comes as a card", async () => {
    // The notes leave out the time, the format, what each agency shared and the decisions: the dialog asks for
    // exactly what the record lacks, in the order of records/fields.ts, and nothing the notes already give.
    let replies = await teams("draft: Strat 14/5/25. Child ref C-1. Present: Jo Smith SW (CSC), HV Ann Lee (health), DC Patel (police). Concerns: bruising.");
    const asked = [words(replies)];
    expect(asked[0]).toContain(recordMessage("record.prompt.time"));
    const isS47 = (r: Reply) => JSON.stringify(cardOf(r) ?? "").includes("section 47 enquiries");
    for (let i = 0; i < RECORD_FIELD_IDS.length && !replies.some(isS47); i++) {
      replies = await teams("skip");
      asked.push(words(replies));
    }
    const before = asked.join("\n");
    expect(before).toContain(recordMessage("record.prompt.format"));
    expect(before).toContain(recordMessage("record.prompt.information_shared"));
    for (const given of ["date", "attendees", "concerns"] as const) expect(before).not.toContain(recordMessage(`record.prompt.${given}`));
    // The format and section 47 come to someone as Yes/No-style buttons on a card: the section 47 card is reached.
    const choice = cardOf(replies.find(isS47));
    expect(JSON.stringify(choice)).toContain("section 47 enquiries");
    const yes = (choice?.actions as { title: string; data: { msteams: { type: string; text: string }; answer: string } }[]).find((a) => a.title === "Yes");
    expect(yes?.data.msteams.type).toBe("messageBack");
    // Teams sends a messageBack as the button's text and its data as the value.
    const { msteams, ...value } = yes!.data;
    const after = await teams(msteams.text, { value });
    expect(words(after)).toContain(recordMessage("record.prompt.criminal_investigation"));
    // Each remaining field is asked once; skipping them all ends with the record, which keeps what the notes gave.
    let record: Reply | undefined;
    for (let i = 0; i < RECORD_FIELD_IDS.length && !record; i++) record = (await teams("skip")).find((r) => /Strategy discussion record/.test(JSON.stringify(cardOf(r) ?? "")));
    expect(record?.summary).toMatch(/Strategy discussion record/);
    const card = JSON.stringify(cardOf(record));
    expect(card).toMatch(/Jo Smith/);
    expect(card).toMatch(/DC Patel/);
  });

  it("a danger message gets the 999 signpost card first, marked urgent, with tap-to-call", async () => {
    await teams("cancel");
    const [first] = await teams("my neighbour's toddler is locked out on the balcony and he is hitting her right now");
    expect(first?.importance).toBe("high");
    expect(first?.summary).toMatch(/999/);
    expect(JSON.stringify(cardOf(first)?.actions)).toContain("tel:999");
  });
});
