import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { parseDeadlineQuestion, ruleFromText, type EventId } from "../../deadlines/index.js";

interface Recognised {
  name: string;
  text: string;
  now?: string;
  event: string;
  rule?: string;
  date?: string;
  dateText?: string;
  dateError?: string;
}
const cases = JSON.parse(readFileSync(new URL("./question-cases.json", import.meta.url), "utf8")) as {
  recognised: Recognised[];
  not_deadline: { name: string; text: string }[];
};
const clock = fixedClock("2025-06-12T10:00:00Z");

describe("parseDeadlineQuestion recognises", () => {
  it.each(cases.recognised)("$name", (c) => {
    const q = parseDeadlineQuestion(c.text, c.now ? fixedClock(c.now) : clock);
    expect(q).not.toBeNull();
    expect(q?.event).toBe(c.event);
    expect(q?.rule).toBe(c.rule);
    expect(q?.date?.date).toBe(c.date);
    if (c.dateText) expect(q?.dateText).toBe(c.dateText);
    expect(q?.dateError).toBe(c.dateError);
  });
});

describe("parseDeadlineQuestion leaves alone", () => {
  it.each(cases.not_deadline)("$name", (c) => {
    expect(parseDeadlineQuestion(c.text, clock)).toBeNull();
  });
});

describe("ruleFromText", () => {
  it.each([
    ["decision within 1 working day", "referral_received", "referral_decision"],
    ["assessment to conclude within 45 working days", "referral_received", "assessment_complete"],
    ["within 45 working days", "referral_received", "assessment_complete"],
    ["ICPC within 15 working days of the strategy discussion", "strategy_discussion", "icpc"],
    ["core group within 10 working days of the ICPC", "icpc", "core_group"],
    ["first review conference within 3 months of ICPC", "icpc", "first_review"],
    ["review within 6 months", "review_conference", "next_review"],
    ["rapid review submitted within 15 working days of the incident", "rapid_review_incident", "rapid_review"],
    ["icpc", "strategy_discussion", "icpc"],
  ] as const)("%s (from %s) is %s", (text, event, rule) => {
    expect(ruleFromText(text, event as EventId)).toBe(rule);
  });

  it("a description that names no rule the event starts gives null", () => {
    expect(ruleFromText("something else entirely", "icpc")).toBeNull();
  });
});

describe("ruleFromText with numbers in words", () => {
  it("\"referral acknowledged and next steps decided within one working day\" is the referral decision", () => {
    expect(ruleFromText("referral acknowledged and next steps decided within one working day", "referral_received")).toBe("referral_decision");
  });

  it("\"within forty-five working days\" is the assessment", () => {
    expect(ruleFromText("to conclude within forty-five working days", "referral_received")).toBe("assessment_complete");
  });

  it("\"review within three months\" after an ICPC is the first review", () => {
    expect(ruleFromText("review conference within three months", "icpc")).toBe("first_review");
  });
});
