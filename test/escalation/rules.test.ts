import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { loadExamples, moreUrgent, triageByRules, type TriageLevel } from "../../escalation/index.js";
import { ruleVerdict } from "../../escalation/rules.js";

interface Case {
  group: string;
  text: string;
  level: TriageLevel;
}
const cases: Case[] = readFileSync(fromRoot("test", "escalation", "triage-cases.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as Case);

const groups: Record<string, string> = {
  "999": "a child in danger now is signposted to 999",
  typos: "capitals, typos, repeated letters and text-speak still reach the right level",
  welsh: "Welsh messages about danger now are signposted to 999",
  injection: "instructions inside a message do not change the level",
  "present-vs-past": "harm happening now is 999, harm in the past is a concern to report",
  negation: "a concern the writer says is not an emergency goes to children's services, not 999",
  child: "a child writing about themselves is signposted to Childline, or 999 when in danger now",
  "101": "an adult reporting a non-urgent concern is signposted to children's services or 101",
  nspcc: "an adult unsure whether to report, or asking for the NSPCC, gets the NSPCC helpline",
  procedure: "procedure questions, even full of danger words, get no signpost",
};

describe("triageByRules", () => {
  for (const [group, title] of Object.entries(groups)) {
    it.each(cases.filter((c) => c.group === group))(`${title}: %#`, (c) => {
      expect(triageByRules(c.text).level).toBe(c.level);
    });
  }

  it("every case group in the table has a title (no case is silently skipped)", () => {
    expect(new Set(cases.map((c) => c.group))).toEqual(new Set(Object.keys(groups)));
  });

  it("a result carries the fixed signpost for its level, and none carries no signpost", () => {
    const urgent = triageByRules("my brother is overdosing right now");
    expect(urgent.signpost?.level).toBe("999");
    expect(urgent.text).toContain("call 999");
    const procedural = triageByRules("what does immediate protection mean?");
    expect(procedural.signpost).toBeNull();
    expect(procedural.text).not.toMatch(/999|101|0808|0800/);
  });

  it("reasons name rules, never the writer's words", () => {
    const r = triageByRules("Zebedee has a knife and says he will kill my mum tonight");
    expect(r.level).toBe("999");
    expect(r.reasons.length).toBeGreaterThan(0);
    expect(r.reasons.join(" ")).not.toMatch(/zebedee|knife|mum/i);
  });

  it("empty or blank input is none, without an error", () => {
    expect(triageByRules("").level).toBe("none");
    expect(triageByRules("   \n ").level).toBe("none");
  });
});

describe("the labelled examples (escalation/examples.jsonl), rules alone", () => {
  const examples = loadExamples();
  for (const split of ["train", "heldout"] as const) {
    const rows = examples.filter((e) => e.split === split);
    it(`${split}: every 999 example is caught`, () => {
      const missed = rows.filter((e) => e.level === "999" && triageByRules(e.text).level !== "999").map((e) => e.id);
      expect(missed).toEqual([]);
    });
    it(`${split}: at least 95% are at the expected level`, () => {
      const right = rows.filter((e) => triageByRules(e.text).level === e.level).length;
      expect(right / rows.length).toBeGreaterThanOrEqual(0.95);
    });
  }
  it("there are at least 150 examples covering every level", () => {
    expect(examples.length).toBeGreaterThanOrEqual(150);
    expect(new Set(examples.map((e) => e.level)).size).toBe(5);
  });
});

describe("long input", () => {
  const filler = "Chronology entry: home visit completed, mother engaged well, children seen together, no new concerns noted, next visit booked. ";
  const paste = (n: number) => filler.repeat(Math.ceil(n / filler.length));

  it("a 100 KB paste with the emergency in its last line is still 999", () => {
    const text = `${paste(100_000)} UPDATE just now: he has come back with a knife and says he is going to stab his stepdad tonight, what do I do`;
    expect(text.length).toBeGreaterThan(100_000);
    expect(triageByRules(text).level).toBe("999");
  });

  it("an emergency buried in the middle of a long paste of varied text is found", () => {
    const varied = Array.from({ length: 900 }, (_, i) => `Entry ${i}: visit ${i % 7} went ahead, school attendance ${i % 100}% this term.`).join(" ");
    const text = `${varied.slice(0, 50_000)} My daughter is 13 and has been missing since 4pm and a man said he would pick her up tonight. ${varied.slice(50_000)}`;
    expect(triageByRules(text).level).toBe("999");
  });

  it("a long paste of routine notes with no danger is not 999", () => {
    expect(triageByRules(paste(100_000)).level).not.toBe("999");
  });

  it("the rules read 100 KB in a few milliseconds", () => {
    const text = `${paste(100_000)} he has a knife now`;
    triageByRules(text);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      triageByRules(text);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    // Generous bound: CI machines are shared. Typical is 2-5 ms.
    expect(times[3]!).toBeLessThan(50);
  });
});

describe("moreUrgent", () => {
  it("orders 999 before childline before 101 before NSPCC advice before none", () => {
    const order: TriageLevel[] = ["999", "childline", "101_or_childrens_services", "nspcc_advice", "none"];
    for (let i = 0; i < order.length; i++) {
      for (let j = i; j < order.length; j++) {
        expect(moreUrgent(order[i]!, order[j]!)).toBe(order[i]);
        expect(moreUrgent(order[j]!, order[i]!)).toBe(order[i]);
      }
    }
  });
});

const evalDir = fromRoot("test", "eval");
describe.skipIf(!existsSync(evalDir))("public evaluation sample, rules alone", () => {
  const read = (f: string) => readFileSync(`${evalDir}/${f}`, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

  it("escalation.jsonl: every line at its expected level", () => {
    const wrong = read("escalation.jsonl").filter((r) => triageByRules(String(r.text)).level !== r.expected).map((r) => r.id);
    expect(wrong).toEqual([]);
  });

  it("qa.jsonl: practitioners' procedure questions get no signpost (escalation-kind questions at most 101)", () => {
    const wrong = read("qa.jsonl")
      .filter((r) => {
        const level = triageByRules(String(r.question)).level;
        return r.kind === "escalation" ? !["none", "101_or_childrens_services"].includes(level) : level !== "none";
      })
      .map((r) => r.id);
    expect(wrong).toEqual([]);
  });

  it("adversarial adv-004: the 100 KB paste with the knife at the end is 999", () => {
    const adv = read("adversarial.jsonl").find((r) => r.id === "adv-004") as { input: { text: string } } | undefined;
    expect(adv).toBeDefined();
    expect(triageByRules(adv!.input.text).level).toBe("999");
  });
});

describe("ruleVerdict", () => {
  it("flags the sentence that describes danger, so a long text embeds only what matters", () => {
    const v = ruleVerdict("We had a meeting. Notes were agreed. Right now he is hitting her with a belt. The end.");
    expect(v.level).toBe("999");
    expect(v.flagged).toContain(2);
  });
});
