import { describe, expect, it } from "vitest";
import { replies, say } from "./say.js";
import { dialogClient, testAssistant } from "./harness.js";
import type { AskResult, MessageReading } from "../../assistant/index.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { MainDialog } from "../../dialogs/main-dialog.js";

const calls: string[] = [];
const canned: AskResult = {
  answer: "In England, Working Together 2023 says: the core group should meet within 10 working days.",
  jurisdiction: "england",
  covered: true,
  citations: [{ file: "f.txt", title: "Working Together to Safeguard Children 2023", section: "The child protection plan", paragraph: null, quote: "meet within 10 working days" }],
  signpost: null,
};
// The real reading, deadlines and pathway; only the corpus answer is canned.
const assistant = testAssistant("2025-06-12T12:00:00Z", {
  answer: async (r: MessageReading) => {
    calls.push(`ask:${r.text}`);
    return canned;
  },
});
const client = (channelId = "test") => dialogClient(new MainDialog({ assistant, calculator: createDeadlineCalculator() }), assistant, undefined, channelId);

describe("MainDialog", () => {
  it("help lists what the bot can do and says to call 999 in an emergency", async () => {
    const reply = await say(client(), "help");
    expect(reply).toMatch(/strategy discussion/);
    expect(reply).toContain("999");
  });

  it("a question is answered with a citation marker and its sources", async () => {
    const reply = await say(client(), "what is the core group for?");
    expect(reply).toMatch(/10 working days\.? \[1\]/);
    expect(reply).toContain("Sources:");
    expect(reply).toContain("The child protection plan");
  });

  it("in Teams chat, the answer carries its citations as a schema.org Message entity and asks for feedback", async () => {
    const [answer] = await replies(client("msteams"), "what is the core group for?");
    expect(answer?.text).toContain("[1]");
    expect(answer?.text).not.toContain("Sources:");
    const entity = answer?.entities?.[0] as { citation?: { position: number; appearance: { abstract: string } }[] } | undefined;
    expect(entity?.citation?.[0]).toMatchObject({ position: 1, appearance: { abstract: "meet within 10 working days" } });
    expect(answer?.channelData).toMatchObject({ feedbackLoopEnabled: true });
  });

  it("what happens next is read from the description and shown with its steps, due dates and sources", async () => {
    const reply = await say(client(), "strat done today, s47 agreed - what happens next?");
    expect(reply).toMatch(/What happens next/);
    expect(reply).toMatch(/initial child protection conference/i);
    expect(reply).toMatch(/Sources/);
  });

  it("a 'what happens next' the pathway cannot place is answered as a question instead", async () => {
    calls.length = 0;
    const reply = await say(client(), "the thing happened, what happens next?");
    expect(calls).toEqual(["ask:the thing happened, what happens next?"]);
    expect(reply).toContain("Working Together");
  });

  it("cancel stops a draft half way through, and nothing is kept", async () => {
    const c = client();
    expect(await say(c, "draft a strategy record")).toMatch(/date of the strategy discussion/);
    expect(await say(c, "cancel")).toMatch(/Stopped/);
    expect(await say(c, "help")).toMatch(/You can:/);
  });
});
