import type { Clock } from "../core/clock.js";
import { invalidInput, isAppError } from "../core/errors.js";
import { addDays, daysBetween, dayOfWeek, formatDate, londonDate, makeDate, monthName, MONTH_WORD, monthOfWord, weekdayName, type IsoDate } from "./dates.js";

/** A date read from what a practitioner typed, echoed back so they can check it. */
export interface ParsedDate {
  date: IsoDate;
  /** The text that was read (trimmed). */
  input: string;
  /** 'Tue 17 Jun 2025 ("next tuesday", counted from Thu 12 Jun 2025)'. */
  interpretation: string;
  /** The other reading, when there is one worth asking about. */
  ambiguous?: string;
}

export interface DateInputOptions {
  /**
   * For a bare weekday ("on Tuesday"): the last one (default, events have usually happened) or
   * the coming one. For a day and month with no year: the most recent or the next occurrence
   * (default: the nearest).
   */
  prefer?: "past" | "future";
  /**
   * Also read phrases that only make sense for when something is due: "by Fri",
   * "within 3 days", "end of the week", "EOD". Off by default, because in a description
   * of what happened "within 15 days" is a timescale, not the date of an event.
   */
  due?: boolean;
}

interface Resolved {
  date: IsoDate;
  /** Words after the quoted input in the interpretation. */
  how?: string;
  ambiguous?: string;
}

type Resolver = (m: RegExpExecArray, today: IsoDate, opts: DateInputOptions) => Resolved;

const MONTH = MONTH_WORD;
const WEEKDAY_FULL = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)";
const ORD = "(?:st|nd|rd|th)?";
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

interface Matcher {
  source: string;
  resolve: Resolver;
  /** Whether this form may be picked out of a longer sentence (bare abbreviations may not: "sat" is a verb). */
  inText: boolean;
  /** Read only with `due: true` (see DateInputOptions). */
  dueOnly?: boolean;
}

const MATCHERS: Matcher[] = [
  { source: "(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})", inText: true, resolve: (m) => ({ date: makeDate(num(m[1]), num(m[3]), num(m[4])) }) },
  {
    source: "(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})",
    inText: true,
    resolve: (m) => ({ date: dayFirst(fullYear(m[3]), num(m[2]), num(m[1])), how: "read as day/month/year" }),
  },
  {
    source: `(?:${WEEKDAY},?\\s+)?(?:the\\s+)?(\\d{1,2})${ORD}(?:\\s+of)?\\s+${MONTH}\\.?(?:,?\\s+(\\d{4}|\\d{2}(?![\\d:])))?`,
    inText: true,
    resolve: (m, today, opts) => withYear(today, m[4], monthOfWord(m[3]), num(m[2]), m[1], opts),
  },
  {
    source: `(?:${WEEKDAY},?\\s+)?${MONTH}\\.?\\s+(?:the\\s+)?(\\d{1,2})${ORD}(?:,?\\s+(\\d{4}))?`,
    inText: true,
    resolve: (m, today, opts) => withYear(today, m[4], monthOfWord(m[2]), num(m[3]), m[1], opts),
  },
  {
    source: "(\\d{1,2})/(\\d{1,2})",
    inText: true,
    resolve: (m, today, opts) => {
      checkMonth(num(m[2]));
      return withYear(today, undefined, num(m[2]), num(m[1]), undefined, opts);
    },
  },
  { source: "(?:the\\s+)?day\\s+before\\s+yesterday", inText: true, resolve: (_m, today) => relative(today, -2) },
  { source: "today|this\\s+morning|this\\s+afternoon|this\\s+evening|tonight", inText: true, resolve: (_m, today) => relative(today, 0) },
  { source: "end\\s+of\\s+(?:the\\s+)?day|close\\s+of\\s+business|eod|cob", inText: true, dueOnly: true, resolve: (_m, today) => relative(today, 0) },
  { source: "yesterday|last\\s+night", inText: true, resolve: (_m, today) => relative(today, -1) },
  { source: "tomorrow", inText: true, resolve: (_m, today) => relative(today, 1) },
  {
    source: "(\\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(day|week)s?\\s+ago",
    inText: true,
    resolve: (m, today) => relative(today, -count(m[1]) * (m[2]?.toLowerCase() === "week" ? 7 : 1)),
  },
  { source: "a\\s+fortnight\\s+ago", inText: true, resolve: (_m, today) => relative(today, -14) },
  {
    // Calendar days only: "within 15 working days" is the deadline calculator's job, not a date to read.
    source: "(?:in|within)\\s+(\\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:calendar\\s+)?(day|week)s?",
    inText: true,
    dueOnly: true,
    resolve: (m, today) => relative(today, count(m[1]) * (m[2]?.toLowerCase() === "week" ? 7 : 1)),
  },
  // The working week ends on Friday; at a weekend, the coming Friday.
  { source: "end\\s+of\\s+(?:the\\s+)?week|eow", inText: true, dueOnly: true, resolve: (_m, today) => relative(today, (5 - dayOfWeek(today) + 7) % 7) },
  {
    // "by Fri": a deadline, so the coming one; short forms are safe here because "by" says a day follows.
    source: `(?:by|before|until|till)\\s+${WEEKDAY}`,
    inText: true,
    dueOnly: true,
    resolve: (m, today, opts) => weekday(today, "coming", weekdayIndex(m[1]), opts),
  },
  {
    source: `(last|next|this|coming|past|on)\\s+${WEEKDAY}`,
    inText: true,
    resolve: (m, today, opts) => weekday(today, (m[1] ?? "").toLowerCase(), weekdayIndex(m[2]), opts),
  },
  { source: WEEKDAY_FULL, inText: true, resolve: (m, today, opts) => weekday(today, "on", weekdayIndex(m[1]), opts) },
  { source: WEEKDAY, inText: false, resolve: (m, today, opts) => weekday(today, "on", weekdayIndex(m[1]), opts) },
];

const HELP =
  "I could not read that as a date. Try 2025-05-03, 3/5/2025 (day/month/year), 3 May 2025, today, yesterday or last Tuesday.";

/**
 * Read a date typed as ISO, UK style (day first), words or a relative phrase, resolved
 * in Europe/London against `clock`. Impossible dates throw invalidInput saying why;
 * nothing is rolled over. The result echoes the reading so the user can check it.
 */
export function parseDateInput(text: string, clock: Clock, opts: DateInputOptions = {}): ParsedDate {
  const input = String(text ?? "").trim().replace(/\s+/g, " ");
  if (input === "") throw invalidInput("Please give a date, for example 3/5/2025 or yesterday.");
  if (input.length > 60) throw invalidInput(HELP);
  const body = input.replace(/^(on|the)\s+(?=\d)/i, "").replace(/[.!?,]+$/, "");
  const today = londonDate(clock.now());
  for (const matcher of MATCHERS.filter((x) => opts.due || !x.dueOnly)) {
    const m = new RegExp(`^(?:${matcher.source})$`, "i").exec(body);
    if (m) return finish(input, matcher.resolve(m, today, opts), today);
  }
  throw invalidInput(HELP);
}

/** A date found inside a sentence: the reading, or why the date there is impossible. */
export type FoundDate =
  | { dateText: string; index: number; parsed: ParsedDate; error?: undefined }
  | { dateText: string; index: number; parsed?: undefined; error: string };

/** Find the first date phrase in free text ("the strat was on 3/5/2025") and read it. */
export function findDateInText(text: string, clock: Clock, opts: DateInputOptions = {}): FoundDate | null {
  let best: { index: number; length: number; matcher: Matcher; m: RegExpExecArray } | null = null;
  for (const matcher of MATCHERS.filter((x) => x.inText && (opts.due || !x.dueOnly))) {
    const re = new RegExp(`(?<![\\w/.-])(?:${matcher.source})(?![\\w/]|[.-]\\d)`, "gi");
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!best || m.index < best.index || (m.index === best.index && m[0].length > best.length)) {
        best = { index: m.index, length: m[0].length, matcher, m };
      }
    }
  }
  if (!best) return null;
  const dateText = best.m[0];
  const index = best.index;
  const today = londonDate(clock.now());
  try {
    return { dateText, index, parsed: finish(dateText.trim().replace(/\s+/g, " "), best.matcher.resolve(best.m, today, opts), today) };
  } catch (e) {
    if (isAppError(e)) return { dateText, index, error: e.message };
    throw e;
  }
}

function finish(input: string, r: Resolved, today: IsoDate): ParsedDate {
  const said = `"${input.toLowerCase()}"`;
  const how = r.how === "relative" ? `counted from ${formatDate(today)}` : r.how;
  return {
    date: r.date,
    input,
    interpretation: `${formatDate(r.date)} (${how ? `${said}, ${how}` : said})`,
    ...(r.ambiguous ? { ambiguous: r.ambiguous } : {}),
  };
}

function relative(today: IsoDate, days: number): Resolved {
  return { date: addDays(today, days), how: "relative" };
}

/** "last/next/this/coming/past/on Tuesday"; "next" and "last" carry the reading a week further as `ambiguous`. */
function weekday(today: IsoDate, word: string, target: number, opts: DateInputOptions): Resolved {
  const dow = dayOfWeek(today);
  const back = (dow - target + 7) % 7 || 7; // strictly before today
  const ahead = (target - dow + 7) % 7 || 7; // strictly after today
  const name = weekdayName(addDays(today, ahead));
  const res = (date: IsoDate, ambiguous?: string): Resolved => ({ date, how: "relative", ...(ambiguous ? { ambiguous } : {}) });
  switch (word) {
    case "last": {
      const d = addDays(today, -back);
      return res(d, `"last ${name}" could also mean the ${name} a week before, ${formatDate(addDays(d, -7))}.`);
    }
    case "next": {
      const d = addDays(today, ahead);
      return res(d, `"next ${name}" could also mean the ${name} a week later, ${formatDate(addDays(d, 7))}.`);
    }
    case "this": {
      const mondayBased = (target + 6) % 7; // Monday 0 … Sunday 6
      const todayMondayBased = (dow + 6) % 7;
      return res(addDays(today, mondayBased - todayMondayBased));
    }
    case "coming":
      return res(addDays(today, ahead));
    case "past":
      return res(addDays(today, -back));
    default: {
      if (dow === target) return res(today, `"${name}" could also mean last ${name}, ${formatDate(addDays(today, -7))}.`);
      if (opts.prefer === "future") {
        return res(addDays(today, ahead), `"${name}" could also mean last ${name}, ${formatDate(addDays(today, -back))}.`);
      }
      return res(addDays(today, -back), `"${name}" could also mean the coming ${name}, ${formatDate(addDays(today, ahead))}.`);
    }
  }
}

/**
 * A day and month with or without a year. Without one: the most recent occurrence (on or
 * before today) when the caller knows the event has happened (`prefer: "past"`), the next
 * one when it is to come, else the occurrence nearest today.
 */
function withYear(
  today: IsoDate,
  yearText: string | undefined,
  month: number,
  day: number,
  weekdayText?: string,
  opts: DateInputOptions = {},
): Resolved {
  let r: Resolved;
  if (yearText) {
    r = { date: makeDate(fullYear(yearText), month, day) };
  } else {
    const year = num(today.slice(0, 4));
    const candidates: IsoDate[] = [];
    for (const y of [year - 1, year, year + 1]) {
      try {
        candidates.push(makeDate(y, month, day));
      } catch {
        // 29 February exists only in leap years; try the others.
      }
    }
    if (candidates.length === 0) makeDate(year, month, day); // throws the reason
    const past = candidates.filter((c) => daysBetween(today, c) <= 0);
    const future = candidates.filter((c) => daysBetween(today, c) >= 0);
    if (opts.prefer === "past" && past.length > 0) {
      r = { date: past[past.length - 1]!, how: `no year given, and it has happened, so the last ${day} ${monthName(month)} on or before ${formatDate(today)}` };
    } else if (opts.prefer === "future" && future.length > 0) {
      r = { date: future[0]!, how: `no year given, and it is to come, so the next ${day} ${monthName(month)} from ${formatDate(today)}` };
    } else {
      const nearest = candidates.reduce((a, b) => (Math.abs(daysBetween(today, b)) < Math.abs(daysBetween(today, a)) ? b : a));
      r = { date: nearest, how: `no year given, so the nearest ${day} ${monthName(month)} to ${formatDate(today)}` };
    }
  }
  if (weekdayText && weekdayIndex(weekdayText) !== dayOfWeek(r.date)) {
    const said = weekdayName(addDays(r.date, (weekdayIndex(weekdayText) - dayOfWeek(r.date) + 7) % 7));
    r.ambiguous = `${formatDate(r.date)} is a ${weekdayName(r.date)}, not a ${said}: please check the date.`;
  }
  return r;
}

/** Numeric dates are day first; a month over 12 is usually a US-style date, so say how we read them. */
function dayFirst(year: number, month: number, day: number): IsoDate {
  checkMonth(month);
  return makeDate(year, month, day);
}

function checkMonth(month: number): void {
  if (month > 12) throw invalidInput("That date does not exist: there are only 12 months. Dates are read day/month/year.");
}


function weekdayIndex(s: string | undefined): number {
  return ["sun", "mon", "tue", "wed", "thu", "fri", "sat"].indexOf((s ?? "").toLowerCase().slice(0, 3));
}

function num(s: string | undefined): number {
  return Number(s ?? NaN);
}

function count(s: string | undefined): number {
  const key = (s ?? "").toLowerCase();
  return NUMBER_WORDS[key] ?? num(key);
}

/** Two-digit years are this century ("03/05/25" is 2025). */
function fullYear(s: string | undefined): number {
  const n = num(s);
  return (s ?? "").length === 2 ? 2000 + n : n;
}
