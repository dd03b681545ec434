import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";
import { findTime } from "../../records/meeting.js";

/**
 * The meeting's time said as people say an hour, typed or dictated, with no minutes or no am/pm: a strategy discussion is
 * held in the working day, so a bare hour from one to seven is the afternoon unless the words say the morning.
 */
const deps = { clock: fixedClock("2025-07-20T12:00:00Z"), calculator: createDeadlineCalculator() };
const BODY = "\nPresent: Jo Bell SW, PC Amy Ray, Dr Kaur GP\nConcerns: bruise to arm of 4yo\nDecisions: s47 yes\nActions: Jo to visit 21/07";

describe("when the notes say the hour of the discussion as people say it, the record has that time", () => {
  it.each([
    ["Strategy discussion 15th April at 9 o'clock face to face at the family hub", "09:00"],
    ["strategy meeting held by teams at around 10 in the morning", "10:00"],
    ["Strategy discussion 12th of January 2026 at 9 30 over teams", "09:30"],
    ["strategy discussion today held at 11 o'clock by phone", "11:00"],
    ["strategy discussion Tuesday 2nd December 12 noon telephone", "12:00"],
    ["Notes after strategy meeting yesterday first of October 2025 half two at the office", "14:30"],
    ["Sorry for the late one. Strategy was at 12 today over Teams.", "12:00"],
    ["Strat discussion this afternoon (started at 2, by phone)", "14:00"],
  ])("'%s' is %s", (top, time) => {
    expect(draftFromNotes(`${top}${BODY}`, deps).record.time).toBe(time);
  });
});

describe("a count, a length or a date after 'at' is no hour", () => {
  it.each(["seen at 11 years old", "at 3 children in the home", "strat at 12/3", "for half an hour", "off for half term"])("'%s' gives no time", (text) => {
    expect(findTime(text)).toBeNull();
  });

  it("a time written in figures wins over an hour said in words before it", () => {
    expect(findTime("strat at 10 - started 10:20")?.time).toBe("10:20");
  });
});
