import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";
import { concernsOnlyPointElsewhere } from "../../records/decisions.js";

/**
 * The reason for the discussion in the forms practitioners give it: under headings of their own words ("What's
 * worrying", "What we know", "Why we're here"), or as a paragraph of an e-mail that names the child once and tells
 * the harm across its sentences. And the reason given only as a pointer to another record ("See MASH referral") is no
 * reason recorded: Working Together 2023 (ch. 3) expects the record to say why the discussion was held.
 */
const deps = { clock: fixedClock("2026-03-10T09:00:00Z"), calculator: createDeadlineCalculator() };
const HEAD = "Strategy discussion Tuesday 10/03/2026 10:00 Teams\nRef C-20441\nPresent: Jo Bell SW, DC Amy Hall CAIT, Ruth Bell HV\n";
const TAIL = "\nDecisions:\n- s47 yes\n- no criminal investigation\n- legal: no\nActions:\n- Jo to see the child today";
const gaps = (middle: string) => draftFromNotes(`${HEAD}${middle}${TAIL}`, deps).gaps.map((g) => g.field);

describe("the reason for the discussion", () => {
  it.each([
    "What's worrying:\n- no working toilet for 3 weeks, rotting food, the 2 year old in a soiled nappy",
    "What we know: weight dropped from 50th to 9th centile since Jan, 8 teeth decayed",
    "Why we're here:\n- nursery found 3 fingertip-type bruises to his upper arm",
    "Background for anyone who wasn't there: Tyler (15) was stopped by BTP on Sunday night with two phones and £340 cash. He's been missing from home three times in May.",
    "J (13) was found with a lock knife in his school bag on Friday.",
  ])("'%s' records the concerns", (middle) => {
    expect(gaps(middle)).not.toContain("concerns");
  });

  it.each(["Reason for strategy discussion: See MASH referral", "Concerns: as per MASH contact 22/09, not repeated here.", "Concerns: see referral from Dr Roberts on WCCIS 12/11"])(
    "'%s' only points elsewhere, so the concerns gap stands",
    (middle) => {
      expect(gaps(middle)).toContain("concerns");
    },
  );

  it("a pointer that also says what happened is a reason recorded", () => {
    expect(concernsOnlyPointElsewhere("bruise to left cheek seen at nursery, see MASH referral for detail")).toBe(false);
    expect(concernsOnlyPointElsewhere("as per MASH referral")).toBe(true);
  });

  it("what is known of someone else in the family is not the reason for the discussion", () => {
    expect(gaps("Police info: brother known for drug supply, county lines links")).toContain("concerns");
  });
});
