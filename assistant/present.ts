import type { Citation } from "../core/citation.js";
import type { AskResult, SignpostView, TriageView } from "./types.js";
import type { DeadlineView } from "./assistant.js";

/**
 * Plain-text/Markdown wording of each result, shared by the CLI's human output and
 * the bot's messages so both say the same thing. Pure functions.
 */

export function presentCitation(c: Citation, n?: number): string {
  const where = [c.title, c.section, c.paragraph ? `para ${c.paragraph}` : null].filter(Boolean).join(", ");
  return `${n !== undefined ? `[${n}] ` : ""}${where}: "${c.quote}"`;
}

export function presentCitations(citations: readonly Citation[]): string {
  if (citations.length === 0) return "";
  return "Sources:\n" + citations.map((c, i) => `${i + 1}. ${presentCitation(c)}`).join("\n");
}

export function presentSignpost(s: SignpostView | null): string {
  return s ? `**${s.text}**` : "";
}

export function presentAsk(r: AskResult): string {
  return [presentSignpost(r.signpost), r.answer, presentCitations(r.citations)].filter((p) => p !== "").join("\n\n");
}

export function presentTriage(r: TriageView): string {
  return r.level === "none" ? r.text : `[${r.level}] ${r.text}`;
}

/** Next steps: the procedures folder owns their wording. */
export { formatNextText as presentNext } from "../procedures/index.js";

export function presentDeadline(r: DeadlineView): string {
  const read = `Date read as ${r.event_date_interpretation}.` + (r.event_date_ambiguous ? ` ${r.event_date_ambiguous}` : "");
  const lines = r.deadlines.map((d) => `- ${d.explanation}\n  Source: ${d.citations[0] ? presentCitation(d.citations[0]) : "none"}`);
  const warnings = r.warnings.length ? `\n\n${r.warnings.join("\n")}` : "";
  const conventions = r.deadlines.length ? `\n\nHow I count: ${r.conventions}` : "";
  return `${read}\n\n${lines.join("\n") || "No deadlines to show."}${warnings}${conventions}`;
}
