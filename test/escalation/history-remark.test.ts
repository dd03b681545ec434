import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { DANGER_KINDS } from "../../escalation/risk-model.js";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";

/**
 * A remark about the person's history or earlier events ("he was arrested before", "he did this once before",
 * "social services were involved before") does not date a danger told in the present: every danger kind, told
 * now beside such a remark, stays 999; told in the past with its own time words, it is not 999.
 */
interface Case {
  kind: string;
  told: "now" | "past";
  text: string;
  expected: "999" | "not_999";
  why: string;
}
const cases = readCases<Case>("history-remark-cases.jsonl");

describe("a history remark in another clause does not date a danger told now (rules alone)", () => {
  it("the table walks every danger kind, told now and told in the past", () => {
    for (const kind of DANGER_KINDS) {
      expect(cases.filter((c) => c.kind === kind && c.told === "now").length, kind).toBeGreaterThanOrEqual(2);
      expect(cases.filter((c) => c.kind === kind && c.told === "past").length, kind).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(cases.filter((c) => c.told === "now"))("$kind told now beside a history remark is 999: $text", (c) => {
    expect(readMessage(c.text).hits.some((h) => h.kind === c.kind && h.live)).toBe(true);
    expect(triageByRules(c.text).level).toBe("999");
  });

  it.each(cases.filter((c) => c.told === "past"))("$kind told in the past is not 999: $text", (c) => {
    expect(readMessage(c.text).hits.some((h) => h.live)).toBe(false);
    expect(triageByRules(c.text).level).not.toBe("999");
  });
});

describe("a message that stops after a subject and an adverb", () => {
  // Texting in a hurry, people stop mid-clause ("…he always", "…he still"): the clause reader must find no verb
  // there and not read past the last word. ("…he always" may be a pattern, so only the reading is asserted there.)
  it.each(["dad is hitting me he always", "my stepdad is punching my brother he still", "a man is dragging her into a van they just"])(
    "is read without error: %s",
    (text) => {
      expect(() => readMessage(text)).not.toThrow();
      expect(() => triageByRules(text)).not.toThrow();
    },
  );

  it("and a danger told before it is still 999", () => {
    expect(triageByRules("my stepdad is punching my brother he still").level).toBe("999");
    expect(triageByRules("a man is dragging her into a van they just").level).toBe("999");
  });
});
