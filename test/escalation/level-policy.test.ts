import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { applySafetyNets, policyFacts } from "../../escalation/decide.js";
import { LEVELS, type TriageLevel } from "../../escalation/levels.js";
import { readMessage } from "../../escalation/reader.js";
import { loadRiskModel } from "../../escalation/risk-model.js";
import { createTriage, triageByRules } from "../../escalation/triage.js";

interface Case {
  writer: string;
  text: string;
  expected: TriageLevel;
  /** False where the reader names no harm: then a model's "none" may stand (default true). */
  floor?: boolean;
  why?: string;
}
const cases = readCases<Case>("level-policy-cases.jsonl");
const BELOW_999 = LEVELS.filter((l) => l !== "999");

describe("the level policy holds whatever the model proposes (levels.json safety nets)", () => {
  it.each(cases.map((c) => [c.writer, c] as const))("%s", (_writer, c) => {
    const reading = readMessage(c.text);
    for (const proposed of BELOW_999) {
      if (proposed === "none" && c.floor === false) continue;
      expect(applySafetyNets(proposed, reading).level, `proposed ${proposed}`).toBe(c.expected);
    }
    expect(triageByRules(c.text).level).toBe(c.expected);
  });

  it("the table walks every kind of writer at every level but 999", () => {
    const levels = new Set(cases.map((c) => c.expected));
    for (const l of BELOW_999) expect(levels.has(l), l).toBe(true);
    for (const w of ["child", "parent", "foster carer", "grandparent", "neighbour", "care leaver", "teacher", "social worker", "does not say", "asker"]) {
      expect(cases.some((c) => c.writer.includes(w)), w).toBe(true);
    }
  });
});

describe("Childline needs positive evidence of a child writing about themselves", () => {
  it("a first-person harm the reader weighs as a child's, with nothing of an adult's life, is a child's and goes to Childline", () => {
    // The product's adult users write about children; a writer telling of harm done to themselves, whom the reader
    // weighs as a child and who shows nothing of an adult's life, is decided as a child (round eight's integration).
    for (const text of ["Someone keeps hurting me and I don't know what to do.", "he had me pinned down at christmas"]) {
      const r = readMessage(text);
      expect(policyFacts(r).has("child_writer"), text).toBe(true);
      expect(applySafetyNets("101_or_childrens_services", r).level, text).toBe("childline");
    }
  });

  it("the same first-person harm with an adult's life is decided between the adult levels", () => {
    for (const text of ["Someone keeps hurting me and I don't know what to do, my kids are scared of him too.", "he had me pinned down at christmas, my husband says I'm overreacting"]) {
      const r = readMessage(text);
      expect(policyFacts(r).has("child_writer"), text).toBe(false);
      expect(applySafetyNets("childline", r).level, text).not.toBe("childline");
    }
  });

  it("the same story with a child's age, school or parents is a child's, and goes to Childline", () => {
    for (const text of ["I'm 13 and he had me pinned down at christmas", "he had me pinned down at christmas and I can't tell my mum", "he had me pinned down at christmas, I'm in year 9"]) {
      expect(applySafetyNets("101_or_childrens_services", readMessage(text)).level, text).toBe("childline");
    }
  });

  it("an adult's life or age rules a child out, whatever else the message says", () => {
    for (const text of ["I'm 19 and my mum hit me last week.", "My mum hit me last week and my partner says I should report it."]) {
      expect(policyFacts(readMessage(text)).has("child_writer"), text).toBe(false);
    }
  });

  it("no professional, parent or carer is ever sent to Childline, whatever the model proposes", () => {
    const adults = cases.filter((c) => !c.writer.startsWith("child") && /teacher|dsl|social worker|health visitor|coach|parent|foster|grandparent|neighbour|sibling|care leaver/i.test(c.writer));
    for (const c of adults) expect(applySafetyNets("childline", readMessage(c.text)).level, c.text).not.toBe("childline");
  });
});

describe("none is for questions about procedure", () => {
  it("every net that raises from none needs harm, risk or a child told of, and never a procedure frame", () => {
    for (const net of loadRiskModel().levels.safety_nets.filter((n) => n.effect === "raise_to" && n.from.includes("none"))) {
      expect(net.none, net.id).toContain("framed");
      expect([...net.all, ...net.any].some((f) => ["child_concern", "child_told_of", "child_writer"].includes(f)), net.id).toBe(true);
    }
  });

  it("a concern told with no question is signposted even where the model says none", async () => {
    const t = await createTriage();
    const text = "The children next door are left on their own every evening and the youngest is about 4.";
    expect(applySafetyNets("none", readMessage(text)).level).toBe("101_or_childrens_services");
    // The whole pipeline signposts it and never as a child's own (a neighbour writes). Which signpost is the trained
    // model's to say: since the weights learnt sets #9 and #10 (round fifteen) it votes 999 for a small child left alone,
    // an over-escalation counted among the false 999s, which the safety nets allow (they only ever raise a level).
    const level = (await t.assess(text)).level;
    expect(["999", "101_or_childrens_services"]).toContain(level);
  });
});
