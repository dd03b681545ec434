import { invalidInput } from "../core/errors.js";
import { fixedClock } from "../core/clock.js";
import { addDays, daysInMonth, findDateInText, makeDate, monthName, parseIso, weekdayName } from "../deadlines/index.js";

/**
 * Dates as practitioners write them in notes: UK day-first ("14/5/25", "14.05.2025",
 * "14th May 2025", "Wed 14 May"), ISO ("2025-05-14"), and a few relative words.
 * An impossible date (31/02) is never rolled over: it throws invalid_input saying why.
 * Explicit dates are read here because a record fills a missing year from the meeting
 * and names the day that does not exist; relative due words ("by Fri", "within 3 days")
 * are read by deadlines/, which also owns the calendar arithmetic.
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

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

/** ISO string for a checked year/month/day; throws invalid_input with the reason when impossible. */
export function checkedIso(year: number, month: number, day: number): string {
  if (month < 1 || month > 12) throw invalidInput(`That date is not real: there is no month ${month}.`);
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) {
    throw invalidInput(
      `That date is not real: ${monthName(month)} ${year} has ${max} days, so there is no ${day} ${monthName(month)}.`,
    );
  }
  return makeDate(year, month, day);
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

/**
 * The day of a meeting given as "today" or "yesterday" (`today` is ISO), else null. Only
 * these two: "last Tuesday" for a meeting date is asked for again rather than guessed.
 */
export function meetingDayWord(text: string, today: string): string | null {
  if (/\btoday\b/i.test(text)) return today;
  if (/\byesterday\b/i.test(text)) return addDays(today, -1);
  return null;
}

/** "Wednesday 14 May 2025" for an ISO date. */
export function formatLong(iso: string): string {
  const { year, month, day } = parseIso(iso);
  return `${weekdayName(iso)} ${day} ${monthName(month)} ${year}`;
}

// Due words the deadline parser does not read because they are not dates anywhere else.
const SAME_DAY = /\b(immediately|same day)\b/i;

// When something is due, in the words and shorthand of notes. The last one in an action is its due date.
const RELATIVE_DUE =
  /\b(?:(?:by|before|on|until|till|due)\s+)?(?:today|tonight|tomorrow|tmrw|tmw|tomoz|2moro|this\s+(?:morning|afternoon|evening|am|pm)|end\s+of\s+(?:the\s+)?(?:day|week)|eod|cob|eow|close\s+of\s+business|(?:in|within)\s+\d{1,3}\s*(?:calendar\s+)?(?:days?|weeks?|hours?|hrs?)|(?:next|this|coming)\s+(?:mon|tue|wed|thu|fri)[a-z]*|(?:mon|tues?|weds?|thu|thur|thurs|fri)(?:day|nesday|sday|rsday)?)\b/gi;

/** A relative due phrase as the deadline parser reads it: shorthand spelt out, a bare weekday as "by" it. */
function spellDue(phrase: string): string {
  const t = phrase
    .replace(/\b(tmrw|tmw|tomoz|2moro)\b/i, "tomorrow")
    .replace(/\bthis\s+(am|pm)\b/i, "today")
    .replace(/\bweds\b/i, "wed")
    .replace(/\bthurs\b/i, "thu")
    .replace(/\b(?:in|within)\s+(\d{1,3})\s*(?:hours?|hrs?)\b/i, (_m, n: string) => `within ${Math.max(1, Math.ceil(Number(n) / 24))} days`);
  return /^(mon|tue|wed|thu|fri)/i.test(t) ? `by ${t}` : t.replace(/\b(within|in)\s+(\d+)(days?|weeks?)\b/i, "$1 $2 $3");
}

/**
 * A due date from an action's text: an explicit date (year from the anchor, moved to
 * next year only if it would fall well before the meeting) or a relative phrase ("today",
 * "by Fri", "tmrw", "within 3 days", a weekday on its own) read by deadlines/ against the
 * meeting date. Without an anchor (the notes give no date for the discussion) relative
 * words are kept as written but give no date: they are never counted from today.
 */
export function dueFromText(text: string, anchor: string | null, year = Number((anchor ?? "").slice(0, 4)) || new Date().getUTCFullYear()): { due: string | null; due_text: string | null } {
  const phraseOf = (t: string) => /\b(?:by|before|on|due|within|from)\b[^;,.]*$/i.exec(t)?.[0] ?? null;
  const found = findDate(text, year);
  // "daily from 01/10": a start, not a date to be done by.
  if (found && /\b(from|starting|since|ongoing from)\s*$/i.test(text.slice(0, found.index))) {
    return { due: null, due_text: text.slice(Math.max(0, text.slice(0, found.index).search(/\b(from|starting|since|ongoing from)\s*$/i)), found.index + found.length) };
  }
  if (found) {
    let iso = found.iso;
    if (anchor && found.yearAssumed && iso < addDays(anchor, -60)) iso = checkedIso(year + 1, Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
    return { due: iso, due_text: phraseOf(text.slice(0, found.index + found.length)) ?? text.slice(found.index, found.index + found.length) };
  }
  const sameDay = SAME_DAY.exec(text);
  if (sameDay) return { due: anchor, due_text: sameDay[0] };
  // The first: "see him tomorrow and tell mum this evening" is due tomorrow.
  const relative = [...text.matchAll(RELATIVE_DUE)][0];
  if (relative) {
    const read = findDateInText(spellDue(relative[0]), fixedClock(anchor ?? `${year}-01-15`), { prefer: "future", due: true });
    if (read?.parsed) return { due: anchor ? read.parsed.date : null, due_text: relative[0] };
  }
  return { due: null, due_text: /\b(asap|as soon as possible|urgently|ongoing|tbc|daily|weekly|next week)\b/i.exec(text)?.[0] ?? null };
}
