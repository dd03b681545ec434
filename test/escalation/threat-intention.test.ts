import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";

/**
 * A threat to kill or seriously harm is told as an intention ("is going to kill"), an approach ("coming round to", "on his way
 * over to", "coming at 6pm to"), passed on ("says he'll kill": the threat keeps its own tense, not the verb of saying's) or said to
 * the one threatened ("you're dead", "ur dead at 4", "or you're dead"). Each is read as the threat now, by the rules alone; a
 * threat dated in the past, on a condition, in a game or a figure of speech ("dead to me") is not.
 */
interface Case {
  form: "approach" | "intention" | "reported" | "second_person";
  live: boolean;
  text: string;
}
const cases = readCases<Case>("threat-intention-cases.jsonl");
const threatLive = (text: string) => readMessage(text).hits.some((h) => h.kind === "weapon_threat_to_kill" && h.live);

describe("a threat to kill told as an intention, an approach, passed on or in the second person is a threat now", () => {
  it("the table walks every form both ways", () => {
    expect(new Set(cases.filter((c) => c.live).map((c) => c.form)).size).toBe(4);
    expect(cases.filter((c) => !c.live).length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases.filter((c) => c.live))("$form is 999: $text", (c) => {
    expect(threatLive(c.text)).toBe(true);
    expect(triageByRules(c.text).level).toBe("999");
  });

  it.each(cases.filter((c) => !c.live))("$form dated, on a condition or a figure of speech is no threat now: $text", (c) => {
    expect(threatLive(c.text)).toBe(false);
  });
});
