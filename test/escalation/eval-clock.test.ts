import { describe, expect, it } from "vitest";
import { evalClock, prepare } from "../../escalation/evaluate.js";

/**
 * Evaluation never reads the machine clock: a paste with one date turns to history two months after it (dating.ts), so a dev
 * set of dated pastes read against the machine clock gives different figures as the months pass.
 */
describe("the clock evaluation reads a set against", () => {
  it("is the pinned default for the labelled set and for a set eval-clock.json does not name", () => {
    expect(evalClock().now().toISOString()).toBe("2026-11-28T12:00:00.000Z");
    expect(evalClock("/work/pools/triage-check.jsonl").now().toISOString()).toBe("2026-11-28T12:00:00.000Z");
  });

  it("is a dev set's own day when its documents are dated the day its writer meant as now", () => {
    expect(evalClock("escalation/data/dev/longpaste20.jsonl").now().toISOString()).toBe("2025-03-15T12:00:00.000Z");
  });

  it("is the day --clock gives, over both", () => {
    expect(evalClock("escalation/data/dev/longpaste20.jsonl", "2025-06-01").now().toISOString()).toBe("2025-06-01T00:00:00.000Z");
  });

  it("reads a chat export dated in March 2025 the same whatever the machine's date, and as live on its own day", () => {
    // A chat export in the form phones write it; every line carries the day it was sent, so the paste has one date.
    const text = "14/03/2025, 19:02 - Mum: you ok at your dads\n14/03/2025, 19:05 - Ella: yeah fine\n14/03/2025, 21:40 - Ella: mum hes got a knife to my throat in the kitchen";
    const line = { id: "x", text, level: "999" as const, danger_kind: null, speaker: "parent_carer" as const, register: "long_paste" as const, source: "hand" as const };
    const onItsDay = prepare([line], undefined, evalClock("longpaste20.jsonl").now().getTime())[0]!.reading;
    const later = prepare([line], undefined, evalClock().now().getTime())[0]!.reading;
    expect(onItsDay.facts.has("danger_live")).toBe(true);
    expect(later.facts.has("danger_live")).toBe(false);
  });
});
