import { invalidInput } from "../core/errors.js";

/**
 * Dates as practitioners write them in notes: UK day-first ("14/5/25", "14.05.2025",
 * "14th May 2025", "Wed 14 May"), ISO ("2025-05-14"), and a few relative words.
 * An impossible date (31/02) is never rolled over: it throws invalid_input saying why.
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

const MONTH_WORD = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

const ISO_RE = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/;
const NUMERIC_RE = /\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?\b/;
const DAY_MONTH_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}\\b\\.?(?:,?\\s+(\\d{4}|\\d{2})\\b)?`, "i");
const MONTH_DAY_RE = new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, "i");

/** A date found in text, as ISO, with where it was and whether the year was assumed. */
export interface FoundDate {
  iso: string;
  index: number;
  length: number;
  yearAssumed: boolean;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** ISO string for a checked year/month/day; throws invalid_input with the reason when impossible. */
export function checkedIso(year: number, month: number, day: number): string {
  if (month < 1 || month > 12) throw invalidInput(`That date is not real: there is no month ${month}.`);
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) {
    throw invalidInput(
      `That date is not real: ${MONTH_NAMES[month - 1]} ${year} has ${max} days, so there is no ${day} ${MONTH_NAMES[month - 1]}.`,
    );
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fullYear(y: string | undefined, fallback: number): { year: number; assumed: boolean } {
  if (y === undefined) return { year: fallback, assumed: true };
  const n = Number(y);
  return { year: y.length <= 2 ? 2000 + n : n, assumed: false };
}

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/**
 * The first explicit date in `text`, or null. `defaultYear` fills a missing year.
 * Throws invalid_input when the first date-like token is impossible.
 */
export function findDate(text: string, defaultYear: number): FoundDate | null {
  const candidates: FoundDate[] = [];
  const iso = ISO_RE.exec(text);
  if (iso) {
    candidates.push({ iso: checkedIso(Number(iso[1]), Number(iso[2]), Number(iso[3])), index: iso.index, length: iso[0].length, yearAssumed: false });
  }
  const num = NUMERIC_RE.exec(text.replace(ISO_RE, (m) => " ".repeat(m.length)));
  if (num && (num[3] === undefined || num[3].length === 2 || num[3].length === 4)) {
    const y = fullYear(num[3], defaultYear);
    // "10.30" is a time, not 10 March: a dot-separated pair without a year is skipped.
    const looksLikeTime = num[3] === undefined && num[0].includes(".");
    if (!looksLikeTime) {
      candidates.push({ iso: checkedIso(y.year, Number(num[2]), Number(num[1])), index: num.index, length: num[0].length, yearAssumed: y.assumed });
    }
  }
  const dm = DAY_MONTH_RE.exec(text);
  if (dm) {
    const y = fullYear(dm[3], defaultYear);
    candidates.push({ iso: checkedIso(y.year, monthIndex(dm[2] ?? ""), Number(dm[1])), index: dm.index, length: dm[0].length, yearAssumed: y.assumed });
  }
  const md = MONTH_DAY_RE.exec(text);
  if (md) {
    const y = fullYear(md[3], defaultYear);
    candidates.push({ iso: checkedIso(y.year, monthIndex(md[1] ?? ""), Number(md[2])), index: md.index, length: md[0].length, yearAssumed: y.assumed });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0] ?? null;
}

/** ISO date of a Date in UTC (the clock's day). */
export function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Add whole days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoOf(d);
}

function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** "Wednesday 14 May 2025" for an ISO date. */
export function formatLong(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", {
    weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
  }).replace(",", "");
}

/**
 * A relative day word ("today", "yesterday", "tomorrow", "Friday", "next Tue") against
 * `anchor` (ISO). A bare weekday means the next one after the anchor (a week on when it
 * is the same day). Returns null when the text has none.
 */
export function resolveRelative(text: string, anchor: string): string | null {
  const t = text.toLowerCase();
  if (/\b(today|tonight|immediately|same day|this (afternoon|evening|morning)|eod|end of (the )?day|cob)\b/.test(t)) return anchor;
  if (/\byesterday\b/.test(t)) return addDays(anchor, -1);
  if (/\btomorrow\b/.test(t)) return addDays(anchor, 1);
  const m = /\b(?:(next|this)\s+)?(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|rs|urday|\.)?\b/.exec(t);
  if (m) {
    const target = WEEKDAYS.indexOf(m[2] ?? "");
    let diff = (target - weekdayOf(anchor) + 7) % 7;
    if (diff === 0) diff = 7;
    return addDays(anchor, diff);
  }
  const within = /\bwithin\s+(\d{1,2})\s+(calendar\s+)?days?\b/.exec(t);
  if (within) return addDays(anchor, Number(within[1]));
  if (/\b(end of (the )?week|eow)\b/.test(t)) return addDays(anchor, (5 - weekdayOf(anchor) + 7) % 7);
  return null;
}

/**
 * A due date from an action's text: an explicit date (year from the anchor, moved to
 * next year only if it would fall well before the meeting) or a relative word.
 */
export function dueFromText(text: string, anchor: string): { due: string | null; due_text: string | null } {
  const phrase = /\b(?:by|before|on|due|within|from)\b[^;,.]*$/i.exec(text)?.[0] ?? null;
  const anchorYear = Number(anchor.slice(0, 4));
  const found = findDate(text, anchorYear);
  if (found) {
    let iso = found.iso;
    if (found.yearAssumed && iso < addDays(anchor, -60)) iso = checkedIso(anchorYear + 1, Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
    return { due: iso, due_text: phrase ?? text.slice(found.index, found.index + found.length) };
  }
  const rel = resolveRelative(text, anchor);
  if (rel) {
    const word = /\b(today|tonight|immediately|same day|tomorrow|yesterday|eod|cob|end of (?:the )?(?:day|week)|eow|(?:(?:next|this)\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|within\s+\d{1,2}\s+(?:calendar\s+)?days?)\b/i.exec(text);
    return { due: rel, due_text: phrase ?? word?.[0] ?? null };
  }
  return { due: null, due_text: /\b(asap|as soon as possible|urgently|ongoing|tbc)\b/i.exec(text)?.[0] ?? null };
}
