import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";
import { clauses, readSection47 } from "../../records/decisions.js";

/**
 * Working Together 2023 (ch. 3) has the local authority decide on section 47 enquiries; the discussion shares what is
 * known and gives views. Notes often say the decision is still the local authority's to make, in the forms below,
 * written from how practitioners hand a decision on. Each is read as undecided (and flagged), never as a yes or a no.
 */
const deps = { clock: fixedClock("2026-03-10T09:00:00Z"), calculator: createDeadlineCalculator() };
const HEAD = "Strategy discussion Tuesday 10/03/2026 10:00 Teams\nRef C-20441\nPresent: Jo Bell SW, DC Amy Hall CAIT, Ruth Bell HV\nConcerns: bruise to the cheek of a 5 year old\n";
const s47 = (text: string) => readSection47(clauses(text)).decision;

describe("a section 47 decision handed on to the local authority is not yet made", () => {
  it.each([
    "s47 – everyone present thinks s47 is needed but it's CSC's decision – NOT confirmed",
    "section 47 is a decision for children's services",
    "s47: not decided – needs EDT/LA",
    "s47 ?? - pass to day team Mon for decision",
    "Re s47 I think we need to take it to my TM (Ruth) – she's back tomorrow – we're split on s47 vs carrying on with the care and support assessment",
    "s47 vs CE screening – split view, TM to decide after RHI",
    "Dewi needs to run it past his team manager before confirming whether it's a section 47",
    "S47 - not discussed today (was it agreed at 1st strat? Grace to check the record)",
    "s47 - ? Sioned to decide after HV update",
    "nothing re s47 to be shared until LA decides",
    "mum agreed no unsupervised care until s47 decision",
  ])("'%s' leaves section 47 undecided", (line) => {
    expect(s47(line)).toBe("undecided");
  });

  it.each([
    ["s47 agreed - threshold met", "yes"],
    ["Threshold for Section 47 is met and Gethin agreed enquiries start now", "yes"],
    ["All felt threshold met for s47", "yes"],
    ["s47 – no, CIN assessment instead", "no"],
    ["NFA s47", "no"],
    ["s47? Y", "yes"],
  ])("'%s' is still a decision (%s)", (line, want) => {
    expect(s47(line)).toBe(want);
  });

  it("the family's past involvement is not this discussion's decision", () => {
    expect(s47("Hx: 2 prev PPNs (DA, ex-p), CIN closed Jan 26")).toBe("undecided");
    expect(s47("prev: 2x DA police reports 2025, 1 CSC contact 03/26 NFA")).toBe("undecided");
    expect(s47("Outcome: CIN, no s47")).toBe("no");
  });

  it("when the notes hand the decision to the team manager, the draft flags section 47 as not yet decided", () => {
    const d = draftFromNotes(`${HEAD}Decisions:\n- s47: split view, TM to decide tomorrow\n- no criminal investigation\n- legal: no\nActions:\n- Jo to see the child today`, deps);
    expect(d.record.decisions.section47.decision).toBe("undecided");
    expect(d.gaps.map((g) => g.field)).toContain("decisions.section47");
  });
});
