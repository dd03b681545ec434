import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";
import type { TriageLevel } from "../../escalation/levels.js";

interface Case {
  text: string;
  level: TriageLevel;
  why: string;
}

const cases = readCases<Case>("role-statement-cases.jsonl");

describe("a writer's role says who writes, not which child", () => {
  it.each(cases)("$why: $level", (c) => {
    expect(triageByRules(c.text).level, c.text).toBe(c.level);
  });

  it("a role stated anywhere in the message, in any alias of the role table, makes the writer a practitioner", () => {
    expect(readMessage("Quick one from me as the class teacher: what does a core group do?").speaker).toBe("professional");
    expect(readMessage("I'm a class teacher. Do I need to speak to the LADO? A 12 year old said her dad threatened her mum with a knife at the weekend. She is safe in school.").speaker).toBe("professional");
  });

  it("a general question by a practitioner is not personal; the same question with a child seen is", () => {
    expect(readMessage("I'm a health visitor. What is the process when a family misses checks?").facts.has("personal")).toBe(false);
    expect(readMessage("I'm a health visitor. I saw a 4 month old today with a bruise on her ear. What is the process?").facts.has("personal")).toBe(true);
  });
});
