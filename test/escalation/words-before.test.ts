import { describe, expect, it } from "vitest";
import { wordsBefore } from "../../escalation/reader.js";

describe("the words before a match, found by walking back", () => {
  it("when asked for the last k words before any position, gives what splitting the whole prefix gives", () => {
    const texts = [" he is hitting her now ", "  two  spaces   here ", "", " a", "no leading space at all", " my new head of year told me "];
    for (const t of texts) {
      for (let i = -3; i <= t.length + 2; i++) {
        for (const k of [1, 2, 3, 4, 7]) expect(wordsBefore(t, i, k), `${JSON.stringify(t)} at ${i}, ${k} words`).toEqual(t.slice(0, i).split(" ").filter(Boolean).slice(-k));
      }
    }
  });
});
