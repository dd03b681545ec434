import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";

/**
 * The person who harmed has gone for now but is coming back soon (later, any minute, at a time, when he gets home) while the
 * child is still there: Working Together 2023 asks whether a child is likely to suffer harm, not only whether it is happening,
 * so a harm just done goes on (cues.json danger_continues harmer_present). A return dated long after, a harm dated long before,
 * an ending (arrested) or a denial ("isn't coming back") is not a danger now.
 */
interface Case {
  when: "returning" | "over";
  text: string;
}
const cases = readCases<Case>("harmer-returning-cases.jsonl");

describe("the person who harms gone for now and coming back (rules alone)", () => {
  it.each(cases.filter((c) => c.when === "returning"))("a return soon keeps a harm just done live: $text", (c) => {
    expect(readMessage(c.text).hits.some((h) => h.live)).toBe(true);
    expect(triageByRules(c.text).level).toBe("999");
  });

  it.each(cases.filter((c) => c.when === "over"))("a return long after, an old harm or an ending is not 999: $text", (c) => {
    expect(triageByRules(c.text).level).not.toBe("999");
  });
});
