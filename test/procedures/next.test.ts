import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { isAppError } from "../../core/errors.js";
import { fromRoot } from "../../core/paths.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { formatNextText, listStages, whatNext, type NextResult } from "../../procedures/index.js";

const calculator = createDeadlineCalculator();
const depsOn = (today: string) => ({ clock: fixedClock(`${today}T12:00:00Z`), calculator });
const deps = depsOn("2026-06-23");

interface DateCase {
  text: string;
  today: string;
  stage: string;
  due: Record<string, string | null>;
}
const dateCases = JSON.parse(readFileSync(fromRoot("test", "procedures", "next-dates.json"), "utf8")) as DateCase[];

const dueOf = (r: NextResult, rule: string) => r.steps.filter((s) => s.rule === rule).map((s) => s.due);
// England's statutory timescales, in the words the guidance uses.
const ENGLAND_TIMESCALE = /working days?|three months|3 months|six months|6 months/i;

describe("whatNext: every stage", () => {
  it.each(listStages().map((s) => [s.id, s.jurisdiction] as const))(
    "when the situation is the stage id %s, the next steps are that stage's, in %s, each cited",
    (id, jurisdiction) => {
      const r = whatNext(id, deps);
      expect(r.stage).toBe(id);
      expect(r.jurisdiction).toBe(jurisdiction);
      expect(r.steps.length).toBeGreaterThan(0);
      for (const step of r.steps) {
        expect(step.citations.length).toBeGreaterThan(0);
        expect(step.who.length).toBeGreaterThan(0);
        expect(step.due).toBeNull();
      }
    },
  );
});

describe("whatNext: due dates", () => {
  it.each(dateCases.map((c) => [c.text, c] as const))('when the situation is "%s", the due dates are worked out', (_t, c) => {
    const r = whatNext(c.text, depsOn(c.today));
    expect(r.stage).toBe(c.stage);
    for (const [rule, due] of Object.entries(c.due)) {
      const dues = dueOf(r, rule);
      expect(dues.length, `a step with rule ${rule}`).toBeGreaterThan(0);
      for (const d of dues) expect(d).toBe(due);
    }
  });

  it("when a date is given, the reading of it is echoed in the interpretation", () => {
    const r = whatNext("ICPC was yesterday", deps);
    expect(r.interpretation).toContain("ICPC taken as Mon 22 Jun 2026");
    expect(r.dates).toEqual([expect.objectContaining({ events: ["icpc"], date: "2026-06-22", named: true })]);
  });

  it("when a due date is worked out, the step says how, with the bank holidays skipped", () => {
    const r = whatNext("strat on 10/4/2025, s47 agreed", depsOn("2025-04-11"));
    const icpc = r.steps.find((s) => s.rule === "icpc");
    expect(icpc?.detail).toContain("Tue 6 May 2025");
    expect(icpc?.due_explanation).toMatch(/Good Friday/i);
  });

  it("when no date is given, the timescale is stated in words and due stays null", () => {
    const r = whatNext("strat done, s47 agreed", deps);
    const icpc = r.steps.find((s) => s.rule === "icpc");
    expect(icpc?.due).toBeNull();
    expect(icpc?.detail).toContain("within 15 working days of the strategy discussion");
  });

  it("when a date cannot exist, the steps still come back and a warning says why", () => {
    const r = whatNext("ICPC on 31/2/2025", deps);
    expect(r.stage).toBe("icpc");
    expect(r.steps.every((s) => s.due === null)).toBe(true);
    expect(r.warnings.join(" ")).toMatch(/February/);
  });
});

describe("whatNext: the pathway's content", () => {
  it("after police protection, a strategy discussion follows as soon as possible, the child is seen and legal advice sought", () => {
    const r = whatNext("police took him under police protection last night", deps);
    expect(r.stage).toBe("immediate_protection");
    const text = r.steps.map((s) => `${s.title} ${s.detail}`).join(" ");
    expect(text).toMatch(/strategy discussion as soon as possible/i);
    expect(text).toMatch(/sees the child/);
    expect(text).toMatch(/legal advice/i);
    const quotes = r.steps.flatMap((s) => s.citations.map((c) => c.quote)).join(" ");
    expect(quotes).toContain("a strategy discussion should take place as soon as possible after action has been taken");
  });

  it("after section 47 enquiries are not substantiated, support and further discussions follow, with no ICPC deadline", () => {
    const r = whatNext("enquiries found nothing", deps);
    expect(r.steps.some((s) => /support/i.test(s.title))).toBe(true);
    expect(r.steps.some((s) => s.rule === "icpc")).toBe(false);
  });

  it("a transfer-in leaves the original authority's plan in place until the receiving authority's conference", () => {
    const r = whatNext("family moved in from another county on a CP plan", deps);
    expect(r.steps.map((s) => s.title).join(" ")).toMatch(/original authority keeps the plan/i);
  });
});

describe("whatNext: Wales", () => {
  const walesSituations = [
    "ICPC was on 2025-01-31",
    "strat on 10/4/2025, s47 agreed",
    "referral received on 24/12/2026",
    "core group due? ICPC was 31/1/2025",
    "police took him under police protection last night",
    "family moved in from another county on a CP plan, notified 30/8/2026",
  ];
  it.each(walesSituations)('when "%s" is asked about in Wales, no England timescale or due date is shown', (text) => {
    const r = whatNext(text, deps, { jurisdiction: "wales" });
    expect(r.jurisdiction).toBe("wales");
    expect(r.stage.startsWith("wales_")).toBe(true);
    for (const s of r.steps) {
      expect(s.due).toBeNull();
      expect(s.rule).toBeNull();
      expect(`${s.title} ${s.detail}`).not.toMatch(ENGLAND_TIMESCALE);
      for (const c of s.citations) expect(c.file.startsWith("cascade-wales")).toBe(true);
    }
  });

  it("when the Wales sources give no timescale, the answer says so plainly", () => {
    const r = whatNext("ICPC was yesterday", deps, { jurisdiction: "wales" });
    const said = [...r.steps.map((s) => s.detail), ...r.warnings].join(" ");
    expect(said).toMatch(/Wales sources I hold give no timescale/);
  });

  it("the Wales strategy meeting is held where the young person is and shared with their home area", () => {
    const r = whatNext("strategy meeting in Wales", deps);
    expect(r.stage).toBe("wales_strategy_meeting");
    const quotes = r.steps.flatMap((s) => s.citations.map((c) => c.quote)).join(" ");
    expect(quotes).toContain("held in the geographical area where the young person is located");
    expect(quotes).toContain("must be shared with agencies in the area in which the young person lives");
  });

  it("the Wales outcomes are a care and support plan, voluntary accommodation or a child protection plan", () => {
    const r = whatNext("wales_outcomes", deps);
    expect(r.steps.flatMap((s) => s.next)).toEqual(["wales_care_and_support_plan", "wales_voluntary_accommodation", "wales_child_protection_plan"]);
  });

  it("an England-only duty asked about in Wales is labelled England, with no due dates, and says so", () => {
    const r = whatNext("a child died on 2 May 2026", deps, { jurisdiction: "wales" });
    expect(r.jurisdiction).toBe("england");
    expect(r.steps.every((s) => s.due === null)).toBe(true);
    expect(r.warnings.join(" ")).toMatch(/only for England/);
  });
});

describe("whatNext: input it cannot use", () => {
  it.each(["", "   ", "Zebedee went to the shops"])('when the situation is "%s", it throws invalid_input listing the stages, without echoing the text', (text) => {
    let err: unknown;
    try {
      whatNext(text, deps);
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.code).toBe("invalid_input");
    const msg = (err as Error).message;
    expect(msg).toContain("Strategy discussion");
    expect(msg).toContain("Section 47 multi-agency strategy meeting");
    expect(msg).not.toContain("Zebedee");
  });
});

describe("formatNextText", () => {
  it("words the steps in order with who, the due date and the quoted sources", () => {
    const text = formatNextText(whatNext("ICPC was on 2025-01-31", depsOn("2025-02-03")));
    expect(text).toContain("What happens next (England): Initial child protection conference (ICPC)");
    expect(text).toMatch(/First core group meeting within 10 working days of the ICPC — due 2025-02-14/);
    expect(text).toContain("Who: Core group");
    expect(text).toContain('Working Together to Safeguard Children 2023, The child protection plan > The core group should: "meet within 10 working days');
  });
});
