import { describe, expect, it } from "vitest";
import {
  answerChoices,
  checkWalkthroughs,
  expectedAnswer,
  gradeAnswer,
  lessonById,
  lessonForTopic,
  loadWalkthroughs,
  nextRouteQuestion,
  otherItems,
  readPeriod,
  routeOutcome,
  type RouteAnswers,
  type WalkthroughData,
} from "../../procedures/walkthroughs/index.js";

const data = loadWalkthroughs();
/** A deep copy to change: the walkthroughs must follow the data they are given. */
const copy = (): WalkthroughData => structuredClone(data);
const question = (d: WalkthroughData, lesson: string, id: string) => {
  const q = lessonById(d, lesson)?.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${lesson}.${id}`);
  return q;
};

/** Walk the route answering each question from `answers` (default "no"), as the dialog does. */
function walk(jurisdiction: "england" | "wales", answers: RouteAnswers) {
  const given: RouteAnswers = {};
  const asked: string[] = [];
  for (let q = nextRouteQuestion(data, jurisdiction, given); q; q = nextRouteQuestion(data, jurisdiction, given)) {
    asked.push(q.id);
    given[q.id] = answers[q.id] ?? "no";
  }
  return { asked, outcome: routeOutcome(data, jurisdiction, given) };
}

describe("the referral route", () => {
  it("the data loads and every reference in it resolves", () => {
    expect(checkWalkthroughs(data)).toEqual([]);
  });

  it("a child in immediate danger leads to immediate protection and a referral, and the significant harm question is not asked", () => {
    const { asked, outcome } = walk("england", { danger: "yes" });
    expect(asked).not.toContain("significant_harm");
    expect(outcome.applies.map((r) => r.id)).toEqual(["immediate_protection", "referral"]);
    expect(outcome.applies[0]?.contacts.map((c) => c.label)).toContain("Police");
  });

  it("reasonable cause to suspect significant harm leads to a referral whose decision is due within the deadline rule's period", () => {
    const { outcome } = walk("england", { significant_harm: "yes" });
    const referral = outcome.applies.find((r) => r.id === "referral");
    const decision = referral?.steps.find((s) => s.timescale?.kind === "period");
    expect(decision?.timescale).toMatchObject({ kind: "period", count: 1, unit: "working_days", from: "the referral being received" });
  });

  it("no significant harm but a child in need leads to a section 17 referral; early help is asked only when it is not a child in need", () => {
    const cin = walk("england", { child_in_need: "yes" });
    expect(cin.outcome.applies.map((r) => r.id)).toEqual(["child_in_need"]);
    expect(cin.asked).not.toContain("early_help");
    const eh = walk("england", { early_help: "yes" });
    expect(eh.asked).toContain("early_help");
    expect(eh.outcome.applies.map((r) => r.id)).toEqual(["early_help"]);
  });

  it("harm outside the home asks about trafficking and radicalisation; trafficking adds the NRM with the ICTG service in parallel", () => {
    const none = walk("england", {});
    expect(none.asked).not.toContain("trafficking");
    const { asked, outcome } = walk("england", { significant_harm: "yes", outside_home: "yes", trafficking: "yes" });
    expect(asked).toEqual(expect.arrayContaining(["trafficking", "radicalisation"]));
    const nrm = outcome.applies.find((r) => r.id === "nrm");
    expect(nrm?.contacts.map((c) => c.label)).toEqual(expect.arrayContaining(["The National Referral Mechanism (NRM)", "The Independent Child Trafficking Guardian (ICTG) service"]));
  });

  it("an allegation against someone who works with children leads to the LADO within one working day", () => {
    const { outcome } = walk("england", { allegation: "yes" });
    const lado = outcome.applies.find((r) => r.id === "allegation")?.contacts.find((c) => /LADO/.test(c.label));
    expect(lado?.when).toMatchObject({ kind: "period", count: 1, unit: "working_days" });
  });

  it("a 'not sure' keeps its route as one to check, not one that applies", () => {
    const { outcome } = walk("england", { significant_harm: "yes", outside_home: "yes", trafficking: "unsure" });
    expect(outcome.applies.map((r) => r.id)).not.toContain("nrm");
    expect(outcome.check.map((r) => r.id)).toEqual(["nrm"]);
  });

  it("when every answer is no, the fallback route says to share the concern if still worried", () => {
    const { outcome } = walk("england", {});
    expect(outcome.fallback).toBe(true);
    expect(outcome.applies.map((r) => r.id)).toEqual(["share_concern"]);
  });

  it("in Wales the walk asks only the Wales questions and gives only routes that cite the Wales pages", () => {
    const { asked, outcome } = walk("wales", { wales_danger: "yes", wales_exploitation: "yes", wales_trafficking: "yes", wales_allegation: "yes" });
    expect(asked.every((id) => id.startsWith("wales_"))).toBe(true);
    expect(outcome.applies.map((r) => r.id)).toEqual(["wales_immediate", "wales_report", "wales_exploitation", "wales_trafficking", "wales_allegation"]);
    for (const r of outcome.applies) for (const s of r.steps) for (const c of s.citations) expect(c.file).toMatch(/^cascade-wales/);
    // No England timescale is carried into Wales.
    expect(outcome.applies.flatMap((r) => r.steps).some((s) => s.timescale?.kind === "period")).toBe(false);
  });

  it("a broken reference in the route data is reported, not shown", () => {
    const d = copy();
    d.lessons[0]!.screens.push({ route: "referral", step: 99 });
    expect(checkWalkthroughs(d).join(" ")).toMatch(/points at no step/);
  });
});

describe("quiz answers come from the procedure data", () => {
  it("a timescale question expects the deadline rule's period, and changing the rule changes the expected answer", () => {
    const q = question(data, "icpc", "icpc_when");
    expect(expectedAnswer(data, q)).toMatchObject({ kind: "period", count: 15, unit: "working_days" });
    expect(gradeAnswer(expectedAnswer(data, q), "15 working days")?.verdict).toBe("right");

    const changed = copy();
    const rule = changed.rules.rules.get("icpc");
    if (!rule) throw new Error("no icpc rule");
    (rule.period as { count: number }).count = 20;
    const expected = expectedAnswer(changed, question(changed, "icpc", "icpc_when"));
    expect(expected).toMatchObject({ count: 20 });
    expect(gradeAnswer(expected, "15 working days")?.verdict).toBe("wrong");
    expect(gradeAnswer(expected, "twenty")?.verdict).toBe("right");
  });

  it("a 'who' question expects the roles of the pathway step, and changing the step's roles changes the expected answer", () => {
    const q = question(data, "strategy_discussion", "sd_decides");
    expect(expectedAnswer(data, q)).toMatchObject({ kind: "items", items: [{ id: "childrens_social_care" }] });
    expect(gradeAnswer(expectedAnswer(data, q), "the local authority")?.verdict).toBe("right");

    const changed = copy();
    const step = changed.pathway.stages.find((s) => s.id === "strategy_discussion")?.steps[2];
    if (!step) throw new Error("no step");
    step.who = ["police"];
    const expected = expectedAnswer(changed, question(changed, "strategy_discussion", "sd_decides"));
    expect(expected).toMatchObject({ kind: "items", items: [{ id: "police" }] });
    expect(gradeAnswer(expected, "the local authority", otherItems(changed, expected, "england"))?.verdict).toBe("wrong");
  });

  it("the LADO question expects the route step's period, and the strategy discussion question needs every minimum attendee", () => {
    expect(expectedAnswer(data, question(data, "allegations", "lado_when"))).toMatchObject({ kind: "period", count: 1, unit: "working_days" });
    const min = expectedAnswer(data, question(data, "strategy_discussion", "sd_minimum"));
    expect(gradeAnswer(min, "a social worker, police and health")?.verdict).toBe("right");
    expect(gradeAnswer(min, "social worker and police")).toMatchObject({ verdict: "partly", missing: ["Health practitioner"] });
  });

  it("the Wales outcomes question expects the stages the meeting leads to", () => {
    const e = expectedAnswer(data, question(data, "wales_outcomes", "wales_outcomes"));
    expect(e.kind === "items" ? e.items.map((i) => i.label) : []).toEqual(["Care and support plan", "Voluntary accommodation", "Child protection plan"]);
    expect(gradeAnswer(e, "care and support plan, voluntary accommodation or a CP plan")?.verdict).toBe("right");
  });

  it("the choices offered hold the expected answer and wrong answers from elsewhere in the data, the same each time", () => {
    const lesson = lessonById(data, "icpc");
    if (!lesson) throw new Error("no lesson");
    const q = question(data, "icpc", "icpc_when");
    const c = answerChoices(data, lesson, q);
    expect(c?.options).toContainEqual({ count: 15, unit: "working_days" });
    expect(c?.options).toHaveLength(4);
    expect(answerChoices(data, lesson, q)).toEqual(c);
    const who = answerChoices(data, lesson, question(data, "icpc", "icpc_record"));
    // One choice per organisation: none of the wrong ones is from the local authority, like the answer.
    expect(who?.options.filter((o) => "id" in o && ["childrens_social_care", "local_authority", "practice_supervisor"].includes(o.id))).toEqual([]);
  });

  it("a reply that names nothing checkable is not marked (it is asked again)", () => {
    const e = expectedAnswer(data, question(data, "icpc", "icpc_record"));
    expect(gradeAnswer(e, "hmm", otherItems(data, e, "england"))).toBeNull();
    expect(gradeAnswer(expectedAnswer(data, question(data, "icpc", "icpc_when")), "soon")).toBeNull();
  });
});

describe("reading a period and a topic", () => {
  it.each([
    ["15", { count: 15, unit: null }],
    ["15 working days", { count: 15, unit: "working_days" }],
    ["fifteen days", { count: 15, unit: "days" }],
    ["45wd", { count: 45, unit: "working_days" }],
    ["forty five working days", { count: 45, unit: "working_days" }],
    ["a working day", { count: 1, unit: "working_days" }],
    ["within three months", { count: 3, unit: "months" }],
    ["is it 6 months?", { count: 6, unit: "months" }],
    ["24 hours", { count: 24, unit: "hours" }],
  ])("\"%s\" is read as a period", (reply, expected) => {
    expect(readPeriod(reply)).toEqual(expected);
  });

  it.each([
    ["on ICPCs", "icpc"],
    ["about section 47", "section_47"],
    ["the LADO", "allegations"],
    ["county lines", "exploitation"],
    ["review conferences", "reviews"],
    ["core groups", "plan_core_group"],
  ])("the topic \"%s\" names the %s lesson", (topic, id) => {
    expect(lessonForTopic(data, topic)?.id).toBe(id);
  });

  it("a message placed in Wales prefers the Wales walkthrough when its words match", () => {
    expect(lessonForTopic(data, "strategy discussions in Wales")?.id).toBe("strategy_discussion");
    expect(lessonForTopic(data, "strategy discussions in Wales", "wales")?.id).toBe("wales_outcomes");
  });

  it("a topic that names no one lesson (the whole process) finds none, so the user is offered the list", () => {
    expect(lessonForTopic(data, "the child protection process")).toBeNull();
  });
});
