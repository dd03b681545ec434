import { MemoryStorage, TestAdapter, type Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { activityText, testAssistant } from "../dialogs/harness.js";
import { createLogger } from "../../core/logger.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { MainDialog } from "../../dialogs/main-dialog.js";
import { MemberDialogState } from "../../bot/member-state.js";
import { SafeguardingBot } from "../../bot/safeguarding-bot.js";
import { TurnReader } from "../../bot/turn-reader.js";
import { recordMessage } from "../../records/index.js";

const BOT = { id: "28:bot", name: "Safeguarding assistant" };
const ALICE = { id: "29:alice", name: "Alice" };
const BEN = { id: "29:ben", name: "Ben" };

/** A bot on an in-memory adapter, with the real edge, dialogs and per-member state. */
function harness() {
  const assistant = testAssistant("2025-05-20T09:00:00Z");
  const dialog = new MainDialog({ assistant, calculator: createDeadlineCalculator() });
  const bot = new SafeguardingBot({
    assistant,
    dialogState: new MemberDialogState(new MemoryStorage()),
    dialog,
    logger: createLogger({ level: "silent", userText: false }),
  });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.use(new TurnReader(assistant, { debugTraces: false }));
  const send = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    adapter.activeQueue.length = 0;
    await adapter.processActivity(activity);
    return [...adapter.activeQueue];
  };
  const words = async (activity: Partial<Activity>) => (await send(activity)).map(activityText).join("\n---\n");
  return { send, words };
}

/** A Teams message in a shared conversation, mentioning the bot unless told not to. */
function teams(text: string, opts: { from?: typeof ALICE; type?: "groupChat" | "channel" | "personal"; mention?: boolean; value?: object } = {}): Partial<Activity> {
  const type = opts.type ?? "groupChat";
  const mention = opts.mention ?? type !== "personal";
  const at = `<at>${BOT.name}</at>`;
  return {
    type: "message",
    channelId: "msteams",
    serviceUrl: "https://smba.trafficmanager.net/uk/",
    conversation: { id: type === "personal" ? `a:${(opts.from ?? ALICE).id}` : "19:group@thread.v2", conversationType: type, isGroup: type !== "personal", name: "" },
    from: opts.from ?? ALICE,
    recipient: BOT,
    text: mention ? `${at} ${text}` : text,
    ...(mention ? { entities: [{ type: "mention", text: at, mentioned: BOT }] } : {}),
    ...(opts.value ? { value: opts.value } : {}),
  };
}

describe("the conversation in Teams channels and group chats", () => {
  it("in a group chat, a message that does not mention the bot gets no reply", async () => {
    const { send } = harness();
    expect(await send(teams("help", { mention: false }))).toEqual([]);
  });

  it("with the @mention removed, help is recognised as help", async () => {
    const { words } = harness();
    expect(await words(teams("help"))).toMatch(/You can:/);
  });

  it("a request to draft a record in a group chat is moved to a private chat and nothing is drafted in the group", async () => {
    const { words } = harness();
    const reply = await words(teams("draft: Strat 14/5/25 Present: Jo Smith SW, DC Patel. Concerns: bruising"));
    expect(reply).toMatch(/private chat/);
    expect(reply).not.toMatch(/Jo Smith|bruising|What is missing/);
    // Nothing was started: the next message is an ordinary question, not an answer to a draft.
    expect(await words(teams("cancel"))).toMatch(/nothing to cancel/i);
  });

  it("in a channel, an answer is given in the thread without feedback buttons or citation pills", async () => {
    const { send } = harness();
    const [reply] = await send(teams("when must the ICPC be held if the strat was on 14/5/2025?", { type: "channel" }));
    expect(reply?.text).toMatch(/ICPC due by/);
    expect(reply?.channelData).toBeUndefined();
  });

  it("two people in one group chat each have their own dialog: one's date is never read as the other's answer", async () => {
    const { words } = harness();
    expect(await words(teams("when is the core group due? the ICPC was 30/2/2025", { from: ALICE }))).toMatch(/What was the date/);
    // Ben's message is his own: a question answered for him, not Alice's date.
    const ben = await words(teams("when is the ICPC due if the strat was on 14/5/2025?", { from: BEN }));
    expect(ben).toMatch(/ICPC due by/);
    expect(ben).not.toMatch(/core group/i);
    // Alice's dialog is still waiting for her date.
    expect(await words(teams("3/3/2025", { from: ALICE }))).toMatch(/core group/i);
  });
});

describe("interruptions in the middle of a draft (1:1 chat)", () => {
  it("an emergency typed mid-draft gets the 999 signpost first and pauses the draft; resume asks the same question again", async () => {
    const { send, words } = harness();
    await send(teams("draft a strategy record", { type: "personal" }));
    // After the date the dialog asks the next field the record lacks: the time the discussion started.
    const asked = await words(teams("14/05/2025", { type: "personal" }));
    expect(asked).toContain(recordMessage("record.prompt.time"));
    const replies = await send(teams("her dad has a knife and is threatening to kill her right now", { type: "personal" }));
    const first = activityText(replies[0] ?? {});
    expect(first).toMatch(/999/);
    const all = replies.map(activityText).join("\n");
    expect(all).toMatch(/paused/);
    // The words were neither taken nor refused as the answer to the question the draft was on.
    expect(all).not.toContain(recordMessage("record.error.time"));
    expect(all).not.toContain(recordMessage("record.prompt.format"));
    const resumed = await words(teams("resume", { type: "personal" }));
    expect(resumed).toContain(recordMessage("record.prompt.time"));
    // The draft carries on from there: a time is read and the next missing field is asked.
    expect(await words(teams("10:00", { type: "personal" }))).toContain(recordMessage("record.prompt.format"));
  });

  it("help inside a dialog explains and asks the same question again, and is not read as an answer", async () => {
    const { send, words } = harness();
    await send(teams("draft a strategy record", { type: "personal" }));
    const reply = await words(teams("help", { type: "personal" }));
    expect(reply).toMatch(/date of the strategy discussion/);
    expect(reply).not.toMatch(/could not read that as a date/);
  });

  it("a new question mid-draft is answered, the draft is paused, and resume carries on", async () => {
    const { send, words } = harness();
    await send(teams("draft a strategy record", { type: "personal" }));
    const reply = await words(teams("when is the ICPC due if the strat was on 14/5/2025?", { type: "personal" }));
    expect(reply).toMatch(/ICPC due by/);
    expect(reply).toMatch(/paused/);
    expect(await words(teams("resume", { type: "personal" }))).toMatch(/date of the strategy discussion/);
  });

  it("a card button click (a value with no text) is read as the choice it carries", async () => {
    const { send, words } = harness();
    const notes = "Strat 14/5/25. Child ref C-1. Present: Jo Smith SW (CSC), HV Ann Lee (health), DC Patel (police). Concerns: bruising. Crim: no. Mum to be told today. SW to see child today. Actions: SW to visit today";
    let replies = await send(teams(`draft: ${notes}`, { type: "personal" }));
    // Skip whatever the notes left out until the section 47 question, which has buttons
    // (the notes' own signpost card comes first and is not it).
    const isChoice = (a: Partial<Activity>) => /section 47/.test(activityText(a)) && (a.attachments ?? []).length > 0;
    for (let i = 0; i < 5 && !replies.some(isChoice); i++) replies = await send(teams("skip", { type: "personal" }));
    const card = replies.find(isChoice);
    expect(activityText(card ?? {})).toMatch(/section 47/);
    const button = { type: "message", channelId: "msteams", conversation: { id: `a:${ALICE.id}`, conversationType: "personal" }, from: ALICE, recipient: BOT, value: { answer: "Yes" } };
    const after = await words(button as Partial<Activity>);
    expect(after).not.toMatch(/could not tell what that button|Please answer Yes, No/);
    // The notes' "Crim: no" answers the criminal investigation question, so the next one asked is legal action.
    expect(after).toMatch(/legal action/);
    expect(after).not.toMatch(/criminal investigation/);
  });

  it("a messageBack with only a value that carries nothing readable gets a clear reply and the draft is kept", async () => {
    const { send, words } = harness();
    await send(teams("draft a strategy record", { type: "personal" }));
    const odd = { type: "message", channelId: "msteams", conversation: { id: `a:${ALICE.id}`, conversationType: "personal" }, from: ALICE, recipient: BOT, value: { something: 1 } };
    expect(await words(odd as Partial<Activity>)).toMatch(/could not tell what that button was for/);
    // The draft is still on its first question: the date is read and the next field the record lacks is asked.
    const next = await words(teams("14/05/2025", { type: "personal" }));
    expect(next).not.toContain(recordMessage("record.error.date"));
    expect(next).toContain(recordMessage("record.prompt.time"));
  });
});
