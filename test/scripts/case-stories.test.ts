import { describe, expect, it } from "vitest";
import { seeded } from "../../core/random.js";
import { readQuestion } from "../../knowledge/reading.js";
import { loadCaseStories, namesProcedure, wrapAllInStories, wrapInStory } from "../../scripts/case-stories.js";

const data = loadCaseStories();
const known = (w: string) => ["icpc", "the", "lado", "conference", "strat"].includes(w);

describe("case stories wrapped around plain questions", () => {
  it("no template, join or part is in both halves, so the held half stays unseen while building", () => {
    const parts = [data.askers, data.children, data.names, data.whens, data.joins, ...data.types.map((t) => t.stories)];
    for (const p of parts) expect(p.build.filter((x) => p.held.includes(x))).toEqual([]);
  });

  it("the same seed gives the same messages, and each keeps the question's words", () => {
    const qs = ["When must the ICPC be held?", "who chairs the conference", "How quickly must the LADO be told about an allegation?"];
    expect(wrapAllInStories(qs, "build", 3)).toEqual(wrapAllInStories(qs, "build", 3));
    wrapAllInStories(qs, "held", 3).forEach((w, i) => expect(w.toLowerCase()).toContain(qs[i]!.toLowerCase().slice(1)));
  });

  it("a question naming a procedure is wrapped in a story of the type that implies it", () => {
    const allegation = data.types.find((t) => t.id === "allegation")!;
    expect(namesProcedure("How quickly must the LADO be told?", allegation.procedure)).toBe(true);
    expect(namesProcedure("Who chairs the conference?", allegation.procedure)).toBe(false);
    const rng = seeded(5);
    for (let k = 0; k < 30; k++) {
      const w = wrapInStory("How quickly must the LADO be told?", data, "build", rng);
      expect(allegation.stories.build.some((s) => w.includes(s.split("{")[0]!.trim().slice(0, 12)) || w.includes(s.split("}").pop()!.trim().slice(0, 12)))).toBe(true);
    }
  });

  it("whatever build-half story and join wrap a question, the reading finds the ask and leaves the story as context", () => {
    const rng = seeded(2);
    for (let k = 0; k < 200; k++) {
      const r = readQuestion(wrapInStory("When must the ICPC be held?", data, "build", rng), known);
      expect(r.core.toLowerCase()).toMatch(/when must the icpc be held\??$/);
      expect(r.context.length).toBeGreaterThan(0);
    }
  });
});
