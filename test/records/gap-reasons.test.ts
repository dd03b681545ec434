import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";
import { isSharing } from "../../records/decisions.js";

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
