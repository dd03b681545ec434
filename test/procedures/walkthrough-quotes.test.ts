import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Citation } from "../../core/citation.js";
import { fromRoot } from "../../core/paths.js";
import { LEWISHAM_ROUTE, WALES_ROUTE, WT_ROUTE } from "../../procedures/walkthroughs/data/citations.js";
import { expectedAnswer, loadWalkthroughs, screenView } from "../../procedures/walkthroughs/index.js";

/** The corpus as quotes are checked against it: no bold, no footnote markers, whitespace collapsed. */
const corpus = new Map<string, string>();
function text(file: string): string {
  if (!corpus.has(file)) {
    const raw = readFileSync(fromRoot("knowledge", "corpus", file), "utf8");
    corpus.set(file, raw.replace(/\*\*/g, "").replace(/<sup>[^<]*<\/sup>/g, "").replace(/\s+/g, " "));
  }
  return corpus.get(file) as string;
}

/** Every citation a walk or a lesson can show: questions, steps, timescales, records, people, screens and answers. */
function everyCitation(): Citation[] {
  const d = loadWalkthroughs();
  const out: Citation[] = [...Object.values(WT_ROUTE), ...Object.values(WALES_ROUTE), ...Object.values(LEWISHAM_ROUTE)];
  for (const q of d.route.questions) out.push(q.citation);
  for (const p of d.route.people) if (p.citation) out.push(p.citation);
  for (const r of d.route.routes) {
    for (const s of r.steps) {
      out.push(...s.citations);
      if (s.timescale && "citation" in s.timescale) out.push(s.timescale.citation);
    }
    out.push(...r.record.map((x) => x.citation));
  }
  for (const l of d.lessons) {
    out.push(...l.screens.map((ref) => screenView(d, ref).citation));
    out.push(...l.questions.map((q) => expectedAnswer(d, q).citation));
  }
  const seen = new Set<string>();
  return out.filter((c) => (seen.has(`${c.file}|${c.quote}`) ? false : (seen.add(`${c.file}|${c.quote}`), true)));
}

describe("walkthrough citations", () => {
  const all = everyCitation();

  it.each(all.map((c) => [c.quote.slice(0, 60), c] as const))("quote is verbatim in its corpus file: %s", (_q, c) => {
    expect(text(c.file)).toContain(c.quote.replace(/\s+/g, " ").trim());
  });

  it("every quote is at most 300 characters", () => {
    expect(all.filter((c) => c.quote.length > 300).map((c) => c.quote.slice(0, 50))).toEqual([]);
  });

  it("Wales pages are cited under their own titles and England guidance under Working Together", () => {
    for (const c of all) {
      if (c.file.startsWith("cascade-wales")) expect(c.title).toMatch(/Complex Safeguarding Wales/);
      if (c.file.startsWith("herefordshire")) expect(c.title).toBe("Working Together to Safeguard Children 2023");
    }
  });
});
