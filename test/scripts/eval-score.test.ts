import { describe, expect, it } from "vitest";
import { quoteText, sourceHit } from "../../scripts/eval-score.js";

describe("source hit, with the corpus files' markup taken out of quotes", () => {
  it("reads a quote copied from a line of the file, markup and all, as the passage shows it", () => {
    expect(quoteText("the 'threshold'<sup>110</sup> for care proceedings")).toBe("the 'threshold' for care proceedings");
    expect(quoteText("sends a **letter before proceedings** to the parents")).toBe("sends a letter before proceedings to the parents");
    expect(quoteText("see [The Children Act 1989 Section 31 \\(2\\)](#)")).toBe("see the children act 1989 section 31 (2)");
    expect(quoteText("220. A range of individual organisations")).toBe("a range of individual organisations");
    expect(quoteText("- it is judged that the child")).toBe("it is judged that the child");
  });

  it("hits a passage holding the quote whichever side carries the markup, and only in the gold file", () => {
    const shown = (file: string, passage: string) => ({ answer: "", covered: true, citations: [{ file, section: "", quote: "", passage }] });
    const gold = { file: "herefordshire-cyp-scrutiny-2024-07-30-with-working-together-2023.txt", quote: "that the 'threshold'<sup>110</sup> for care proceedings has been met" };
    expect(sourceHit(shown(gold.file, "… and that the ‘threshold’ for care proceedings has been met in principle."), gold)).toBe(true);
    expect(sourceHit(shown("cascade-wales-childrens-services.txt", "that the 'threshold' for care proceedings has been met"), gold)).toBe(false);
    expect(sourceHit(shown(gold.file, "that the threshold for a strategy discussion has been met"), gold)).toBe(false);
  });
});
