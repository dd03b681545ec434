import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { readMessage } from "../../escalation/reader.js";
import { DANGER_KINDS, loadRiskModel } from "../../escalation/risk-model.js";
import { triageByRules } from "../../escalation/triage.js";

interface Case {
  kind: string;
  case: "over" | "still";
  text: string;
}
const cases = readCases<Case>("danger-over-cases.jsonl");
const model = loadRiskModel();

describe("how each danger kind is said to be over (cues.json danger_over)", () => {
  it("every danger kind names the ways it ends, and every way is used", () => {
    const over = model.cues.danger_over;
    for (const k of DANGER_KINDS) expect(over.kinds[k]?.length ?? 0).toBeGreaterThan(0);
    for (const g of Object.keys(over.groups)) expect(Object.values(over.kinds).flat()).toContain(g);
  });

  it("the table has an ending and a danger still going on beside the same ending for every kind", () => {
    for (const k of DANGER_KINDS) for (const c of ["over", "still"]) expect(cases.some((x) => x.kind === k && x.case === c)).toBe(true);
  });

  it.each(cases.filter((c) => c.case === "over").map((c) => [c.kind, c.text] as const))("%s told as over is a concern, not 999: %s", (kind, text) => {
    const r = readMessage(text);
    expect(r.hits.some((h) => h.kind === kind)).toBe(true);
    expect(r.facts.has("danger_live")).toBe(false);
    expect(r.facts.has("safe_now")).toBe(true);
    expect(triageByRules(text).level).not.toBe("999");
  });

  it.each(cases.filter((c) => c.case === "still").map((c) => [c.kind, c.text] as const))("%s still going on is 999 whatever ending is told beside it: %s", (kind, text) => {
    const r = triageByRules(text);
    expect(r.level).toBe("999");
    expect(r.reasons).toContain(`danger:${kind}:live`);
  });

  it("an ending that is denied is no ending: 'not breathing normally now' stays 999", () => {
    expect(triageByRules("The ambulance is on its way, my baby is not breathing normally now").level).toBe("999");
  });

  it("a danger word inside its own ending is not the danger: 'the police took him away' is not a child taken", () => {
    const r = readMessage("Her stepdad hit her last week. The police took him away.");
    expect(r.hits.some((h) => h.kind === "abduction_taken")).toBe(false);
  });

  it("an ending speaks for its own kind only: a man arrested does not make a child's overdose past", () => {
    const r = triageByRules("Her dad has been arrested. She has taken an overdose and is drowsy.");
    expect(r.level).toBe("999");
  });
});
