import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";
import { isTitle } from "../../records/titles.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2026-03-10T12:00:00Z"), calculator });
const people = (notes: string) => draft(notes).record.attendees.map((a) => [a.name, a.role_code, a.status]);
const listed = (line: string) => people(`Strategy discussion 10/03/2026\nPresent:\nAmy Rowe - SW (chair)\n${line}\nDC Sam Ito - CAIT\n\nConcerns:\nBruise.`);

// Nursing titles as the NHS writes them before a name (lexicon/data/roles.json titles), in the list shapes notes use.
const NURSES: [string, string][] = [
  ["Sister Nia Wynne (ED)", "Sister Nia Wynne"],
  ["Sister Nia Wynne - ward sister, children's ward", "Sister Nia Wynne"],
  ["Sr Nia Wynne, ED", "Sr Nia Wynne"],
  ["Staff Nurse Tom Oduya, children's ward", "Staff Nurse Tom Oduya"],
  ["Charge Nurse Tom Oduya (ED)", "Charge Nurse Tom Oduya"],
  ["S/N Tom Oduya - nurse in charge", "S/N Tom Oduya"],
];

describe("nursing titles before a name", () => {
  for (const [line, name] of NURSES) {
    it(`when the list says "${line}", the nurse is kept with their title, and the people after them too`, () => {
      const read = listed(line);
      expect(read).toContainEqual([name, "nurse", "took_part"]);
      expect(read).toContainEqual(["DC Sam Ito", "detective", "took_part"]);
    });
  }

  it("when 'sister' is written in lower case it is the family's word, not a title", () => {
    expect(isTitle("Sister")).toBe(true);
    expect(isTitle("sister")).toBe(false);
    expect(isTitle("Sr.")).toBe(true);
  });

  it("when the concerns speak of the child's sister, she is no attendee", () => {
    const read = people("Strategy discussion 10/03/2026\nPresent:\nAmy Rowe - SW (chair)\nDC Sam Ito - CAIT\n\nConcerns:\nHer sister Nia told school about the bruise.");
    expect(read.map((p) => p[0])).not.toContain("Nia");
  });
});

describe("police collar numbers", () => {
  for (const [line, name, role] of [
    ["PC 4417 Owen Price - CAIT", "PC 4417 Owen Price", "police_officer"],
    ["DC 2290 Mari Evans, PPU", "DC 2290 Mari Evans", "detective"],
    ["Sgt 1182 Dan Cole (MASH police)", "Sgt 1182 Dan Cole", "police_officer"],
  ] as const) {
    it(`when an officer is listed as "${line}", the number stays with their name and they keep their rank's role`, () => {
      expect(listed(line)).toContainEqual([name, role, "took_part"]);
    });
  }
});

// "Name, role at/from/for Workplace" and "Title Name role Workplace": the workplace is the person's, never a new person.
describe("a workplace written after a person", () => {
  for (const [line, name, role] of [
    ["Mrs Kaye Lowe, designated safeguarding lead at St Anne's Juniors", "Mrs Kaye Lowe", "dsl"],
    ["Dr Rhun Idris, paediatrician from Glan Tywi", "Dr Rhun Idris", "paediatrician"],
    ["Dr Rhun Idris, community paediatrician at Ysbyty Tywi", "Dr Rhun Idris", "paediatrician"],
    ["Dr Rhun Idris community paediatrician Royal Tywi", "Dr Rhun Idris", "paediatrician"],
    ["Bea Lund, school nurse for Hillmount", "Bea Lund", "school_nurse"],
  ] as const) {
    it(`when the list says "${line}", one person is read, with the role written beside them`, () => {
      const read = listed(line);
      expect(read).toContainEqual([name, role, "took_part"]);
      expect(read).toHaveLength(3);
    });
  }

  it("when 'from' follows an attendance word, the name after it is the person ('apologies from Sue Moss (HV)')", () => {
    const read = people("Strategy discussion 10/03/2026\nPresent: Amy Rowe SW (chair), DC Sam Ito CAIT. Apologies from Bea Lund (HV).\n\nConcerns:\nBruise.");
    expect(read).toContainEqual(["Bea Lund", "health_visitor", "apologies"]);
  });

  it("when a run of people opens with a titled name, each role after a name is that person's", () => {
    const read = listed("DC Ana Vale CAIT Jo Bell SW Kit Moss HV");
    expect(read).toContainEqual(["DC Ana Vale", "detective", "took_part"]);
    expect(read).toContainEqual(["Jo Bell", "social_worker", "took_part"]);
    expect(read).toContainEqual(["Kit Moss", "health_visitor", "took_part"]);
  });
});
