import { invalidInput } from "../core/errors.js";
import { fold } from "../lexicon/index.js";
import { vocabulary, vocabularyAlternation } from "./vocabulary.js";
import { addDays, addMonths, createDeadlineCalculator, daysInMonth, makeDate, MONTH_WORD, monthName, monthOfWord, parseIso, weekdayName, type DeadlineCalculator } from "../deadlines/index.js";

/**
 * Dates as practitioners write them in notes: UK day-first ("14/5/25", "14.05.2025",
 * "14th May 2025", "Wed 14 May"), ISO ("2025-05-14"), and a few relative words.
 * An impossible date (31/02) is never rolled over: it throws invalid_input saying why.
 * Explicit dates are read here because a record fills a missing year from the meeting
 * and names the day that does not exist; relative due words ("by Fri", "within 3 days")
 * are read by deadlines/, which also owns the calendar arithmetic.
 */

const ISO_RE = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/;
// A day-first date keeps one separator throughout ("14/05/2025", "14.05.25", "14-5-25"): "12.00-13.10" is a time range,
// not 12 January 2013. Figures that are part of a clock time ("10:00-10:40": "00-10") are never a date's.
const NUMERIC_RE = /(?<!\d[:.])\b(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2,4}))?\b(?![:.]\d)/;
const DAY_MONTH_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}\\b\\.?(?:,?\\s+(\\d{4}|\\d{2})\\b(?![:.]\\d))?`, "i");
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

/**
 * The first explicit date in `text`, or null. `defaultYear` fills a missing year.
 * Throws invalid_input when the first date-like token is impossible.
 */
export function findDate(text: string, defaultYear: number): FoundDate | null {
  // Each candidate is checked only when it is the first in the text: an impossible run of figures after a real date
  // ("15 July 2025 - 10:00-10:40") never hides the date before it.
  const candidates: { index: number; read: () => FoundDate }[] = [];
  const iso = ISO_RE.exec(text);
  if (iso) {
    candidates.push({ index: iso.index, read: () => ({ iso: checkedIso(Number(iso[1]), Number(iso[2]), Number(iso[3])), index: iso.index, length: iso[0].length, yearAssumed: false }) });
  }
  const num = NUMERIC_RE.exec(text.replace(ISO_RE, (m) => " ".repeat(m.length)));
  if (num && (num[4] === undefined || num[4].length === 2 || num[4].length === 4)) {
    const y = fullYear(num[4], defaultYear);
    // "10.30" is a time, not 10 March: a dot-separated pair without a year is skipped.
    // "21.10 10:00": followed by a clock time, the pair is the date and the clock the time.
    const clockAfter = /^\s+(?:\d{1,2}[:.]\d{2}|\d{4}\b|\d{1,2}\s*(?:am|pm)\b)/i.test(text.slice(num.index + num[0].length));
    const looksLikeTime = num[4] === undefined && num[2] === "." && !clockAfter;
    if (!looksLikeTime) {
      candidates.push({ index: num.index, read: () => ({ iso: checkedIso(y.year, Number(num[3]), Number(num[1])), index: num.index, length: num[0].length, yearAssumed: y.assumed }) });
    }
  }
  const dm = DAY_MONTH_RE.exec(text);
  if (dm) {
    const y = fullYear(dm[3], defaultYear);
    candidates.push({ index: dm.index, read: () => ({ iso: checkedIso(y.year, monthOfWord(dm[2] ?? ""), Number(dm[1])), index: dm.index, length: dm[0].length, yearAssumed: y.assumed }) });
  }
  const md = MONTH_DAY_RE.exec(text);
  if (md) {
    const y = fullYear(md[3], defaultYear);
    candidates.push({ index: md.index, read: () => ({ iso: checkedIso(y.year, monthOfWord(md[1] ?? ""), Number(md[2])), index: md.index, length: md[0].length, yearAssumed: y.assumed }) });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]?.read() ?? null;
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

/** A due date read from an action, with where its words stand in the text (so the action can be worded without them). */
export interface DueReading {
  due: string | null;
  due_text: string | null;
  start: number;
  end: number;
}

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const WEEKDAY_WORD = "(?:mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\\.?";
const LEAD = String.raw`(?<![\p{L}\d])(?:(?:by|before|on|due|until|till|for|no\s+later\s+than|deadline:?|due\s+date:?|target:?)\s+)?(?:the\s+)?`;
const ORDINAL = "(\\d{1,2})(?:st|nd|rd|th)";
const DAY_PART = String.raw`(?:\s+(?:morning|afternoon|evening|am|pm|a\.m\.|p\.m\.|lunchtime|first\s+thing))?`;
const TIME_WORDS = String.raw`(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)|\d{1,2}[:.]\d{2}|mid-?day|noon|lunchtime|midnight)`;

/** Words that say when, but give no date to count: kept as written, never turned into one. */
export const OPEN_DUE = /\b(asap|a\.s\.a\.p|as soon as possible|urgently|urgent|ongoing|on-going|tbc|tba|to be confirmed|daily|weekly|fortnightly|monthly|each (?:day|week|morning)|every (?:day|week|morning)|next week|this month|next month|when (?:able|possible)|before (?:the )?(?:review|conference|icpc|next strat\w*|core group)|after (?:the )?(?:abe|interview|arrest|medical|home visit|visit|icpc|conference|review|strat\w*)|by (?:the )?(?:review|conference|icpc|next strat\w*|core group)|in due course|as required|as needed)\b/i;

interface DueCandidate {
  start: number;
  end: number;
  due: string | null;
  /** An explicit calendar date, rather than a word counted from the meeting. */
  explicit: boolean;
  /** Introduced by "by", "before", "due" or a dash: a deadline rather than a date mentioned in passing. */
  marked: boolean;
  /** "from 01/10", "starting Monday": when something starts, not when it is due. */
  start_only: boolean;
}

let calculator: DeadlineCalculator | null = null;

/**
 * `n` working days after the meeting, skipping weekends and bank holidays: how practitioners count "within 5
 * working days". Counted by deadlines/, which owns the calendar arithmetic (England's list; Wales shares it in practice).
 */
function workingDaysAfter(anchor: string, n: number): string {
  calculator ??= createDeadlineCalculator();
  return calculator.addWorkingDays(anchor, n).date;
}

/** The coming day of the week after the meeting ("by Fri", "next Monday"): strictly after it, as deadlines/ reads them. */
function weekdayAfter(anchor: string, target: number): string {
  const dow = new Date(`${anchor}T12:00:00Z`).getUTCDay();
  return addDays(anchor, (target - dow + 7) % 7 || 7);
}

function fridayOf(anchor: string, weeksAhead = 0): string {
  const dow = new Date(`${anchor}T12:00:00Z`).getUTCDay();
  return addDays(anchor, ((5 - dow + 7) % 7) + 7 * weeksAhead);
}

/** The day of the month `day` on or after the meeting (its month, or the next one). */
function dayOfMonthFrom(anchor: string, day: number): string | null {
  const { year, month } = parseIso(anchor);
  for (let k = 0; k < 3; k++) {
    const m = ((month - 1 + k) % 12) + 1;
    const y = year + Math.floor((month - 1 + k) / 12);
    if (day <= daysInMonth(y, m)) {
      const iso = makeDate(y, m, day);
      if (iso >= anchor || k > 0) return iso;
    }
  }
  return null;
}

function candidates(text: string, anchor: string | null, year: number): DueCandidate[] {
  const out: DueCandidate[] = [];
  const push = (m: RegExpExecArray, due: string | null, explicit: boolean) => {
    const lead = /^(?:by|before|due|until|till|no\s+later\s+than|deadline|due\s+date|target)\b/i.test(m[0]);
    const before = text.slice(0, m.index);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      due,
      explicit,
      marked: lead || /[-–—:|(]\s*$/.test(before),
      start_only: /\b(from|starting|since|ongoing from|commencing|beginning)\s*$/i.test(before),
    });
  };
  const each = (re: RegExp, f: (m: RegExpExecArray) => void) => {
    for (const m of text.matchAll(new RegExp(re.source, "giu"))) f(m as RegExpExecArray);
  };
  const dated = (y: number, mo: number, d: number): string | null => {
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
    return makeDate(y, mo, d);
  };
  const withYear = (mo: number, d: number, y: string | undefined): string | null => {
    if (y !== undefined) return dated(y.length <= 2 ? 2000 + Number(y) : Number(y), mo, d);
    const iso = dated(year, mo, d);
    // A date without a year well before the meeting is next year's ("20/01" at a December meeting).
    if (iso && anchor && iso < addDays(anchor, -60)) return dated(year + 1, mo, d);
    return iso;
  };
  // Explicit dates: 2025-05-16, 16/5(/25), 16.05(.25), 16-05-2025, "16th May", "May 16", "w/c 19/5".
  each(new RegExp(String.raw`${LEAD}(?:(?:w\/c|w\/b|w\/e|wc|wb|w\.c\.|week\s+(?:commencing|beginning|ending)|wk\s+(?:comm|beg|ending))\s+)?(?:${WEEKDAY_WORD},?\s+)?(\d{4})-(\d{1,2})-(\d{1,2})\b`), (m) =>
    push(m, dated(Number(m[1]), Number(m[2]), Number(m[3])), true),
  );
  each(new RegExp(String.raw`${LEAD}(?:(?:w\/c|w\/b|w\/e|wc|wb|w\.c\.|week\s+(?:commencing|beginning|ending)|wk\s+(?:comm|beg|ending))\s+)?(?:${WEEKDAY_WORD},?\s+)?(?<![\d/.:-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/:]|\.\d)${DAY_PART}`), (m) => {
    if (out.some((c) => c.start <= m.index && m.index < c.end)) return;
    const day = Number(m[1]);
    const mo = Number(m[3]);
    // "10.30" is a time; a dotted pair is a date only when it can be one and is not said as a time.
    if (m[2] === "." && (m[4] === undefined) && (mo > 12 || /^\s*(am|pm|hrs|h)\b/i.test(text.slice(m.index + m[0].length)))) return;
    push(m, withYear(mo, day, m[4]), true);
  });
  each(new RegExp(String.raw`${LEAD}(?:(?:w\/c|w\/b|wc|wb|w\.c\.|week\s+(?:commencing|beginning)|wk\s+(?:comm|beg))\s+)?(?:${WEEKDAY_WORD},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_WORD}\b\.?(?:,?\s+(\d{4}|\d{2}(?![\d:]|\s?(?:am|pm|a\.m|p\.m|hrs|h)\b)))?${DAY_PART}`), (m) =>
    push(m, withYear(monthOfWord(m[2] ?? ""), Number(m[1]), m[3]), true),
  );
  each(new RegExp(String.raw`${LEAD}(?:${WEEKDAY_WORD},?\s+)?${MONTH_WORD}\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?`), (m) => {
    if (out.some((c) => c.start <= m.index && m.index < c.end)) return;
    push(m, withYear(monthOfWord(m[1] ?? ""), Number(m[2]), m[3]), true);
  });
  // "By Christmas Eve", "before New Year's Day": a day of the year said by name, the first one on or after the meeting.
  each(new RegExp(String.raw`${LEAD}(?:${namedDays().source})(?![\p{L}])`), (m) => {
    if (out.some((c) => c.start <= m.index && m.index < c.end)) return;
    const md = namedDayDate(m[0]);
    if (!md) return;
    const [mo, d] = md.split("-").map(Number) as [number, number];
    const iso = dated(year, mo, d);
    push(m, iso && anchor && iso < anchor ? dated(year + 1, mo, d) : iso, true);
  });
  // "Friday 16th", "by the 21st": a day of the month, on or after the meeting.
  each(new RegExp(String.raw`${LEAD}(?:${WEEKDAY_WORD},?\s+)?(?:the\s+)?${ORDINAL}\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))${DAY_PART}`), (m) => {
    if (out.some((c) => c.start <= m.index && m.index < c.end)) return;
    push(m, anchor ? dayOfMonthFrom(anchor, Number(m[1])) : null, true);
  });
  if (!anchor) {
    // Without the meeting's date, words counted from it give no date; they are still found, to be kept as written.
    each(new RegExp(String.raw`${LEAD}(?:today|tonight|tomorrow|tmrw|tmw|tomoz|2moro|eod|cob|eow|end\s+of\s+(?:the\s+)?(?:day|today|week|play)|close\s+of\s+(?:business|play)|(?:next|this|coming)?\s*${WEEKDAY_WORD}|within\s+\d{1,3}\s*(?:working\s+|calendar\s+)?\w+)\b`), (m) => {
      if (out.some((c) => c.start <= m.index && m.index < c.end)) return;
      if (/^\s*(?:by|before|on|due|until|till|for)?\s*$/i.test(m[0])) return;
      push(m, null, false);
    });
    return out;
  }
  const rel = (re: string, due: (m: RegExpExecArray) => string | null) =>
    each(new RegExp(`${LEAD}(?:${re})${DAY_PART}\\b`), (m) => {
      if (out.some((c) => c.start <= m.index && m.index < c.end)) return;
      push(m, due(m), false);
    });
  rel(String.raw`today|tonight|this\s+(?:morning|afternoon|evening|am|pm)|same\s+day|immediately|straight\s+away|now|end\s+of\s+(?:the\s+)?(?:day|today|play)|close\s+of\s+(?:business|play)|eod|cob|eop|cop|(?:${TIME_WORDS})(?:\s+today)?`, () => anchor);
  // "Tomorrow" and "within 24 hours" are the next calendar day: safeguarding work runs at weekends (out-of-hours teams,
  // police), and a record must never show a later date than the words gave. Only "working days" skip weekends.
  rel(String.raw`tomorrow|tmrw|tmw|tmr|tomoz|2moro|2morrow|tomorow`, () => addDays(anchor, 1));
  // "By the weekend": the working week's last day, never a later date than the words gave.
  rel(String.raw`end\s+(?:of\s+)?(?:the\s+|this\s+)?(?:week|wk)|eow|this\s+week|(?:the\s+|this\s+)?weekend`, () => fridayOf(anchor));
  rel(String.raw`end\s+of\s+(?:the\s+)?next\s+(?:week|wk)|(?:the\s+)?(?:week|wk)\s+after\s+next`, () => fridayOf(anchor, 1));
  rel(String.raw`end\s+of\s+(?:the\s+|this\s+)?month`, () => {
    const { year: y, month: mo } = parseIso(anchor);
    return makeDate(y, mo, daysInMonth(y, mo));
  });
  // "within 5 working days", "within five working days", "in a fortnight", "within a month", "within the hour": the count
  // in figures or in words (notes vocabulary `number_words`), the unit working days, days, weeks, fortnights, months or hours.
  const timescale = (m: RegExpExecArray): string => {
    const said = m[0].replace(DAY_PARTS_END, "");
    const unit = (UNIT_AT_END.exec(said)?.[1] ?? "").toLowerCase();
    const counted = /\d+/.exec(said)?.[0] ?? numberWordIn(said.slice(0, said.length - unit.length));
    const n = counted === null ? 1 : Number(counted);
    // Working days are counted over working days from the meeting; hours and days by the calendar.
    if (/^(working|wd)/.test(unit)) return workingDaysAfter(anchor, n);
    if (/^(week|wk)/.test(unit)) return addDays(anchor, 7 * n);
    if (/^fortnight/.test(unit)) return addDays(anchor, 14 * n);
    if (/^(month|mth)/.test(unit)) return addMonths(anchor, n).date;
    if (/^(hour|hr|h)/.test(unit)) return addDays(anchor, Math.max(1, Math.ceil(n / 24)));
    return addDays(anchor, n);
  };
  rel(String.raw`(?:in|within|w\/in|over)\s+(?:the\s+)?(?:next\s+)?(\d{1,3}|${numberWords().source})\s*(${TIMESCALE_UNIT})`, timescale);
  // "within the hour": the day of the meeting.
  rel(String.raw`within\s+(?:the\s+(?:next\s+)?|an\s+)hour`, () => anchor);
  // "next working day", "the next day", "the following day": the day after the meeting (a working day when said so).
  rel(String.raw`(?:the\s+)?next\s+working\s+day`, () => workingDaysAfter(anchor, 1));
  rel(String.raw`(?:the\s+)?(?:next|following)\s+day|day\s+after`, () => addDays(anchor, 1));
  // "by Friday week": the Friday of the week after the coming one.
  rel(String.raw`(${WEEKDAY_WORD})\s+week`, (m) => {
    const name = /(mon|tue|wed|thu|fri|sat|sun)/i.exec(m[0].replace(/^(?:by|before|on|due|until|till|for)\s+/i, ""))?.[1] ?? "";
    return name ? addDays(weekdayAfter(anchor, WEEKDAYS.indexOf(name.toLowerCase())), 7) : null;
  });
  // "Timescale: 24hrs", "CP medical – 48 hrs", "chronology – 5 working days", a table's due cell "3 WD": a timescale written
  // as itself, without "within", after a label or a dash, or closing the action; never one said in passing ("bruise
  // about 24 hours old", "seen 3 days ago" are followed by more words). Hours and working days only: "2 days" alone is as
  // often how long something lasted.
  each(new RegExp(String.raw`(?<![\p{L}\d])(?:\d{1,3}|${numberWords().source})\s*(?:hours?|hrs?|working\s+days?|wd)\b`), (m) => {
    if (out.some((c) => c.start <= m.index && m.index < c.end)) return;
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    if (!/(?:^|[-–—:(|,]|\b(?:timescale|deadline|due|target|when))\s*$/i.test(before) && !/^\s*\)?\s*[.;]?\s*$/.test(after)) return;
    push(m, timescale(m), false);
  });
  // "Review strat mtg – Marcus – 2 weeks", "timescale: 1 month": weeks, fortnights and months set apart after a dash or a
  // label and closing the action are a timescale too ("2 weeks ago", "for 2 weeks now" are not: more words follow them).
  each(new RegExp(String.raw`(?<![\p{L}\d])(?:\d{1,3}|a|one|two|three|four|six)\s*(?:weeks?|wks?|fortnights?|months?|mths?)\b`), (m) => {
    if (out.some((c) => c.start <= m.index && m.index < c.end)) return;
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    if (!/(?:[-–—:|]|\b(?:timescale|deadline|due|target|when))\s*$/i.test(before) || !/^\s*\)?\s*[.;]?\s*$/.test(after)) return;
    push(m, timescale(m), false);
  });
  rel(String.raw`(next|this|coming)\s+(${WEEKDAY_WORD})`, (m) => {
    const name = /(mon|tue|wed|thu|fri|sat|sun)/i.exec(m[0].replace(/^.*?(next|this|coming)\s+/i, ""))?.[1] ?? "";
    return weekdayAfter(anchor, WEEKDAYS.indexOf(name.toLowerCase()));
  });
  rel(String.raw`${WEEKDAY_WORD}`, (m) => {
    const name = /(mon|tue|wed|thu|fri|sat|sun)\w*\.?\s*$/i.exec(m[0].replace(new RegExp(DAY_PART + "$", "i"), ""))?.[1] ?? "";
    return name ? weekdayAfter(anchor, WEEKDAYS.indexOf(name.toLowerCase())) : null;
  });
  return out;
}

/**
 * The units a timescale is counted in ("within 5 working days", "in a fortnight", "48 hrs"), written once: the pattern
 * that finds a timescale and the reading of its unit must agree, or a unit found would be counted as days.
 */
const TIMESCALE_UNIT = String.raw`working\s+days?|wd|calendar\s+days?|days?|weeks?|wks?|fortnights?|months?|mths?|hours?|hrs?|h`;
/** The unit closing a timescale's words. */
const UNIT_AT_END = new RegExp(String.raw`(${TIMESCALE_UNIT})\s*$`, "i");

let numberRe: RegExp | undefined;

/** Counts said in words (notes vocabulary `number_words`). */
function numberWords(): RegExp {
  numberRe ??= vocabularyAlternation(Object.keys(vocabulary().number_words));
  return numberRe;
}

/** The count said in words at the end of `words` ("within five ", "in a couple of "), as figures, or null. */
function numberWordIn(words: string): string | null {
  const said = fold(words).replace(/\s+/g, " ").trim();
  const found = Object.entries(vocabulary().number_words)
    .filter(([w]) => said === w || said.endsWith(` ${w}`))
    .sort((a, b) => b[0].length - a[0].length)[0];
  return found ? String(found[1]) : null;
}

let namedDayRe: RegExp | undefined;

/** The days of the year said by name (notes vocabulary `named_days`). */
function namedDays(): RegExp {
  namedDayRe ??= vocabularyAlternation(Object.keys(vocabulary().named_days));
  return namedDayRe;
}

/** The month and day ("12-24") of a day of the year said by name, matched however its apostrophes and spaces fall. */
function namedDayDate(words: string): string | null {
  const folded = (x: string) => fold(x).replace(/['’]/g, "").replace(/\s+/g, " ").trim();
  const said = folded(words);
  for (const [name, md] of Object.entries(vocabulary().named_days)) if (said.endsWith(folded(name))) return md;
  return null;
}

const DAY_PARTS_END = /\s+(?:morning|afternoon|evening|am|pm|a\.m\.|p\.m\.|lunchtime|first\s+thing)$/i;

/**
 * Whether an action's words give a due date that could not be counted: a date that does not
 * exist, or words counted from a discussion whose date is not recorded. A start ("from
 * 01/10") or "asap" is no date to count; "within 5 working days" is counted over working days.
 */
export function dueUnreadable(text: string, anchor: string | null): boolean {
  return candidates(text, anchor, Number((anchor ?? "").slice(0, 4)) || new Date().getUTCFullYear()).some(
    (c) => c.due === null && !c.start_only,
  );
}

/**
 * When an action is due, and where those words are: an explicit date (the year from the
 * meeting, next year's when it would fall well before the meeting), a day of the month
 * ("by the 21st"), or words counted from the discussion's date: today, EOD, tomorrow, a
 * weekday, end of the week or month, within N (working) days or hours. A deadline said
 * with "by" or after a dash wins over a date mentioned in passing; "from 01/10" is a start.
 * Without the meeting's date nothing is counted from today: the words are kept, the date
 * left empty. "asap", "ongoing", "daily" and "next week" are kept as written with no date.
 */
export function findDue(text: string, anchor: string | null, year = Number((anchor ?? "").slice(0, 4)) || new Date().getUTCFullYear()): DueReading {
  const found = candidates(text, anchor, year)
    .filter((c) => text.slice(c.start, c.end).trim() !== "")
    .sort((a, b) => a.start - b.start);
  // Words side by side are one due date: "by 10am tomorrow", "Fri 16/5": the day, not the hour, decides.
  const all: DueCandidate[] = [];
  for (const c of found) {
    const prev = all[all.length - 1];
    if (prev && c.start >= prev.end && /^[\s,]*(?:(?:on|at|@)\s*)?$/i.test(text.slice(prev.end, c.start))) {
      const clock = (x: DueCandidate) => new RegExp(`^\\s*(?:by\\s+|before\\s+|at\\s+)?${TIME_WORDS}\\s*$`, "i").test(text.slice(x.start, x.end));
      // "EOD tomorrow", "by 10am Friday": the word that names the day decides, not the one that names a time of that day.
      const sameDay = (x: DueCandidate) => clock(x) || x.due === anchor;
      const due = c.explicit && !prev.explicit ? c.due : prev.explicit && !c.explicit ? prev.due : sameDay(prev) ? c.due : prev.due;
      all[all.length - 1] = { ...prev, end: c.end, due, explicit: prev.explicit || c.explicit };
      continue;
    }
    all.push(c);
  }
  const usable = all.filter((c) => !c.start_only);
  const pick = usable.find((c) => c.marked && c.explicit) ?? usable.find((c) => c.explicit) ?? usable.find((c) => c.marked) ?? usable[0];
  if (pick) {
    const words = text.slice(pick.start, pick.end).trim();
    const lead = pick.start + (text.slice(pick.start, pick.end).length - text.slice(pick.start, pick.end).trimStart().length);
    return { due: pick.due, due_text: words, start: lead, end: lead + words.length };
  }
  const from = all.find((c) => c.start_only);
  if (from) {
    const at = text.slice(0, from.start).search(/\b(from|starting|since|ongoing from|commencing|beginning)\s*$/i);
    // Work that runs on ("daily from 01/10", "safe space at school from Mon") is due to start that day: the date by
    // which it must be in place.
    // "Since" looks back ("open since May"): no due date at all.
    if (!/^since\b/i.test(text.slice(at))) return { due: from.due, due_text: text.slice(at, from.end).trim(), start: at, end: from.end };
  }
  const open = OPEN_DUE.exec(text);
  if (open) return { due: null, due_text: open[0], start: open.index, end: open.index + open[0].length };
  return { due: null, due_text: null, start: -1, end: -1 };
}

/** A due date from an action's text (see `findDue`). */
export function dueFromText(text: string, anchor: string | null, year?: number): { due: string | null; due_text: string | null } {
  const r = findDue(text, anchor, year);
  return { due: r.due, due_text: r.due_text };
}

/**
 * A piece of prose that says nothing but when ("By Friday.", "on the 16th", "tomorrow"): where speech software
 * or a writer puts a full stop or comma between a task and its due date, the date still belongs to the task.
 */
export function dueOnly(text: string, anchor: string | null, year?: number): boolean {
  const t = text.trim().replace(/[.!?,;]+$/, "").trim();
  if (t === "" || t.split(/\s+/).length > 7) return false;
  const d = findDue(t, anchor, year);
  if (!d.due_text || d.start < 0) return false;
  const rest = `${t.slice(0, d.start)} ${t.slice(d.end)}`.replace(/\b(?:by|on|before|due|at the latest|latest|please|and|(?:it\s+)?needs?\s+(?:doing|to\s+be\s+done|done)|needed|to\s+be\s+done|ideally)\b/gi, " ").replace(/[\s,.-]+/g, "");
  return rest === "";
}
