import { MemoryStorage, TestAdapter, type Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { activityText, testAssistant } from "../dialogs/harness.js";
import { createLogger } from "../../core/logger.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { MainDialog } from "../../dialogs/main-dialog.js";
import { MemberDialogState } from "../../bot/member-state.js";
import { SafeguardingBot } from "../../bot/safeguarding-bot.js";
import { TurnReader } from "../../bot/turn-reader.js";

const BOT = { id: "28:bot", name: "Safeguarding assistant" };
const ALICE = { id: "29:alice", name: "Alice" };
const BEN = { id: "29:ben", name: "Ben" };

/** The bot on an in-memory adapter, with the real edge, dialogs and per-member state. */
function harness() {
  const assistant = testAssistant("2025-05-20T09:00:00Z");
  const bot = new SafeguardingBot({
    assistant,
    dialogState: new MemberDialogState(new MemoryStorage()),
    dialog: new MainDialog({ assistant, calculator: createDeadlineCalculator() }),
    logger: createLogger({ level: "silent", userText: false }),
  });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.use(new TurnReader(assistant, { debugTraces: false }));
  const words = async (activity: Partial<Activity>) => {
    adapter.activeQueue.length = 0;
    await adapter.processActivity(activity);
    return [...adapter.activeQueue].map(activityText).join("\n---\n");
  };
  return { words };
}

function teams(text: string, opts: { from?: typeof ALICE; type?: "groupChat" | "personal" } = {}): Partial<Activity> {
  const type = opts.type ?? "groupChat";
  const at = `<at>${BOT.name}</at>`;
  const shared = type !== "personal";
  return {
    type: "message",
    channelId: "msteams",
    serviceUrl: "https://smba.trafficmanager.net/uk/",
    conversation: { id: shared ? "19:group@thread.v2" : `a:${(opts.from ?? ALICE).id}`, conversationType: type, isGroup: shared, name: "" },
    from: opts.from ?? ALICE,
    recipient: BOT,
    text: shared ? `${at} ${text}` : text,
    ...(shared ? { entities: [{ type: "mention", text: at, mentioned: BOT }] } : {}),
  };
}

describe("the walkthroughs in Teams", () => {
  it("help and the welcome offer the referral route and learning mode by their commands", async () => {
    const { words } = harness();
    const help = await words(teams("help", { type: "personal" }));
    expect(help).toMatch(/"referral route"/);
    expect(help).toMatch(/"teach me"/);
    expect(help).toMatch(/"quiz me on ICPCs"/);
    // Teams announces an install as installationUpdate; that is when the bot says hello.
    const welcome = await words({
      type: "installationUpdate",
      action: "add",
      channelId: "msteams",
      conversation: { id: `a:${ALICE.id}`, conversationType: "personal", isGroup: false, name: "" },
      recipient: BOT,
      from: ALICE,
    });
    expect(welcome).toMatch(/"referral route"/);
    expect(welcome).toMatch(/"teach me"/);
  });

  it("a request for the referral route in a group chat is moved to a private chat and nothing about the child is asked in the group", async () => {
    const { words } = harness();
    const reply = await words(teams("I'm the DSL, what do I do: a year 9 boy is carrying cash"));
    expect(reply).toMatch(/private chat/);
    expect(reply).not.toMatch(/immediate danger:|England or in Wales/);
    expect(await words(teams("cancel"))).toMatch(/nothing to cancel/i);
  });

  it("the referral route in a 1:1 chat walks to its summary", async () => {
    const { words } = harness();
    expect(await words(teams("referral route", { type: "personal" }))).toMatch(/England or in Wales/);
    expect(await words(teams("England", { type: "personal" }))).toMatch(/immediate danger/);
    expect(await words(teams("Yes", { type: "personal" }))).toMatch(/outside the home/);
    for (const a of ["No", "No"]) await words(teams(a, { type: "personal" }));
    expect(await words(teams("No", { type: "personal" }))).toMatch(/Referral route \(England\)[\s\S]*Immediate protection: call 999 now/);
  });

  it("in a group chat each member has their own lesson: one's answer is never read as the other's", async () => {
    const { words } = harness();
    expect(await words(teams("quiz me on ICPCs", { from: ALICE }))).toMatch(/Question 1 of 2/);
    expect(await words(teams("teach me about the LADO", { from: BEN }))).toMatch(/1 of 4: Report the allegation/);
    expect(await words(teams("15 working days", { from: ALICE }))).toMatch(/Right: 15 working days/);
    expect(await words(teams("next", { from: BEN }))).toMatch(/2 of 4/);
  });
});
