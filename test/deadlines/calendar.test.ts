import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isAppError } from "../../core/errors.js";
import { createCalendar, createDeadlineCalculator, type BankHolidayCalendar } from "../../deadlines/index.js";

const published = JSON.parse(readFileSync(new URL("./bank-holidays.json", import.meta.url), "utf8")) as { years: Record<string, string[]> };
const dir = mkdtempSync(join(tmpdir(), "deadlines-"));

function weekdayHolidays(cal: BankHolidayCalendar, year: number): string[] {
  return cal.holidaysIn(year).map((h) => h.date).filter((d) => !cal.isWorkingDay(d) && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
}

function writeOverride(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isAppError(e) && e.code === "config") return e.message;
    throw e;
  }
  throw new Error("expected a config error");
}

describe("bank holiday calendar", () => {
  const england = createCalendar();
  const wales = createCalendar({ region: "WLS" });

  it.each(Object.entries(published.years))("England's weekday bank holidays in %s match gov.uk", (year, dates) => {
    expect(weekdayHolidays(england, Number(year))).toEqual(dates);
  });

  it.each(Object.entries(published.years))("Wales's weekday bank holidays in %s match gov.uk", (year, dates) => {
    expect(weekdayHolidays(wales, Number(year))).toEqual(dates);
  });

  it("substitute days carry their own name, so explanations can say why the day was skipped", () => {
    expect(england.holidayName("2026-12-28")).toBe("Boxing Day (substitute day)");
    expect(england.holidayName("2027-12-27")).toBe("Christmas Day (substitute day)");
  });

  it("observances such as Mother's Day are not bank holidays", () => {
    expect(england.holidayName("2025-03-30")).toBeUndefined();
    expect(england.holidayName("2025-06-15")).toBeUndefined();
  });

  it("an ordinary Tuesday is a working day; a Saturday is not", () => {
    expect(england.isWorkingDay("2025-06-10")).toBe(true);
    expect(england.isWorkingDay("2025-06-14")).toBe(false);
  });

  it("the known years come from the data file: 2015 to 2030", () => {
    expect([england.knownFrom, england.knownUntil]).toEqual([2015, 2030]);
    expect(england.isKnownYear(2030)).toBe(true);
    expect(england.isKnownYear(2031)).toBe(false);
  });
});

describe("override file", () => {
  it("a holiday proclaimed later is added and skipped, with its name", () => {
    const file = writeOverride("add.json", [{ date: "2025-06-11", name: "Test proclaimed holiday", region: "both" }]);
    const calc = createDeadlineCalculator({ overrideFile: file });
    const d = calc.deadlinesFor("referral_received", "2025-06-10").deadlines[0];
    expect(d?.due).toBe("2025-06-12");
    expect(d?.explanation).toContain("Wed 11 Jun 2025 (Test proclaimed holiday)");
  });

  it("a holiday marked remove is no longer skipped", () => {
    const file = writeOverride("remove.json", [{ date: "2025-05-05", name: "Early May bank holiday", region: "ENG", remove: true }]);
    expect(createCalendar({ overrideFile: file }).isWorkingDay("2025-05-05")).toBe(true);
  });

  it("an entry for Wales only does not change England", () => {
    const file = writeOverride("wales.json", [{ date: "2025-06-11", name: "Wales only", region: "GB-WLS" }]);
    expect(createCalendar({ overrideFile: file, region: "ENG" }).isWorkingDay("2025-06-11")).toBe(true);
    expect(createCalendar({ overrideFile: file, region: "WLS" }).isWorkingDay("2025-06-11")).toBe(false);
  });

  it("an override that confirms later years extends the known calendar, so 2031 is no longer provisional", () => {
    const file = writeOverride("extend.json", { knownUntil: 2031, holidays: [{ date: "2031-06-02", name: "Test holiday", region: "both" }] });
    const calc = createDeadlineCalculator({ overrideFile: file });
    const r = calc.deadlinesFor("review_conference", "2030-08-31");
    expect(r.deadlines[0]?.calendar_confirmed).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it("a file that is not JSON is a config error naming the file", () => {
    const file = writeOverride("broken.json", "{ not json");
    expect(configError(() => createCalendar({ overrideFile: file }))).toContain(file);
  });

  it("an impossible date in the file is a config error naming the file and the entry", () => {
    const file = writeOverride("bad-date.json", [{ date: "2025-02-30", name: "Nope", region: "both" }]);
    const message = configError(() => createCalendar({ overrideFile: file }));
    expect(message).toContain(file);
    expect(message).toContain("0.date");
  });

  it("a missing file is a config error naming the file", () => {
    const file = join(dir, "does-not-exist.json");
    expect(configError(() => createDeadlineCalculator({ overrideFile: file }))).toContain(file);
  });
});
