import { describe, expect, it } from "vitest";
import { ownerMatches } from "../../scripts/eval-records.js";

// The gold schema reads an action's owner as "name or role as written": a stranger's gold may write the role where the
// notes give both, join owners their own way, or write the writer's name for "me". The scorer must not count those wrong.
const world = {
  attendees: [
    { name: "Sarah Wells", role: "social_worker", status: "took_part" },
    { name: "DC Paul Kerr", role: "detective", status: "took_part" },
    { name: "Tina Marsh", role: "health_visitor", status: "took_part" },
  ],
  author: "Sarah Wells",
};

describe("eval-records: an action owner against the gold's", () => {
  it("when the gold writes the role and the draft the person read in that role, they match", () => {
    expect(ownerMatches("SW", "Sarah Wells", world)).toBe(true);
    expect(ownerMatches("Sarah Wells", "SW", world)).toBe(true);
    expect(ownerMatches("HV", "Sarah Wells", world)).toBe(false);
  });
  it("when the same role is written by another alias, they match", () => {
    expect(ownerMatches("social worker", "SW", world)).toBe(true);
    expect(ownerMatches("police", "SW", world)).toBe(false);
  });
  it("when joint owners are joined another way or in another order, they match, and a missing one does not", () => {
    expect(ownerMatches("SW + DC Kerr", "Sarah Wells and DC Kerr", world)).toBe(true);
    expect(ownerMatches("Ben and Amy", "Amy & Ben", world)).toBe(true);
    expect(ownerMatches("SW + DC Kerr", "Sarah Wells", world)).toBe(false);
  });
  it("when the gold writes the writer's name for 'me', it matches", () => {
    expect(ownerMatches("Sarah Wells", "me", world)).toBe(true);
    expect(ownerMatches("Tina Marsh", "me", world)).toBe(false);
  });
  it("when initials stand for the name, or a title and an initial for the surname, they match", () => {
    expect(ownerMatches("PK", "Paul Kerr", world)).toBe(true);
    expect(ownerMatches("DS N", "DS Ndlovu", world)).toBe(true);
    expect(ownerMatches("TM (Tina)", "Tina", world)).toBe(true);
    expect(ownerMatches("JC", "Paul Kerr", world)).toBe(false);
  });
  it("when one side has no owner, only no owner matches", () => {
    expect(ownerMatches(null, null, world)).toBe(true);
    expect(ownerMatches(null, "SW", world)).toBe(false);
  });
});
