import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";

/**
 * A door or window is what a break-in is done to: the door and the act on it (forced, kicked, tried) are one danger. When they
 * stand in different sentences the act carries the time: "someone's at the back door. they're trying to force it" is a door
 * being forced now, while "someone broke in at the weekend. the door has a new lock now" is a door in the aftermath of a
 * break-in told as past, not a door being forced now (danger-kinds.json forced_entry `acted_on`).
 */
interface Case {
  when: "now" | "over";
  text: string;
}
const cases = readCases<Case>("door-acted-on-cases.jsonl");

describe("a door named in one sentence and the act on it in another (rules alone)", () => {
  it("the table has doors acted on now and doors after a break-in told as past", () => {
    expect(cases.filter((c) => c.when === "now").length).toBeGreaterThanOrEqual(4);
    expect(cases.filter((c) => c.when === "over").length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases.filter((c) => c.when === "now"))("the act told now is a break-in now, 999: $text", (c) => {
    expect(readMessage(c.text).hits.some((h) => h.kind === "intruder_break_in" && h.live)).toBe(true);
    expect(triageByRules(c.text).level).toBe("999");
  });

  it.each(cases.filter((c) => c.when === "over"))("the door after a break-in told as past is not 999: $text", (c) => {
    expect(readMessage(c.text).hits.some((h) => h.live)).toBe(false);
    expect(triageByRules(c.text).level).not.toBe("999");
  });
});
