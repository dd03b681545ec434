import { MemoryStorage, TestAdapter, type Activity } from "botbuilder";
import { beforeAll, describe, expect, it } from "vitest";
import { Assistant } from "../../assistant/assistant.js";
import { MemberDialogState } from "../../bot/member-state.js";
import { SafeguardingBot } from "../../bot/safeguarding-bot.js";
import { TurnReader } from "../../bot/turn-reader.js";
import { fixedClock } from "../../core/clock.js";
import { parseConfig } from "../../core/config.js";
import { createLogger } from "../../core/logger.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { MainDialog } from "../../dialogs/main-dialog.js";
import { recordMessage } from "../../records/index.js";
import { loadLabelled } from "../../escalation/labelled.js";
import { DANGER_KINDS } from "../../escalation/risk-model.js";
import { activityText } from "../dialogs/harness.js";

// Issue 8's "done when": every kind of immediate danger, typed in the middle of a draft,
// gets the 999 signpost before anything else and pauses the draft. The bot, the edge and
// triage are the real ones (the model and the index loaded); the messages are the labelled
// set's own lines of each kind, written as a child, a parent or a bystander would.

const assistant = new Assistant({ config: parseConfig({ LOG_LEVEL: "silent" }), clock: fixedClock("2025-05-20T09:00:00Z") });
const USER = { id: "29:alice", name: "Alice" };

function harness() {
  const bot = new SafeguardingBot({
    assistant,
    dialogState: new MemberDialogState(new MemoryStorage()),
    dialog: new MainDialog({ assistant, calculator: createDeadlineCalculator() }),
    logger: createLogger({ level: "silent", userText: false }),
  });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.use(new TurnReader(assistant, { debugTraces: false }));
  return async (text: string): Promise<Partial<Activity>[]> => {
    adapter.activeQueue.length = 0;
    await adapter.processActivity({
      type: "message",
      channelId: "msteams",
      conversation: { id: "a:alice", conversationType: "personal", isGroup: false, name: "" },
      from: USER,
      recipient: { id: "28:bot", name: "Safeguarding assistant" },
      text,
    });
    return [...adapter.activeQueue];
  };
}

// Two lines of each kind from the labelled set: the first written by a child and the first by anyone else.
const labelled = loadLabelled().filter((l) => l.level === "999" && l.register === "plain" && l.source === "hand");
const cases = DANGER_KINDS.flatMap((kind) => {
  const ofKind = labelled.filter((l) => l.danger_kind === kind);
  const child = ofKind.find((l) => l.speaker === "child");
  const other = ofKind.find((l) => l.speaker !== "child");
  return [child, other].filter((l): l is NonNullable<typeof l> => l !== undefined).map((l) => ({ kind, text: l.text }));
});

beforeAll(async () => {
  await assistant.warmUp();
}, 120_000);

describe("every kind of immediate danger, typed in the middle of a draft", () => {
  it("the labelled set has lines of every kind to try", () => {
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(DANGER_KINDS));
  });

  it.each(cases)("$kind: the 999 signpost comes first and the draft is paused, not fed", async ({ text }) => {
    const send = harness();
    await send("draft a strategy record");
    // After the date the dialog asks the next field the record lacks: the time the discussion started.
    expect((await send("14/05/2025")).map(activityText).join("\n")).toContain(recordMessage("record.prompt.time"));
    const replies = await send(text);
    expect(activityText(replies[0] ?? {})).toMatch(/999/);
    const all = replies.map(activityText).join("\n");
    expect(all).toMatch(/paused/);
    // The words were neither taken nor refused as the answer to the question the draft was on.
    expect(all).not.toContain(recordMessage("record.error.time"));
    expect(all).not.toContain(recordMessage("record.prompt.format"));
    // The draft carries on from where it was when asked.
    expect((await send("resume")).map(activityText).join("\n")).toContain(recordMessage("record.prompt.time"));
  });
});
