import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes, findDate } from "../../records/index.js";

/**
 * The meeting's date is the discussion's own. Other figures on the same lines are not dates: a time range ("10:00-10:40",
 * "12.00-13.10"), a child's age in months or weeks as health records write it ("(4/12)", "aged 9/12", "6/52 old"), the
 * day the notes were typed up, and the date of a later (review or next) strategy discussion.
 */
const deps = { clock: fixedClock("2025-07-20T12:00:00Z"), calculator: createDeadlineCalculator() };
const BODY = "\nPresent: Jo Bell SW, PC Amy Ray, Dr Kaur GP\nConcerns: bruise to arm of 4yo\nDecisions: s47 yes\nActions: Jo to visit 21/07";
const draft = (top: string, tail = "") => draftFromNotes(`${top}${BODY}${tail}`, deps);

describe("a date is one separator throughout and never part of a clock time", () => {
  it.each([
    ["15 July 2025 - 10:00-10:40", "2025-07-15"],
    ["29 June 2026\t12.00-13.10", "2026-06-29"],
    ["14.05.2025", "2025-05-14"],
    ["14-5-25", "2025-05-14"],
    ["20.01.26 | Time: 09:15", "2026-01-20"],
  ])("'%s' is %s", (text, iso) => {
    expect(findDate(text, 2025)?.iso).toBe(iso);
  });

  it.each(["12.00-13.10", "10:00-10:40", "09.30-10.15"])("the time range '%s' is no date", (text) => {
    expect(findDate(text, 2025)).toBeNull();
  });
});

describe("when the meeting's line holds other figures, the date is still the meeting's", () => {
  it.each([
    ["Strategy discussion - 15 July 2025 - 10:00-10:40 - Teams", "2025-07-15", "10:00"],
    ["STRATEGY MEETING NOTES\t\t14 July 2025\t12.00-13.10", "2025-07-14", "12:00"],
  ])("a time range after the date: '%s'", (top, date, time) => {
    const d = draft(top);
    expect(d.record.date).toBe(date);
    expect(d.record.time).toBe(time);
    expect(d.gaps.map((g) => g.field)).not.toContain("date");
  });

  it.each([
    "Strategy discussion - Baby Amelia K (4/12)\n14/07/25, 14:00, Teams",
    "Strategy discussion - baby aged 9/12\n14/07/25, 14:00, Teams",
    "Strat re baby Noah, 6/52 old\n14/07/25, 14:00, Teams",
  ])("a child's age in months or weeks is not the date: '%s'", (top) => {
    expect(draft(top).record.date).toBe("2025-07-14");
  });

  it("a date with its year in brackets after a word is still a date", () => {
    expect(draft("Strategy discussion (14/7/25) Teams 10:00").record.date).toBe("2025-07-14");
  });

  it.each([
    ["Strategy meeting notes (typed up 15/7)\nStrat held 14/07/2025 at 11:00, in person", "2025-07-14"],
    ["[typed up from my notebook – SD 14/07, 09:30, Civic Centre]", "2025-07-14"],
  ])("the day the notes were typed up is not the meeting's: '%s'", (top, date) => {
    expect(draft(top).record.date).toBe(date);
  });

  it("notes typed up on a day, with no meeting date, leave the date missing", () => {
    const d = draft("[typed up from my notebook 16/07 – R. Okon]\nStrat mtg – date smudged – 15.30 – school");
    expect(d.record.date).toBeNull();
  });

  it.each(["\nReview strategy meeting | Jo Bell | 28/07", "\nreview strat Fri 25th at 2pm once we have the medical", "\nNext strat 01/08/2025 10am"])(
    "a later meeting's date is not this one's: '%s'",
    (tail) => {
      const d = draft("Strategy discussion re Amy (6) – Teams", tail);
      expect(d.record.date).toBeNull();
    },
  );
});

describe("the writer typing up the notes", () => {
  it("a date after the writer's name, in the next part of the title, is the meeting's", () => {
    expect(draft("Strat disc — typed up by Sgt P. Okafor — Mon 14/07/25 — 19:20 — ED family room").record.date).toBe("2025-07-14");
  });
});

describe("the meeting's own date in the forms that look like others", () => {
  it("a December date in brackets after the meeting's words is the date", () => {
    expect(draftFromNotes(`Strat disc (4/12) – Teams 10:00${BODY}`, { ...deps, clock: fixedClock("2025-12-05T12:00:00Z") }).record.date).toBe("2025-12-04");
  });

  it("a review strategy meeting that was held is this meeting", () => {
    expect(draft("Notes re Amy (6)", "\nThe review strategy meeting was held on 14/07/2025 at 10:00 by phone.").record.date).toBe("2025-07-14");
  });
});

describe("where the meeting was held, set out on its own line", () => {
  // A title line says when and where: a place set apart after the date or the time is where it met in person.
  it.each([
    "STRAT MTG 14/07/25 10.00 – children's ward seminar rm",
    "14/7/25 - 12.45 - Rm 4 Oak Lane Family Centre",
    "Strat mtg 14/7/25 2.15pm Loxley Hse (rm 4.12)",
    "14/07/25 @ 14:00, Room 3 County Hall",
    "Strategy meeting – Mon 14th July 2025 – 13.30 – school library",
  ])("'%s' was held in person", (top) => {
    const d = draft(top);
    expect(d.record.date).toBe("2025-07-14");
    expect(d.record.format).toBe("meeting");
  });

  it.each([
    ["Strategy discussion 14/07/25 10:00 – Teams, Jo in room 3", "virtual"],
    ["Strategy discussion 14/07/25 10:00 by phone", "phone"],
  ])("the way it was held said first stands: '%s'", (top, format) => {
    expect(draft(top).record.format).toBe(format);
  });

  it("a place in the concerns is not where the meeting was held", () => {
    expect(draft("Strategy discussion 14/07/25 10:00").record.format).toBeNull();
  });
});
