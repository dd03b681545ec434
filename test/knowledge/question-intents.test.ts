import { describe, expect, it } from "vitest";
import { chunk, equal, tinyIndex } from "./tiny-index.js";
import { documentFrequencies, leadWithSubject, selectEvidence, unitInContext } from "../../knowledge/answer.js";
import { expandQuestion, loadQuestionTerms } from "../../knowledge/expand.js";
import { intentMatch, fuseScores, type HybridIndex, type RawScores } from "../../knowledge/search.js";



const hints = (q: string) => expandQuestion(q).intents.flatMap((n) => loadQuestionTerms().intents[n] ?? []);

describe("what kind of answer a question asks for", () => {
  it.each([
    ["who has to be at a strategy discussion?", "attendance"],
    ["who must attend the ICPC", "attendance"],
    ["who needs to be at a strat", "attendance"],
    ["what is a strategy discussion for?", "purpose"],
    ["what is the purpose of a section 47 enquiry?", "purpose"],
    ["in Wales who leads the multi-agency strategy meeting?", "leadership"],
    ["where is the strategy meeting held in wales?", "location"],
  ])("when asked '%s', the question asks for %s", (q, intent) => {
    expect(expandQuestion(q).intents).toContain(intent);
  });

  it("when a question asks what the deadline is, it wants the timescale, not the purpose", () => {
    const e = expandQuestion("what is the deadline for a rapid review?");
    expect(e.asksTimescale).toBe(true);
    expect(e.intents).not.toContain("purpose");
  });

  it("when a question mentions LADO purposes, it is not taken to ask what something is for", () => {
    expect(expandQuestion("what counts as an allegation for LADO purposes?").intents).not.toContain("purpose");
  });

  it("when asked when the ICPC must be held, 'held' is not read as a question about the geographical area", () => {
    expect(expandQuestion("when must the ICPC be held?").text).not.toMatch(/geographical/);
  });

  it("when a timescale question names a thing in shorthand ('core group'), that thing is a subject", () => {
    expect(expandQuestion("when does the core group first meet?").subjects).toContain("core group");
    expect(expandQuestion("what does the core group do?").subjects).not.toContain("core group");
  });
});

describe("ranking by the kind of answer asked for", () => {
  it("when a unit sits under an Attendees heading and says who is involved 'as a minimum', it answers an attendance question best", () => {
    const [attendance] = hints("who has to be at a strategy discussion?");
    const minimum = "a social worker, health practitioners and police should, as a minimum, be involved in the strategy discussion.";
    expect(intentMatch(attendance!, "attendees", minimum)).toBe(3);
    expect(intentMatch(attendance!, "attendees", "all attendees should be senior.")).toBe(1);
    expect(intentMatch(attendance!, "tasks", "record agreed decisions.")).toBe(0);
  });

  it("when the question is about the ICPC, a list headed 'The aim of the child protection plan is to:' does not answer what the ICPC is for", () => {
    const [purpose] = hints("what is the ICPC for?");
    const subjects = expandQuestion("what is the ICPC for?").subjects;
    expect(intentMatch(purpose!, "purpose the aim of the child protection plan is to:", "promote the child's health.", subjects)).toBe(0);
    expect(intentMatch(purpose!, "purpose", "to bring together and analyse all relevant information.", subjects)).toBe(1);
  });

  it("when two sentences match equally, the attendance question ranks the 'as a minimum, be involved' sentence first", () => {
    const index = tinyIndex([
      chunk(0, "All attendees should be sufficiently senior to make decisions.", { section: ["Strategy discussion", "Attendees"] }),
      chunk(1, "A social worker, health practitioners and a police representative should, as a minimum, be involved in the strategy discussion.", {
        section: ["Strategy discussion", "Attendees"],
      }),
    ]);
    const ranked = fuseScores(index, equal(2), { intents: hints("who has to be at a strategy discussion?") });
    expect(ranked[0]!.ref).toBe(1);
  });

  it("when two sentences match equally, the purpose question ranks the sentence under the Purpose heading first", () => {
    const index = tinyIndex([
      chunk(0, "Whenever there is reasonable cause to suspect harm, there should be a strategy discussion.", { section: ["Strategy discussion"] }),
      chunk(1, "To determine the child's welfare and plan rapid future action.", { section: ["Strategy discussion", "Purpose"] }),
    ]);
    const ranked = fuseScores(index, equal(2), { intents: hints("what is a strategy discussion for?") });
    expect(ranked[0]!.ref).toBe(1);
  });
});

describe("duties questions", () => {
  it.each([
    ["what do the police do at a strat?", "polic"],
    ["what does health do at a strategy discussion?", "health"],
    ["when must the ICPC be held?", null],
  ])("when asked '%s', the actor whose duties are asked is %s", (q, actor) => {
    expect(expandQuestion(q).actor).toBe(actor);
  });

  it("when asked what the police do, the list headed 'The Police should' ranks above a sentence that only mentions the police", () => {
    const index = tinyIndex([
      chunk(0, "A social worker, health practitioners and a police representative should, as a minimum, be involved.", {
        section: ["Strategy discussion", "Attendees"],
      }),
      chunk(1, "discuss the basis for any criminal investigation", {
        section: ["Strategy discussion", "Tasks", "The Police should"],
        kind: "list",
        units: [{ text: "discuss the basis for any criminal investigation", kind: "bullet" }],
      }),
    ]);
    const raw: RawScores = { lexical: Float32Array.from([1, 0.5]), dense: Float32Array.from([0.6, 0.4]) };
    expect(fuseScores(index, raw)[0]!.ref).toBe(0);
    expect(fuseScores(index, raw, { actor: expandQuestion("what do the police do at a strat?").actor })[0]!.ref).toBe(1);
  });
});

describe("timescale answers", () => {
  const lead = "Lead practitioners should:";
  const conference =
    "The initial child protection conference should take place within 15 working days of a strategy discussion.";
  const list = chunk(0, "", {
    section: ["Outcome of section 47 enquiries", "Lead practitioners should"],
    kind: "list",
    leadIn: 0,
    units: [
      { text: lead, kind: "sentence" },
      { text: "convene an initial child protection conference.", kind: "bullet" },
      { text: conference, kind: "sentence", cont: true },
      { text: "consider which practitioners should be invited.", kind: "bullet" },
    ],
  });
  const other = chunk(1, "The first review should be held within three months of the initial conference.", {
    section: ["Actions and responsibilities following the initial child protection conference", "Lead practitioners should"],
  });

  it("when a sentence continues a bullet, it is shown with the list's lead-in and the whole bullet", () => {
    expect(unitInContext(list, 2)).toEqual([0, 1, 2]);
  });

  it("when asked when the ICPC must be held, the answer leads with the sentence that states the ICPC's timescale, not another list's", () => {
    const index = tinyIndex([list, other]);
    const question = expandQuestion("when must the ICPC be held?");
    // The other section's review timescale matches the question's words best.
    const raw: RawScores = { lexical: Float32Array.from([0.5, 0.5, 0.5, 0.5, 1]), dense: new Float32Array(5).fill(0.5) };
    const ranked = fuseScores(index, raw, { timescale: true, subjects: question.subjects });
    expect(index.refs[ranked[0]!.ref]!.chunk).toBe(1);
    const picks = leadWithSubject(index, ranked, question, selectEvidence(index, ranked, { timescale: true }), documentFrequencies(index));
    expect(picks[0]!.chunk.id).toBe(0);
    expect(picks[0]!.chunk.units[picks[0]!.best]!.text).toBe(conference);
    expect(picks[0]!.units).not.toContain(3);
  });

  it("when the only timescale sentence naming the subject lacks the rest of the question, the ranked answer is kept", () => {
    const index = tinyIndex([
      chunk(0, "Private fostering arrangements must be notified to the council."),
      chunk(1, "The local authority should reply within 5 working days of a complaint."),
    ]);
    const question = expandQuestion("how many weeks notice does a private foster carer have to give the LA?");
    const ranked = fuseScores(index, equal(2));
    const picks = leadWithSubject(index, ranked, question, selectEvidence(index, ranked, { timescale: true }), documentFrequencies(index));
    expect(picks[0]!.chunk.id).toBe(0);
  });
});
