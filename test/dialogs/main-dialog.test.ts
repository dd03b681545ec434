import { DialogTestClient } from "botbuilder-testing";
import { describe, expect, it } from "vitest";
import { say } from "./say.js";
import { fixedClock } from "../../core/clock.js";
import { parseConfig } from "../../core/config.js";
import { invalidInput } from "../../core/errors.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { MainDialog } from "../../dialogs/main-dialog.js";
import type { AssistantPort } from "../../dialogs/ports.js";

const calculator = createDeadlineCalculator();
const calls: string[] = [];

// A small fake of the application: the routing is what is under test here.
const assistant = {
  clock: fixedClock("2025-06-12T12:00:00Z"),
  config: parseConfig({}),
  calculator: async () => calculator,
  ask: async (q: string) => {
    calls.push(`ask:${q}`);
    return {
      answer: "In England, Working Together 2023 says: the core group should meet within 10 working days.",
      jurisdiction: "england" as const,
      covered: true,
      citations: [{ file: "f.txt", title: "Working Together to Safeguard Children 2023", section: "The child protection plan", paragraph: null, quote: "meet within 10 working days" }],
      signpost: null,
    };
  },
  next: async (s: string) => {
    calls.push(`next:${s}`);
    throw invalidInput("I could not tell where things stand.");
  },
  deadline: async () => {
    throw new Error("not used");
  },
} as unknown as AssistantPort;


const client = () => new DialogTestClient("test", new MainDialog({ assistant, calculator }));

describe("MainDialog", () => {
  it("help lists what the bot can do and says to call 999 in an emergency", async () => {
    const reply = await say(client(), "help");
    expect(reply).toMatch(/strategy discussion/);
    expect(reply).toContain("999");
  });

  it("a question is answered with its sources", async () => {
    const reply = await say(client(), "what is the core group for?");
    expect(reply).toContain("10 working days");
    expect(reply).toContain("Sources:");
    expect(reply).toContain("The child protection plan");
  });

  it("a 'what happens next' the pathway cannot place is answered as a question instead", async () => {
    calls.length = 0;
    const reply = await say(client(), "the thing happened, what happens next?");
    expect(calls).toEqual(["next:the thing happened, what happens next?", "ask:the thing happened, what happens next?"]);
    expect(reply).toContain("Working Together");
  });

  it("cancel stops a draft half way through", async () => {
    const c = client();
    expect(await say(c, "draft a strategy record")).toMatch(/date of the strategy discussion/);
    expect(await say(c, "cancel")).toMatch(/Stopped/);
    expect(await say(c, "help")).toMatch(/You can:/);
  });
});
