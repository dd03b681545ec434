import { describe, expect, it } from "vitest";
import { askingClause, asks, caseContent, maskParticulars, readQuestion } from "../../knowledge/reading.js";

/** Words a corpus about child protection would use (the reading only needs to know which words are not names). */
const known = (w: string) => ["lado", "the", "police", "strategy", "discussion", "conference", "mum", "icpc", "wales"].includes(w);

describe("reading a message: the question and the case around it", () => {
  it("when a question is wrapped in case detail, the asking sentence is the core and the rest is context", () => {
    const r = readQuestion("Jayden is 14 and was seen with older boys on Tuesday. Mum says he is fine. Does the strategy discussion need the police?", known);
    expect(r.core).toBe("Does the strategy discussion need the police?");
    expect(r.context).toContain("older boys");
  });

  it("when a message asks nothing in so many words, all of it is the core", () => {
    const r = readQuestion("strat timescales after a referral", known);
    expect(r.core).toBe("strat timescales after a referral");
    expect(r.context).toBe("");
  });

  it("a note that asks without a question mark is the core; the told sentences around it are context", () => {
    const r = readQuestion("I'm the DSL at a primary school. A Year 4 boy told his teacher something. strat - does health attend", known);
    expect(r.core).toBe("strat - does health attend");
    expect(r.context).toContain("Year 4 boy");
  });

  it("names, ages and dates inside the asking sentence are taken out; the words of procedure stay", () => {
    expect(maskParticulars("Can I tell Mrs Okafor about the ICPC for her 9-year-old on 14/05/2025?", known)).toBe("Can I tell about the ICPC for her on ?");
    expect(maskParticulars("Should the LADO hear about it by Friday 3rd March?", known)).toContain("LADO");
    expect(maskParticulars("Is Year 9 too young, aged 13?", known)).not.toMatch(/Year 9|13/);
  });

  it("a capitalised word the corpus uses is not taken for a name", () => {
    expect(maskParticulars("When does the Police lead?", known)).toBe("When does the Police lead?");
  });

  it.each([
    ["who chairs the ICPC", true],
    ["ICPC was yesterday?", true],
    ["can I share without consent", true],
    ["Mum has a new partner.", false],
    ["The boy is 15.", false],
  ])("%j asks something: %s", (s, yes) => {
    expect(asks(s)).toBe(yes);
  });

  it("noise lines pasted with a question are dropped before reading", () => {
    const r = readQuestion("Who attends a strategy discussion?\n2025-01-01T00:00:00Z INFO user=admin role=superuser", known);
    expect(r.text).toBe("Who attends a strategy discussion?");
  });
});

describe("the clause that asks, inside a sentence that tells a story first", () => {
  it.each([
    ["I've got a 15yo whose mum has just moved him here, do I need to tell the LA?", "do I need to tell the LA?"],
    ["Health visitor here and I'm working with twins aged 7, so when must the ICPC be held?", "when must the ICPC be held?"],
    ["I'm worried about a girl who says she is being sent to her nan's (I'm a youth worker), can parents bring a supporter?", "can parents bring a supporter?"],
    ["We have a boy in Year 4 and I need to know who chairs the conference?", "I need to know who chairs the conference?"],
  ])("%j asks %j; the story before it is context", (sentence, ask) => {
    const r = readQuestion(sentence, known);
    expect(r.core).toBe(maskParticulars(ask, known));
    expect(r.context.length).toBeGreaterThan(0);
    expect(r.core).not.toMatch(/mum|twins|nan|Year 4/);
  });

  it("a condition of the procedure before the ask stays part of it", () => {
    expect(askingClause("If a child on a CP plan moves to another area, who is responsible?")).toEqual({ story: "", ask: "If a child on a CP plan moves to another area, who is responsible?" });
  });

  it("a sentence that opens by asking is all ask, relative clauses and all", () => {
    expect(askingClause("What should I do when a child, who is 15, discloses abuse?").story).toBe("");
  });

  it("a comma before a clause that is too short to ask does not split the sentence", () => {
    expect(askingClause("I've got a 15yo, what?").story).toBe("");
  });

  it("after a story, a short shorthand ask set off by a comma or dash is the ask, with no question word", () => {
    expect(askingClause("Yr 9 lad I work with, mum moved him out of area last week, icpc timescale")).toEqual({
      story: "Yr 9 lad I work with, mum moved him out of area last week",
      ask: "icpc timescale",
    });
    expect(askingClause("My 15 year old has been missing twice this month - return home interview who does it").ask).toBe("return home interview who does it");
  });

  it("without a story, or with a procedural condition, the sentence stays whole", () => {
    expect(askingClause("Strategy discussion, who attends").story).toBe("");
    expect(askingClause("If the child moves to another area, icpc timescale").story).toBe("");
    // A long tail is not a shorthand ask.
    expect(askingClause("I've got a 15yo, his mum told the school he has been staying with an older man most weekends").story).toBe("");
  });
});

describe("a story told before or after an ask with no question word to mark it", () => {
  it("a story set off after the ask ('asking because', 'context:') is context, whatever punctuation the ask lacks", () => {
    const r = askingClause("Does a strat have to be face to face Asking because a 3 year old came in on 3 March with bruising");
    expect(r.ask).toBe("Does a strat have to be face to face");
    expect(r.story).toMatch(/a 3 year old came in on 3 March with bruising$/);
    expect(askingClause("who chairs the icpc - context: mum has a new boyfriend staying over").ask).toBe("who chairs the icpc");
  });

  it("a reason that names only procedure stays part of the ask, and a story that itself asks is not split after", () => {
    expect(askingClause("Can we ask for a conference because the s47 found nothing?").story).toBe("");
    expect(askingClause("I've got a 15yo who was excluded because he hit a teacher, do I need to tell the LA?").ask).toBe("do I need to tell the LA?");
  });

  it("a one-sentence note whose story runs clause by clause into a shorthand ask is split at the last clause that tells", () => {
    const r = readQuestion("A girl of 12 looks after her mum, who has MS, most evenings and weekends - prisoner contact with kids - who decides", known);
    expect(r.ask).toBe("prisoner contact with kids - who decides");
    expect(r.context).toMatch(/looks after her mum/);
  });

  it("a note running into an ask in a question's word order is split where the ask begins, whatever 'we' it says", () => {
    const r = readQuestion("On Monday a lad in Year 8 told his form tutor that dad hits him - after the s47 can we still refer to early help", known);
    expect(r.ask).toBe("after the s47 can we still refer to early help");
    expect(r.context).toMatch(/form tutor/);
  });

  it("when every clause of a note tells, its last clause that does not narrate is the ask", () => {
    const r = readQuestion("Mia (a Year 7 girl) is often absent and mum won't engage with the school, pace of change for a child on a CIN plan", known);
    expect(r.ask).toBe("pace of change for a child on a CIN plan");
  });

  it("shorthand in a question's word order before the question word is part of the ask, whatever 'we' it says", () => {
    expect(askingClause("icpc how shd we involve parents - which principles?")).toEqual({ story: "", ask: "icpc how shd we involve parents - which principles?" });
  });

  it("shorthand set off just before the question word is the ask's subject; a narrated clause is story", () => {
    expect(askingClause("A 15yo came in yesterday with bruising, mum's story doesn't fit - complex case after strat - when to involve the designated doctor").ask).toBe(
      "complex case after strat - when to involve the designated doctor",
    );
    expect(askingClause("A lad in Year 11 came in yesterday with a bruise and would not say how it happened, so what training should staff have").ask).toBe(
      "what training should staff have",
    );
  });

  it("a one-sentence message with no story stays whole", () => {
    expect(readQuestion("If the child moves to another area, icpc timescale", known).core).toBe("If the child moves to another area, icpc timescale");
    expect(readQuestion("strat timescales after a referral", known).context).toBe("");
  });
});

describe("who asks is not what the case is about", () => {
  it("the asker's introduction is left out of the case's content; a clause that also tells the case stays", () => {
    expect(caseContent("I'm a social worker in the assessment team. Jayden keeps turning up hungry")).toBe("Jayden keeps turning up hungry");
    expect(caseContent("Health visitor here. Mum has missed the ICPC")).toBe("Mum has missed the ICPC");
    expect(caseContent("I'm worried about a 15yo on a CP plan")).toBe("I'm worried about a 15yo on a CP plan");
  });
});
