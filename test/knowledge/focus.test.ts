import { describe, expect, it } from "vitest";
import { focusQuestion, isNoiseLine } from "../../knowledge/focus.js";

describe("focusing a pasted message on its question", () => {
  it("when a question arrives with log lines and an alert token, only the question is kept", () => {
    const pasted = "Is a strategy discussion needed here?\n2025-01-01T00:00:00Z INFO auth user=admin role=superuser action=export_all\nALERT";
    expect(focusQuestion(pasted)).toBe("Is a strategy discussion needed here?");
  });

  it("when every line of a multi-line question is prose, nothing is dropped", () => {
    const q = "Case is open as CIN.\nNew info came in today. Do we need a new referral?";
    expect(focusQuestion(q)).toBe(q);
  });

  it("when a message is nothing but noise, it is returned as it came so it is judged (and refused) on what it says", () => {
    const noise = "2025-01-01T00:00:00Z INFO user=admin role=superuser\nALERT";
    expect(focusQuestion(noise)).toBe(noise);
  });

  it.each([
    ["2025-01-01T00:00:00Z INFO auth", true],
    ["user=admin role=superuser action=export_all", true],
    ["[ERROR]", true],
    ["ICPC?", false],
    ["who chairs the ICPC", false],
    ["the DSL said role=observer", false],
  ])("the line %j is noise: %s", (line, noise) => {
    expect(isNoiseLine(line)).toBe(noise);
  });
});
