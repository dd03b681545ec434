import { describe, expect, it } from "vitest";
import { parseAttendeeList } from "../../records/index.js";
import { attendedFrom, classify } from "../../records/attendees.js";

describe("classifying attendees from the abbreviations practitioners use", () => {
  it.each([
    ["Jo Smith SW", "social_work"],
    ["Team manager, children's services", "social_work"],
    ["DC Patel", "police"],
    ["DS Murray CAIT", "police"],
    ["PC Hughes", "police"],
    ["BTP officer", "police"],
    ["HV Ann Lee", "health"],
    ["GP", "health"],
    ["Dr Rao paed", "health"],
    ["Named nurse", "health"],
    ["School nurse", "health"],
    ["Mr Hill DSL", "education"],
    ["Class teacher", "education"],
    ["Paediatric registrar", "health"],
    ["Consultant paediatrician", "health"],
    ["Child abuse investigation team", "police"],
    ["Detective Sergeant", "police"],
    ["YOT worker", "other"],
    ["IDVA", "other"],
  ])("%s is %s", (text, category) => {
    expect(classify(text).category).toBe(category);
  });

  it.each([
    ["invited - did not attend", false],
    ["sent apologies", false],
    ["declined", false],
    ["invited", false],
    ["DNA", false],
    ["TBC", false],
    ["attended by phone", true],
    ["invited and attended", true],
    ["attended", true],
    ["yes", true],
    [undefined, true],
  ])("attendance written as %s counts as taking part: %s", (note, attended) => {
    expect(attendedFrom(note)).toBe(attended);
  });

  it("a list with apologies and a did-not-attend note keeps only those who took part as attended", () => {
    const people = parseAttendeeList("Jo Smith SW (CSC), DC Patel (police) - apologies, HV Ann Lee, PC Brown (invited, did not attend)", true);
    expect(people.map((p) => [p.name, p.category, p.attended])).toEqual([
      ["Jo Smith", "social_work", true],
      ["DC Patel", "police", false],
      ["Ann Lee", "health", true],
      ["PC Brown", "police", false],
    ]);
  });

  it('"no police available" is a police entry that did not take part', () => {
    const [p] = parseAttendeeList("no police available", true);
    expect(p).toMatchObject({ name: null, category: "police", attended: false });
  });
});
