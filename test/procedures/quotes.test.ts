import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { WT, WALES, LEWISHAM } from "../../procedures/data/citations.js";
import { loadPathway } from "../../procedures/pathway.js";
import type { Citation } from "../../core/citation.js";

/** The corpus as the quotes are checked against: no bold, no footnote markers, whitespace collapsed. */
function cleaned(file: string): string {
  return readFileSync(fromRoot("knowledge", "corpus", file), "utf8")
    .replace(/\*\*/g, "")
    .replace(/<sup>[^<]*<\/sup>/g, "")
    .replace(/\s+/g, " ");
}
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

function allPathwayCitations(): Citation[] {
  const p = loadPathway();
  const out: Citation[] = [...p.roles.map((r) => r.citation)];
  for (const s of p.stages) {
    out.push(...s.citations);
    for (const step of s.steps) {
      out.push(...step.citations);
      if (step.timescale && "citation" in step.timescale) out.push(step.timescale.citation);
    }
  }
  return out;
}

const corpus = new Map<string, string>();
const text = (file: string) => {
  if (!corpus.has(file)) corpus.set(file, cleaned(file));
  return corpus.get(file)!;
};

describe("pathway citations", () => {
  const seen = new Set<string>();
  const all = [...Object.values(WT), ...Object.values(WALES), ...Object.values(LEWISHAM), ...allPathwayCitations()].filter((c) => {
    const key = `${c.file}|${c.quote}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });

  it.each(all.map((c) => [c.quote.slice(0, 60), c] as const))("quote is verbatim in its corpus file: %s", (_q, c) => {
    expect(text(c.file)).toContain(norm(c.quote));
  });

  it("every quote is at most 300 characters", () => {
    const long = all.filter((c) => c.quote.length > 300).map((c) => c.quote.slice(0, 50));
    expect(long).toEqual([]);
  });

  it("Wales pages are cited under their own titles and England guidance under Working Together", () => {
    for (const c of all) {
      if (c.file.startsWith("cascade-wales")) expect(c.title).toMatch(/Complex Safeguarding Wales/);
      if (c.file.startsWith("herefordshire")) expect(c.title).toBe("Working Together to Safeguard Children 2023");
    }
  });
});
