import { describe, expect, it } from "vitest";
import { Truncations } from "../../knowledge/truncation.js";

const corpus = new Truncations(new Map([["maximum", 12], ["maximise", 1], ["conference", 40], ["confidential", 30], ["strategy", 50]]));
const known = (w: string) => w === "strat";

describe("cut words read as the corpus words they begin", () => {
  it("a cut that begins mostly one corpus word is read as it", () => {
    expect(corpus.expand("Max timescale for a single assessment?", known)).toBe("maximum timescale for a single assessment?");
  });

  it("a cut shared by several common words, a known word and a corpus word are left alone", () => {
    expect(corpus.complete("conf", known)).toBeNull();
    expect(corpus.complete("strat", known)).toBeNull();
    expect(corpus.complete("maximum", known)).toBeNull();
  });
});
