import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute } from "node:path";
import type Holidays from "date-holidays";
import { z } from "zod";
import { AppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import { isIsoDate, isWeekend, parseIso, type IsoDate } from "./dates.js";

/** The two bank holiday regions we need: England and Wales share a list in practice, but we ask for the right one. */
export type CalendarRegion = "ENG" | "WLS";

/** Bank holidays for one region, plus the years we trust the list for. */
export interface BankHolidayCalendar {
  readonly region: CalendarRegion;
  /** First year whose bank holidays are known. */
  readonly knownFrom: number;
  /** Last year whose bank holidays are known; later years are only the usual pattern. */
  readonly knownUntil: number;
  /** Not a Saturday, Sunday or bank holiday. */
  isWorkingDay(d: IsoDate): boolean;
  /** The bank holiday's name ("Early May bank holiday"), or undefined on an ordinary day. */
  holidayName(d: IsoDate): string | undefined;
  /** True when `year` lies within knownFrom..knownUntil. */
  isKnownYear(year: number): boolean;
  /** Every bank holiday of a year, in date order (weekend ones included, e.g. Christmas on a Saturday). */
  holidaysIn(year: number): { date: IsoDate; name: string }[];
}

const CoverageSchema = z.object({
  knownFrom: z.number().int(),
  knownUntil: z.number().int(),
});

const RegionSchema = z
  .enum(["ENG", "WLS", "GB-ENG", "GB-WLS", "both"])
  .default("both")
  .transform((r) => (r === "GB-ENG" ? "ENG" : r === "GB-WLS" ? "WLS" : r));

const OverrideEntrySchema = z.object({
  date: z.string().refine(isIsoDate, "must be a real date written YYYY-MM-DD"),
  name: z.string().trim().min(1).max(100),
  region: RegionSchema,
  /** True to remove a holiday the library lists but which was not proclaimed. */
  remove: z.boolean().default(false),
});

/** The override file: a list of holidays, or an object that may also extend the known years. */
const OverrideFileSchema = z.union([
  z.array(OverrideEntrySchema),
  z.object({
    knownUntil: z.number().int().min(2000).max(2200).optional(),
    holidays: z.array(OverrideEntrySchema),
  }),
]);

export type HolidayOverride = z.infer<typeof OverrideEntrySchema>;

interface Overrides {
  knownUntil?: number;
  entries: HolidayOverride[];
}

/**
 * Read and validate an override file. A missing or malformed file is an
 * AppError("config") naming the file, so start-up stops with a clear message.
 */
export function loadHolidayOverrides(file: string): Overrides {
  const path = isAbsolute(file) ? file : fromRoot(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (cause) {
    throw new AppError("config", `Bank holiday override file ${path} cannot be read as JSON.`, { cause });
  }
  const parsed = OverrideFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"} ${i.message}`).join("; ");
    throw new AppError("config", `Bank holiday override file ${path} is malformed: ${problems}`, { cause: parsed.error });
  }
  const data = parsed.data;
  return Array.isArray(data) ? { entries: data } : { knownUntil: data.knownUntil, entries: data.holidays };
}

function loadCoverage(): { knownFrom: number; knownUntil: number } {
  const path = fromRoot("deadlines", "data", "calendar.json");
  const parsed = CoverageSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new AppError("internal", `Calendar coverage file ${path} is malformed.`);
  return parsed.data;
}

/** The generated table of the trusted years' bank holidays (scripts/bank-holidays.ts writes it). */
export const TABLE_FILE = fromRoot("deadlines", "data", "bank-holidays.json");

const TableSchema = z.object({
  source: z.string(),
  knownFrom: z.number().int(),
  knownUntil: z.number().int(),
  ENG: z.record(z.string(), z.array(z.tuple([z.string().refine(isIsoDate), z.string()]))),
  WLS: z.record(z.string(), z.array(z.tuple([z.string().refine(isIsoDate), z.string()]))),
});
type Table = z.infer<typeof TableSchema>;

let table: Table | undefined;
function loadTable(): Table {
  if (table) return table;
  const parsed = TableSchema.safeParse(JSON.parse(readFileSync(TABLE_FILE, "utf8")));
  if (!parsed.success) throw new AppError("internal", `Bank holiday table ${TABLE_FILE} is malformed.`);
  return (table = parsed.data);
}

// date-holidays is loaded on first need only, and through require so that it stays out of every
// thread that never needs it: with every country's rules and its calendar libraries it costs about
// 25 MB and 300 ms per thread, where the trusted years are a table of a few hundred dates.
const requireCjs = createRequire(import.meta.url);
const libraries = new Map<CalendarRegion, Holidays>();
function library(region: CalendarRegion): Holidays {
  let lib = libraries.get(region);
  if (!lib) {
    const HolidaysClass = requireCjs("date-holidays") as typeof Holidays;
    lib = new HolidaysClass("GB", region);
    libraries.set(region, lib);
  }
  return lib;
}

/** A year's public holidays (substitute days are public too) as date-holidays gives them, in date order. */
function libraryHolidays(region: CalendarRegion, year: number): [IsoDate, string][] {
  return (library(region).getHolidays(year) || [])
    .filter((h) => h.type === "public")
    // date-holidays gives local dates as "YYYY-MM-DD hh:mm:ss"; take the date part, no Date objects.
    .map((h): [IsoDate, string] => [h.date.slice(0, 10), h.name])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** The table scripts/bank-holidays.ts writes: every trusted year, both regions, from date-holidays. */
export function bankHolidayTable(): Table {
  const { knownFrom, knownUntil } = loadCoverage();
  const regionTable = (region: CalendarRegion) => {
    const years: Record<string, [IsoDate, string][]> = {};
    for (let y = knownFrom; y <= knownUntil; y++) years[String(y)] = libraryHolidays(region, y);
    return years;
  };
  return {
    source: `date-holidays ${requireCjs("date-holidays/package.json").version} (GB-ENG and GB-WLS, public holidays only, substitute days included), written by scripts/bank-holidays.ts`,
    knownFrom,
    knownUntil,
    ENG: regionTable("ENG"),
    WLS: regionTable("WLS"),
  };
}

/**
 * Build the bank holiday calendar for England (default) or Wales from date-holidays (the generated
 * table for the trusted years, the library itself for any other year), keeping only "public"
 * holidays (substitute days are public too), then applying
 * the override file if one is given.
 */
export function createCalendar(opts: { overrideFile?: string; region?: CalendarRegion } = {}): BankHolidayCalendar {
  const region = opts.region ?? "ENG";
  const coverage = loadCoverage();
  const overrides = opts.overrideFile ? loadHolidayOverrides(opts.overrideFile) : { entries: [] };
  const mine = overrides.entries.filter((e) => e.region === "both" || e.region === region);
  const knownUntil = Math.max(coverage.knownUntil, overrides.knownUntil ?? coverage.knownUntil);
  const byYear = new Map<number, Map<IsoDate, string>>();

  function yearMap(year: number): Map<IsoDate, string> {
    let map = byYear.get(year);
    if (map) return map;
    map = new Map(loadTable()[region][String(year)] ?? libraryHolidays(region, year));
    for (const o of mine) {
      if (parseIso(o.date).year !== year) continue;
      if (o.remove) map.delete(o.date);
      else map.set(o.date, o.name);
    }
    map = new Map([...map.entries()].sort(([a], [b]) => a.localeCompare(b)));
    byYear.set(year, map);
    return map;
  }

  const holidayName = (d: IsoDate) => yearMap(parseIso(d).year).get(d);
  return {
    region,
    knownFrom: coverage.knownFrom,
    knownUntil,
    holidayName,
    isWorkingDay: (d) => !isWeekend(d) && holidayName(d) === undefined,
    isKnownYear: (year) => year >= coverage.knownFrom && year <= knownUntil,
    holidaysIn: (year) => [...yearMap(year).entries()].map(([date, name]) => ({ date, name })),
  };
}
