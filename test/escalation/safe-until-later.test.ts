import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";

/**
 * An adult's "safe now" ("he's in my office now", "with me now") speaks for now. A danger its sentence sets for later today
 * ("after school today", "tonight", "at 3.15pm") is when the child leaves that safety, so the report is 999 (reader.ts isLive
 * `setLater`). The time of a telling ("told me at training tonight") is not the danger's (cues.json immediacy.discovery), and a
 * threat on a condition ("if she goes home tonight…") is not met while the child is safe: both stay a referral.
 */
interface Case {
  when: "later" | "referral";
  text: string;
}
const cases = readCases<Case>("safe-until-later-cases.jsonl");

describe("a child safe with the writer now, and a danger set for later today (rules alone)", () => {
  it("the table has dangers set for later and referrals with tonight in them", () => {
    expect(cases.filter((c) => c.when === "later").length).toBeGreaterThanOrEqual(4);
    expect(cases.filter((c) => c.when === "referral").length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases.filter((c) => c.when === "later"))("a danger set for later today is 999 whatever the safety now: $text", (c) => {
    expect(readMessage(c.text).hits.some((h) => h.live)).toBe(true);
    expect(triageByRules(c.text).level).toBe("999");
  });

  it.each(cases.filter((c) => c.when === "referral"))("a telling timed tonight or a threat on a condition is a referral: $text", (c) => {
    expect(readMessage(c.text).hits.some((h) => h.live)).toBe(false);
    expect(triageByRules(c.text).level).not.toBe("999");
  });
});
