import { invalidInput } from "../core/errors.js";

/** A calendar date as "YYYY-MM-DD": no time of day, no time zone. */
export type IsoDate = string;

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** Full English month name for 1..12. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? "";
}

/**
 * A month as practitioners write it ("March", "mar", "Sept"), as one capturing group. Every reader of dates in
 * words (date input here, due dates in records, a pasted document's dates in triage) uses this one, so they agree
 * on what names a month.
 */
export const MONTH_WORD =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/** The month (1..12) a word matched by MONTH_WORD names; 0 for anything else. */
export function monthOfWord(word: string | undefined): number {
  const key = (word ?? "").slice(0, 3).toLowerCase();
  return MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === key) + 1;
}

/** Full English weekday name for a date ("Saturday"). */
export function weekdayName(d: IsoDate): string {
  return DAYS[dayOfWeek(d)] ?? "";
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * Check year/month/day make a real date and return it as an IsoDate. Throws
 * invalidInput saying why, and never rolls over ("31 April" is an error, not 1 May).
 */
export function makeDate(year: number, month: number, day: number): IsoDate {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw invalidInput("That date does not exist: the year is not valid.");
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw invalidInput("That date does not exist: there are only 12 months.");
  if (!Number.isInteger(day) || day < 1) throw invalidInput("That date does not exist: days start at 1.");
  if (day > 31) throw invalidInput("That date does not exist: no month has more than 31 days.");
  const max = daysInMonth(year, month);
  if (day > max) {
    const why =
      month === 2 ? `${year} has ${max} days in February.` : `${monthName(month)} has ${max} days.`;
    throw invalidInput(`That date does not exist: ${why}`);
  }
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Split a strict "YYYY-MM-DD" string; throws invalidInput when it is malformed or impossible. */
export function parseIso(d: string): { year: number; month: number; day: number } {
  const m = ISO_RE.exec(d);
  if (!m) throw invalidInput("Dates must be written as YYYY-MM-DD, for example 2025-05-03.");
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  makeDate(year, month, day);
  return { year, month, day };
}

/** True when `d` is a real date in strict "YYYY-MM-DD" form. */
export function isIsoDate(d: string): boolean {
  try {
    parseIso(d);
    return true;
  } catch {
    // Not a date: the caller only asked yes or no.
    return false;
  }
}

function toUtcMs(d: IsoDate): number {
  const { year, month, day } = parseIso(d);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMs(ms: number): IsoDate {
  const t = new Date(ms);
  return `${String(t.getUTCFullYear()).padStart(4, "0")}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The date `n` calendar days after `d` (negative `n` goes back). */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromUtcMs(toUtcMs(d) + n * 86_400_000);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
  return new Date(toUtcMs(d)).getUTCDay();
}

export function isWeekend(d: IsoDate): boolean {
  const w = dayOfWeek(d);
  return w === 0 || w === 6;
}

/**
 * Same day of the month `n` months later. Where that day does not exist the last
 * day of that month is used, and `clampedFrom` says which day was asked for.
 */
export function addMonths(d: IsoDate, n: number): { date: IsoDate; clampedFrom?: { day: number; month: number; year: number } } {
  const { year, month, day } = parseIso(d);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const max = daysInMonth(y, m);
  if (day <= max) return { date: makeDate(y, m, day) };
  return { date: makeDate(y, m, max), clampedFrom: { day, month: m, year: y } };
}

/** "Tue 6 May 2025": the form every explanation uses, so practitioners can check the weekday. */
export function formatDate(d: IsoDate): string {
  const { year, month, day } = parseIso(d);
  return `${(DAYS[dayOfWeek(d)] ?? "").slice(0, 3)} ${day} ${monthName(month).slice(0, 3)} ${year}`;
}

/**
 * Made once: building a formatter loads its time zone and locale data, fifteen times the cost
 * of formatting one instant (0.35 ms against 0.02), and every message that might hold a date asks for today.
 */
let LONDON_DAY: Intl.DateTimeFormat | undefined;

/** The calendar date in Europe/London at an instant (BST-aware, via Intl). */
export function londonDate(at: Date): IsoDate {
  LONDON_DAY ??= new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
  const parts = LONDON_DAY.formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return makeDate(get("year"), get("month"), get("day"));
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
