import { describe, expect, it } from "vitest";
import { jurisdictionData, mentionsWales, readJurisdiction } from "../../lexicon/index.js";

const wales = jurisdictionData().wales;

describe("reading the jurisdiction from the words of a text", () => {
  it("knows all 22 Welsh principal councils, the four Welsh police forces and the seven health boards", () => {
    expect(wales.council).toHaveLength(22);
    expect(wales.police_force).toHaveLength(4);
    expect(wales.health_board).toHaveLength(7);
  });

  it.each((wales.council ?? []).flatMap((c) => [c.text, ...(c.cy ? [c.cy] : [])]))("%s places notes in Wales", (name) => {
    const r = readJurisdiction(`Strategy discussion, ${name}, 14/05/2025`);
    expect(r.jurisdiction).toBe("wales");
    expect(r.evidence[0]?.words).toBe(name);
  });

  it.each([...(wales.police_force ?? []), ...(wales.health_board ?? [])].flatMap((c) => [c.text, ...(c.cy ? [c.cy] : [])]))("%s places notes in Wales", (name) => {
    expect(readJurisdiction(`Present: DC Jones, ${name}`).jurisdiction).toBe("wales");
  });

  it.each([
    ["S47 under the Social Services and Well-being (Wales) Act 2014", "wales"],
    ["threshold met under the Wales Safeguarding Procedures", "wales"],
    ["strat held at Ysgol y Dderwen", "wales"],
    ["WCCIS ID 4471923", "wales"],
    ["Present: DC Ward, West Yorkshire Police", "england"],
    ["Working Together 2023 says", "england"],
    ["Met Police CAIT", "england"],
    ["strat in Herefordshire", "england"],
  ])("%s is %s", (text, j) => {
    expect(readJurisdiction(text).jurisdiction).toBe(j);
  });

  it("a town that is also a surname counts only beside another cue", () => {
    expect(readJurisdiction("Present: Barry Smith SW, Sue Newport HV").jurisdiction).toBeNull();
    expect(readJurisdiction("Barry Island Primary, Vale of Glamorgan").evidence.map((e) => e.words)).toEqual(["Barry", "Vale of Glamorgan"]);
  });

  it("a Welsh greeting alone does not decide, and neither does a close tie between England and Wales", () => {
    expect(readJurisdiction("Diolch, Rhian").jurisdiction).toBeNull();
    const tie = readJurisdiction("SSWBA, and West Yorkshire Police");
    expect(tie.jurisdiction).toBeNull();
    expect(tie.scores).toEqual({ england: 3, wales: 3 });
  });

  it("abbreviations count only in capitals, and a spelling slip is not a place (Heath is not Neath)", () => {
    expect(readJurisdiction("rct of the intervention").jurisdiction).toBeNull();
    expect(readJurisdiction("RCT Children's Services").jurisdiction).toBe("wales");
    expect(readJurisdiction("Heath Road nursery").jurisdiction).toBeNull();
  });

  it("a name never runs across the end of a sentence: 'threshold met. Police will investigate' is not the Met", () => {
    expect(readJurisdiction("S47 agreed, threshold met. Police will investigate. Cardiff.").jurisdiction).toBe("wales");
    expect(readJurisdiction("threshold met. Police will investigate").evidence).toEqual([]);
    expect(readJurisdiction("DC Shaw, Met Police").jurisdiction).toBe("england");
  });

  it("mentionsWales is true for a clear Welsh cue, even beside English ones", () => {
    expect(mentionsWales("strat in Wrexham")).toBe(true);
    expect(mentionsWales("what does Working Together say for Wales?")).toBe(true);
    expect(mentionsWales("strat in Herefordshire")).toBe(false);
  });
});
