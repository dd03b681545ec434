import { describe, expect, it } from "vitest";
import { classifyIntent } from "../../assistant/intent.js";
import { parseDeadlineQuestion } from "../../deadlines/index.js";
import { fixedClock } from "../../core/clock.js";
import cases from "./intent-cases.json" with { type: "json" };

const clock = fixedClock("2025-06-12T12:00:00Z");
const intentOf = (text: string) => classifyIntent(text, parseDeadlineQuestion(text, clock));

describe("message routing", () => {
  it.each(cases)("\"$text\" is routed to $kind", ({ text, kind }) => {
    expect(intentOf(text).kind).toBe(kind);
  });

  it("a draft command keeps the notes after the colon", () => {
    const intent = intentOf("draft: Strat 14/5/25. Present: SW, police, HV");
    expect(intent).toEqual({ kind: "draft", notes: "Strat 14/5/25. Present: SW, police, HV" });
  });

  it("a deadline question with a date carries the event it counts from", () => {
    const intent = intentOf("when is the ICPC due if the strat was on 3/5/2025?");
    expect(intent.kind).toBe("deadline");
    if (intent.kind === "deadline") expect(intent.question.event).toBe("strategy_discussion");
  });

  it("a deadline question with an impossible date is still a deadline question", () => {
    expect(intentOf("when is the ICPC due if the strat was on 30/2/2024?").kind).toBe("deadline");
  });
});

describe("requests for the walkthroughs", () => {
  it("a request to be taught or quizzed carries the mode and what is left of the words as the topic", () => {
    expect(intentOf("quiz me on ICPCs")).toEqual({ kind: "learn", mode: "quiz", topic: "on ICPCs" });
    expect(intentOf("teach me")).toEqual({ kind: "learn", mode: "teach", topic: "" });
    expect(intentOf("Can you teach us about core groups?")).toEqual({ kind: "learn", mode: "teach", topic: "Can you about core groups?" });
  });

  it("asking what happens next from where things stand stays a next-steps question, not the route", () => {
    expect(intentOf("what do we do next? strat was yesterday").kind).toBe("next");
  });
});
