import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bankHolidayTable, createCalendar, TABLE_FILE } from "../../deadlines/calendar.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Whether a fresh Node process holds date-holidays after running `body` against the calendar module (from source, through tsx). */
function loadsLibrary(body: string): boolean {
  const script = [
    `const { createCalendar } = await import(${JSON.stringify(`${root}deadlines/calendar.ts`)});`,
    body,
    `const { createRequire } = await import("node:module");`,
    `console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache).some((p) => p.includes("/date-holidays/"))));`,
  ].join("\n");
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8", timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as boolean;
}

describe("the generated bank holiday table", () => {
  it("is exactly what the installed date-holidays gives for every trusted year (else run npm run holidays)", () => {
    expect(JSON.parse(readFileSync(TABLE_FILE, "utf8"))).toEqual(bankHolidayTable());
  });

  it("holds England's and Wales's holidays for each trusted year, substitute days included", () => {
    const t = bankHolidayTable();
    expect(Object.keys(t.ENG)).toHaveLength(t.knownUntil - t.knownFrom + 1);
    expect(t.ENG["2026"]).toContainEqual(["2026-12-28", "Boxing Day (substitute day)"]);
    expect(t.WLS["2027"]).toContainEqual(["2027-05-31", "Spring bank holiday"]);
  });

  it("a calendar answers a trusted year from the table without loading date-holidays, and any other year from the library", () => {
    expect(loadsLibrary(`createCalendar({ region: "WLS" }).isWorkingDay("2026-12-28");`)).toBe(false);
    expect(loadsLibrary(`createCalendar().holidaysIn(2040);`)).toBe(true);
  }, 90_000);

  it("a year outside the table is still worked out, by the library", () => {
    const cal = createCalendar();
    expect(cal.isKnownYear(2040)).toBe(false);
    expect(cal.holidayName("2040-12-25")).toBe("Christmas Day");
    expect(cal.isWorkingDay("2040-12-26")).toBe(false);
  });
});
