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
});
