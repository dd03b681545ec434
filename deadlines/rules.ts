import { readFileSync } from "node:fs";
import { z } from "zod";
import { CitationSchema, type Citation } from "../core/citation.js";
import { AppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";

/** Events that start a statutory clock (the `<event>` of `safeguard deadline`). */
export const EVENT_IDS = [
  "referral_received",
  "strategy_discussion",
  "icpc",
  "first_review",
  "review_conference",
  "transfer_in_notified",
  "serious_incident_aware",
  "rapid_review_incident",
] as const;
export type EventId = (typeof EVENT_IDS)[number];

/** The deadlines we can work out, one per timescale in Working Together 2023. */
export const RULE_IDS = [
  "referral_decision",
  "assessment_complete",
  "icpc",
  "core_group",
  "first_review",
  "next_review",
  "transfer_in_conference",
  "serious_incident_notification",
  "rapid_review",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * The product's conventions, stated to users with every calculation (see
 * ../shared/eval/README.md). Kept here so explanations, the bot and the CLI agree.
 */
export const CONVENTIONS =
  "Working days are Monday to Friday, except bank holidays in England and Wales (substitute days included). " +
  '"Within N working days of X" is due on the Nth working day after the day of X; the day of X is day 0, whatever day of the week it is. ' +
  '"Within N months of X" is the same day of the month N months later; where that day does not exist, it is the last day of that month; ' +
  "where that date is not a working day, it is the last working day before it, so the meeting still happens within the period.";

const EventSchema = z.object({
  id: z.enum(EVENT_IDS),
  /** Plain name for lists ("strategy discussion"). */
  label: z.string().min(1),
  /** Completes "within 15 working days of …". */
  of_phrase: z.string().min(1),
  /** Completes "The day of … is day 0". */
  day_phrase: z.string().min(1),
});

const RuleCitationSchema = CitationSchema.pick({ section: true, paragraph: true, quote: true });

const RuleSchema = z.object({
  id: z.enum(RULE_IDS),
  /** Starts the explanation: "ICPC due by …". */
  label: z.string().min(1),
  from: z.array(z.enum(EVENT_IDS)).min(1),
  period: z.object({ unit: z.enum(["working_days", "months"]), count: z.number().int().min(1).max(120) }),
  /** A caveat from the guidance worth saying alongside the date. */
  note: z.string().optional(),
  citations: z.array(RuleCitationSchema).min(1),
});

const RulesFileSchema = z.object({
  source: z.object({
    title: z.string().min(1),
    short: z.string().min(1),
    file: z.string().min(1),
    jurisdiction: z.enum(["england", "wales"]),
  }),
  events: z.array(EventSchema),
  rules: z.array(RuleSchema),
});

export type EventDef = z.infer<typeof EventSchema>;
export type RuleDef = Omit<z.infer<typeof RuleSchema>, "citations"> & {
  citations: Citation[];
  /** Short reference for sentences: "Working Together 2023, Timeliness, para 153". */
  reference: string;
  jurisdiction: "england" | "wales";
};

export interface RuleBook {
  events: ReadonlyMap<EventId, EventDef>;
  rules: ReadonlyMap<RuleId, RuleDef>;
}

let cached: RuleBook | undefined;

/** Load and check deadlines/data/rules.json once: every event and rule present, every rule cited. */
export function loadRuleBook(): RuleBook {
  if (cached) return cached;
  const path = fromRoot("deadlines", "data", "rules.json");
  const parsed = RulesFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new AppError("internal", `Deadline rules file ${path} is malformed: ${problems}`);
  }
  const { source, events, rules } = parsed.data;
  const eventMap = new Map(events.map((e) => [e.id, e] as const));
  const ruleMap = new Map<RuleId, RuleDef>();
  for (const r of rules) {
    const citations = r.citations.map((c) => ({ file: source.file, title: source.title, ...c }));
    const first = r.citations[0];
    const section = first?.section.split(" > ").at(-1) ?? "";
    const reference = `${source.short}, ${section}${first?.paragraph ? `, para ${first.paragraph}` : ""}`;
    ruleMap.set(r.id, { ...r, citations, reference, jurisdiction: source.jurisdiction });
  }
  const missing = [
    ...EVENT_IDS.filter((id) => !eventMap.has(id)),
    ...RULE_IDS.filter((id) => !ruleMap.has(id)),
  ];
  if (missing.length) throw new AppError("internal", `Deadline rules file ${path} is missing: ${missing.join(", ")}`);
  cached = { events: eventMap, rules: ruleMap };
  return cached;
}

/** Rules an event starts, in the order of the rules file. */
export function rulesStartedBy(event: EventId): RuleDef[] {
  return [...loadRuleBook().rules.values()].filter((r) => r.from.includes(event));
}

export function isEventId(s: string): s is EventId {
  return (EVENT_IDS as readonly string[]).includes(s);
}

export function isRuleId(s: string): s is RuleId {
  return (RULE_IDS as readonly string[]).includes(s);
}
