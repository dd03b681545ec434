import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { createDeadlineCalculator, formatDate, ruleFromText, toEventId } from "../../deadlines/index.js";

// The public evaluation sample (test/eval, copied from the shared sample); every line must pass.
const file = fromRoot("test", "eval", "deadlines.jsonl");
const rows = existsSync(file)
  ? readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; event: string; event_date: string; rule: string; expected_due: string })
  : [];
const calc = createDeadlineCalculator();

describe.skipIf(rows.length === 0)("evaluation sample (test/eval/deadlines.jsonl)", () => {
  it.each(rows.map((r) => [r.id, r] as const))("%s gives the expected due date, explained and cited", (_id, row) => {
    const event = toEventId(row.event);
    const rule = ruleFromText(row.rule, event);
    expect(rule).not.toBeNull();
    const result = calc.deadlinesFor(event, row.event_date);
    const d = result.deadlines.find((x) => x.rule === rule);
    expect(d?.due).toBe(row.expected_due);
    expect(d?.explanation).toContain(formatDate(row.expected_due));
    expect(d?.citations.length).toBeGreaterThan(0);
    for (const s of d?.skipped ?? []) expect(d?.explanation).toContain(formatDate(s));
  });
});
