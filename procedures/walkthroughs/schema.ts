import { z } from "zod";
import { CitationSchema } from "../../core/citation.js";
import { JurisdictionSchema } from "../../core/jurisdiction.js";
import { RuleIdSchema, StageIdSchema } from "../schema.js";

/**
 * The shape of the guided walkthroughs' data: the referral route a Designated
 * Safeguarding Lead walks (questions that lead to cited routes) and the lessons of the
 * learning mode (screens that point at cited steps, and questions whose answers are
 * read from the procedure data). Checked when loaded, so a bad edit fails the tests.
 */

const Id = z.string().regex(/^[a-z0-9_]+$/);

/** Someone a step is done by or sent to, and the words practitioners name them by (to read a typed answer). */
export const PersonSchema = z.object({
  id: Id,
  /** How they are named; omitted for a role the pathway already names (its label is used). */
  label: z.string().min(1).optional(),
  jurisdiction: z.union([JurisdictionSchema, z.literal("both")]),
  /** The organisation they belong to: a quiz offers as wrong choices only people from other ones. */
  agency: Id,
  words: z.array(z.string().min(1)).min(1),
  citation: CitationSchema.optional(),
});
export type Person = z.infer<typeof PersonSchema>;

/** When a route step is due: a deadline rule (its words come from deadlines/data/rules.json), a period, or a cited phrase. */
export const RouteTimescaleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rule"), rule: RuleIdSchema }),
  z.object({
    kind: z.literal("period"),
    count: z.number().int().min(1),
    unit: z.enum(["working_days", "months"]),
    citation: CitationSchema,
  }),
  z.object({ kind: z.literal("phrase"), text: z.string().min(1), citation: CitationSchema }),
]);
export type RouteTimescale = z.infer<typeof RouteTimescaleSchema>;

export const RouteStepSchema = z.object({
  text: z.string().min(1),
  /** Who does it (person ids). */
  who: z.array(Id).default([]),
  /** Who it goes to: the people to call or refer to. */
  to: z.array(Id).default([]),
  timescale: RouteTimescaleSchema.optional(),
  citations: z.array(CitationSchema).min(1),
});
export type RouteStep = z.infer<typeof RouteStepSchema>;

/** A route the guidance gives: what to do, who to call and what to record, each cited. */
export const RouteSchema = z.object({
  id: Id,
  jurisdiction: JurisdictionSchema,
  title: z.string().min(1),
  /** Its first step is said at once, when an answer leads to it, not only in the summary at the end. */
  urgent: z.boolean().default(false),
  steps: z.array(RouteStepSchema).min(1),
  record: z.array(z.object({ text: z.string().min(1), citation: CitationSchema })).default([]),
  /** Plain cautions, such as what the Wales sources do not cover. */
  warnings: z.array(z.string().min(1)).default([]),
});
export type Route = z.infer<typeof RouteSchema>;

export const YesNoSchema = z.enum(["yes", "no", "unsure"]);

/** One question of the walk; it is asked only when every condition on earlier answers holds. */
export const RouteQuestionSchema = z.object({
  id: Id,
  jurisdiction: JurisdictionSchema,
  text: z.string().min(1),
  citation: CitationSchema,
  when: z.array(z.object({ question: Id, answer: z.array(YesNoSchema).min(1) })).default([]),
  /** Routes each answer adds; "unsure" adds them as routes to check. */
  routes: z.object({ yes: z.array(Id).default([]), no: z.array(Id).default([]), unsure: z.array(Id).default([]) }),
});
export type RouteQuestion = z.infer<typeof RouteQuestionSchema>;

export const ReferralRouteSchema = z
  .object({
    people: z.array(PersonSchema).min(1),
    routes: z.array(RouteSchema).min(1),
    questions: z.array(RouteQuestionSchema).min(1),
    /** The route shown when no answer leads anywhere, per jurisdiction. */
    fallback: z.object({ england: Id, wales: Id }),
  })
  .superRefine((d, ctx) => {
    const people = new Set(d.people.map((p) => p.id));
    const routes = new Map(d.routes.map((r) => [r.id, r]));
    if (routes.size !== d.routes.length) ctx.addIssue({ code: "custom", message: "duplicate route id" });
    d.routes.forEach((r, ri) => {
      r.steps.forEach((s, si) => {
        for (const id of [...s.who, ...s.to]) {
          if (!people.has(id)) ctx.addIssue({ code: "custom", path: ["routes", ri, "steps", si], message: `${r.id}: unknown person ${id}` });
        }
        const cited = [...s.citations, ...(s.timescale && "citation" in s.timescale ? [s.timescale.citation] : [])];
        // A Wales route quotes the Wales pages only: England's guidance is never shown as Wales procedure.
        if (r.jurisdiction === "wales" && cited.some((c) => !c.file.startsWith("cascade-wales"))) {
          ctx.addIssue({ code: "custom", path: ["routes", ri, "steps", si], message: `${r.id}: a Wales step cites an England source` });
        }
        if (r.jurisdiction === "wales" && s.timescale?.kind === "rule") {
          ctx.addIssue({ code: "custom", path: ["routes", ri, "steps", si], message: `${r.id}: a Wales step cannot carry an England rule` });
        }
      });
    });
    const seen: string[] = [];
    d.questions.forEach((q, qi) => {
      for (const id of [...q.routes.yes, ...q.routes.no, ...q.routes.unsure]) {
        const r = routes.get(id);
        if (!r) ctx.addIssue({ code: "custom", path: ["questions", qi], message: `${q.id}: unknown route ${id}` });
        else if (r.jurisdiction !== q.jurisdiction) ctx.addIssue({ code: "custom", path: ["questions", qi], message: `${q.id}: route ${id} is another jurisdiction's` });
      }
      // Conditions look back only, so the walk can ask the questions in order.
      for (const c of q.when) {
        if (!seen.includes(c.question)) ctx.addIssue({ code: "custom", path: ["questions", qi], message: `${q.id}: condition on a later or unknown question ${c.question}` });
      }
      seen.push(q.id);
    });
    for (const [j, id] of Object.entries(d.fallback)) {
      if (routes.get(id)?.jurisdiction !== j) ctx.addIssue({ code: "custom", path: ["fallback", j], message: `fallback ${id} is not a ${j} route` });
    }
  });
export type ReferralRouteData = z.infer<typeof ReferralRouteSchema>;
export type ReferralRouteInput = z.input<typeof ReferralRouteSchema>;

/** A step of the pathway or of a route, shown as one screen of a lesson. */
export const ScreenRefSchema = z.union([
  z.object({ stage: StageIdSchema, step: z.number().int().min(0) }),
  z.object({ route: Id, step: z.number().int().min(0) }),
]);
export type ScreenRef = z.infer<typeof ScreenRefSchema>;

/**
 * Where a quiz question's expected answer is read from: never written in the lesson.
 * `need` says whether naming any one of the expected people is enough, or all of them.
 */
export const AnswerSourceSchema = z.discriminatedUnion("kind", [
  /** A deadline rule's period (deadlines/data/rules.json). */
  z.object({ kind: z.literal("rule"), rule: RuleIdSchema }),
  /** A route step's period. */
  z.object({ kind: z.literal("route_timescale"), route: Id, step: z.number().int().min(0) }),
  /** Who does a pathway step. */
  z.object({ kind: z.literal("stage_who"), stage: StageIdSchema, step: z.number().int().min(0), need: z.enum(["any", "all"]) }),
  /** Who does, or receives, a route step. */
  z.object({ kind: z.literal("route_who"), route: Id, step: z.number().int().min(0), need: z.enum(["any", "all"]) }),
  z.object({ kind: z.literal("route_to"), route: Id, step: z.number().int().min(0), need: z.enum(["any", "all"]) }),
  /** The minimum attendees of a strategy discussion (procedures/data/strategy-discussion.ts). */
  z.object({ kind: z.literal("minimum_attendees") }),
  /** The stages a pathway step leads to (the outcomes of a meeting). */
  z.object({ kind: z.literal("next_stages"), stage: StageIdSchema, step: z.number().int().min(0), need: z.enum(["any", "all"]) }),
]);
export type AnswerSource = z.infer<typeof AnswerSourceSchema>;

export const LessonSchema = z.object({
  id: Id,
  title: z.string().min(1),
  jurisdiction: JurisdictionSchema,
  /** Words that name the lesson's topic ("ICPC", "initial conference"). */
  words: z.array(z.string().min(1)).min(1),
  screens: z.array(ScreenRefSchema).min(1),
  /** The lesson that follows this one in the process, offered at the end. */
  next: Id.optional(),
  questions: z.array(z.object({ id: Id, text: z.string().min(1), answer: AnswerSourceSchema })).min(1),
});
export type Lesson = z.infer<typeof LessonSchema>;
export type LessonInput = z.input<typeof LessonSchema>;
