import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { parseNotes } from "../../records/index.js";

const clock = fixedClock("2025-03-10T12:00:00Z");
const read = (notes: string) => parseNotes(notes, clock).record;

describe("shorthand and notes typed up from handwriting", () => {
  it("when a decision is a tick alone on its line under a heading, section 47 and legal action are read", () => {
    const r = read("Strat 10/03/2025\nPresent: Amy Cole SW\n\nOUTCOME\ns.47 ✔\nLPM ✓");
    expect(r.decisions.section47.decision).toBe("yes");
    expect(r.decisions.legal_action.decision).toBe("yes");
  });

  it("when decisions are crossed with an x or joined by arrows, they are read as written", () => {
    const r = read("Strat 10/03/2025\nPresent: Amy Cole SW\nDec: thresh met -> s47; crim inv x; LPM x");
    expect(r.decisions.section47.decision).toBe("yes");
    expect(r.decisions.criminal_investigation.decision).toBe("no");
    expect(r.decisions.legal_action.decision).toBe("no");
  });

  it("when a heading is underlined with dashes, the first line under it is kept", () => {
    const r = read("Strat 10/03/2025\nPresent: Amy Cole SW\n\nDecisions\n---------\ns47 ✓\njt inv ✓");
    expect(r.decisions.section47.decision).toBe("yes");
    expect(r.decisions.criminal_investigation.lead_by).toBe("joint");
  });

  it("when the chair is marked (ch) and a doctor by an initial, both are attendees", () => {
    const r = read("Strat 10/03/2025\nPresent:\nAmy Cole SW (ch)\nDr E paeds\nGethin Williams ATM");
    expect(r.chair).toBe("Amy Cole");
    expect(r.attendees.map((a) => a.name)).toEqual(["Amy Cole", "Dr E", "Gethin Williams"]);
    expect(r.attendees[1]?.role).toMatch(/paediatrician/i);
  });

  it("when owners come after the task or an arrow, each action has its owner and due date", () => {
    const r = read("Strat 10/03/2025\nPresent: JB SW, Dr E paeds\n\nActions:\n- medical - Dr E - 17/3\nvisit home - Cerys - Wed\n* chron -> SW by Fri\nJB: HV w/c 17/3\nrequest school records - ?who");
    const got = r.actions.map((a) => [a.owner, a.due]);
    expect(got).toEqual([["Dr E", "2025-03-17"], ["Cerys", "2025-03-12"], ["SW", "2025-03-14"], ["JB", "2025-03-17"], [null, null]]);
  });

  it("when the reference is written after a number sign, it is the child reference", () => {
    expect(read("Strat 10/03/2025 tel # 2025/11873\nPresent: Amy Cole SW").child_ref).toBe("2025/11873");
  });

  it("when the concerns are written under 'Info', the concerns are recorded", () => {
    expect(read("Strat 10/03/2025\nPresent: Amy Cole SW\nInfo: 10yo disc - mum's bf touched her").concerns).toMatch(/10yo disc/);
  });
});

describe("dictated notes as practitioners talk", () => {
  it("when the speaker names themselves first, 'myself' and 'I'll' are them", () => {
    const r = read(
      "this is jo smith team manager dictating the strategy discussion on the tenth of march twenty twenty five full stop present myself and amira hussain social worker and detective constable mark patel full stop section forty seven agreed full stop i'll ring the school by tomorrow full stop i'm going to book the conference by friday",
    );
    expect(r.attendees[0]).toMatchObject({ name: "jo smith" });
    expect(r.attendees[0]?.role).toMatch(/team manager/i);
    expect(r.actions.map((a) => [a.owner, a.due])).toEqual([["jo smith", "2025-03-11"], ["jo smith", "2025-03-14"]]);
  });

  it("when tasks run on with no punctuation, a due date said at the end of one ends it", () => {
    const r = read(
      "strategy discussion on the tenth of march twenty twenty five present kemi adeyemi social worker sergeant rob hall section forty seven agreed actions sergeant hall said they'd do pnc checks by friday request health chronology still to be allocated by the end of the week kemi to ring the school by tomorrow",
    );
    expect(r.actions.map((a) => [a.owner, a.due])).toEqual([["Sgt hall", "2025-03-14"], [null, "2025-03-14"], ["kemi", "2025-03-11"]]);
  });

  it("when nobody names themselves, 'I' stays unnamed rather than guessed", () => {
    const r = read("strategy discussion on the tenth of march twenty twenty five present amira hussain social worker and detective constable mark patel section forty seven agreed i'll ring the school by tomorrow");
    expect(r.actions[0]?.owner).not.toBe("amira hussain");
  });
});
