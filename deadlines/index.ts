/**
 * Statutory deadline calculator: working days and months from Working Together 2023,
 * bank holidays for England and Wales, date input in words, and iCalendar export.
 */
export {
  type IsoDate,
  formatDate,
  isIsoDate,
  parseIso,
  makeDate,
  addDays,
  addMonths,
  dayOfWeek,
  daysInMonth,
  monthName,
  MONTH_WORD,
  monthOfWord,
  weekdayName,
  londonDate,
} from "./dates.js";
export { createCalendar, loadHolidayOverrides, type BankHolidayCalendar, type CalendarRegion, type HolidayOverride } from "./calendar.js";
export { EVENT_IDS, RULE_IDS, CONVENTIONS, isEventId, isRuleId, loadRuleBook, rulesStartedBy, type EventId, type RuleId, type EventDef, type RuleDef } from "./rules.js";
export {
  DeadlineCalculator,
  createDeadlineCalculator,
  toEventId,
  type Deadline,
  type DeadlineResult,
  type DeadlineOptions,
  type SkippedDay,
  type WorkingDaysResult,
} from "./calculator.js";
export { parseDateInput, findDateInText, type ParsedDate, type DateInputOptions, type FoundDate } from "./date-input.js";
export { parseDeadlineQuestion, ruleFromText, type DeadlineQuestion } from "./question.js";
export { toIcs, type IcsOptions } from "./ics.js";
