import { describe, expect, it } from "vitest";
import { PathwaySchema, getStage, listStages, loadPathway, strategyDiscussionRequirements } from "../../procedures/index.js";
import { StageIdSchema } from "../../procedures/schema.js";

/** A deep copy of the validated data, to break on purpose. */
const copy = () => structuredClone(loadPathway()) as ReturnType<typeof loadPathway>;

describe("pathway data", () => {
  it("loads and validates, with every stage id the pathway names", () => {
    const ids = listStages().map((s) => s.id);
    expect(ids.sort()).toEqual([...StageIdSchema.options].sort());
  });

  it("England and Wales stages are listed by jurisdiction", () => {
    expect(listStages("wales").every((s) => s.id.startsWith("wales_"))).toBe(true);
    expect(listStages("england").some((s) => s.id.startsWith("wales_"))).toBe(false);
  });

  it("no Wales step carries a computable timescale, and at least one says the sources give none", () => {
    const steps = listStages("wales").flatMap((s) => s.steps);
    expect(steps.some((s) => s.timescale?.kind === "rule")).toBe(false);
    expect(steps.some((s) => s.timescale?.kind === "none" && /give no timescale/.test(s.timescale.text))).toBe(true);
  });

  it("every statutory timescale in the issue is carried by a cited England step", () => {
    const rules = new Set(listStages("england").flatMap((s) => s.steps.flatMap((st) => (st.timescale?.kind === "rule" ? [st.timescale.rule] : []))));
    expect([...rules].sort()).toEqual(
      ["assessment_complete", "core_group", "first_review", "icpc", "next_review", "rapid_review", "referral_decision", "serious_incident_notification", "transfer_in_conference"].sort(),
    );
  });

  it("every transition leads to a stage of the same jurisdiction", () => {
    for (const s of listStages()) {
      for (const step of s.steps) for (const n of step.next) expect(getStage(n).jurisdiction).toBe(s.jurisdiction);
    }
  });

  it("the schema rejects a Wales step that borrows an England rule", () => {
    const bad = copy();
    const wales = bad.stages.find((s) => s.id === "wales_child_protection_plan")!;
    const icpcStep = bad.stages.find((s) => s.id === "icpc")!.steps.find((st) => st.timescale?.kind === "rule")!;
    wales.steps[0]!.timescale = icpcStep.timescale;
    expect(PathwaySchema.safeParse(bad).success).toBe(false);
  });

  it("the schema rejects a step done by a role it does not know, and a step without a citation", () => {
    const unknownRole = copy();
    unknownRole.stages[0]!.steps[0]!.who = ["somebody"];
    expect(PathwaySchema.safeParse(unknownRole).success).toBe(false);
    const uncited = copy();
    uncited.stages[0]!.steps[0]!.citations = [];
    expect(PathwaySchema.safeParse(uncited).success).toBe(false);
  });

  it("the schema rejects data with a stage missing", () => {
    const missing = copy();
    missing.stages = missing.stages.filter((s) => s.id !== "turning_18");
    expect(PathwaySchema.safeParse(missing).success).toBe(false);
  });
});

describe("strategyDiscussionRequirements", () => {
  it("names a social worker, health and the police as the minimum attendees, citing Working Together", () => {
    const { minimumAttendees } = strategyDiscussionRequirements();
    expect(minimumAttendees.map((a) => a.role)).toEqual(["Local authority social worker", "Health practitioner", "Police representative"]);
    for (const a of minimumAttendees) {
      expect(a.aliases.length).toBeGreaterThan(0);
      expect(a.citation.quote).toContain("should, as a minimum, be involved in the strategy discussion");
    }
  });

  it("lists the decisions, including the section 47 decision and those only needed when enquiries start", () => {
    const { decisions } = strategyDiscussionRequirements();
    expect(decisions.map((d) => d.id)).toEqual(expect.arrayContaining(["share_information", "criminal_investigation", "section_47_decision", "legal_action"]));
    expect(decisions.filter((d) => d.when === "if_section_47").map((d) => d.id)).toEqual(["further_information", "immediate_action", "legal_action"]);
  });

  it("names each minimum attendee group by a stable id, so a record can tell which group is missing", () => {
    expect(strategyDiscussionRequirements().minimumAttendees.map((a) => a.id)).toEqual(["social_work", "health", "police"]);
  });

  it("includes the child's welfare among the decisions and the reason and date among what a record shows, each cited", () => {
    const { decisions, recordDetails } = strategyDiscussionRequirements();
    expect(decisions.find((d) => d.id === "child_welfare")?.citation.quote).toContain("including through speaking to the child");
    expect(recordDetails.map((d) => d.id)).toEqual(["reason", "date"]);
    expect(recordDetails.find((d) => d.id === "date")?.citation.quote).toContain("within 15 working days of a strategy discussion");
  });
});
