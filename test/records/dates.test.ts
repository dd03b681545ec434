import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.js";
import { findDate, parseAction } from "../../records/index.js";
import { dueFromText } from "../../records/dates.js";
import { vocabularyAlternation } from "../../records/vocabulary.js";

describe("dates in strategy discussion notes", () => {
  it.each([
    ["Strat 14/5/25 10am", "2025-05-14"],
    ["on 14.05.2025", "2025-05-14"],
    ["2025-05-14", "2025-05-14"],
    ["Wed 14th May 2025", "2025-05-14"],
    ["May 14, 2025", "2025-05-14"],
    ["3rd June", "2025-06-03"],
    ["29/02/2024", "2024-02-29"],
  ])("%s reads as %s", (text, iso) => {
    expect(findDate(text, 2025)?.iso).toBe(iso);
  });

  it.each([
    ["31/02/2025", /February 2025 has 28 days/],
    ["29/02/2025", /February 2025 has 28 days/],
    ["31 April 2025", /April 2025 has 30 days/],
    ["14/13/2025", /no month 13/],
  ])("%s is impossible and is never rolled over", (text, reason) => {
    let error: unknown;
    try {
      findDate(text, 2025);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid_input");
    expect((error as AppError).message).toMatch(reason);
  });

  it("a time such as 10.30 is not read as a date", () => {
    expect(findDate("meeting at 10.30", 2025)).toBeNull();
  });

  it.each([
    ["by Fri", "2025-05-14", "2025-05-16"], // Wednesday meeting: this Friday
    ["by Friday", "2025-05-16", "2025-05-23"], // Friday meeting: a week on
    ["today", "2025-05-14", "2025-05-14"],
    ["tomorrow", "2025-05-14", "2025-05-15"],
    ["by 16/5", "2025-05-14", "2025-05-16"],
    ["by 3/1", "2025-12-18", "2026-01-03"], // early next year, not last January
    ["within 3 days", "2025-05-14", "2025-05-17"],
    // Working days are counted over working days (weekends and bank holidays skipped); "tomorrow" and hours by the
    // calendar, since a record must never show a later date than the words gave.
    ["tomorrow", "2025-05-16", "2025-05-17"], // Friday meeting: Saturday
    ["within 5 working days", "2025-05-21", "2025-05-29"], // over the spring bank holiday (26 May)
    ["within 24 hours", "2025-04-17", "2025-04-18"], // Thursday before Good Friday: Good Friday
    ["within 45 working days", "2025-07-31", "2025-10-03"], // over the summer bank holiday (25 August)
  ])("an action due %s after a meeting on %s is due %s", (text, meeting, due) => {
    expect(dueFromText(`SW to visit ${text}`, meeting).due).toBe(due);
  });

  it("an action with an impossible due date keeps no date (flagged later), never a rolled-over one", () => {
    const a = parseAction("HV to share records by 31/06/2025", "2025-05-14");
    expect(a).toMatchObject({ owner: "HV", due: null });
  });

  it("an action due ASAP keeps the words but has no date", () => {
    expect(parseAction("Police to check PNC asap", "2025-05-14")).toMatchObject({ owner: "Police", due: null, due_text: "asap" });
  });

  it.each([
    ["Share chronology (HV)", "HV"],
    ["Complete CP medical - Dr Rao", "Dr Rao"],
    ["Owner: DSL; update school file", "DSL"],
  ])("the owner of %s is %s", (text, owner) => {
    expect(parseAction(text, "2025-05-14")?.owner).toBe(owner);
  });
});

describe("timescales: one unit list and one vocabulary alternation serve finding and counting", () => {
  // Wednesday 11 February 2026; the bank holidays of England are skipped by working days.
  const meeting = "2026-02-11";
  it.each([
    ["within 5 working days", "2026-02-18"],
    ["within 5 wd", "2026-02-18"],
    ["within 5 calendar days", "2026-02-16"],
    ["within 3 days", "2026-02-14"],
    ["within 1 day", "2026-02-12"],
    ["within 2 weeks", "2026-02-25"],
    ["within 2 wks", "2026-02-25"],
    ["within a fortnight", "2026-02-25"],
    ["within 2 fortnights", "2026-03-11"],
    ["within a month", "2026-03-11"],
    ["within 2 mths", "2026-04-11"],
    ["within 48 hours", "2026-02-13"],
    ["within 24 hrs", "2026-02-12"],
    ["within 72 h", "2026-02-14"],
    ["within five working days", "2026-02-18"],
    ["within twenty one days", "2026-03-04"],
    ["within twenty days", "2026-03-03"],
    ["in a couple of weeks", "2026-02-25"],
    ["within the next ten days", "2026-02-21"],
  ])("'SW to visit %s' is due %s", (words, due) => {
    expect(dueFromText(`SW to visit ${words}`, meeting).due).toBe(due);
  });

  it.each([
    ["by Christmas Eve", "2026-12-24"],
    ["by christmas  eve", "2026-12-24"],
    ["by New Year's Eve", "2026-12-31"],
    ["by New Year’s Eve", "2026-12-31"],
    ["by new years eve", "2026-12-31"],
    ["by St David's Day", "2026-03-01"],
  ])("'SW to visit %s' is due %s (a day of the year said by name, however its apostrophe and spaces fall)", (words, due) => {
    expect(dueFromText(`SW to visit ${words}`, meeting).due).toBe(due);
  });

  it("the alternation of a vocabulary list tries its longest key first", () => {
    const re = vocabularyAlternation(["twenty", "twenty one", "a", "a couple of"]);
    expect(new RegExp(`^(?:${re.source})`, "iu").exec("twenty one days")?.[0]).toBe("twenty one");
    expect(new RegExp(`^(?:${re.source})`, "iu").exec("a couple of weeks")?.[0]).toBe("a couple of");
  });

  it("the alternation keeps a key's regex characters literal and its apostrophe optional", () => {
    const re = new RegExp(`^(?:${vocabularyAlternation(["new year's day", "st. david"]).source})$`, "iu");
    expect(re.test("New Years Day")).toBe(true);
    expect(re.test("new year’s  day")).toBe(true);
    expect(re.test("st. david")).toBe(true);
    expect(re.test("stx david")).toBe(false);
  });
});

describe("timescales written the short way, counted from the discussion (Wednesday 19 November 2025)", () => {
  const anchor = "2025-11-19";
  it.each([
    ["end of next wk", "2025-11-28"],
    ["end of the next week", "2025-11-28"],
    ["week after next", "2025-11-28"],
    ["Review strat mtg - Marcus - 2 weeks", "2025-12-03"],
    ["review – TM – 1 month", "2025-12-19"],
    ["Timescale: 2 wks", "2025-12-03"],
  ])("%s is due %s", (text, iso) => {
    expect(dueFromText(text, anchor).due).toBe(iso);
  });

  it.each([["bruising seen 2 weeks ago"], ["on a CIN plan for 2 months before it closed"], ["known 3 weeks - no concerns then"]])(
    "a length of time said in passing (%s) is no due date",
    (text) => {
      expect(dueFromText(text, anchor).due).toBeNull();
    },
  );
});
