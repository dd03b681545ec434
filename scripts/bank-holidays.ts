/**
 * Writes deadlines/data/bank-holidays.json: England's and Wales's public holidays (substitute days
 * included) for every year the calendar is trusted for (calendar.json knownFrom..knownUntil), from
 * date-holidays. The calendar reads this table and loads date-holidays itself only for a year outside
 * it: the library carries every country's rules and its calendar libraries (about 25 MB and 300 ms
 * on each thread that loads it), for a table of a few hundred dates.
 *
 * Run after upgrading date-holidays or changing calendar.json: `npm run build && node dist/scripts/bank-holidays.js`.
 * test/deadlines/bank-holidays.test.ts fails if the table and the installed library disagree.
 */
import { writeFileSync } from "node:fs";
import { bankHolidayTable, TABLE_FILE } from "../deadlines/calendar.js";

// One holiday per line, so a diff after an upgrade reads as the dates that moved.
const { ENG, WLS, ...head } = bankHolidayTable();
const region = (years: Record<string, [string, string][]>) =>
  Object.entries(years)
    .map(([year, days]) => `    "${year}": [\n${days.map((d) => `      ${JSON.stringify(d)}`).join(",\n")}\n    ]`)
    .join(",\n");
const heads = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
writeFileSync(TABLE_FILE, `{\n${heads.join(",\n")},\n  "ENG": {\n${region(ENG)}\n  },\n  "WLS": {\n${region(WLS)}\n  }\n}\n`);
process.stdout.write(`wrote ${TABLE_FILE}\n`);
