import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { normaliseSentence } from "../../escalation/normalise.js";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";

/**
 * A time of day is written in many forms ("7pm", "7.30 p.m.", "19:30", "half 8", "quarter to 9", "8 o'clock"). Each is read
 * as one form the immediacy phrases name, so a threat or a meeting set for a clock time today is about to happen; a time of day
 * has no direction of its own, so a danger told in the past at a clock time stays past.
 */
interface Case {
  kind: string;
  when: "set" | "past";
  text: string;
}
const cases = readCases<Case>("time-of-day-cases.jsonl");

describe("every written form of a time of day is read as one", () => {
  it.each([
    ["at 7pm", " at 7 pm "],
    ["at 7 pm", " at 7 pm "],
    ["at 7.30pm", " at 7 pm "],
    ["at 7:30 p.m.", " at 7 pm "],
    ["by 11am", " by 11 am "],
    ["at 19:30", " at 19 oclock "],
    ["at 19.30", " at 19 oclock "],
    ["at 1930hrs", " at 1930hrs "],
    ["at half 8", " at 8 oclock "],
    ["at half past 8", " at 8 oclock "],
    ["at quarter to 9", " at 9 oclock "],
    ["at 8 o'clock", " at 8 oclock "],
  ])("%s", (written, read) => {
    expect(normaliseSentence(written)).toBe(read);
  });

  it("leaves dates, ages and prices alone", () => {
    expect(normaliseSentence("on 14.03.25 she was 14 and it cost 7.50")).toBe(" on 14 03 25 she was 14 and it cost 7 50 ");
    expect(normaliseSentence("cut it in half 2 times")).not.toContain("oclock");
    expect(normaliseSentence("she is in year 9")).toBe(" she is in year 9 ");
  });
});

describe("a danger set for a clock time is about to happen; one told in the past at a clock time is past (rules alone)", () => {
  it("the table has dangers set for later and told in the past", () => {
    expect(new Set(cases.filter((c) => c.when === "set").map((c) => c.kind)).size).toBeGreaterThanOrEqual(7);
    expect(cases.filter((c) => c.when === "past").length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases.filter((c) => c.when === "set"))("$kind set for a time of day is 999: $text", (c) => {
    expect(readMessage(c.text).hits.some((h) => h.live)).toBe(true);
    expect(triageByRules(c.text).level).toBe("999");
  });

  it.each(cases.filter((c) => c.when === "past"))("$kind told in the past at a time of day is not 999: $text", (c) => {
    expect(readMessage(c.text).hits.some((h) => h.live)).toBe(false);
    expect(triageByRules(c.text).level).not.toBe("999");
  });
});
