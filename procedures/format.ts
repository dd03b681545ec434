import type { Citation } from "../core/citation.js";
import { jurisdictionLabel } from "../core/jurisdiction.js";
import type { NextResult } from "./next.js";

const cite = (c: Citation) => `${c.title}, ${c.section}${c.paragraph ? `, paragraph ${c.paragraph}` : ""}: "${c.quote}"`;

/**
 * A NextResult as plain text for a chat reply or a terminal: the reading, numbered
 * steps with who and when, warnings, then the sources quoted. No user text beyond the
 * date readings already echoed in `interpretation`.
 */
export function formatNextText(r: NextResult): string {
  const lines: string[] = [`What happens next (${jurisdictionLabel(r.jurisdiction)}): ${r.stage_title}`, r.interpretation, ""];
  r.steps.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.title}${s.due ? ` — due ${s.due}` : ""}`);
    lines.push(`   Who: ${s.who.join("; ")}`);
    lines.push(`   ${s.detail}`);
  });
  if (r.warnings.length > 0) lines.push("", ...r.warnings.map((w) => `Note: ${w}`));
  const sources = new Map<string, Citation>();
  for (const c of r.steps.flatMap((s) => s.citations)) sources.set(`${c.file}|${c.quote}`, c);
  lines.push("", "Sources:", ...[...sources.values()].map((c) => `- ${cite(c)}`));
  return lines.join("\n");
}
