/**
 * Strategy discussion records: draft from notes or a JSON record, check against
 * Working Together 2023, render as Markdown, HTML, Word or JSON.
 */
export { draftFromNotes, readNotes, completeDraft, MAX_NOTES_CHARS, type DraftDeps, type DraftOptions } from "./draft.js";
export { checkRecord } from "./check.js";
export { renderRecord, renderMarkdown, renderHtml, renderDocx, type RecordFormat } from "./render.js";
export { saveRecord } from "./store.js";
export { parseNotes } from "./notes-parser.js";
export { recordFromJson } from "./json-record.js";
export { parseAttendeeList, classify } from "./attendees.js";
export { parseAction } from "./decisions.js";
export { findDate, formatLong } from "./dates.js";
export { strategyRecordRequirements, citationFor } from "./requirements.js";
export { FOOTER, GAPS_HEADING } from "./view.js";
export {
  StrategyRecordSchema,
  GapSchema,
  emptyRecord,
  type StrategyRecord,
  type Gap,
  type DraftResult,
  type Attendee,
  type AttendeeCategory,
  type RecordAction,
  type RecordDeadline,
} from "./model.js";
