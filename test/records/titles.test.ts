import { describe, expect, it } from "vitest";
import { rolesData } from "../../lexicon/index.js";
import { isTitle, titleAlternation } from "../../records/titles.js";

describe("titles before a name, one list shared with the lexicon", () => {
  const oneWord = rolesData().titles.filter((t) => /^\p{L}+$/u.test(t.text));

  it("every one-word title of the lexicon is a title to the notes reader, in any case (or as written, when the lexicon says so) and with its full stop", () => {
    for (const t of oneWord) {
      expect(isTitle(t.text)).toBe(true);
      expect(isTitle(t.text.toLowerCase())).toBe(t.case !== "exact");
      expect(isTitle(`${t.text}.`)).toBe(true);
    }
  });

  it("a name or a role's words are not titles", () => {
    for (const w of ["Sarah", "social", "worker", "police", "HV", "SW"]) expect(isTitle(w)).toBe(false);
  });

  it("the alternation puts a longer title before its prefix, so DCI is not read as DC and a name", () => {
    const alts = titleAlternation().split("|");
    expect(alts.indexOf("DCI")).toBeLessThan(alts.indexOf("DC"));
    expect(new RegExp(`^(?:${titleAlternation()})\\b`).exec("DCI Shaw")?.[0]).toBe("DCI");
  });
});
