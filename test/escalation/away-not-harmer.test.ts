import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";

/**
 * In the risk model a child is safe when the person who harms is gone or the child is away from them, not whenever somebody is
 * out. Someone named only as away ("my partner is away tonight", "my friends have gone home") is not the one the message tells
 * harming, so it does not make a danger told now past (reader.ts awayOfAnother). The person who harms gone ("he has gone now",
 * the stepdad named in the danger and again as gone, a professional's "the partner has left the house") still is safety.
 */
interface Case {
  when: "live" | "safe";
  text: string;
}
const cases = readCases<Case>("away-not-harmer-cases.jsonl");

describe("someone other than the person who harms being away (rules alone)", () => {
  it("the table has both", () => {
    expect(cases.filter((c) => c.when === "live").length).toBeGreaterThanOrEqual(4);
    expect(cases.filter((c) => c.when === "safe").length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases.filter((c) => c.when === "live"))("a protector or the child's company away is no safety: $text", (c) => {
    expect(readMessage(c.text).hits.some((h) => h.live)).toBe(true);
    expect(triageByRules(c.text).level).toBe("999");
  });

  it.each(cases.filter((c) => c.when === "safe"))("the person who harms gone is safety: $text", (c) => {
    expect(readMessage(c.text).hits.some((h) => h.live)).toBe(false);
    expect(triageByRules(c.text).level).not.toBe("999");
  });
});
