import { describe, expect, it } from "vitest";
import { aliasesForGroup, groupOf, readPersonTerms, rolesData, RoleCodeSchema } from "../../lexicon/index.js";
import { RolesDataSchema } from "../../lexicon/schema.js";

describe("the role and agency alias table", () => {
  it.each([
    ["J Patel SW (chair)", "social_worker", "social_care"],
    ["K Ahmed TM", "team_manager", "social_care"],
    ["Dr L Evans community paeds", "paediatrician", "health"],
    ["Mrs R Cole DSL", "dsl", "education"],
    ["DS Lee Burns CAIT", "detective", "police"],
    ["PC Gareth Lloyd (South Wales Police)", "police_officer", "police"],
    ["Police - DC Amy Shaw (CAIT)", "detective", "police"],
    ["Health (HV) Zoe Clarke", "health_visitor", "health"],
    ["Bethan Jones, School Nurse, Cardiff and Vale UHB", "school_nurse", "health"],
    ["Dr Priya Nair - GP, Elm Tree Surgery", "gp", "health"],
    ["Mr Ieuan Davies, Head of Year / DSL, Coleg Cymunedol", "dsl", "education"],
    ["Mrs Patel (head)", "head_teacher", "education"],
    ["Dafydd Owen YOT", "youth_justice_worker", "youth_justice"],
    ["Kev Hill (Probation)", "probation_officer", "probation"],
    ["Ffion Davies – Family Support Worker (early help)", "early_help_worker", "social_care"],
    ["Pete Vance LADO", "lado", "social_care"],
    ["IRO", "iro", "social_care"],
    ["SENCO", "senco", "education"],
    ["Lisa Grant (named nurse)", "nurse", "health"],
    ["community midwife", "midwife", "health"],
    ["police", "police_officer", "police"],
    ["CSC", "social_worker", "social_care"],
    ["IDVA (Women's Aid)", "other", "voluntary"],
  ])("%s is a %s of %s", (text, role, agency) => {
    const r = readPersonTerms(text);
    expect(r.role?.code).toBe(role);
    expect(r.agency?.code).toBe(agency);
  });

  it("in a list of people, abbreviations typed in lower case still count (\"sw kim, dc patel\")", () => {
    expect(readPersonTerms("sw kim (me)").role?.code).toBe("social_worker");
    expect(readPersonTerms("dc patel").role?.code).toBe("detective");
  });

  it("in running text, an abbreviation counts only in capitals, and a capitalised name is not an abbreviation", () => {
    expect(readPersonTerms("threshold met, ds to follow", "text").role).toBeNull();
    expect(readPersonTerms("Ed Smith").agency).toBeNull();
    expect(readPersonTerms("ED consultant").agency?.code).toBe("health");
  });

  it("a person named only by their health agency counts for health, with no role guessed", () => {
    const r = readPersonTerms("health");
    expect(r.role).toBeNull();
    expect(groupOf(r.role, r.agency)).toBe("health");
  });

  it("an early help worker is not a social worker for the minimum-attendee rule", () => {
    const r = readPersonTerms("family support worker");
    expect(groupOf(r.role, r.agency)).toBeNull();
  });

  it("has an entry for every role code of the record, and the aliases of each minimum group", () => {
    for (const code of RoleCodeSchema.options) expect(rolesData().roles.some((r) => r.code === code)).toBe(true);
    expect(aliasesForGroup("police")).toEqual(expect.arrayContaining(["dc", "police", "cait", "detective"]));
    expect(aliasesForGroup("health")).toEqual(expect.arrayContaining(["hv", "gp", "paediatrician", "school nurse"]));
    expect(aliasesForGroup("social_work")).toEqual(expect.arrayContaining(["sw", "social worker", "csc", "team manager"]));
  });

  it("the schema rejects a role that names an agency with no entry", () => {
    const bad = structuredClone(rolesData());
    bad.agencies = bad.agencies.filter((a) => a.code !== "probation");
    expect(RolesDataSchema.safeParse(bad).success).toBe(false);
  });
});
