/**
 * Strategy discussion records: draft from notes or a JSON record, check against
 * Working Together 2023, render as Markdown, HTML, Word or JSON.
 */
export { draftFromNotes, readNotes, completeDraft, MAX_NOTES_CHARS, type DraftDeps, type DraftOptions } from "./draft.js";
export { checkRecord } from "./check.js";
export { renderRecord, renderMarkdown, renderHtml, renderDocx, gapsOrNone, type RecordFormat } from "./render.js";
export { saveRecord } from "./store.js";
export { parseNotes, findReference } from "./notes-parser.js";
export { recordFromJson } from "./json-record.js";
export { parseAttendeeList, classify } from "./attendees.js";
export { parseAction, readAction, readActionRow, type OwnerContext } from "./actions.js";
export { RECORD_FIELDS, RECORD_FIELD_IDS, recordField, missingFields, type RecordField, type RecordFieldId, type FieldContext, type FieldRead } from "./fields.js";
export { RECORD_MESSAGES, recordMessage, type RecordMessageId } from "./messages.js";
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
  type MissingField,
  type JurisdictionInfo,
  type AttendanceStatus,
} from "./model.js";
