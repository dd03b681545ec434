import { z } from "zod";
import { CitationSchema } from "../core/citation.js";
import { JurisdictionSchema } from "../core/jurisdiction.js";
import { isIsoDate, type Deadline } from "../deadlines/index.js";
import { AgencyCodeSchema, readPersonTerms, RoleCodeSchema, type AgencyCode, type RoleCode } from "../lexicon/index.js";
import { AttendanceStatusSchema, type AttendanceStatus } from "./vocabulary.js";

export { AttendanceStatusSchema, type AttendanceStatus } from "./vocabulary.js";

/** Which minimum-attendee group an attendee belongs to (Working Together 2023, "Attendees"). */
export const AttendeeCategorySchema = z.enum(["social_work", "health", "police", "education", "other"]);
export type AttendeeCategory = z.infer<typeof AttendeeCategorySchema>;

const text = z.string().trim().min(1).nullable();
// A real calendar date as YYYY-MM-DD: "2025-02-31" is refused, never rolled over.
const isoDate = z.string().refine(isIsoDate, "Dates must be real dates written as YYYY-MM-DD.").nullable();

/** The words a field was read from, as written in the notes (or the answer typed). */
const source = text.optional().default(null);

export const AttendeeSchema = z
  .object({
    name: text,
    /** The role in words ("Social worker"). */
    role: text,
    agency: text,
    /** True only when the person took part; invitees, apologies, absence and a report sent are false. */
    attended: z.boolean(),
    /** How they attended: took part, sent apologies, invited but absent, or sent a report instead. */
    status: AttendanceStatusSchema.optional(),
    /** How attendance was written in the notes ("sent apologies"), when it was. */
    attendance_note: text,
    category: AttendeeCategorySchema,
    /** The role and agency as codes of the shared lexicon (social_worker, police...). */
    role_code: RoleCodeSchema.nullable().optional(),
    agency_code: AgencyCodeSchema.nullable().optional(),
    source,
  })
  // Records saved before statuses and codes existed are read the same way: attended means took part.
  .transform((a) => {
    const terms = a.role_code === undefined || a.agency_code === undefined ? readPersonTerms([a.role, a.agency].filter(Boolean).join(", ")) : null;
    const status: AttendanceStatus = a.status ?? (a.attended ? "took_part" : "invited_absent");
    const role_code: RoleCode | null = a.role_code === undefined ? (terms?.role?.code ?? null) : a.role_code;
    const agency_code: AgencyCode | null = a.agency_code === undefined ? (terms?.agency?.code ?? null) : a.agency_code;
    return { ...a, status, role_code, agency_code };
  });
export type Attendee = z.infer<typeof AttendeeSchema>;

export const ActionSchema = z.object({
  action: z.string().trim().min(1),
  owner: text,
  /** Due date (ISO) when one could be worked out. */
  due: isoDate,
  /** The due date as written ("by Fri"), kept so the practitioner can check the reading. */
  due_text: text,
  source,
});
export type RecordAction = z.infer<typeof ActionSchema>;

const Decision = z.enum(["yes", "no", "undecided"]);

/** One word or phrase that placed the notes in Wales or England. */
export const JurisdictionEvidenceSchema = z.object({
  /** As written in the notes ("Caerdydd", "SWP"). */
  words: z.string(),
  /** What the lexicon knows it as ("Cardiff", "South Wales Police"). */
  cue: z.string(),
  kind: z.string(),
  jurisdiction: JurisdictionSchema,
});

export const JurisdictionInfoSchema = z.object({
  value: JurisdictionSchema,
  /** Said by the caller (--jurisdiction, the bot), read from the notes, or England by default. */
  from: z.enum(["caller", "notes", "default"]),
  evidence: z.array(JurisdictionEvidenceSchema),
});
export type JurisdictionInfo = z.infer<typeof JurisdictionInfoSchema>;

export const DecisionsSchema = z.object({
  section47: z.object({
    decision: Decision,
    /** What was decided instead of section 47, when it was not ("no further action", "section 17"). */
    outcome: text,
    rationale: text,
    source,
  }),
  criminal_investigation: z.object({
    decision: Decision,
    /** Who leads it (police; "joint investigation"). */
    lead: text,
    /** Who leads it as a code: the police alone, or jointly with children's social care. */
    lead_by: z.enum(["police", "joint"]).nullable().optional().default(null),
    /** Conduct and timing as recorded (ABE interview, arrest, evidence gathering). */
    detail: text,
    source,
  }),
  legal_action: z.object({
    /** "yes" covers EPO, police protection, legal planning meeting, proceedings. */
    decision: Decision,
    detail: text,
    source,
  }),
  /** What will be shared with the child and family, and when (or why not). */
  share_with_family: text,
  /** How the child's welfare and safety were considered: where and with whom the child stays, a safety plan, contact stopped (seeing the child is a task). */
  child_welfare: text,
});
export type Decisions = z.infer<typeof DecisionsSchema>;

export const StrategyRecordSchema = z.object({
  date: isoDate,
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .nullable(),
  format: z.enum(["meeting", "phone", "virtual"]).nullable(),
  /** A case reference, never the child's name. */
  child_ref: text,
  concerns: text,
  attendees: z.array(AttendeeSchema),
  information_shared: text,
  decisions: DecisionsSchema,
  actions: z.array(ActionSchema),
  next_steps: text,
  review_date: isoDate,
  recorded_by: text,
  /** Who chaired, when the notes say so (never taken as who recorded it). */
  chair: text.optional().default(null),
  /** Where the discussion was held for procedure purposes, and the words it was read from. */
  jurisdiction: JurisdictionInfoSchema.nullable().optional().default(null),
  /** The words each filled detail was read from ("date": "Strat 14/5/25 10am Teams"). */
  source: z.record(z.string(), z.string()).optional().default({}),
});
export type StrategyRecord = z.infer<typeof StrategyRecordSchema>;

/** Something the practitioner should add or fix before saving the record. Not an error. */
export const GapSchema = z.object({
  /** Record field the gap is about ("attendees.police", "actions[2].owner"). */
  field: z.string(),
  /** Plain words for the practitioner. Never contains what they typed. */
  message: z.string(),
  /** The guidance the gap rests on. */
  citation: CitationSchema.nullable(),
});
export type Gap = z.infer<typeof GapSchema>;

/**
 * A part of the record the notes seem to give but that could not be read with confidence
 * (a date that does not exist, someone with no role, an action whose doer may be named in
 * it): something to check, not something missing. A field with a check raises no gap.
 * Messages never repeat what the practitioner typed.
 */
export interface Check {
  /** The gap code it stands in for ("attendees.police", "actions[2].owner", "date"). */
  field: string;
  message: string;
}

/** A part of the record not filled in, for the practitioner to add. */
export interface MissingField {
  /** The field id of the guided form (see fields.ts): "time", "information_shared". */
  field: string;
  /** The gap code the checker raises for it, when it is one of the cited requirements. */
  gap: string | null;
}

/** One due date worked out for the record, as the deadline calculator returns it. */
export type RecordDeadline = Deadline;

/** What `draftFromNotes` returns and the CLI prints as JSON. */
export interface DraftResult {
  record: StrategyRecord;
  gaps: Gap[];
  /** Every part of the record the notes leave empty, cited or not (time, format, next steps...). */
  missing: MissingField[];
  deadlines: RecordDeadline[];
  /** Things to check about how the notes were read (an assumed year, a personal detail). */
  warnings: string[];
  /** Parts read without confidence, to check rather than add (see Check). Always set by drafting; optional for drafts made before checks existed. */
  checks?: Check[];
}

/** A record with nothing filled in; parsers start from it. */
export function emptyRecord(): StrategyRecord {
  return {
    date: null,
    time: null,
    format: null,
    child_ref: null,
    concerns: null,
    attendees: [],
    information_shared: null,
    decisions: {
      section47: { decision: "undecided", outcome: null, rationale: null, source: null },
      criminal_investigation: { decision: "undecided", lead: null, lead_by: null, detail: null, source: null },
      legal_action: { decision: "undecided", detail: null, source: null },
      share_with_family: null,
      child_welfare: null,
    },
    actions: [],
    next_steps: null,
    review_date: null,
    recorded_by: null,
    chair: null,
    jurisdiction: null,
    source: {},
  };
}
