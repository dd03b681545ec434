import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPeopleList } from "../../records/people.js";
import { readAttendanceProse } from "../../records/prose.js";
import type { AttendanceStatus } from "../../records/vocabulary.js";

interface Case {
  name: string;
  list: string;
  status: AttendanceStatus;
  perLine: boolean;
  people: [string | null, string | null, AttendanceStatus][];
  chair?: string;
}

const cases = JSON.parse(readFileSync(new URL("./people-cases.json", import.meta.url), "utf8")) as Case[];

describe("reading people from the ways notes list them", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const people = readPeopleList(c.list, { status: c.status, perLine: c.perLine });
    expect(people.map((p) => [p.name, p.role?.code ?? null, p.status])).toEqual(c.people);
    if (c.chair) expect(people.filter((p) => p.chair).map((p) => p.name)).toEqual([c.chair]);
    // Each person keeps the words they were read from, as written.
    for (const p of people) expect(c.list.replace(/\s+/g, " ")).toContain(p.source);
  });
});

describe("reading who attended from prose", () => {
  it.each([
    ["Present were myself (Lucy Harper, SW), Phil Grant (TM, chair) and DC Ben Ellis (CAIT)", [["Lucy Harper", "took_part"], ["Phil Grant", "took_part"], ["DC Ben Ellis", "took_part"]]],
    ["Apologies from Jan Cross (HV), who sent her report beforehand", [["Jan Cross", "sent_report"]]],
    ["Surrey Police were invited but did not join", [[null, "invited_absent"]]],
    ["Paeds couldn't join but Dr Yusuf sent her report", [["Dr Yusuf", "sent_report"]]],
    ["Also taking part were Simon Fletcher (allocated social worker), Dr Kaur (GP) and Angela Mills (DSL at Greenfield Academy)", [["Simon Fletcher", "took_part"], ["Dr Kaur", "took_part"], ["Angela Mills", "took_part"]]],
  ] as const)("%s", (text, expected) => {
    expect(readAttendanceProse(text, { meeting: false })?.map((p) => [p.name, p.status])).toEqual(expected);
  });

  it.each([
    "HV - missed the last two development reviews",
    "Police: no criminal investigation at this stage",
    "Mum to be told today by the social worker",
    "SW to visit the child today",
  ])("%s is not about who attended", (text) => {
    expect(readAttendanceProse(text, { meeting: false }) ?? []).toEqual([]);
  });
});
