import { describe, expect, it } from "vitest";
import { answerKind, fitsKind, questionSubject, sentenceSubject, subjectMatch, subjectStems } from "../../knowledge/answer-type.js";
import { expandQuestion } from "../../knowledge/expand.js";

describe("reading what kind of answer a question asks for", () => {
  it("a 'when must' or 'how long' question asks for a time, 'who' for a role, 'what is' for a definition", () => {
    expect(answerKind("when must the ICPC be held?")).toBe("time");
    expect(answerKind("how long does a section 47 enquiry take")).toBe("time");
    expect(answerKind("who chairs the conference?")).toBe("who");
    expect(answerKind("what is a child in need?")).toBe("definition");
    expect(answerKind("can a parent bring a supporter to the conference")).toBe("other");
  });

  it("a sentence that states a timescale fits a time question; one that does not, does not", () => {
    expect(fitsKind("time", "The initial child protection conference should take place within 15 working days of a strategy discussion.")).toBe(true);
    expect(fitsKind("time", "The conference chair should meet the child and parents in advance.")).toBe(false);
  });
});

describe("the subject of a sentence and of a question", () => {
  it("a sentence's subject is what comes before its verb, after any opening clause", () => {
    expect(sentenceSubject("The first review should be held within three months of the initial conference")).toEqual(["the", "first", "review"]);
    expect(sentenceSubject("Where a child is at risk, the lead practitioner should convene a strategy discussion")).toEqual(["the", "lead", "practitioner"]);
  });

  it("an inverted question's subject is what it asks about, without the question word and the verb", () => {
    expect(questionSubject("when must the ICPC be held?")).toEqual(["the", "icpc"]);
    expect(questionSubject("who chairs the ICPC?")).toEqual([]);
  });

  it("the asked entity matches a sentence whose subject it is, not one that names it as an object", () => {
    const concepts = expandQuestion("the ICPC").concepts;
    const one = () => 1;
    expect(subjectMatch(concepts, subjectStems("The initial child protection conference should take place within 15 working days"), one)).toBe(1);
    expect(subjectMatch(concepts, subjectStems("The first review should be held within three months of the initial conference"), one)).toBe(0);
  });
});
