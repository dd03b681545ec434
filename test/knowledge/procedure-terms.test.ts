import { describe, expect, it } from "vitest";
import { ingestCorpus } from "../../knowledge/corpus.js";
import { ProcedureLexicon } from "../../knowledge/procedure-terms.js";
import { readQuestion, resolveAsk } from "../../knowledge/reading.js";
import { corpusFacts } from "../../knowledge/corpus-facts.js";

const { chunks } = ingestCorpus();
const lexicon = ProcedureLexicon.fromCorpus(chunks);
const { vocabulary } = corpusFacts(chunks);
const known = (w: string) => vocabulary.has(w);

describe("the corpus's procedure terms, found from its headings, text and acronyms", () => {
  it("holds the procedures, meetings and roles the corpus names, and the field's shorthand for them", () => {
    for (const t of ["strategy discussion", "core group", "initial child protection conference", "section 47 enquiries", "LADO", "police protection", "child in need plan", "early help", "s47", "ICPC", "strat", "referral"]) {
      expect(lexicon.has(t), t).toBe(true);
    }
  });

  it("does not hold a case's narrative: kin, days, a child's particulars, what happened", () => {
    for (const t of ["mum", "dad", "Tuesday", "yesterday", "boy", "told", "Jayden", "Leeds", "flat", "year"]) {
      expect(lexicon.has(t), t).toBe(false);
    }
  });

  it("finds the terms a story names, in order, the longest term where they overlap", () => {
    const found = lexicon.find("The strat on Monday agreed a section 47 enquiry, and the initial child protection conference is next week.").map((t) => t.text);
    expect(found[0]).toBe("strat");
    expect(found).toContain("initial child protection conference");
    expect(found.indexOf("initial child protection conference")).toBeGreaterThan(found.indexOf("strat"));
  });
});

describe("reading a case: its procedure terms and an ask that points back into it", () => {
  it("when the story names the procedure and the ask only points back to it, the ask is read with that procedure", () => {
    const r = readQuestion("I'm the DSL. A Year 9 boy, Tom, is now on a child protection plan after the conference on Tuesday. Who do I send it to?", known, lexicon);
    expect(r.terms).toContain("child protection plan");
    expect(r.core).toMatch(/^Who do I send it to\? /);
    expect(r.core).toMatch(/conference|child protection plan/);
    expect(r.terms).not.toContain("tom");
  });

  it("an ask that names its own procedure is left as it is", () => {
    const r = readQuestion("The strat agreed s47 for Amira, 14. When must the ICPC be held?", known, lexicon);
    expect(r.core).toBe("When must the ICPC be held?");
    expect(r.terms).toEqual(expect.arrayContaining(["strat", "s47"]));
  });

  it("an ask that names no procedure is read with the term the story names most often; among equals, the last named", () => {
    const t = (text: string, stems = text) => ({ text, stems });
    expect(resolveAsk("Who chairs it?", [t("core group"), t("strat"), t("core group")], lexicon)).toBe("Who chairs it? core group");
    expect(resolveAsk("Who chairs it?", [t("core group"), t("strat")], lexicon)).toBe("Who chairs it? strat");
    expect(resolveAsk("Who chairs the ICPC?", [t("core group")], lexicon)).toBe("Who chairs the ICPC?");
  });

  it("'it' or 'that' in the ask is read as the last procedure the story names, 'they' as the last role or agency", () => {
    const t = (text: string, stems = text) => ({ text, stems });
    // "they" is Children's Services and "it" the referral, though the agency is named last.
    expect(resolveAsk("What are they required to do with it?", [t("referral"), t("children services")], lexicon)).toBe("What are they required to do with it? referral children services");
    // A role is never what "it" stands for, however often the story names it.
    expect(resolveAsk("Is that too late?", [t("dsl"), t("icpc"), t("core group"), t("dsl")], lexicon)).toBe("Is that too late? core group");
    expect(resolveAsk("Do they have to tell us?", [t("strat"), t("police")], lexicon)).toBe("Do they have to tell us? police");
  });

  it("a pointing word is read from the story even when the ask names a procedure of its own", () => {
    const r = readQuestion("Police want to interview 12yo Hannah next week about what she said. Is the strategy discussion where the timing of that gets agreed?", known, lexicon);
    expect(r.ask).toBe("Is the strategy discussion where the timing of that gets agreed?");
    // "that" stands for the interview, which no procedure term names; the police are no "that".
    expect(r.core).toBe(r.ask);
    const s = readQuestion("Our referral went in on Monday for Kai, 8. Is the strategy discussion told about it?", known, lexicon);
    expect(s.core).toBe("Is the strategy discussion told about it? referral");
  });

  it("'he' and 'she' are the child or a person of the story, and are not read as a procedure", () => {
    const t = (text: string, stems = text) => ({ text, stems });
    expect(resolveAsk("Can he be accommodated?", [t("police"), t("strat")], lexicon)).toBe("Can he be accommodated? strat");
  });

  it("an ask that leans on its story takes the story's procedure, never a role or agency it names", () => {
    const t = (text: string, stems = text) => ({ text, stems });
    // The LADO and the police are who the case involves, not what it is about.
    expect(resolveAsk("Can he be accommodated?", [t("lado")], lexicon)).toBe("Can he be accommodated?");
    expect(resolveAsk("What should I do now?", [t("police"), t("icpc")], lexicon)).toBe("What should I do now? icpc");
  });

  it("an ask with a subject of its own is read as it is, whatever procedure the story names", () => {
    const t = (text: string, stems = text) => ({ text, stems });
    expect(resolveAsk("Is a MAT chief executive a strategic leader under the guidance?", [t("neglect")], lexicon)).toBe("Is a MAT chief executive a strategic leader under the guidance?");
    expect(resolveAsk("who do I tell?", [t("neglect")], lexicon)).toBe("who do I tell? neglect");
  });

  it("of several asks around a story, those naming a procedure are the ask; a follow-up naming none is read with the story", () => {
    const r = readQuestion("A Year 10 girl told her teacher she is scared to go home. Who attends the strategy discussion? Also, do I ring mum first?", known, lexicon);
    expect(r.ask).toBe("Who attends the strategy discussion?");
    expect(r.context).toMatch(/ring mum/);
    // Without a story every ask stays.
    expect(readQuestion("Who attends the strategy discussion? Also, do I ring mum first?", known, lexicon).ask).toMatch(/ring mum/);
  });

  it("a message without a story has no terms and its ask is unchanged", () => {
    const r = readQuestion("what is a strategy discussion for?", known, lexicon);
    expect(r.terms).toEqual([]);
    expect(r.core).toBe("what is a strategy discussion for?");
  });
});
