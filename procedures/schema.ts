import { z } from "zod";
import { CitationSchema } from "../core/citation.js";
import { JurisdictionSchema } from "../core/jurisdiction.js";
import { EVENT_IDS, RULE_IDS } from "../deadlines/rules.js";

/**
 * The shape of the pathway data. The data lives in `procedures/data/`; this file is
 * the contract it is checked against when it is loaded, so a bad edit fails at start-up
 * (and in the unit tests) rather than in front of a practitioner.
 */

/** Deadline rules the deadline calculator knows (deadlines/ owns the arithmetic and the list). */
export const RuleIdSchema = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleIdSchema>;

/**
 * Events a date in the situation can refer to: the deadline calculator's events, plus
 * two with no computable rule that still anchor a date ("as soon as possible after
 * emergency action taken on …").
 */
export const EventIdSchema = z.enum([...EVENT_IDS, "emergency_action", "eighteenth_birthday"]);
export type EventId = z.infer<typeof EventIdSchema>;

export const StageIdSchema = z.enum([
  "referral",
  "immediate_protection",
  "section_17_assessment",
  "strategy_discussion",
  "section_47_enquiries",
  "s47_not_substantiated",
  "s47_substantiated",
  "icpc",
  "icpc_no_plan",
  "child_protection_plan",
  "core_group",
  "review_conference",
  "discontinuation",
  "transfer_in",
  "turning_18",
  "pre_proceedings",
  "extra_familial_harm",
  "national_referral_mechanism",
  "serious_incident",
  "rapid_review",
  "wales_concern_report",
  "wales_referral_assessment",
  "wales_strategy_meeting",
  "wales_outcomes",
  "wales_care_and_support_plan",
  "wales_voluntary_accommodation",
  "wales_child_protection_plan",
]);
export type StageId = z.infer<typeof StageIdSchema>;

/** A recognition phrase: matched as whole words, in order, after normalisation. */
export const AliasSchema = z.union([
  z.string().min(1),
  z.object({ phrase: z.string().min(1), weight: z.number().positive() }),
]);
export type Alias = z.infer<typeof AliasSchema>;

export const RoleSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  /** How the role is named to a practitioner. */
  label: z.string().min(1),
  jurisdiction: z.union([JurisdictionSchema, z.literal("both")]),
  citation: CitationSchema,
});
export type Role = z.infer<typeof RoleSchema>;

/** When a step is due: a computable rule, a cited phrase, or a plain "no timescale in the sources". */
export const TimescaleSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("rule"),
    rule: RuleIdSchema,
    /** The event the rule counts from; a due date is computed only when this event's date is known. */
    from: EventIdSchema,
    /** The timescale in words, used when no date is known. */
    text: z.string().min(1),
    citation: CitationSchema,
  }),
  z.object({
    kind: z.literal("phrase"),
    text: z.string().min(1),
    /** The event the phrase is relative to ("as soon as possible after" it), echoed with its date when known. */
    from: EventIdSchema.optional(),
    citation: CitationSchema,
  }),
  z.object({ kind: z.literal("none"), text: z.string().min(1) }),
]);
export type Timescale = z.infer<typeof TimescaleSchema>;

export const StepSchema = z.object({
  title: z.string().min(1),
  /** Role ids (see roles) of who does this step. */
  who: z.array(z.string()).min(1),
  detail: z.string().min(1),
  timescale: TimescaleSchema.optional(),
  /** Stages this step can lead to: the transitions of the pathway. */
  next: z.array(StageIdSchema).default([]),
  citations: z.array(CitationSchema).min(1),
});
export type Step = z.infer<typeof StepSchema>;

export const StageSchema = z.object({
  id: StageIdSchema,
  title: z.string().min(1),
  jurisdiction: JurisdictionSchema,
  summary: z.string().min(1),
  /** Phrases that recognise this stage in a practitioner's description. */
  aliases: z.array(AliasSchema).min(1),
  /** What an unlabelled date in the situation is taken to mean at this stage. */
  dateMeans: z.array(EventIdSchema).default([]),
  /** For an England stage: the nearest Wales stage, used when the user is in Wales. */
  walesCounterpart: StageIdSchema.optional(),
  /** Where things stand when this stage's words are negated ("no CP plan", "s47 not agreed"). */
  whenNegated: StageIdSchema.optional(),
  /** Where things stand when this stage is said to have ended ("the plan has ended"). */
  whenEnded: StageIdSchema.optional(),
  /** Plain cautions shown with this stage (e.g. no Wales timescale in the sources). */
  warnings: z.array(z.string()).default([]),
  citations: z.array(CitationSchema).min(1),
  steps: z.array(StepSchema).min(1),
});
export type Stage = z.infer<typeof StageSchema>;

export const EventSchema = z.object({
  id: EventIdSchema,
  /** How the event is named in an interpretation line ("ICPC taken as …"). */
  label: z.string().min(1),
  /** Words that, just before a date, tie that date to this event. */
  aliases: z.array(z.string().min(1)).min(1),
});

export const PathwaySchema = z
  .object({
    roles: z.array(RoleSchema).min(1),
    events: z.array(EventSchema).min(1),
    /** Words that put a situation in Wales when no jurisdiction is given. */
    /** Common misspellings and shorthand, replaced word for word before matching. */
    spellings: z.record(z.string(), z.string()),
    /** Grammar cues for negation, endings and tense (see data/language.ts). */
    language: z.object({
      negations: z.array(z.string().min(1)).min(1),
      endings: z.array(z.string().min(1)).min(1),
      past: z.array(z.string().min(1)).min(1),
      future: z.array(z.string().min(1)).min(1),
    }),
    stages: z.array(StageSchema).min(1),
  })
  .superRefine((p, ctx) => {
    const roleIds = new Set(p.roles.map((r) => r.id));
    const stageIds = new Set(p.stages.map((s) => s.id));
    if (stageIds.size !== p.stages.length) ctx.addIssue({ code: "custom", message: "duplicate stage id" });
    for (const id of StageIdSchema.options) {
      if (!stageIds.has(id)) ctx.addIssue({ code: "custom", message: `stage ${id} has no data` });
    }
    p.stages.forEach((s, si) => {
      for (const target of [s.whenNegated, s.whenEnded]) {
        const other = target ? p.stages.find((o) => o.id === target) : undefined;
        if (target && (!other || other.jurisdiction !== s.jurisdiction)) {
          ctx.addIssue({ code: "custom", path: ["stages", si], message: `${s.id}: outcome ${target} must be a stage of the same jurisdiction` });
        }
      }
      if (s.walesCounterpart && !s.walesCounterpart.startsWith("wales_")) {
        ctx.addIssue({ code: "custom", path: ["stages", si, "walesCounterpart"], message: "must be a Wales stage" });
      }
      s.steps.forEach((step, i) => {
        const path = ["stages", si, "steps", i];
        for (const w of step.who) {
          if (!roleIds.has(w)) ctx.addIssue({ code: "custom", path, message: `${s.id}: unknown role ${w}` });
        }
        // England's statutory timescales must never be shown as Wales rules.
        if (s.jurisdiction === "wales" && step.timescale?.kind === "rule") {
          ctx.addIssue({ code: "custom", path, message: `${s.id}: a Wales step cannot carry an England rule` });
        }
        for (const c of [...step.citations, ...(step.timescale && "citation" in step.timescale ? [step.timescale.citation] : [])]) {
          const welsh = c.file.startsWith("cascade-wales");
          if (s.jurisdiction === "wales" && !welsh) {
            ctx.addIssue({ code: "custom", path, message: `${s.id}: Wales step cites an England source` });
          }
        }
      });
    });
  });
export type Pathway = z.infer<typeof PathwaySchema>;
export type PathwayInput = z.input<typeof PathwaySchema>;
