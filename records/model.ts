import { z } from "zod";
import { CitationSchema } from "../core/citation.js";
import { isIsoDate, type Deadline } from "../deadlines/index.js";

/** Which minimum-attendee group an attendee belongs to (Working Together 2023, "Attendees"). */
export const AttendeeCategorySchema = z.enum(["social_work", "health", "police", "education", "other"]);
export type AttendeeCategory = z.infer<typeof AttendeeCategorySchema>;

const text = z.string().trim().min(1).nullable();
// A real calendar date as YYYY-MM-DD: "2025-02-31" is refused, never rolled over.
const isoDate = z.string().refine(isIsoDate, "Dates must be real dates written as YYYY-MM-DD.").nullable();

export const AttendeeSchema = z.object({
  name: text,
  role: text,
  agency: text,
  /** True only when the person took part; invitees, apologies and "did not attend" are false. */
  attended: z.boolean(),
  /** How attendance was written in the notes ("sent apologies"), when it was. */
  attendance_note: text,
  category: AttendeeCategorySchema,
});
export type Attendee = z.infer<typeof AttendeeSchema>;

export const ActionSchema = z.object({
  action: z.string().trim().min(1),
  owner: text,
  /** Due date (ISO) when one could be worked out. */
  due: isoDate,
  /** The due date as written ("by Fri"), kept so the practitioner can check the reading. */
  due_text: text,
});
export type RecordAction = z.infer<typeof ActionSchema>;

const Decision = z.enum(["yes", "no", "undecided"]);

export const DecisionsSchema = z.object({
  section47: z.object({
    decision: Decision,
    /** What was decided instead of section 47, when it was not ("no further action", "section 17"). */
    outcome: text,
    rationale: text,
  }),
  criminal_investigation: z.object({
    decision: Decision,
    /** Who leads it (police; "joint investigation"). */
    lead: text,
    /** Conduct and timing as recorded (ABE interview, arrest, evidence gathering). */
    detail: text,
  }),
  legal_action: z.object({
    /** "yes" covers EPO, police protection, legal planning meeting, proceedings. */
    decision: Decision,
    detail: text,
  }),
  /** What will be shared with the child and family, and when (or why not). */
  share_with_family: text,
  /** How the child's welfare and safety were considered, including who will see or speak to the child. */
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

/** One due date worked out for the record, as the deadline calculator returns it. */
export type RecordDeadline = Deadline;

/** What `draftFromNotes` returns and the CLI prints as JSON. */
export interface DraftResult {
  record: StrategyRecord;
  gaps: Gap[];
  deadlines: RecordDeadline[];
  /** Things to check about how the notes were read (an assumed year, a personal detail). */
  warnings: string[];
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
      section47: { decision: "undecided", outcome: null, rationale: null },
      criminal_investigation: { decision: "undecided", lead: null, detail: null },
      legal_action: { decision: "undecided", detail: null },
      share_with_family: null,
      child_welfare: null,
    },
    actions: [],
    next_steps: null,
    review_date: null,
    recorded_by: null,
  };
}
