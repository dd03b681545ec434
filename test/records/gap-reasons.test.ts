import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes, parseAction } from "../../records/index.js";
import { isSharing, readChildWelfare, saysChildSafety } from "../../records/decisions.js";

/**
 * Gaps missed because the reader believed something was there that was not: a line about the family read as what the
 * family will be told, seeing the child read as the child's safety considered. Each form is walked from how
 * practitioners write it, in both directions (the requirement met, and only its look-alike present).
 */
const deps = { clock: fixedClock("2026-03-10T09:00:00Z"), calculator: createDeadlineCalculator() };
const HEAD = "Strategy discussion Tuesday 10/03/2026 10:00 Teams\nRef C-20441\nPresent: Jo Bell SW, DC Amy Hall CAIT, Ruth Bell HV\nConcerns: bruise to the cheek of a 5 year old\n";
const draft = (notes: string) => draftFromNotes(notes, deps);
const gaps = (notes: string) => draft(notes).gaps.map((g) => g.field);

describe("what the family will be told runs from the professionals to the family", () => {
  it.each([
    "Parents to be told today by SW that s47 enquiries are starting",
    "Dad's been told B is in hospital",
    "Fam: mum told today by JC+PK re P's words + s47",
    "Nick told parents at end of mtg",
    "mum already aware of concern",
    "Owain to explain the enquiries to mum today",
    "NOT to tell mum/dad yet",
    "nothing to stepdad until police ready to arrest",
    "Mum and Reece told about police investigation and s47 by DC Brett today",
    "Mum (shares PR) to be told by Ben today",
    "Mum to be kept fully informed and part of planning",
    "aunt knows everything already",
    "Gethin – phone mum back with the plan tonight",
    "Parents already informed (mum on phone with me at 16:20)",
    "nothing shared about the police case against father",
    "mother informed of s47 and reasons by Luke",
    "We will tell mum everything today",
    "let mum know the outcome today",
    "information to the family: outcome of s47 only",
  ])("'%s' says what the family is told or not told", (line) => {
    expect(isSharing(line)).toBe(true);
  });

  it.each([
    ["the family's part in a safety plan", "mum to ring 999 immediately if he turns up"],
    ["the family's part in a safety plan", "mum to call 999 if she goes missing"],
    ["how a parent agreed", "mum agreed on the phone this morning"],
    ["a child's story", "she is scared of her older brother who has been checking her phone"],
    ["consent to a referral", "Referral to adult drug and alcohol service (mum's consent)"],
    ["what a parent told a professional", "Mum (Farah Ahmed) told Owen on the phone that she didn't know about it"],
    ["what a parent told a professional", "mum told the health visitor on monday that dad has been shouting"],
    ["a professional kept up to date", "Rebecca – chase CAMHS assessment, update Sam"],
    ["a call to someone who is not family", "Ben will ring Leanne tonight to confirm she is there"],
    ["what parents know to do", "Parents know to call 999 if the man tries to make contact"],
  ])("%s is not sharing with the family: '%s'", (_why, line) => {
    expect(isSharing(line)).toBe(false);
  });

  it("when the notes only say what mum will do if he comes back, nothing about telling the family is recorded and the gap is raised", () => {
    const notes = `${HEAD}Decisions: s47 agreed. Joint investigation, police lead. No legal action.\nSafety: child at home with mum; mum to call 999 if he turns up\nActions:\nJo Bell - home visit - today`;
    expect(gaps(notes)).toContain("decisions.share_with_family");
  });

  it("when the notes say mum will be told today, sharing with the family is recorded", () => {
    const notes = `${HEAD}Decisions: s47 agreed. Joint investigation, police lead. No legal action.\nmum to be told today by Jo; dad not to be told until interviewed\nSafety: child at home with mum\nActions:\nJo Bell - home visit - today`;
    expect(gaps(notes)).not.toContain("decisions.share_with_family");
  });
});

describe("the child's welfare: how the child is kept safe, not only that the child will be seen", () => {
  it.each([
    "For tonight Mason stays at home with mum",
    "Ellie stays at home with mum and dad",
    "Both children will remain at home with dad, with Nain calling in each evening",
    "cerys to stay with her dad gareth hughes in caerphilly for the time being",
    "Leah to stay at her friend's mum's tonight",
    "Kids to MGM (Pauline Hart) 2 nts",
    "Megan + Rhys → to Taid + Nain (maternal, Aberaeron) tonight",
    "safety: kids at home, dad out",
    "Immediate safety – Ruby with grandmother until bail conditions are confirmed",
    "Kieran not to stay at the house; mum agreed today",
    "no unsupervised contact w/ mum",
    "Alfie remains on ward; security aware",
    "B accommodated s20 tonight",
    "police protection to end today",
    "baby is in hospital and safe",
    "Child seen by police at home 04/03 – all well, no marks",
    "Child seen by SW at nursery today & stays w/ mum under SP",
    "mum to call 999 if he turns up",
  ])("'%s' says how the child is kept safe", (line) => {
    expect(saysChildSafety(line)).toBe(true);
  });

  it.each([
    "Dylan – unannounced home visit today, see both children",
    "me to visit mum and see both children at home today",
    "Sam – see Bradley on ward on his own",
    "Dr Shah – CP medical today 4pm, Rainbow Suite",
    "Visit Ava at home and see alone",
    "SW to speak to mum tonight",
    "school to monitor attendance daily",
  ])("'%s' is a task of the enquiry, not the child's safety decided", (line) => {
    expect(saysChildSafety(line)).toBe(false);
  });

  it("a finding said after a comma is read with the sighting it ends", () => {
    expect(readChildWelfare(["Child seen at home 05/08", "well"])).toBe("Child seen at home 05/08, well");
  });

  it("a safety step after a dash in a line about telling the family is still the child's safety", () => {
    expect(readChildWelfare(["Nadia to tell mum about s47 today when dad is at work – safety plan with mum"])).toBe("safety plan with mum");
    expect(readChildWelfare(["we will not share it with dad until we have a safety plan with her"])).toBeNull();
  });

  const DECIDED = "Decisions: s47 agreed. Joint investigation, police lead. No legal action. Mum to be told today by Jo.\n";
  it("when the notes only plan to see the child, the child's welfare gap is raised", () => {
    expect(gaps(`${HEAD}${DECIDED}Actions:\nJo Bell - home visit, see child alone - today\nDr Khan - CP medical - 11/03/2026`)).toContain("decisions.child_welfare");
  });

  it("when the notes say where the child stays tonight, the child's welfare is recorded with its words", () => {
    const d = draft(`${HEAD}${DECIDED}Child to stay with maternal gran tonight; dad not to have contact\nActions:\nJo Bell - home visit, see child alone - today`);
    expect(d.gaps.map((g) => g.field)).not.toContain("decisions.child_welfare");
    expect(d.record.decisions.child_welfare).toContain("Child to stay with maternal gran tonight");
  });

  it("when the concerns end with where the child is now, the child's welfare is recorded", () => {
    expect(gaps(`${HEAD.replace("Concerns: bruise to the cheek of a 5 year old", "Concerns: bruise to the cheek of a 5 year old. She is staying with her aunt and is safe.")}${DECIDED}Actions:\nJo Bell - see child - today`)).not.toContain(
      "decisions.child_welfare",
    );
  });

  it("under a welfare heading, a block that only says the child will be seen does not state the child's safety", () => {
    expect(gaps(`${HEAD}${DECIDED}Child seen:\nJo to see child at school tomorrow\nActions:\nJo Bell - see child - 11/03/2026`)).toContain("decisions.child_welfare");
    expect(gaps(`${HEAD}${DECIDED}Immediate safety:\nchild with mum, dad has left the home\nActions:\nJo Bell - see child - 11/03/2026`)).not.toContain("decisions.child_welfare");
  });
});

describe("section 47 read from a question or a plan is not a decision", () => {
  const withS47 = (line: string) => draft(`${HEAD}Decisions:\n${line}\nNo criminal investigation. Mum to be told today. Child stays with mum.\nActions:\nJo Bell - see child - today`);
  it.each([
    "s47 – TM wants police checks on the possible offender before deciding",
    "?s47 – GH wants CAMHS risk assmt + see LM first",
    "GH – s47 decision – tmrw 5pm",
    "Angharad – s47 decision Mon 16/6",
    "I don't think we can make the s47 call until B's spoken to someone properly",
    "s47: let's leave that open and come back once Sam has seen him",
    "Cannot reach a decision on s47 until the medical is back",
  ])("'%s' leaves section 47 undecided, and the gap is raised", (line) => {
    const d = withS47(line);
    expect(d.record.decisions.section47.decision).toBe("undecided");
    expect(d.gaps.map((g) => g.field)).toContain("decisions.section47");
  });

  it.each([
    ["s47 agreed – threshold met", "yes"],
    ["s47? Y", "yes"],
    ["s47 decision: yes", "yes"],
    ["s47 not agreed – NFA", "no"],
  ])("'%s' is still a decision (%s)", (line, decision) => {
    expect(withS47(line).record.decisions.section47.decision).toBe(decision);
  });
});

describe("a criminal investigation the discussion could not decide is open", () => {
  it("'We could not come to a view on whether there should be a criminal investigation without police' is undecided", () => {
    const d = draft(`${HEAD}Decisions:\nWe agreed section 47 enquiries are needed. We could not come to a view on whether there should be a criminal investigation without police – Owen will go back to CAIT.\nMum to be told today. Child stays with mum.\nActions:\nJo Bell - see child - today`);
    expect(d.record.decisions.criminal_investigation.decision).toBe("undecided");
    expect(d.gaps.map((g) => g.field)).toContain("decisions.criminal_investigation");
  });
});

describe("legal action is asked wherever section 47 enquiries start or may start", () => {
  const gapsFor = (s47: string) => gaps(`${HEAD}Decisions:\n${s47}\nNo criminal investigation. Mum to be told today. Child stays with mum.\nActions:\nJo Bell - see child - today`);
  it("when section 47 is left to the team manager and legal action is not mentioned, the legal action gap is raised", () => {
    expect(gapsFor("s47 to be decided by TM after the home visit")).toContain("decisions.legal_action");
  });
  it("when section 47 is agreed and legal action is not mentioned, the legal action gap is raised", () => {
    expect(gapsFor("s47 agreed")).toContain("decisions.legal_action");
  });
  it("when section 47 enquiries will not start, legal action is not asked for", () => {
    expect(gapsFor("s47 not agreed – threshold not met, single assessment under s17")).not.toContain("decisions.legal_action");
  });
});

describe("a line about the record of the actions is not an action", () => {
  it.each([
    "Circulate the action log separately once Paul has typed up the notes",
    "To be circulated by chair",
    "Didn't get these down – ask Jo after Easter",
    "actions to follow",
    "Minutes will follow",
  ])("'%s' is no task", (line) => {
    expect(parseAction(line, "2026-03-10")).toBeNull();
  });

  it.each([
    ["SW to circulate the safety plan to school by Fri", "SW"],
    ["PC Reed to write up statement by 19/2", "PC Reed"],
  ])("'%s' is still a task", (line, owner) => {
    expect(parseAction(line, "2026-03-10")?.owner).toBe(owner);
  });

  it("when the actions are only said to be circulated later, the notes record no actions and the gap is raised", () => {
    expect(gaps(`${HEAD}Decisions: s47 agreed. No legal action. Joint investigation. Mum to be told today. Child stays with mum.\nActions:\nTo be circulated by chair`)).toContain("actions");
  });
});
