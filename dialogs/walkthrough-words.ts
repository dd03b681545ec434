import type { Citation } from "../core/citation.js";
import { jurisdictionLabel, type Jurisdiction } from "../core/jurisdiction.js";
import type { YesNo } from "../core/yes-no.js";
import { t } from "../messages/index.js";
import type { Expected, RouteOutcome, RouteView, TimescaleValue } from "../procedures/walkthroughs/index.js";

/**
 * How the walkthroughs' values are worded for the user: periods, citations, the route
 * summary a Designated Safeguarding Lead copies, and quiz answers. Pure functions over
 * the domain's values and the message catalogue.
 */

/** "1 working day", "15 working days", "3 months". */
export function periodWords(count: number, unit: "working_days" | "months"): string {
  if (unit === "months") return t(count === 1 ? "period.month" : "period.months", { count });
  return t(count === 1 ? "period.workingDay" : "period.workingDays", { count });
}

/** A timescale in words: "within one working day of the referral being received" is worded from its values. */
export function timescaleWords(v: TimescaleValue): string {
  if (v.kind === "phrase") return v.text;
  const period = periodWords(v.count, v.unit);
  return v.from ? t("period.withinOf", { period, from: v.from }) : t("period.within", { period });
}

/** Where a passage is: document, section and paragraph. */
export function citationWhere(c: Citation): string {
  const section = c.section.split(" > ").slice(-2).join(" > ");
  return [c.title, section, c.paragraph ? `para ${c.paragraph}` : null].filter(Boolean).join(", ");
}

/** "Source: Working Together to Safeguard Children 2023, Referral, para 150: “…”" */
export function sourceLine(c: Citation): string {
  return t("walk.source", { where: citationWhere(c), quote: c.quote });
}

/** "A, B and C" (or "A, B or C"). */
export function listWords(items: readonly string[], joiner: "and" | "or" = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${t(joiner === "and" ? "walk.and" : "walk.or")} ${items.at(-1)}`;
}

export function yesNoWords(a: YesNo): string {
  return t(a === "yes" ? "walk.yes" : a === "no" ? "walk.no" : "walk.notSure");
}

/** The expected answer of a quiz question, in words. */
export function expectedWords(e: Expected): string {
  if (e.kind === "period") return periodWords(e.count, e.unit);
  const labels = e.items.map((i) => i.label);
  return e.need === "any" && labels.length > 1 ? t("learn.anyOf", { items: listWords(labels, "or") }) : listWords(labels);
}

/** Numbers each distinct citation once, in the order first used. */
class Footnotes {
  private readonly list: Citation[] = [];

  mark(cs: readonly Citation[]): string {
    const ns = cs.map((c) => {
      let i = this.list.findIndex((x) => x.file === c.file && x.quote === c.quote);
      if (i < 0) i = this.list.push(c) - 1;
      return `[${i + 1}]`;
    });
    return [...new Set(ns)].join("");
  }

  lines(): string[] {
    return this.list.map((c, i) => `[${i + 1}] ${citationWhere(c)}: “${c.quote}”`);
  }
}

function routeBlock(r: RouteView, n: number, notes: Footnotes): string[] {
  const steps = r.steps.map((s) => `- ${s.text} ${notes.mark(s.citations)}`);
  const call = r.contacts.map((c) => `- ${c.label}${c.when ? `: ${timescaleWords(c.when)}` : ""}`);
  const record = r.record.map((x) => `- ${x.text} ${notes.mark([x.citation])}`);
  return [
    `**${n}. ${r.title}**`,
    `${t("route.steps")}:\n${steps.join("\n")}`,
    ...(call.length ? [`${t("route.call")}:\n${call.join("\n")}`] : []),
    ...(record.length ? [`${t("route.record")}:\n${record.join("\n")}`] : []),
    ...r.warnings,
  ];
}

/**
 * The summary at the end of the referral route, as paragraphs of plain Markdown the
 * DSL can copy: the answers given, each route with its steps, who to call and what to
 * record, the routes to check, and the sources quoted in full.
 */
export function routeSummary(o: RouteOutcome): string[] {
  const jurisdiction = jurisdictionLabel(o.jurisdiction as Jurisdiction);
  const notes = new Footnotes();
  const answers = o.answered.map((a) => `- ${a.question.text} ${yesNoWords(a.answer)}`);
  const out = [`**${t("route.title", { jurisdiction })}**`, `${t("route.answersHeading")}:\n${answers.join("\n")}`];
  let n = 0;
  out.push(`**${o.fallback ? t("route.fallback") : t("route.applies")}**`);
  for (const r of o.applies) out.push(...routeBlock(r, ++n, notes));
  if (o.check.length) {
    out.push(`**${t("route.check")}**`);
    for (const r of o.check) out.push(...routeBlock(r, ++n, notes));
  }
  out.push(`**${t("route.sources")}**\n${notes.lines().join("\n")}`);
  out.push(t("route.copy", { jurisdiction }));
  return out;
}
