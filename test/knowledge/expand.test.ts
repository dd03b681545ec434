import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { fold } from "../../knowledge/text.js";
import cases from "./expand-cases.json" with { type: "json" };
import { expandQuestion, loadQuestionTerms, withoutDocumentNames } from "../../knowledge/expand.js";

describe("acronym and shorthand expansion", () => {
  for (const c of cases as { question: string; contains?: string[]; notContains?: string[] }[]) {
    it(`"${c.question}" is expanded to the corpus's words`, () => {
      const text = expandQuestion(c.question).text.toLowerCase();
      for (const w of c.contains ?? []) expect(text).toContain(w);
      for (const w of c.notContains ?? []) expect(text).not.toContain(w);
    });
  }

  it("an acronym is spelled out in place for the sentence encoder", () => {
    expect(expandQuestion("should BTP be at the strat?").inline).toContain("BTP (british transport police)");
  });

  it("a question naming a Welsh place is a Wales question; one naming England is an England question", () => {
    expect(expandQuestion("YP lives in Cardiff, picked up in Swansea").jurisdiction).toBe("wales");
    expect(expandQuestion("what does Working Together say about the ICPC?").jurisdiction).toBe("england");
    expect(expandQuestion("what is a core group for?").jurisdiction).toBeNull();
  });

  it("generic words are not concepts, but a distinctive acronym is", () => {
    const words = expandQuestion("what's the child's DSL for in Wales?").concepts.map((c) => c.word);
    expect(words).toContain("dsl");
    expect(words).not.toContain("child");
    expect(words).not.toContain("wales");
  });

  it("a question naming Scotland or Northern Ireland is flagged as outside England and Wales", () => {
    expect(expandQuestion("what timescale do they work to in Glasgow?").otherJurisdiction).toBe("glasgow");
    expect(expandQuestion("case conference in Belfast").otherJurisdiction).toBe("belfast");
    expect(expandQuestion("case conference in Cardiff").otherJurisdiction).toBeNull();
  });

  it("a question naming Lewisham names the Lewisham minutes; a procedure question names no committee papers", () => {
    expect(expandQuestion("Is Lewisham's MACE where cases get managed?").namedDocuments).toEqual(["lewisham-mace-minutes"]);
    expect(expandQuestion("do I need an early help assessment before I refer to MASH?").namedDocuments).toEqual([]);
  });
});

describe("the corpus's own acronyms", () => {
  const corpus = readdirSync(fromRoot("knowledge", "corpus"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => fold(readFileSync(fromRoot("knowledge", "corpus", f), "utf8")).replace(/\s+/g, " "))
    .join("\n");
  const raw = JSON.parse(readFileSync(fromRoot("knowledge", "question-terms.json"), "utf8")) as { corpusAcronyms: Record<string, string> };

  it("each is defined in the corpus, its words followed by the acronym in brackets", () => {
    expect(Object.keys(raw.corpusAcronyms).length).toBeGreaterThan(10);
    for (const [acronym, words] of Object.entries(raw.corpusAcronyms)) {
      const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      // Words as the source writes them, with its commas and hyphens between ("education, health and care (EHC)").
      const written = words.split(/[\s-]+/).map(escape).join("[\\s,;-]+");
      expect(new RegExp(`${written}\\s*\\(${escape(acronym)}s?\\)`).test(corpus), acronym).toBe(true);
    }
  });

  it("a question in the acronym is read in the corpus's words, as the field's shorthand is", () => {
    expect(expandQuestion("who assesses for an MBU place").text.toLowerCase()).toContain("mother and baby unit");
    expect(expandQuestion("does the NCMD get cdop data").text.toLowerCase()).toContain("national child mortality database");
  });
});

describe("the name of a document says where to look, not what is asked", () => {
  it("the guide's and Working Together's names are taken out of the words that rank passages", () => {
    expect(withoutDocumentNames("What does the good practice guide say the discussion should do?")).toBe("What does the say the discussion should do?");
    expect(withoutDocumentNames("is WT23 mandatory or can we depart from it")).toBe("is mandatory or can we depart from it");
    expect(withoutDocumentNames("How does Working Together say police should see a child like this?")).not.toMatch(/working together/i);
    expect(withoutDocumentNames("What is Working Together's starting point?")).toBe("What is starting point?");
  });

  it("working together in lower case is the practice, not the guidance, and stays", () => {
    expect(withoutDocumentNames("principles for working together with parents")).toBe("principles for working together with parents");
  });

  it("every named document is one of the corpus's documents", () => {
    const ids = (JSON.parse(readFileSync(fromRoot("knowledge", "corpus", "documents.json"), "utf8")) as { documents: { id: string }[] }).documents.map((d) => d.id);
    for (const id of Object.keys(loadQuestionTerms().documentNames)) expect(ids).toContain(id);
  });
});
