import * as z from "zod";
import { CitationSchema } from "../core/citation.js";

/**
 * The Teams tab's small JSON API: what the tab sends and what it gets back. The server
 * checks requests with these schemas and the tab checks responses with them, so the
 * two cannot drift apart. Only zod and plain data here: the tab bundles this file (so
 * no import that reaches Node's file system: event ids are checked by the calculator).
 */

const EventId = z.string({ error: "Choose what happened from the list." }).regex(/^[a-z0-9_]{1,40}$/, "Choose what happened from the list.");

export const JurisdictionParam = z.enum(["england", "wales"], { error: "Choose England or Wales." });

/** POST /api/tab/deadline, and the query of GET /api/tab/deadline.ics. */
export const DeadlineRequest = z.object({
  event: EventId,
  /** The date as typed: 14/05/2025, 2025-05-14, "yesterday"... read by the same parser as the bot's. */
  date: z.string({ error: "Type the date." }).trim().min(1, "Type the date.").max(60, "That date is too long."),
  jurisdiction: JurisdictionParam.default("england"),
});
export type DeadlineRequest = z.infer<typeof DeadlineRequest>;

export const EventsResponse = z.object({
  events: z.array(z.object({ id: EventId, label: z.string() })),
});

const SkippedDay = z.object({ date: z.string(), date_label: z.string(), reason: z.string() });

export const DeadlineResponse = z.object({
  event: EventId,
  event_label: z.string(),
  event_date: z.string(),
  event_date_label: z.string(),
  event_date_interpretation: z.string(),
  event_date_ambiguous: z.string().optional(),
  jurisdiction: JurisdictionParam,
  deadlines: z.array(
    z.object({
      rule: z.string(),
      label: z.string(),
      due: z.string(),
      due_label: z.string(),
      rule_text: z.string(),
      explanation: z.string(),
      skipped: z.array(SkippedDay),
      weekend_days: z.number().int(),
      calendar_confirmed: z.boolean(),
      citations: z.array(CitationSchema),
    }),
  ),
  warnings: z.array(z.string()),
  conventions: z.string(),
  /** Where to download the deadlines as a calendar file (a path on this server). */
  ics: z.string(),
  /** The signpost, when what was typed needed one (every entry point is triaged first). */
  signpost: z.object({ level: z.string(), text: z.string() }).nullable(),
});
export type DeadlineResponse = z.infer<typeof DeadlineResponse>;

const PathwayStep = z.object({
  title: z.string(),
  who: z.array(z.string()),
  detail: z.string(),
  timescale: z.string().nullable(),
  citations: z.array(CitationSchema),
});

export const PathwayResponse = z.object({
  jurisdiction: JurisdictionParam,
  stages: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      warnings: z.array(z.string()),
      steps: z.array(PathwayStep),
      citations: z.array(CitationSchema),
    }),
  ),
});
export type PathwayResponse = z.infer<typeof PathwayResponse>;

/** Every error the API returns: words safe to show as they are. */
export const ErrorResponse = z.object({ error: z.string() });
