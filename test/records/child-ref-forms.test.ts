import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

/**
 * The child reference in the forms councils and schools write it: initials (dotted or not) with the school year, a
 * council's or system's letters and the case number after "re"/"for", one reference per child after "Refs", and labels
 * such as "Case:", "CP no.", "Pupil:", "LCS no.". Each is read, so no false "no child reference" gap is raised.
 */
const deps = { clock: fixedClock("2025-03-14T12:00:00Z"), calculator: createDeadlineCalculator() };
const BODY = "\nPresent: Jo Bell SW, PC Amy Ray, Dr Kaur GP\nConcerns: bruise to arm of 4yo\nDecisions: s47 yes\nActions: Jo to visit today";
const read = (top: string) => {
  const d = draftFromNotes(`Strategy discussion 14/03/2025 10:00 Teams\n${top}${BODY}`, deps);
  return { ref: d.record.child_ref, gaps: d.gaps.map((g) => g.field) };
};

describe("the child reference in the forms councils and schools use", () => {
  it.each([
    ["LCS no. 0072-3391", "0072-3391"],
    ["Child: J.M. dob 04/05/2016 (Y4)", "J.M."],
    ["Child/YP\tS.A. (Y8)", "S.A. (Y8)"],
    ["Pupil: C.W. (Yr 5)", "C.W. (Yr 5)"],
    ["Child: R.O. (Y11).", "R.O. (Y11)"],
    ["Child: baby E.W. (8/52)", "E.W."],
    ["Case: SCC 2025-118876", "SCC 2025-118876"],
    ["CP no. 10-88412", "10-88412"],
    ["Bby G. (dob 3/8/26) – ref MCR-CS 5520318", "MCR-CS 5520318"],
    ["Ref for Riley is CR-991034", "CR-991034"],
    ["strat 1400 teams re WCBC 66120 (Y7)", "WCBC 66120"],
    ["Strat notes for NCC-33017 (boy, 6)", "NCC-33017"],
    ["The strategy discussion for TR (Yr 9) was held by phone", "TR (Yr 9)"],
    ["Refs: 30-41172 (Zofia 12), 30-41173 (Antek 9), 30-41174 (Maja 3)", "30-41172, 30-41173, 30-41174"],
    ["* Refs: 2266107 / 2266108 / 2266109", "2266107 / 2266108 / 2266109"],
  ])("'%s' gives the reference %s", (top, want) => {
    const r = read(top);
    expect(r.ref).toBe(want);
    expect(r.gaps).not.toContain("child_ref");
  });

  it("a crime or NHS number after 're' is never the child's reference", () => {
    expect(read("Police crime ref for WMP 4471234").ref).toBeNull();
    expect(read("NHS no. 485 777 3456").ref).toBeNull();
  });

  it("a reference list stops where the references stop", () => {
    expect(read("Ref: LCS 1209934 / NHS 123 456 7890").ref).toBe("1209934");
  });
});

// Councils' case systems (Liquidlogic, Paris, Azeus, Frameworki, SWIFT) and the service's own letters ("CSC no.", "CS ref")
// label the child's case number as "LCS" and "Mosaic" do.
describe("the child reference labelled by the council's case system or service", () => {
  it.each([
    ["Discussion for Rhys T (Liquidlogic 7730215)", "7730215"],
    ["Re: Finley D (8). CSC ref: 2026/40817", "2026/40817"],
    ["CSC no. 5521094", "5521094"],
    ["Paris no 88213", "88213"],
  ])("when the notes say %s, the reference is %s and no child reference gap is raised", (top, ref) => {
    const r = read(top);
    expect(r.ref).toBe(ref);
    expect(r.gaps).not.toContain("child_ref");
  });
});

describe("where the child's initials and a case number are both given, the number is the reference", () => {
  it.each([
    ["Child: K.D. (age 6) – LCS ref 2207813", "2207813"],
    ["Child: A.Y. (8)          WCCIS: 6602117", "6602117"],
    ["CYP: L.H. 9y   LCS# 4417023", "4417023"],
    ["Child: M.C. age 4   Cumberland ref CC/26/01145", "CC/26/01145"],
    ["Child: T.R. (Y9)\nRef: Mosaic 1187430", "1187430"],
  ])("'%s' is %s", (top, ref) => {
    expect(read(top).ref).toBe(ref);
  });

  it("initials alone are still the reference", () => {
    expect(read("Child: K.D. (age 6)").ref).toBe("K.D.");
  });
});

describe("a system's letters and its number written apart are one reference", () => {
  it.each([
    ["Ref: BCC-CS 0931472", "BCC-CS 0931472"],
    ["re: child BCS 7781-204 (age 4)", "BCS 7781-204"],
    ["about child CCS-881034 (aged 3)", "CCS-881034"],
  ])("'%s' is %s", (top, ref) => {
    expect(read(top).ref).toBe(ref);
  });
});
