import type { Citation } from "../../core/citation.js";
import { answerWords } from "../../core/yes-no.js";
import { strategyDiscussionRequirements } from "../pathway.js";
import { findPhrase, tokens } from "../text.js";
import { personOf, stepAt, type WalkthroughData } from "./load.js";
import { timescaleValue } from "./route.js";
import type { Lesson, ScreenRef } from "./schema.js";

type Question = Lesson["questions"][number];
type Unit = "working_days" | "months";

/** What a screen shows: a step's title and detail and the passage it rests on. */
export interface ScreenView {
  title: string;
  detail: string | null;
  citation: Citation;
}

/** Something the expected answer names: a person, or a stage (an outcome). */
export interface AnswerItem {
  id: string;
  label: string;
  words: string[];
}

/** The answer a question expects, read from the procedure data. */
export type Expected =
  | { kind: "period"; count: number; unit: Unit; citation: Citation }
  | { kind: "items"; need: "any" | "all"; items: AnswerItem[]; citation: Citation };

/** A reply marked: right, partly right (some of a list), or wrong, with what was recognised. */
export interface Grade {
  verdict: "right" | "partly" | "wrong";
  /** Labels of the expected items the reply named. */
  named: string[];
  /** Labels of the expected items it left out (for a list that needs all). */
  missing: string[];
}

/** A period read from a reply: "15", "fifteen working days", "3 months", "a working day". */
export interface PeriodReply {
  count: number;
  unit: "working_days" | "days" | "months" | "weeks" | "hours" | null;
}

/** A lesson by id. */
export function lessonById(data: WalkthroughData, id: string): Lesson | undefined {
  return data.lessons.find((l) => l.id === id);
}

/** A screen's words and citation, from the step it points at. */
export function screenView(data: WalkthroughData, ref: ScreenRef): ScreenView {
  const at = stepAt(data, ref);
  if (!at) throw new Error(`No step for screen ${JSON.stringify(ref)}`);
  if (at.kind === "stage") return { title: at.step.title, detail: at.step.detail, citation: at.step.citations[0] as Citation };
  return { title: at.step.text, detail: null, citation: at.step.citations[0] as Citation };
}

/** The answer a question expects, read from the pathway, the deadline rules or the route. */
export function expectedAnswer(data: WalkthroughData, q: Question): Expected {
  const a = q.answer;
  switch (a.kind) {
    case "rule": {
      const rule = data.rules.rules.get(a.rule);
      if (!rule) throw new Error(`Unknown rule ${a.rule}`);
      return { kind: "period", count: rule.period.count, unit: rule.period.unit, citation: rule.citations[0] as Citation };
    }
    case "route_timescale": {
      const at = stepAt(data, a);
      const t = at?.kind === "route" ? timescaleValue(data, at.step.timescale) : null;
      if (t?.kind !== "period") throw new Error(`${q.id}: no period`);
      return { kind: "period", count: t.count, unit: t.unit, citation: t.citation };
    }
    case "stage_who":
    case "route_who":
    case "route_to": {
      const at = stepAt(data, a.kind === "stage_who" ? { stage: a.stage, step: a.step } : { route: a.route, step: a.step });
      if (!at) throw new Error(`${q.id}: no step`);
      const ids = a.kind === "route_to" && at.kind === "route" ? at.step.to : at.step.who;
      const items = ids.flatMap((id) => {
        const p = personOf(data, id);
        return p ? [{ id, label: p.label, words: p.words }] : [];
      });
      return { kind: "items", need: a.need, items, citation: at.step.citations[0] as Citation };
    }
    case "minimum_attendees": {
      const min = strategyDiscussionRequirements().minimumAttendees;
      return {
        kind: "items",
        need: "all",
        items: min.map((m) => ({ id: m.id, label: m.role, words: m.aliases })),
        citation: min[0]?.citation as Citation,
      };
    }
    case "next_stages": {
      const at = stepAt(data, { stage: a.stage, step: a.step });
      if (at?.kind !== "stage") throw new Error(`${q.id}: no step`);
      const items = at.step.next.flatMap((id) => {
        const s = data.pathway.stages.find((x) => x.id === id);
        if (!s) return [];
        const words = s.aliases.map((al) => (typeof al === "string" ? al : al.phrase));
        return [{ id, label: s.title.replace(/\s*\((Wales|England)\)$/, ""), words: [s.title, ...words] }];
      });
      return { kind: "items", need: a.need, items, citation: at.step.citations[0] as Citation };
    }
  }
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60,
};
const UNIT_WORDS: Record<string, PeriodReply["unit"]> = {
  day: "days", days: "days", wd: "working_days", wds: "working_days", month: "months", months: "months", mths: "months",
  mth: "months", week: "weeks", weeks: "weeks", wk: "weeks", wks: "weeks", hour: "hours", hours: "hours", hrs: "hours", hr: "hours",
};

/** Read a period from a reply, or null when it names no number. "forty five" and "45wd" are read too. */
export function readPeriod(text: string): PeriodReply | null {
  const words = answerWords(text.replace(/(\d)([a-z])/gi, "$1 $2"));
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    let count = /^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w];
    if (count === undefined) continue;
    let j = i + 1;
    // "forty five": a tens word and a units word make one number.
    const next = NUMBER_WORDS[words[j] ?? ""];
    if (count >= 20 && count % 10 === 0 && next !== undefined && next < 10 && words[j] !== "a" && words[j] !== "an") {
      count += next;
      j++;
    }
    const working = words[j] === "working" || words[j] === "business";
    const unit = UNIT_WORDS[words[working ? j + 1 : j] ?? ""] ?? null;
    // "a" and "an" count only before a unit ("a working day"), never alone.
    if ((w === "a" || w === "an") && unit === null) continue;
    return { count, unit: working && unit === "days" ? "working_days" : unit };
  }
  return null;
}

/** Whether a period reply matches: same number, and a unit of the same kind if one is given. */
function periodMatches(reply: PeriodReply, expected: { count: number; unit: Unit }): boolean {
  if (reply.count !== expected.count) return false;
  if (reply.unit === null) return true;
  return expected.unit === "months" ? reply.unit === "months" : reply.unit === "working_days" || reply.unit === "days";
}

/** The items a reply names, by their words (whole words, in order, a one-letter slip forgiven). */
export function namedItems(reply: string, items: readonly AnswerItem[]): AnswerItem[] {
  const words = tokens(reply);
  return items.filter((it) => [it.label, ...it.words].some((w) => findPhrase(words, tokens(w)).length > 0));
}

/**
 * Mark a reply against the expected answer, or null when the reply names nothing the
 * answer could be checked against (it is then asked again). A list that needs all its
 * items is partly right when it names some.
 */
export function gradeAnswer(expected: Expected, reply: string, others: readonly AnswerItem[] = []): Grade | null {
  if (expected.kind === "period") {
    const p = readPeriod(reply);
    if (!p) return null;
    return { verdict: periodMatches(p, expected) ? "right" : "wrong", named: [], missing: [] };
  }
  const named = namedItems(reply, expected.items);
  const missing = expected.items.filter((i) => !named.includes(i)).map((i) => i.label);
  if (named.length === 0) {
    // Naming someone else is a wrong answer; naming nobody recognisable is asked again.
    return namedItems(reply, others).length > 0 ? { verdict: "wrong", named: [], missing } : null;
  }
  const labels = named.map((i) => i.label);
  if (expected.need === "any" || missing.length === 0) return { verdict: "right", named: labels, missing: [] };
  return { verdict: "partly", named: labels, missing };
}

/** Everyone and everything a reply could name instead, so a wrong name is told from an unreadable reply. */
export function otherItems(data: WalkthroughData, expected: Expected, jurisdiction: Lesson["jurisdiction"]): AnswerItem[] {
  if (expected.kind !== "items") return [];
  const ids = new Set(expected.items.map((i) => i.id));
  const people = data.route.people
    .filter((p) => !ids.has(p.id) && (p.jurisdiction === jurisdiction || p.jurisdiction === "both"))
    .flatMap((p) => {
      const n = personOf(data, p.id);
      return n ? [{ id: n.id, label: n.label, words: n.words }] : [];
    });
  const stages = data.pathway.stages
    .filter((s) => !ids.has(s.id) && s.jurisdiction === jurisdiction)
    .map((s) => ({ id: s.id, label: s.title, words: s.aliases.map((a) => (typeof a === "string" ? a : a.phrase)) }));
  return [...people, ...stages];
}

/** A stable pseudo-random order (so the same question offers the same choices after a resume). */
function stableOrder(seed: string, id: string): number {
  let h = 2166136261;
  for (const ch of `${seed}|${id}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** A period in values, for choices and feedback. */
export interface PeriodValue {
  count: number;
  unit: Unit;
}

/**
 * Choices to offer as buttons: the expected answer and up to three others of the same
 * kind from the data (other deadline periods; other people of the jurisdiction who do
 * not share a name with the answer). Null for a list that needs all its items: that is typed.
 */
export function answerChoices(data: WalkthroughData, lesson: Lesson, q: Question): { right: string; options: (PeriodValue | AnswerItem)[] } | null {
  const expected = expectedAnswer(data, q);
  if (expected.kind === "period") {
    const all: PeriodValue[] = [];
    const add = (p: PeriodValue) => {
      if (!all.some((x) => x.count === p.count && x.unit === p.unit)) all.push(p);
    };
    for (const r of data.rules.rules.values()) add({ count: r.period.count, unit: r.period.unit });
    for (const r of data.route.routes) for (const s of r.steps) if (s.timescale?.kind === "period") add({ count: s.timescale.count, unit: s.timescale.unit });
    const right = { count: expected.count, unit: expected.unit };
    const others = all
      .filter((p) => !(p.count === right.count && p.unit === right.unit))
      .sort((a, b) => stableOrder(q.id, `${a.count}${a.unit}`) - stableOrder(q.id, `${b.count}${b.unit}`))
      .slice(0, 3);
    const options = [right, ...others].sort((a, b) => (a.unit === b.unit ? a.count - b.count : a.unit === "working_days" ? -1 : 1));
    return { right: `${right.count}|${right.unit}`, options };
  }
  if (expected.need === "all" && expected.items.length > 1) return null;
  const right = expected.items[0];
  if (!right) return null;
  // Wrong choices come from other organisations, one each, so that none of them is arguably right.
  const agencies = new Set(expected.items.map((i) => personOf(data, i.id)?.agency ?? i.id));
  const others: AnswerItem[] = [];
  const candidates = data.route.people
    .filter((p) => p.jurisdiction === lesson.jurisdiction || p.jurisdiction === "both")
    .sort((a, b) => stableOrder(q.id, a.id) - stableOrder(q.id, b.id));
  for (const p of candidates) {
    const n = personOf(data, p.id);
    if (!n || agencies.has(n.agency) || others.length >= 3) continue;
    agencies.add(n.agency);
    others.push({ id: n.id, label: n.label, words: n.words });
  }
  const options = [right, ...others].sort((a, b) => stableOrder(`${q.id}/order`, a.id) - stableOrder(`${q.id}/order`, b.id));
  return { right: right.id, options };
}

/**
 * The lesson a topic names ("ICPCs", "section 47", "the LADO"): the lesson whose words
 * match the longest phrase of the topic, or null. Where the message is placed in a
 * jurisdiction, that jurisdiction's lessons are preferred when any of them matches.
 */
export function lessonForTopic(data: WalkthroughData, topic: string, jurisdiction?: Lesson["jurisdiction"] | null): Lesson | null {
  const words = tokens(topic);
  if (words.length === 0) return null;
  const matches: { lesson: Lesson; length: number }[] = [];
  for (const lesson of data.lessons) {
    let length = 0;
    for (const w of [lesson.title, ...lesson.words]) {
      const phrase = tokens(w);
      if (phrase.length > length && findPhrase(words, phrase).length > 0) length = phrase.length;
    }
    if (length > 0) matches.push({ lesson, length });
  }
  const own = matches.filter((m) => m.lesson.jurisdiction === jurisdiction);
  const pool = own.length > 0 ? own : matches;
  // Longest phrase wins; on a tie, the earlier lesson in the process.
  return pool.reduce<{ lesson: Lesson; length: number } | null>((best, m) => (!best || m.length > best.length ? m : best), null)?.lesson ?? null;
}
