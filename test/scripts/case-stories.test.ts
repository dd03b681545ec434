import { describe, expect, it } from "vitest";
import { seeded } from "../../core/random.js";
import { readQuestion } from "../../knowledge/reading.js";
import { FORMS, leanOn, loadCaseStories, namesProcedure, wrapAllInForms, wrapAllInStories, wrapInForm, wrapInStory } from "../../scripts/case-stories.js";

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

describe("the ways strangers wrap an ask", () => {
  it("no form's template or part is in both halves", () => {
    const f = data.forms;
    const parts = [f.start, f.middle, f.lean, f.note, f.colleague, f.multi, f.other, f.leans, f.seconds, f.laters, ...Object.values(f.others)];
    for (const p of parts) expect(p.build.filter((x) => p.held.includes(x))).toEqual([]);
  });

  it("a lean moves the procedure with its article and modifiers out of the ask and leaves a pronoun", () => {
    expect(leanOn("When must the initial child protection conference be held?", data)).toEqual({ term: "the initial child protection conference", ask: "When must it be held?" });
    expect(leanOn("Who tells the parents about the conference?", data)?.term).toBe("the conference");
    // A person is no "it": the LADO stays in the ask, and a question naming no procedure has none to move.
    expect(leanOn("How quickly must the LADO be told?", data)).toBeNull();
    expect(leanOn("What should I do now?", data)).toBeNull();
  });

  it("the forms are taken in turn, a question that cannot lean is wrapped as a story, and the same seed gives the same messages", () => {
    const qs = FORMS.map(() => "What should I do now?");
    const ws = wrapAllInForms(qs, "build", 4);
    expect(ws.map((w) => w.form)).toEqual(FORMS.map((f) => (f === "lean" ? "story" : f)));
    expect(wrapAllInForms(qs, "held", 4)).toEqual(wrapAllInForms(qs, "held", 4));
    for (const w of ws) expect(w.text).toContain("hat should I do now?");
  });

  it("a story naming another procedure names one the question does not", () => {
    const rng = seeded(9);
    for (let k = 0; k < 30; k++) {
      for (const half of ["build", "held"] as const) {
        const w = wrapInForm("How quickly must the LADO be told?", data, half, "other", rng).text;
        expect(w).not.toMatch(/LADO (?:already knows|referral)/);
      }
    }
  });
});
