import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator, toIcs } from "../../deadlines/index.js";

const calc = createDeadlineCalculator();

/** Unfold RFC 5545 continuation lines and split into content lines. */
function lines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);
}

describe("toIcs", () => {
  const result = calc.deadlinesFor("referral_received", "2025-12-24");
  const ics = toIcs(result);
  const content = lines(ics);

  it("is one calendar with one all-day event per deadline", () => {
    expect(content[0]).toBe("BEGIN:VCALENDAR");
    expect(content.at(-1)).toBe("END:VCALENDAR");
    expect(content.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(result.deadlines.length);
  });

  it("each event starts on its due date and ends the next day, as a date without a time", () => {
    expect(content.filter((l) => l.startsWith("DTSTART"))).toEqual(["DTSTART;VALUE=DATE:20251229", "DTSTART;VALUE=DATE:20260302"]);
    expect(content.filter((l) => l.startsWith("DTEND"))).toEqual(["DTEND;VALUE=DATE:20251230", "DTEND;VALUE=DATE:20260303"]);
  });

  it("the description carries the rule, the skipped holidays and the cited guidance", () => {
    const description = content.find((l) => l.startsWith("DESCRIPTION:")) ?? "";
    expect(description).toContain("Thu 25 Dec 2025 (Christmas Day)");
    expect(description).toContain("Working Together to Safeguard Children 2023");
    expect(description).toContain("Within one working day of a referral being received");
  });

  it("UIDs are stable per rule and date, so re-importing updates rather than duplicates", () => {
    const again = lines(toIcs(calc.deadlinesFor("referral_received", "2025-12-24"))).filter((l) => l.startsWith("UID:"));
    expect(again).toEqual(content.filter((l) => l.startsWith("UID:")));
    expect(new Set(again).size).toBe(2);
  });

  it("nothing the user typed goes into the file", () => {
    const view = { ...result, event_date_interpretation: 'Wed 24 Dec 2025 ("Jane Smith ref 12345")' };
    expect(toIcs(view)).not.toContain("Jane");
  });

  it("DTSTAMP comes from the clock when one is given, never from the wall clock", () => {
    expect(lines(toIcs(result, { clock: fixedClock("2025-12-24T09:15:00Z") }))).toContain("DTSTAMP:20251224T091500Z");
    expect(content).toContain("DTSTAMP:20251224T000000Z");
  });

  it("an empty result (Wales) is still a valid, empty calendar", () => {
    const empty = lines(toIcs(calc.deadlinesFor("icpc", "2025-06-10", { jurisdiction: "wales" })));
    expect(empty[0]).toBe("BEGIN:VCALENDAR");
    expect(empty).not.toContain("BEGIN:VEVENT");
    expect(empty.at(-1)).toBe("END:VCALENDAR");
  });
});
