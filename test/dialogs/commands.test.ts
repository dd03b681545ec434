import { MemoryStorage, TestAdapter, type Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { activityText, testAssistant } from "./harness.js";
import { createLogger } from "../../core/logger.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { COMMANDS, bareCommand } from "../../dialogs/commands.js";
import { MainDialog } from "../../dialogs/main-dialog.js";
import { MemberDialogState } from "../../bot/member-state.js";
import { SafeguardingBot } from "../../bot/safeguarding-bot.js";
import { TurnReader } from "../../bot/turn-reader.js";

function harness() {
  const assistant = testAssistant("2025-05-20T09:00:00Z", {
    // A corpus answer would mean the command was not understood as a command.
    answer: async () => ({ answer: "CORPUS ANSWER", jurisdiction: null, covered: false, citations: [], signpost: null }),
  });
  const dialog = new MainDialog({ assistant, calculator: createDeadlineCalculator() });
  const bot = new SafeguardingBot({
    assistant,
    dialogState: new MemberDialogState(new MemoryStorage()),
    dialog,
    logger: createLogger({ level: "silent", userText: false }),
  });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.use(new TurnReader(assistant, { debugTraces: false }));
  return async (text: string): Promise<string> => {
    adapter.activeQueue.length = 0;
    await adapter.processActivity({
      type: "message",
      text,
      channelId: "msteams",
      conversation: { id: "a:alice", conversationType: "personal" },
      from: { id: "29:alice" },
      recipient: { id: "28:bot" },
    } as Partial<Activity>);
    return [...adapter.activeQueue].map(activityText).join("\n");
  };
}

// What each command of the Teams command menu must lead to when sent exactly as the menu inserts it.
const EXPECTED: Record<string, RegExp> = {
  help: /You can:/,
  "draft a strategy record": /What was the date of the strategy discussion\?/,
  "what happens next": /Tell me where things stand/,
  "work out a deadline": /Tell me the event and its date/,
  "referral route": /I'll ask a few questions, one at a time/,
  "teach me": /Which part would you like to learn\?/,
  "quiz me": /Which part would you like to be quizzed on\?/,
};

describe("the Teams command menu", () => {
  it.each(COMMANDS.map((c) => [c.title]))("the command %s, sent as it is, does what its description says", async (title) => {
    const say = harness();
    const reply = await say(title);
    expect(reply).toMatch(EXPECTED[title] as RegExp);
    expect(reply).not.toContain("CORPUS ANSWER");
  });

  it("every command in the menu has an expectation here, so a new one cannot ship untested", () => {
    expect(COMMANDS.map((c) => c.title).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("a command with the situation after it is a request, not the bare command", () => {
    expect(bareCommand("What happens next?")?.title).toBe("what happens next");
    expect(bareCommand("what happens next: strat done, s47 agreed")).toBeNull();
  });
});
