import { MONTH_WORD, monthOfWord } from "../deadlines/dates.js";
import { splitSentences } from "./normalise.js";

/**
 * The dates of a pasted document, read by its structure the way a practitioner reads case notes, a chronology, a
 * referral form, minutes or an email chain: an entry is dated by the date it opens with (a case note's "12/01/2025",
 * a chronology row's "2021 |", "March 2023:"), a line of an email by its message's header ("Sent: …", "On … wrote:",
 * which also dates the quoted lines below it), and the document's "now" is its latest such date. A sentence dated
 * more than a week before that is history: what it told was then, whatever its tense. A year in a clause
 * ("admitted in 2021") is read in the reader, as a past time for that clause only.
 */

/** A date as the span of time it names (a day, a month or a year), in ms since the epoch (UTC). */
export interface DateSpan {
  start: number;
  end: number;
}

const DAY = 86_400_000;
/** A sentence dated this long before the document's latest date is history. */
const HISTORY_GAP = 7 * DAY;
/** With no second date to say when the document's now is, a sentence dated this long before today is history. */
const LONG_GONE = 60 * DAY;

const MONTH = MONTH_WORD;
/** A day of the week, whole or cut short ("Tue", "Thurs", "Wednesday"). */
const DAY_NAME = "(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?";
/** A weekday before a date ("Monday, 10 March 2025"). */
const WEEKDAY = `(?:${DAY_NAME},?\\s+)?`;
const YEAR = "((?:19|20)\\d\\d)";

const span = (y: number, m0: number | null, d: number | null): DateSpan | null => {
  if (y < 1950 || y > 2100) return null;
  if (m0 === null) return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1) - 1 };
  if (m0 < 0 || m0 > 11) return null;
  if (d === null) return { start: Date.UTC(y, m0, 1), end: Date.UTC(y, m0 + 1, 1) - 1 };
  if (d < 1 || d > 31) return null;
  return { start: Date.UTC(y, m0, d), end: Date.UTC(y, m0, d) + DAY - 1 };
};
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
/** 0-based, as Date.UTC counts months; -1 for no month. */
const monthOf = (name: string) => monthOfWord(name) - 1;

/** The forms of a date, each read at the start of `s` (after what `lead` allows). */
const FORMS: readonly [RegExp, (m: RegExpExecArray) => DateSpan | null][] = [
  [/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)/, (m) => span(fullYear(m[3]!), Number(m[2]) - 1, Number(m[1]))],
  [/^((?:19|20)\d\d)-(\d{2})-(\d{2})(?!\d)/, (m) => span(Number(m[1]), Number(m[2]) - 1, Number(m[3]))],
  [new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+${YEAR}\\b`, "i"), (m) => span(Number(m[3]), monthOf(m[2]!), Number(m[1]))],
  [new RegExp(`^${WEEKDAY}${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}\\b`, "i"), (m) => span(Number(m[3]), monthOf(m[1]!), Number(m[2]))],
  [new RegExp(`^${MONTH}\\.?,?\\s+${YEAR}\\b`, "i"), (m) => span(Number(m[2]), monthOf(m[1]!), null)],
  [/^(\d{1,2})[/.-]((?:19|20)\d\d)(?!\d)/, (m) => span(Number(m[2]), Number(m[1]) - 1, null)],
  [new RegExp(`^(?:in\\s+|during\\s+|back\\s+in\\s+)?${YEAR}\\b(?!\\s*(?:-|to)\\s*\\d)`, "i"), (m) => span(Number(m[1]), null, null)],
];

/** A date at the start of `s`, or null. */
function dateAtStart(s: string): DateSpan | null {
  for (const [re, make] of FORMS) {
    const m = re.exec(s);
    if (m) return make(m);
  }
  return null;
}

/** The lead of a line before its date: a quote mark, a bullet or number, a short field label ("Background:", "Sent:"), "On". */
const LEAD = /^(?:[>\s*•·\-–|]+|\d{1,2}[.)]\s+|(?:[A-Za-z][A-Za-z'’ ]{0,30}:\s*)|on\s+)/i;

/** The date an entry opens with: after up to three leads ("> On 3 Feb 2025", "2. Background: 2022:"). */
export function openingDate(s: string): DateSpan | null {
  let rest = s.trim();
  for (let k = 0; k < 4; k++) {
    const d = dateAtStart(rest);
    if (d) return d;
    const lead = LEAD.exec(rest);
    if (!lead || lead[0].length === 0) return null;
    rest = rest.slice(lead[0].length);
  }
  return dateAtStart(rest);
}

/** An email header line that dates the message below it. */
const HEADER = /^(?:>\s*)*(?:sent|date)\s*:|^(?:>\s*)*on\b.*\bwrote\s*:?\s*$|^(?:>\s*)*-{2,}\s*(?:original|forwarded) message/i;
/**
 * A sentence about what is planned (a review date, the next meeting, "by 20/03"): its date is not the document's now.
 * "By" and "until" plan only before a time ("by Friday", "until 28/10"); "returned home by police" is an entry.
 */
const PLANNED = /\b(?:next|due|review|planned|booked|scheduled|deadline)\b|\b(?:until|by)\s+(?:the\s+)?(?:\d|end\b|next\b|tomorrow\b|tonight\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i;

/**
 * For each sentence of `text` (as normaliseText yields them, non-empty), true when the document's structure dates it
 * more than a week before the document's latest date; in a document with fewer than two dates, one dated more than
 * two months before `today`. All false when its sentences cannot be matched to its lines.
 */
export function historySentences(text: string, expected: number, today: number = Date.now()): boolean[] {
  const none = new Array<boolean>(expected).fill(false);
  if (!/\d/.test(text)) return none;
  const dates: (DateSpan | null)[] = [];
  const latest: DateSpan[] = [];
  let block: DateSpan | null = null;
  for (const line of text.split(/[\r\n\u2028\u2029]+/)) {
    const sents = splitSentences(line);
    if (sents.length === 0) continue;
    const lineDate = openingDate(line);
    if (HEADER.test(line.trim())) {
      // A message header: "Sent: Monday, 10 March 2025", "On 3 Feb 2025, Janet wrote:" dates what follows it.
      const d = lineDate ?? findDate(line);
      if (d) block = d;
    }
    for (let j = 0; j < sents.length; j++) {
      const own = openingDate(sents[j]!);
      const d = own ?? (lineDate && j === 0 ? lineDate : null) ?? (lineDate && LINE_ENTRY.test(line) ? lineDate : null) ?? block;
      dates.push(d);
      const opens = own ?? (j === 0 ? lineDate : null);
      if (opens && !PLANNED.test(own ? sents[j]! : line)) latest.push(opens);
    }
  }
  if (dates.length !== expected) return none;
  if (block) latest.push(block);
  // With two different dates or more the document says when its now is; with fewer, only what is long gone by the clock is history.
  if (new Set(latest.map((d) => d.start)).size < 2) return dates.map((d) => d !== null && d.end < today - LONG_GONE);
  const now = Math.max(...latest.map((d) => d.start));
  return dates.map((d) => d !== null && d.end < now - HISTORY_GAP);
}

/** A line that is one dated entry (a case note, a chronology row): its date dates every sentence of the line. */
const LINE_ENTRY = /^\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(?:19|20)\d\d\b)/;

/** The first date anywhere in a header line ("Sent: Monday, 10 March 2025 09:14"). */
function findDate(line: string): DateSpan | null {
  const words = line.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const d = dateAtStart(words.slice(i).join(" "));
    if (d) return d;
  }
  return null;
}

/** Where a sentence stands among a document's entries: the entry's date (when its stamp or message header gives one) and its place. */
export interface EntryPlace {
  date: number | null;
  /** The time of day its stamp gives after the date ("2025-03-14 21:40", "14/03/2025, 19:02", "Sent: 14 March 2025 16:40"), in minutes; null when none. */
  time: number | null;
  seq: number;
  /** In an email chain the order of the text is not the order of writing: only dates order its entries. */
  byDate: boolean;
}

/** A clock time ("21:40", "9:05 pm"): a colon, never a dot, which dates also use ("14.03.25"). */
const CLOCK_TIME = /(?:^|[\s,T([])(\d{1,2}):(\d{2})(?::\d{2}(?!\d))?\s*(am|pm)?(?!\d)/i;
/** How far into a dated line its stamp's time may stand: past the date and a weekday, not into the entry's prose. */
const STAMP_REACH = 48;

/** The time of day a dated line's stamp gives, in minutes since midnight, or null. */
function stampTime(line: string): number | null {
  const m = CLOCK_TIME.exec(line.trim().slice(0, STAMP_REACH));
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const ap = m[3]?.toLowerCase();
  if (ap === "pm" && h < 12) h += 12;
  if (ap === "am" && h === 12) h = 0;
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/**
 * A line that opens a stamped entry without a full date: a log's or chat's time ("14:02", "[Mon 09:12]", "Tue 16:05 me:"),
 * a day and month ("Sat 11/10 night shift:"), a weekday ("Tuesday:").
 */
const STAMP = new RegExp(
  `^\\s*[\\[(]?\\s*(?:(${DAY_NAME})\\.?,?\\s*)?(\\d{1,2}[/.]\\d{1,2}(?![/.\\d])\\s*)?(\\d{1,2}[:.]\\d{2}(?!\\d)\\s*(?:am|pm)?)?`,
  "i",
);
function stamped(line: string): boolean {
  const m = STAMP.exec(line);
  if (!m || !(m[1] || m[2] || m[3])) return false;
  // A weekday alone opens an entry only as a heading ("Tuesday:", "Tue 16:05 me:"), not a sentence ("Monday was fine").
  const rest = line.slice(m[0].length);
  return Boolean(m[2] || m[3]) || /^\s*(?:[\])]|[:\-\u2013]|(?:am|pm|day|night|morning|afternoon|evening|shift)\b)/i.test(rest);
}

/**
 * For each sentence of `text` (as normaliseText yields them, non-empty), its entry in a document of stamped entries
 * (case notes, a chronology, a log, a chat, an email chain), or null where the text has fewer than two entries. A line
 * that opens with a date or a stamp begins an entry, a message header begins one dated by it, and the lines after
 * continue it. `laterEntry` says which of two entries was written later: by their dates when both have one and they
 * differ (an email chain puts its newest message first), then on one day by their stamps' times (a log written newest
 * first), otherwise by their order (logs and chats run downwards).
 */
export function entryPlaces(text: string, expected: number): (EntryPlace | null)[] {
  const none = new Array<EntryPlace | null>(expected).fill(null);
  if (!text.includes("\n")) return none;
  const out: (EntryPlace | null)[] = [];
  let current: EntryPlace | null = null;
  let seq = 0;
  let block: number | null = null;
  let blockTime: number | null = null;
  const lines = text.split(/[\r\n\u2028\u2029]+/);
  const byDate = lines.some((l) => HEADER.test(l.trim()));
  for (const line of lines) {
    const sents = splitSentences(line);
    if (sents.length === 0) continue;
    const trimmed = line.trim();
    if (HEADER.test(trimmed)) {
      // A header without a date starts a message of unknown time: it is ordered against no other.
      const d = openingDate(line) ?? findDate(line);
      block = d ? d.start : null;
      blockTime = d ? stampTime(line) : null;
      current = { date: block, time: blockTime, seq: ++seq, byDate };
    } else {
      const d = openingDate(line);
      const planned = d !== null && PLANNED.test(line);
      if ((d && !planned) || stamped(trimmed)) current = d && !planned ? { date: d.start, time: stampTime(line), seq: ++seq, byDate } : { date: block, time: blockTime, seq: ++seq, byDate };
    }
    for (let j = 0; j < sents.length; j++) out.push(current);
  }
  if (out.length !== expected || seq < 2) return none;
  return out;
}

/** True when entry `b` was written after entry `a` (see entryPlaces). */
export function laterEntry(b: EntryPlace | null, a: EntryPlace | null): boolean {
  if (!a || !b || a.seq === b.seq) return false;
  if (a.date !== null && b.date !== null && a.date !== b.date) return b.date > a.date;
  // On the same day the stamps' times order the entries, whichever way the log or chain runs (newest first or last).
  // A time with no date beside it orders nothing: a chat's "[23:05]" then "[08:15]" is the next morning.
  if (a.date !== null && a.date === b.date && a.time !== null && b.time !== null && a.time !== b.time) return b.time > a.time;
  return !a.byDate && b.seq > a.seq;
}
