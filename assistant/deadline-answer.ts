import type { Jurisdiction } from "../core/jurisdiction.js";
import type { DeadlineCalculator, DeadlineQuestion } from "../deadlines/index.js";
import type { AskResult } from "./types.js";

/**
 * Answer a deadline question that carries a date ("when is the ICPC due if the strat
 * was on 3/5/2025?") with the calculated date, its explanation and citation, and the
 * reading of the date echoed so the practitioner can check it. Pure.
 */
export function answerDeadlineQuestion(
  q: DeadlineQuestion,
  calculator: DeadlineCalculator,
  jurisdiction?: Jurisdiction,
): Omit<AskResult, "signpost"> | null {
  if (q.dateError) {
    return {
      answer: `${q.dateError} Please give the date again (for example 14/05/2025) and I will work out the deadline.`,
      jurisdiction: null,
      covered: false,
      citations: [],
    };
  }
  if (!q.date) return null;
  const result = calculator.deadlinesFor(q.event, q.date.date, { jurisdiction });
  const chosen = q.rule ? result.deadlines.filter((d) => d.rule === q.rule) : result.deadlines;
  const reading = `I have read the date as ${q.date.interpretation}.` + (q.date.ambiguous ? ` ${q.date.ambiguous} Tell me if you meant that date.` : "");
  if (chosen.length === 0) {
    return {
      answer: [reading, ...result.warnings].join(" "),
      jurisdiction: jurisdiction ?? null,
      covered: false,
      citations: [],
    };
  }
  return {
    answer: [`In England, by Working Together 2023: ${reading}`, ...chosen.map((d) => d.explanation), ...result.warnings].join("\n\n"),
    jurisdiction: "england",
    covered: true,
    citations: chosen.flatMap((d) => d.citations).filter((c, i, all) => all.findIndex((o) => o.quote === c.quote) === i),
  };
}
