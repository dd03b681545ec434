import { describe, expect, it } from "vitest";
import { composeLabelled } from "../../escalation/compose.js";
import { loadLabelled, parseLabelled } from "../../escalation/labelled.js";
import { readFileSync } from "node:fs";
import { fromRoot } from "../../core/paths.js";
import { DANGER_KINDS, REGISTERS } from "../../escalation/risk-model.js";

const all = loadLabelled();

describe("the labelled set", () => {
  it("has at least 1,500 lines, each with a level, a danger kind or none, a speaker and a register", () => {
    expect(all.length).toBeGreaterThanOrEqual(1500);
  });

  it("covers every danger kind from every kind of writer, now and in the past, and as a procedure question", () => {
    for (const k of DANGER_KINDS) {
      const lines = all.filter((l) => l.danger_kind === k);
      for (const sp of ["child", "parent_carer", "professional", "bystander"] as const) {
        expect(lines.some((l) => l.speaker === sp && l.level === "999"), `${k} 999 from ${sp}`).toBe(true);
      }
      expect(lines.some((l) => l.register === "past_tense" && l.level !== "999"), `${k} past`).toBe(true);
      expect(lines.some((l) => l.register === "procedure_question" && l.level === "none"), `${k} question`).toBe(true);
      for (const r of REGISTERS) expect(lines.some((l) => l.register === r), `${k} in ${r}`).toBe(true);
    }
  });

  it("a substantial part is written by hand, not from templates", () => {
    expect(all.filter((l) => l.source === "hand").length).toBeGreaterThanOrEqual(250);
    for (const k of DANGER_KINDS) expect(all.filter((l) => l.source === "hand" && l.danger_kind === k).length).toBeGreaterThanOrEqual(10);
  });

  it("no professional, parent or bystander line is labelled Childline", () => {
    expect(all.filter((l) => l.level === "childline" && l.speaker !== "child")).toEqual([]);
  });

  it("the committed template part is exactly what the templates compose (deterministic)", () => {
    const committed = parseLabelled(readFileSync(fromRoot("escalation", "data", "labelled", "generated.jsonl"), "utf8"), "generated.jsonl");
    expect(composeLabelled()).toEqual(committed);
  });
});
