import type { Citation } from "../../core/citation.js";
import type { Jurisdiction } from "../../core/jurisdiction.js";
import type { YesNo } from "../../core/yes-no.js";
import { personOf, type WalkthroughData } from "./load.js";
import type { Route, RouteQuestion, RouteTimescale } from "./schema.js";

/** The answers given so far on the walk, by question id. */
export type RouteAnswers = Partial<Record<string, YesNo>>;

/** When a step is due, as values the edge words: a period (with what it counts from) or the guidance's phrase. */
export type TimescaleValue =
  | { kind: "period"; count: number; unit: "working_days" | "months"; from: string | null; citation: Citation }
  | { kind: "phrase"; text: string; citation: Citation };

export interface RouteStepView {
  text: string;
  timescale: TimescaleValue | null;
  citations: Citation[];
}

/** Someone to call, and when where the guidance says. */
export interface ContactView {
  label: string;
  when: TimescaleValue | null;
}

export interface RouteView {
  id: string;
  title: string;
  steps: RouteStepView[];
  contacts: ContactView[];
  record: { text: string; citation: Citation }[];
  warnings: string[];
}

/** Where the walk ends: the routes that apply, those to check (answered "not sure"), and the answers. */
export interface RouteOutcome {
  jurisdiction: Jurisdiction;
  applies: RouteView[];
  check: RouteView[];
  /** No answer led to a route: the fallback route is the one in `applies`. */
  fallback: boolean;
  answered: { question: RouteQuestion; answer: YesNo }[];
}

/** The questions of one jurisdiction's walk, in order. */
export function routeQuestions(data: WalkthroughData, jurisdiction: Jurisdiction): RouteQuestion[] {
  return data.route.questions.filter((q) => q.jurisdiction === jurisdiction);
}

/** Whether a question is asked, given the answers to the questions before it. */
export function isAsked(question: RouteQuestion, answers: RouteAnswers): boolean {
  return question.when.every((c) => {
    const a = answers[c.question];
    return a !== undefined && c.answer.includes(a);
  });
}

/** The first urgent route an answer leads to (immediate protection), to be said at once; or null. */
export function urgentRouteFor(data: WalkthroughData, question: RouteQuestion, answer: YesNo): RouteView | null {
  const route = question.routes[answer].map((id) => data.route.routes.find((r) => r.id === id)).find((r) => r?.urgent);
  return route ? routeView(data, route) : null;
}

/** The next question to ask, or null when the walk is complete. */
export function nextRouteQuestion(data: WalkthroughData, jurisdiction: Jurisdiction, answers: RouteAnswers): RouteQuestion | null {
  return routeQuestions(data, jurisdiction).find((q) => answers[q.id] === undefined && isAsked(q, answers)) ?? null;
}

/** A timescale as values: a rule's period and the event it counts from come from the deadline rules. */
export function timescaleValue(data: WalkthroughData, t: RouteTimescale | undefined): TimescaleValue | null {
  if (!t) return null;
  if (t.kind === "phrase") return { kind: "phrase", text: t.text, citation: t.citation };
  if (t.kind === "period") return { kind: "period", count: t.count, unit: t.unit, from: null, citation: t.citation };
  const rule = data.rules.rules.get(t.rule);
  if (!rule) return null;
  const from = rule.from[0] ? (data.rules.events.get(rule.from[0])?.of_phrase ?? null) : null;
  return { kind: "period", count: rule.period.count, unit: rule.period.unit, from, citation: rule.citations[0] as Citation };
}

/** A route with its timescales resolved and its contacts gathered from the steps' recipients. */
export function routeView(data: WalkthroughData, route: Route): RouteView {
  const steps = route.steps.map((s) => ({ text: s.text, timescale: timescaleValue(data, s.timescale), citations: s.citations }));
  const contacts: ContactView[] = [];
  route.steps.forEach((s, i) => {
    for (const id of s.to) {
      const label = personOf(data, id)?.label;
      if (label && !contacts.some((c) => c.label === label)) contacts.push({ label, when: steps[i]?.timescale ?? null });
    }
  });
  return { id: route.id, title: route.title, steps, contacts, record: route.record, warnings: route.warnings };
}

/**
 * The routes the answers lead to. A route is listed once, under "applies" if any answer
 * leads to it and otherwise under "check"; with neither, the jurisdiction's fallback.
 */
export function routeOutcome(data: WalkthroughData, jurisdiction: Jurisdiction, answers: RouteAnswers): RouteOutcome {
  const applies: string[] = [];
  const check: string[] = [];
  const answered: RouteOutcome["answered"] = [];
  for (const q of routeQuestions(data, jurisdiction)) {
    const a = answers[q.id];
    if (a === undefined || !isAsked(q, answers)) continue;
    answered.push({ question: q, answer: a });
    const into = a === "unsure" ? check : applies;
    for (const id of q.routes[a]) if (!into.includes(id)) into.push(id);
  }
  const fallback = applies.length === 0 && check.length === 0;
  if (fallback) applies.push(data.route.fallback[jurisdiction]);
  const view = (id: string) => routeView(data, data.route.routes.find((r) => r.id === id) as Route);
  return {
    jurisdiction,
    applies: applies.map(view),
    check: check.filter((id) => !applies.includes(id)).map(view),
    fallback,
    answered,
  };
}
