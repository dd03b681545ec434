import { AppError } from "../../core/errors.js";
import type { Jurisdiction } from "../../core/jurisdiction.js";
import { loadRuleBook, type RuleBook } from "../../deadlines/rules.js";
import { loadPathway } from "../pathway.js";
import type { Pathway } from "../schema.js";
import { LESSONS } from "./data/lessons.js";
import { PEOPLE } from "./data/people.js";
import { FALLBACK, QUESTIONS, ROUTES } from "./data/referral-route.js";
import { LessonSchema, ReferralRouteSchema, type AnswerSource, type Lesson, type ReferralRouteData, type ScreenRef } from "./schema.js";

/**
 * Everything the walkthroughs read: the pathway and the deadline rules (owned by
 * procedures/ and deadlines/), the referral route and the lessons. Passed around as one
 * value so that a test can change the data and see the walk and the quiz change with it.
 */
export interface WalkthroughData {
  pathway: Pathway;
  rules: RuleBook;
  route: ReferralRouteData;
  lessons: Lesson[];
}

/** Someone named in a step, with the label shown and the words that name them. */
export interface NamedPerson {
  id: string;
  label: string;
  jurisdiction: Jurisdiction | "both";
  agency: string;
  words: string[];
}

let cached: WalkthroughData | undefined;

/** The walkthrough data, validated once. A data error is a bug here, so it is "internal" with the detail. */
export function loadWalkthroughs(): WalkthroughData {
  if (cached) return cached;
  const route = ReferralRouteSchema.safeParse({ people: PEOPLE, routes: ROUTES, questions: QUESTIONS, fallback: FALLBACK });
  const lessons = LESSONS.map((l) => LessonSchema.safeParse(l));
  const problems = [
    ...(route.success ? [] : route.error.issues.map((i) => `route ${i.path.join(".")}: ${i.message}`)),
    ...lessons.flatMap((l, n) => (l.success ? [] : l.error.issues.map((i) => `lesson ${n} ${i.path.join(".")}: ${i.message}`))),
  ];
  if (route.success && problems.length === 0) {
    const data: WalkthroughData = {
      pathway: loadPathway(),
      rules: loadRuleBook(),
      route: route.data,
      lessons: lessons.map((l) => (l as { data: Lesson }).data),
    };
    problems.push(...checkWalkthroughs(data));
    if (problems.length === 0) {
      cached = data;
      return data;
    }
  }
  throw new AppError("internal", "The walkthrough data is invalid.", { cause: new Error(problems.join("; ")) });
}

/** A person by id: the route's table, labelled from the pathway's roles where it names them. */
export function personOf(data: WalkthroughData, id: string): NamedPerson | undefined {
  const p = data.route.people.find((x) => x.id === id);
  if (!p) return undefined;
  const label = p.label ?? data.pathway.roles.find((r) => r.id === id)?.label;
  return label ? { id, label, jurisdiction: p.jurisdiction, agency: p.agency, words: p.words } : undefined;
}

/** The pathway step or route step a screen or a question points at, or undefined. */
export function stepAt(data: WalkthroughData, ref: ScreenRef | { stage: string; step: number } | { route: string; step: number }) {
  if ("stage" in ref) {
    const stage = data.pathway.stages.find((s) => s.id === ref.stage);
    const step = stage?.steps[ref.step];
    return stage && step ? { kind: "stage" as const, stage, step } : undefined;
  }
  const route = data.route.routes.find((r) => r.id === ref.route);
  const step = route?.steps[ref.step];
  return route && step ? { kind: "route" as const, route, step } : undefined;
}

/**
 * Cross-checks the schemas cannot make: every screen and answer points at a step that
 * exists, every person named has a label, every timescale question has a period to
 * check against, and every lesson's steps are its own jurisdiction's.
 */
export function checkWalkthroughs(data: WalkthroughData): string[] {
  const out: string[] = [];
  for (const p of data.route.people) if (!personOf(data, p.id)) out.push(`person ${p.id} has no label`);
  const ids = new Set<string>();
  for (const lesson of data.lessons) {
    if (ids.has(lesson.id)) out.push(`duplicate lesson ${lesson.id}`);
    ids.add(lesson.id);
    const jurisdictionOf = (ref: ScreenRef) => {
      const at = stepAt(data, ref);
      return at?.kind === "stage" ? at.stage.jurisdiction : at?.route.jurisdiction;
    };
    lesson.screens.forEach((ref, i) => {
      const j = jurisdictionOf(ref);
      if (!j) out.push(`${lesson.id}: screen ${i} points at no step`);
      else if (j !== lesson.jurisdiction) out.push(`${lesson.id}: screen ${i} is another jurisdiction's`);
    });
    for (const q of lesson.questions) out.push(...checkAnswerSource(data, `${lesson.id}.${q.id}`, q.answer));
    if (lesson.next && !data.lessons.some((l) => l.id === lesson.next)) out.push(`${lesson.id}: next lesson ${lesson.next} does not exist`);
  }
  return out;
}

function checkAnswerSource(data: WalkthroughData, where: string, a: AnswerSource): string[] {
  switch (a.kind) {
    case "rule":
    case "minimum_attendees":
      return [];
    case "route_timescale": {
      const at = stepAt(data, a);
      const t = at?.kind === "route" ? at.step.timescale : undefined;
      return t && t.kind !== "phrase" ? [] : [`${where}: route step has no period to check against`];
    }
    case "stage_who":
    case "route_who":
    case "route_to": {
      const at = stepAt(data, a.kind === "stage_who" ? { stage: a.stage, step: a.step } : { route: a.route, step: a.step });
      const ids = !at ? [] : a.kind === "route_to" && at.kind === "route" ? at.step.to : at.step.who;
      if (ids.length === 0) return [`${where}: the step names nobody`];
      return ids.filter((id) => !personOf(data, id)).map((id) => `${where}: no words for ${id}`);
    }
    case "next_stages": {
      const at = stepAt(data, { stage: a.stage, step: a.step });
      return at?.kind === "stage" && at.step.next.length > 0 ? [] : [`${where}: the step leads nowhere`];
    }
  }
}
