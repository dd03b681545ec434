import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { emptyRecord } from "../../records/index.js";
import {
  applyActionFixes,
  criminalFromAnswer,
  legalFromAnswer,
  missingMinimum,
  parseAttendeesReply,
  parseMeetingDate,
} from "../../records/answers.js";

const clock = fixedClock("2025-05-20T09:00:00Z");

describe("reading answers to the guided strategy record questions", () => {
  it.each([
    ["14/05/2025", "2025-05-14"],
    ["yesterday", "2025-05-19"],
    ["today", "2025-05-20"],
    ["last Tuesday", null],
  ])("the date %s reads as %s", (text, iso) => {
    expect(parseMeetingDate(text, clock)).toBe(iso);
  });

  it("a who-took-part answer with apologies counts only those present", () => {
    const r = emptyRecord();
    r.attendees = parseAttendeesReply("Jo Smith SW, HV Ann Lee. Apologies: DC Patel (police)");
    expect(r.attendees.map((a) => [a.name, a.attended])).toEqual([
      ["Jo Smith", true],
      ["Ann Lee", true],
      ["DC Patel", false],
    ]);
    expect(missingMinimum(r)).toEqual(["police"]);
  });

  it.each([
    ["no", "no"],
    ["not decided yet", "undecided"],
    ["joint investigation, ABE on Friday", "yes"],
    ["police will look into it", "yes"],
  ])("criminal investigation answer %s is %s", (text, decision) => {
    expect(criminalFromAnswer(text).decision).toBe(decision);
  });

  it.each([
    ["no", "no"],
    ["legal planning meeting tomorrow", "yes"],
    ["tbc", "undecided"],
  ])("legal action answer %s is %s", (text, decision) => {
    expect(legalFromAnswer(text).decision).toBe(decision);
  });

  it("action fixes fill only what was missing and ignore numbers that are not actions", () => {
    const r = emptyRecord();
    r.actions = [
      { action: "Visit", owner: "SW", due: null, due_text: null, source: null },
      { action: "Chronology", owner: null, due: null, due_text: null, source: null },
    ];
    expect(applyActionFixes(r, "1: by tomorrow\n2: HV by 16/05/2025\n7: GP today", "2025-05-14")).toBe(2);
    expect(r.actions.map((a) => [a.owner, a.due])).toEqual([
      ["SW", "2025-05-15"],
      ["HV", "2025-05-16"],
    ]);
  });
});
