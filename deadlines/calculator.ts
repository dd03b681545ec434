import type { Citation } from "../core/citation.js";
import { AppError, invalidInput } from "../core/errors.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { createCalendar, type BankHolidayCalendar } from "./calendar.js";
import { eventFromWords } from "./question.js";
import { addDays, addMonths, formatDate, isWeekend, monthName, parseIso, weekdayName, type IsoDate } from "./dates.js";
import {
  CONVENTIONS,
  EVENT_IDS,
  RULE_IDS,
  isEventId,
  isRuleId,
  loadRuleBook,
  rulesStartedBy,
  type EventDef,
  type EventId,
  type RuleDef,
  type RuleId,
} from "./rules.js";

/** A non-working weekday passed over, and why ("Early May bank holiday"). */
export interface SkippedDay {
  date: IsoDate;
  reason: string;
}

/** Result of counting working days: the date reached and what was passed over. */
export interface WorkingDaysResult {
  date: IsoDate;
  /** Bank holidays on weekdays that pushed the date on (weekends are counted, not listed). */
  skipped: SkippedDay[];
  weekendDays: number;
  /** Years touched whose bank holidays are not confirmed. */
  unconfirmedYears: number[];
}

/** One worked-out deadline: the public contract plus fields that help a practitioner check it. */
export interface Deadline {
  rule: RuleId;
  /** "ICPC", "First core group meeting". */
  label: string;
  due: IsoDate;
  /** "Tue 6 May 2025". */
  due_label: string;
  kind: "working_days" | "months";
  /** "within 15 working days of the strategy discussion". */
  rule_text: string;
  explanation: string;
  /** Bank holidays that moved the date (weekdays only; weekends are implied and counted in the explanation). */
  skipped: IsoDate[];
  skipped_reasons: SkippedDay[];
  weekend_days: number;
  citations: Citation[];
  /** Whose rule this is: every timescale we hold is England's (Working Together 2023). */
  jurisdiction: "england";
  /** False when the calculation ran into years whose bank holidays are not confirmed. */
  calendar_confirmed: boolean;
}

/** Every deadline an event starts (the `safeguard deadline … --json` object). */
export interface DeadlineResult {
  event: EventId;
  event_date: IsoDate;
  event_date_label: string;
  jurisdiction: Jurisdiction;
  deadlines: Deadline[];
  warnings: string[];
  conventions: string;
}

export interface DeadlineOptions {
  jurisdiction?: Jurisdiction;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/**
 * Works out statutory deadlines from the rules data and the bank holiday calendars.
 * Pure given its calendars: no clock, no environment.
 */
export class DeadlineCalculator {
  constructor(private readonly calendars: { england: BankHolidayCalendar; wales: BankHolidayCalendar }) {}

  /** Every deadline `event` starts. For Wales the list is empty with a warning: our timescales are England's. */
  deadlinesFor(event: EventId, eventDate: IsoDate, opts: DeadlineOptions = {}): DeadlineResult {
    const id = toEventId(event);
    checkDate(eventDate);
    const jurisdiction = checkJurisdiction(opts.jurisdiction);
    const rules = rulesStartedBy(id);
    const base = { event: id, event_date: eventDate, event_date_label: formatDate(eventDate), jurisdiction, conventions: CONVENTIONS };
    if (jurisdiction === "wales") {
      return { ...base, deadlines: [], warnings: [walesWarning(rules)] };
    }
    const deadlines = rules.map((r) => this.compute(r, id, eventDate, "england"));
    const warnings = unconfirmedWarnings(deadlines, this.calendars.england);
    return { ...base, deadlines, warnings };
  }

  /**
   * One deadline. `event` matters only for rules with several starting events
   * (next_review); it defaults to the rule's first. Throws not_available for Wales.
   */
  due(rule: RuleId, eventDate: IsoDate, opts: DeadlineOptions & { event?: EventId } = {}): Deadline {
    if (!isRuleId(rule)) throw invalidInput(`That is not a deadline I know. Use one of: ${RULE_IDS.join(", ")}.`);
    checkDate(eventDate);
    const def = loadRuleBook().rules.get(rule);
    if (!def) throw new AppError("internal", `Deadline rule ${rule} has no data.`);
    if (checkJurisdiction(opts.jurisdiction) === "wales") throw new AppError("not_available", walesWarning([def]));
    const event = opts.event ? toEventId(opts.event) : def.from[0];
    if (!event || !def.from.includes(event)) {
      throw invalidInput(`The ${def.label} deadline is counted from: ${def.from.join(" or ")}.`);
    }
    return this.compute(def, event, eventDate, "england");
  }

  /**
   * Why a date is not a working day ("a Saturday", "Good Friday, a bank holiday"), or null
   * when it is one. Meetings are rarely held then, so a date like that is worth checking.
   */
  nonWorkingDay(d: IsoDate, jurisdiction: Jurisdiction = "england"): string | null {
    checkDate(d);
    const holiday = this.calendars[checkJurisdiction(jurisdiction)].holidayName(d);
    if (holiday) return `${holiday}, a bank holiday`;
    return isWeekend(d) ? `a ${weekdayName(d)}` : null;
  }

  /** Count `n` working days on from `d` (day 0), listing the bank holidays passed over. */
  addWorkingDays(d: IsoDate, n: number, jurisdiction: Jurisdiction = "england"): WorkingDaysResult {
    checkDate(d);
    if (!Number.isInteger(n) || n < 0 || n > 1000) throw invalidInput("The number of working days must be a whole number from 0 to 1000.");
    const cal = this.calendars[checkJurisdiction(jurisdiction)];
    const skipped: SkippedDay[] = [];
    // Only the days counted over matter: day 0 is day 0 whether or not it is a holiday.
    const years = new Set<number>();
    let weekendDays = 0;
    let date = d;
    for (let counted = 0; counted < n; ) {
      date = addDays(date, 1);
      years.add(parseIso(date).year);
      if (cal.isWorkingDay(date)) counted++;
      else if (isWeekend(date)) weekendDays++;
      else skipped.push({ date, reason: cal.holidayName(date) ?? "bank holiday" });
    }
    return { date, skipped, weekendDays, unconfirmedYears: [...years].filter((y) => !cal.isKnownYear(y)) };
  }

  private compute(rule: RuleDef, event: EventId, eventDate: IsoDate, jurisdiction: "england"): Deadline {
    const cal = this.calendars[jurisdiction];
    const ev = loadRuleBook().events.get(event) as EventDef;
    const { unit, count } = rule.period;
    const ruleText = `within ${plural(count, unit === "months" ? "month" : "working day")} of ${ev.of_phrase}`;
    const head = `${rule.label} due by`;
    const opening = `${ruleText} on ${formatDate(eventDate)} (${rule.reference}).`;

    let due: IsoDate;
    let skipped: SkippedDay[];
    let weekendDays: number;
    let unconfirmed: number[];
    let body: string;
    if (unit === "working_days") {
      const r = this.addWorkingDays(eventDate, count, jurisdiction);
      ({ date: due, skipped, weekendDays, unconfirmedYears: unconfirmed } = r);
      body = `${dayZeroSentence(ev, eventDate, cal)} Working days exclude weekends and bank holidays. ${skippedSentence(skipped, weekendDays)}`;
    } else {
      const m = monthsBack(addMonths(eventDate, count), cal);
      ({ due, skipped, weekendDays } = m);
      // The result depends only on the days from the due date up to the nominal date.
      unconfirmed = [parseIso(m.due).year, parseIso(m.nominal).year].filter((y) => !cal.isKnownYear(y));
      body = monthSentences(count, eventDate, m, cal);
    }
    const confirmed = unconfirmed.length === 0;
    const provisional = confirmed
      ? ""
      : ` Provisional: bank holidays for ${[...new Set(unconfirmed)].join(" and ")} are not confirmed, so check this date nearer the time.`;
    const note = rule.note ? ` ${rule.note}` : "";
    return {
      rule: rule.id,
      label: rule.label,
      due,
      due_label: formatDate(due),
      kind: unit,
      rule_text: ruleText,
      explanation: `${head} ${formatDate(due)}: ${opening} ${body}${note}${provisional}`,
      skipped: skipped.map((s) => s.date),
      skipped_reasons: skipped,
      weekend_days: weekendDays,
      citations: rule.citations.map((c) => ({ ...c })),
      jurisdiction,
      calendar_confirmed: confirmed,
    };
  }
}

/** Build a calculator with the England and Wales calendars (and the operator's override file, if any). */
export function createDeadlineCalculator(opts: { overrideFile?: string } = {}): DeadlineCalculator {
  return new DeadlineCalculator({
    england: createCalendar({ overrideFile: opts.overrideFile, region: "ENG" }),
    wales: createCalendar({ overrideFile: opts.overrideFile, region: "WLS" }),
  });
}

/**
 * Accept an event id however written ("Strategy-Discussion") or a practitioner's word
 * for it ("strat", "RCPC"); reject anything else, listing the ids.
 */
export function toEventId(event: string): EventId {
  const id = String(event ?? "").trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (isEventId(id)) return id;
  const named = eventFromWords(String(event ?? ""));
  if (named) return named;
  throw invalidInput(`That is not an event I can count from. Use one of: ${EVENT_IDS.join(", ")}.`);
}

function checkJurisdiction(j: Jurisdiction | undefined): Jurisdiction {
  const value = j ?? "england";
  if (value !== "england" && value !== "wales") throw invalidInput("The jurisdiction must be england or wales.");
  return value;
}

function checkDate(d: IsoDate): void {
  const { year } = parseIso(typeof d === "string" ? d : "");
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw invalidInput(`I can only work out deadlines for dates from ${MIN_YEAR} to ${MAX_YEAR}.`);
  }
}

interface MonthsOutcome {
  due: IsoDate;
  nominal: IsoDate;
  clampedFrom?: { day: number; month: number; year: number };
  skipped: SkippedDay[];
  weekendDays: number;
}

/** From the same-day-N-months-later date, step back to a working day so the meeting stays within the period. */
function monthsBack(target: ReturnType<typeof addMonths>, cal: BankHolidayCalendar): MonthsOutcome {
  const skipped: SkippedDay[] = [];
  let weekendDays = 0;
  let due = target.date;
  while (!cal.isWorkingDay(due)) {
    if (isWeekend(due)) weekendDays++;
    else skipped.push({ date: due, reason: cal.holidayName(due) ?? "bank holiday" });
    due = addDays(due, -1);
  }
  return { due, nominal: target.date, clampedFrom: target.clampedFrom, skipped: skipped.reverse(), weekendDays };
}

function monthSentences(count: number, eventDate: IsoDate, m: MonthsOutcome, cal: BankHolidayCalendar): string {
  const after = `${plural(count, "month")} after ${formatDate(eventDate)}`;
  const parts = [
    m.clampedFrom
      ? `${after} is ${m.clampedFrom.day} ${monthName(m.clampedFrom.month)}, which does not exist, so the last day of ${monthName(m.clampedFrom.month)}, ${formatDate(m.nominal)}.`
      : `${after} is ${formatDate(m.nominal)}.`,
  ];
  if (m.due !== m.nominal) {
    const others = m.skipped.filter((s) => s.date !== m.nominal);
    const also = others.length ? `, also passing over ${others.map(describeSkipped).join(", ")}` : "";
    parts.push(`That date is ${notWorkingBecause(m.nominal, cal)}, so the due date is the last working day before it${also}.`);
  } else {
    parts.push("That is a working day; had it not been, the due date would be the last working day before it.");
  }
  parts.push("Working days exclude weekends and bank holidays.");
  return parts.join(" ");
}

function dayZeroSentence(ev: EventDef, eventDate: IsoDate, cal: BankHolidayCalendar): string {
  const first = `The day of ${ev.day_phrase} is day 0, whatever day of the week it is`;
  if (cal.isWorkingDay(eventDate)) return `${first}.`;
  return `${first}: here it was ${notWorkingBecause(eventDate, cal)}.`;
}

function notWorkingBecause(d: IsoDate, cal: BankHolidayCalendar): string {
  if (isWeekend(d)) return `a ${weekdayName(d)}`;
  return `a bank holiday (${cal.holidayName(d) ?? "bank holiday"})`;
}

function skippedSentence(skipped: SkippedDay[], weekendDays: number): string {
  const weekends = plural(weekendDays, "weekend day");
  if (skipped.length === 0) {
    return weekendDays === 0 ? "No weekends or bank holidays fell in the period." : `Skipped ${weekends}; no bank holidays fell in the period.`;
  }
  return `Skipped ${weekends} and ${plural(skipped.length, "bank holiday")}: ${skipped.map(describeSkipped).join(", ")}.`;
}

function describeSkipped(s: SkippedDay): string {
  return `${formatDate(s.date)} (${s.reason})`;
}

function walesWarning(rules: RuleDef[]): string {
  const names = rules.map((r) => r.label).join(", ");
  return (
    `The Wales sources I hold give no timescale for: ${names}. Wales Safeguarding Procedures apply in Wales: ` +
    "check them or ask your local children's services. I will not give England's timescale (Working Together 2023) as a Wales rule."
  );
}

function unconfirmedWarnings(deadlines: Deadline[], cal: BankHolidayCalendar): string[] {
  const open = deadlines.filter((d) => !d.calendar_confirmed).map((d) => d.label);
  if (open.length === 0) return [];
  return [
    `The bank holidays I hold are confirmed for ${cal.knownFrom} to ${cal.knownUntil} only. ` +
      `These dates use the usual pattern of bank holidays and are provisional: ${open.join(", ")}. ` +
      "A bank holiday announced later would move them, so check nearer the time.",
  ];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
