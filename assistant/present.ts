import type { Citation } from "../core/citation.js";
import type { NextResult } from "../procedures/index.js";
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

export function presentNext(r: NextResult): string {
  const head = `Where things stand: ${"stage_title" in r && r.stage_title ? String(r.stage_title) : r.stage} (${r.jurisdiction === "wales" ? "Wales" : "England"}).`;
  const extra = "interpretation" in r && r.interpretation ? `\n${String(r.interpretation)}` : "";
  const steps = r.steps.map((s, i) => {
    const due = s.due ? ` Due by ${s.due}.` : "";
    const src = s.citations[0] ? `\n   Source: ${presentCitation(s.citations[0])}` : "";
    return `${i + 1}. **${s.title}**: ${s.detail}${due}${src}`;
  });
  const warnings = "warnings" in r && Array.isArray(r.warnings) && r.warnings.length ? `\n\n${(r.warnings as string[]).join("\n")}` : "";
  return `${head}${extra}\n\nNext steps:\n${steps.join("\n")}${warnings}`;
}

export function presentDeadline(r: DeadlineView): string {
  const head = `Event: ${r.event}, ${r.event_date_interpretation}.` + (r.event_date_ambiguous ? ` (${r.event_date_ambiguous})` : "");
  const lines = r.deadlines.map((d) => `- **${d.rule}: ${d.due}**. ${d.explanation}`);
  const warnings = r.warnings.length ? `\n\n${r.warnings.join("\n")}` : "";
  return `${head}\n\n${lines.join("\n") || "No deadlines."}${warnings}`;
}
