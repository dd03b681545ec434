import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { WT } from "../../procedures/data/citations.js";
import { WORDING_KEYS, decisionWording, parseDecisionWording, wordingPatterns } from "../../records/decision-wording.js";

/**
 * The words that leave a strategy discussion's decision open, or state it, are data cited from Working Together 2023.
 * A list dropped, a citation that is not one of Working Together's passages, or a broken pattern stops the load.
 */
const raw = (): { $comment: string; wordings: Record<string, Record<string, unknown>> } =>
  JSON.parse(readFileSync(fromRoot("records", "data", "decision-wording.json"), "utf8"));

describe("decision wording data", () => {
  it("holds every list, each citing a Working Together passage on what the discussion decides", () => {
    const w = decisionWording();
    for (const k of WORDING_KEYS) {
      expect(w[k].cites.length).toBeGreaterThan(0);
      for (const c of w[k].cites) expect(WT[c as keyof typeof WT].title).toMatch(/Working Together/);
    }
  });

  it("when a list is missing, loading fails", () => {
    const r = raw();
    delete r.wordings.not_reached;
    expect(() => parseDecisionWording(r)).toThrow(/decision wording is invalid/);
  });

  it("when a citation is not one of Working Together's passages, loading fails", () => {
    const r = raw();
    (r.wordings.view as { cites: string[] }).cites = ["madeUpPassage"];
    expect(() => parseDecisionWording(r)).toThrow(/decision wording is invalid/);
  });

  it("when an alternative is not a valid pattern, loading fails", () => {
    const r = raw();
    (r.wordings.left as { alternatives: string[] }).alternatives = ["(unclosed"];
    expect(() => parseDecisionWording(r)).toThrow(/decision wording is invalid/);
  });

  it("bounded lists match whole words only: 'tbc' leaves a decision open, 'tbch' does not", () => {
    const p = wordingPatterns();
    expect(p.undecided.test("s47 tbc")).toBe(true);
    expect(p.undecided.test("s47 tbch")).toBe(false);
  });

  it("when a list read with 'u' holds a pattern valid only without it, loading fails", () => {
    const r = raw();
    (r.wordings.safety_undone as { alternatives: string[] }).alternatives = [String.raw`won\'t agree`];
    expect(() => parseDecisionWording(r)).toThrow(/decision wording is invalid/);
  });

  it("lists read over the words as written keep their flags: a safety step said to be over, in any case", () => {
    const p = wordingPatterns();
    expect(p.safety_undone.test("Bail conditions EXPIRED on Friday")).toBe(true);
    expect(p.safety_undone.test("he won’t agree to be accommodated")).toBe(true);
    expect(p.safety_undone.test("bail conditions in place")).toBe(false);
  });

  it("the actions promised for later or pointed to elsewhere are read from the data, and a task is not", () => {
    const p = wordingPatterns();
    expect(p.actions_elsewhere.test("Actions will be confirmed once I have spoken to mum")).toBe(true);
    expect(p.actions_elsewhere.test("→ see p3")).toBe(true);
    expect(p.actions_elsewhere.test("SW to visit child today")).toBe(false);
  });

  it("legal action said not to be taken and the police's investigation as officers say it are read from the data", () => {
    const p = wordingPatterns();
    expect(p.legal_no.test("epo not needed")).toBe(true);
    expect(p.legal_no.test("lpm requested")).toBe(false);
    expect(p.crime_stated.test("ds pollard is leading that investigation")).toBe(true);
    expect(p.crime_stated.test("s47 investigation ongoing")).toBe(false);
  });
});
