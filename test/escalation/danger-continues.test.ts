import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { readMessage } from "../../escalation/reader.js";
import { DANGER_KINDS, loadRiskModel } from "../../escalation/risk-model.js";
import { triageByRules } from "../../escalation/triage.js";

interface Case {
  kind: string;
  case: "goes_on" | "dated";
  text: string;
}
const cases = readCases<Case>("danger-continues-cases.jsonl");
const model = loadRiskModel();

describe("a danger told as done that goes on now (cues.json danger_continues)", () => {
  it("every danger kind names the ways it goes on, and the table walks each kind both ways", () => {
    for (const k of DANGER_KINDS) expect(model.cues.danger_continues.kinds[k]?.length ?? 0).toBeGreaterThan(0);
    for (const k of DANGER_KINDS) for (const c of ["goes_on", "dated"]) expect(cases.some((x) => x.kind === k && x.case === c)).toBe(true);
  });

  it.each(cases.filter((c) => c.case === "goes_on").map((c) => [c.kind, c.text] as const))("%s done recently and going on now is 999: %s", (kind, text) => {
    const r = triageByRules(text);
    expect(r.level).toBe("999");
    expect(r.reasons).toContain(`danger:${kind}:live`);
  });

  it.each(cases.filter((c) => c.case === "dated").map((c) => [c.kind, c.text] as const))("%s dated long ago is not live, whatever follows it: %s", (kind, text) => {
    const r = readMessage(text);
    expect(r.hits.some((h) => h.kind === kind)).toBe(true);
    expect(r.hits.filter((h) => h.kind === kind).some((h) => h.live)).toBe(false);
  });

  it("an ending beats a way of going on: arrested, he is not 'still in the house'", () => {
    expect(readMessage("He hit her an hour ago. He has been arrested and she is with her nan.").facts.has("danger_live")).toBe(false);
  });

  it("a pattern is not made live by the person still being there", () => {
    expect(readMessage("Her dad used to hit her at weekends and he is waiting outside the school.").facts.has("danger_live")).toBe(false);
  });

  it("a way of going on that is denied does not count: 'she is not being sick'", () => {
    expect(readMessage("She took two of her mum's tablets last week by mistake and she is not being sick.").facts.has("danger_live")).toBe(false);
  });
});
