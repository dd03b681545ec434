import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { ingestCorpus } from "../../knowledge/corpus.js";
import { readerText } from "../../knowledge/questions/bank.js";

/**
 * Paragraph-true ingestion, checked against the source with a reading of our own that
 * shares no code with ingestion: a numbered paragraph runs from its "N." line to the
 * next numbered paragraph or markdown heading; page-break lines, footnote lines and bare
 * links (the tails of footnotes) are skipped. Footnotes that run on over a line break may leave a few words of debris in
 * this rough reading, so the check is that every line of the unit is in the source's
 * paragraph, in order, and that the unit holds nearly all of it.
 */
const SOURCE = readFileSync(fromRoot("knowledge", "corpus", "herefordshire-cyp-scrutiny-2024-07-30-with-working-together-2023.txt"), "utf8");

interface SourceParagraph {
  text: string;
  heading: string;
}

function sourceParagraphs(): Map<string, SourceParagraph> {
  const start = SOURCE.indexOf("# **Working Together to Safeguard Children 2023**");
  const end = SOURCE.indexOf("## Appendix A: Glossary", start);
  const out = new Map<string, SourceParagraph>();
  let heading = "";
  let current: { n: string; parts: string[]; heading: string } | null = null;
  let last = 0;
  const close = () => {
    if (current) out.set(current.n, { text: readerText(current.parts.join(" ")), heading: current.heading });
    current = null;
  };
  for (const line of SOURCE.slice(start, end).replace(/\r/g, "").split("\n")) {
    const t = line.trim();
    if (t === "" || t === "---" || /^<sup>\s*\d+\s*<\/sup>/.test(t) || /\t\s*\d+\s*$/.test(line) || /^-\s*$/.test(t) || /^\[[^\]]*\]\([^)]*\)$/.test(t)) continue;
    const h = /^#{1,6}\s+(.*)$/.exec(t);
    if (h) {
      close();
      heading = readerText(h[1]!).replace(/:$/, "");
      continue;
    }
    const m = /^(?:-\s+)?(\d{1,3})\.\s+(.*)$/.exec(t);
    if (m && Number(m[1]) === last + 1) {
      close();
      last = Number(m[1]);
      current = { n: m[1]!, parts: [m[2]!], heading };
      continue;
    }
    current?.parts.push(t.replace(/^(?:[-*•]|\d{1,2}\.)\s+/, ""));
  }
  close();
  return out;
}

const source = sourceParagraphs();
const units = ingestCorpus().chunks.filter((c) => c.docId === "working-together-2023" && c.kind !== "footnote");
const numbered = new Map(units.filter((c) => c.paragraph !== null).map((c) => [c.paragraph!, c]));
/** Every 11th paragraph, and the ones the conversion mangles most (page breaks, footnotes, lists, bold lead-ins). */
const SAMPLE = [...new Set([...[...source.keys()].filter((n) => Number(n) % 11 === 0), "1", "8", "13", "49", "60", "61", "70", "72", "214", "342", "345", "389"])];

describe("paragraph-true ingestion of Working Together 2023", () => {
  it("every numbered paragraph of the source is one unit with its number", () => {
    expect(source.size).toBeGreaterThan(400);
    expect([...source.keys()].filter((n) => !numbered.has(n))).toEqual([]);
    expect(units.filter((c) => c.paragraph !== null).length).toBe(numbered.size);
  });

  it.each(SAMPLE)("paragraph %s has the source's text, in order, and sits under the source's heading", (n) => {
    const unit = numbered.get(n)!;
    const want = source.get(n)!;
    let at = 0;
    for (const line of unit.text.split("\n")) {
      const l = readerText(line);
      const found = want.text.indexOf(l, at);
      expect(found, `"${l.slice(0, 60)}" of paragraph ${n}`).toBeGreaterThanOrEqual(0);
      at = found + l.length;
    }
    expect(readerText(unit.text).length).toBeGreaterThanOrEqual(want.text.length * 0.93);
    expect(readerText(unit.section.at(-1)!)).toBe(want.heading);
  });

  it("every unit carries its jurisdiction and a heading path under a chapter, section or appendix", () => {
    for (const u of units.filter((c) => c.paragraph !== null && Number(c.paragraph) >= 10)) {
      expect(u.jurisdiction).toBe("england");
      expect(u.section[0]).toMatch(/^(Chapter \d|Appendix)/);
    }
  });
});
