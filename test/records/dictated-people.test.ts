import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { joinSpokenLetters } from "../../records/dictated-people.js";
import { draftFromNotes } from "../../records/index.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2025-03-20T12:00:00Z"), calculator });
const people = (notes: string) => draft(notes).record.attendees.map((a) => [a.name?.toLowerCase() ?? null, a.role_code, a.status]);
const gaps = (notes: string) => {
  const d = draft(notes);
  return new Set([...d.gaps, ...(d.checks ?? [])].map((g) => g.field));
};

// The rest of a dictated note, said as one run: what the people were there for.
const REST =
  "the concern is that the child who is six came to school with a bruise on her cheek the child is safe at school today section forty seven agreed no legal action mum will be told today";

describe("short forms said a letter at a time", () => {
  it("letters that spell a role, title or agency of the lexicon are written as typed; other letters are left", () => {
    const text = "d c patel and the h v from c a i t and j smith";
    let out = text;
    for (const e of joinSpokenLetters(text).reverse()) out = out.slice(0, e.at) + e.text + out.slice(e.at + e.len);
    expect(out).toBe("DC patel and the HV from CAIT and j smith");
  });
});

describe("a dictated list of people with no commas", () => {
  it("when the role follows each name and nothing joins them, every person is read with their role", () => {
    expect(people(`strategy discussion on the fourteenth of march twenty twenty five present were sarah jones social worker mike allen team manager detective constable paul grey doctor anita bose paediatrician ${REST}`)).toEqual([
      ["sarah jones", "social_worker", "took_part"],
      ["mike allen", "team_manager", "took_part"],
      ["dc paul grey", "detective", "took_part"],
      ["dr anita bose", "paediatrician", "took_part"],
    ]);
  });

  it("when the role comes before the name, or is said letter by letter, each person is still read apart", () => {
    const read = people(`strategy discussion on the fourteenth of march twenty twenty five on the call were the social worker jane smith p c tom lee and the h v mary brown ${REST}`);
    expect(read).toEqual([
      ["jane smith", "social_worker", "took_part"],
      ["pc tom lee", "police_officer", "took_part"],
      ["mary brown", "health_visitor", "took_part"],
    ]);
  });

  it("when the list comes before 'were present', it is read and the minimum attendees are met", () => {
    const notes = `strategy discussion on the fourteenth of march twenty twenty five by phone d c amy shaw zoe clarke health visitor and tom dunn the social worker were present ${REST}`;
    expect(people(notes)).toEqual([
      ["dc amy shaw", "detective", "took_part"],
      ["zoe clarke", "health_visitor", "took_part"],
      ["tom dunn", "social_worker", "took_part"],
    ]);
    const g = gaps(notes);
    for (const code of ["attendees.social_work", "attendees.health", "attendees.police"]) expect(g.has(code)).toBe(false);
  });

  it("a person who 'sent apologies' in the middle of the list is recorded as apologies, the others as taking part", () => {
    const read = people(`strategy discussion on the fourteenth of march twenty twenty five present were sarah jones social worker and d c paul grey beth lowe the school nurse sent her apologies ${REST}`);
    expect(read).toContainEqual(["beth lowe", "school_nurse", "apologies"]);
    expect(read).toContainEqual(["sarah jones", "social_worker", "took_part"]);
    expect(read).toContainEqual(["dc paul grey", "detective", "took_part"]);
  });

  it("a short dictated note with no punctuation at all is read as dictation", () => {
    expect(people("strategy discussion today present were sarah jones social worker p c tom lee and the h v section forty seven agreed")).toEqual([
      ["sarah jones", "social_worker", "took_part"],
      ["pc tom lee", "police_officer", "took_part"],
      [null, "health_visitor", "took_part"],
    ]);
  });
});

describe("decisions written under another heading", () => {
  const head = "Strategy discussion 14/03/2025 10:00 by phone. Ref AB12345.\nPresent: Jo Smith SW, DC Lee Patel police, Ann Cole HV.\nConcerns: bruise to cheek.\nDecisions:\nCrim inv: police lead.\nMum told today by SW.\nChild safe at gran's tonight.\n";

  it("when section 47 is agreed under Actions, the record says so and raises no section 47 gap", () => {
    const notes = `${head}Actions:\nS47 agreed.\nJo to visit child 17/03.`;
    expect(draft(notes).record.decisions.section47.decision).toBe("yes");
    expect(gaps(notes).has("decisions.section47")).toBe(false);
  });

  it("when legal action is ruled out under Next steps or Information shared, no legal action gap is raised", () => {
    for (const where of ["Next steps:", "Info shared:"]) {
      const notes = `${head}S47 agreed.\n${where}\nNo legal action.\nActions:\nJo to visit child 17/03.`;
      expect(draft(notes).record.decisions.legal_action.decision).toBe("no");
      expect(gaps(notes).has("decisions.legal_action")).toBe(false);
    }
  });

  it("a decision under its own heading wins over words under Actions", () => {
    const notes = `${head}S47 not agreed.\nActions:\nS47 agreed if the medical shows injury.\nJo to visit child 17/03.`;
    expect(draft(notes).record.decisions.section47.decision).toBe("no");
  });
});

describe("how dictation runs people together (round ten)", () => {
  it("when a lower-case list names someone whose first name is also a harm word, the whole name is read", () => {
    expect(people(`strategy discussion on the fourteenth of march twenty twenty five present were jo smith social worker d c mark ellis and ann lee health visitor ${REST}`)).toEqual([
      ["jo smith", "social_worker", "took_part"],
      ["dc mark ellis", "detective", "took_part"],
      ["ann lee", "health_visitor", "took_part"],
    ]);
  });

  it("when someone is said to be from a team the lexicon does not know, those words are where they work, not another person", () => {
    const read = people(`strategy discussion on the fourteenth of march twenty twenty five present were d c sana akhtar from the safeguarding unit and amy cole health visitor ${REST}`);
    expect(read).toContainEqual(["dc sana akhtar", "detective", "took_part"]);
    expect(read).toContainEqual(["amy cole", "health_visitor", "took_part"]);
    expect(read).toHaveLength(2);
  });

  it("when the speaker signs off with 'end of notes', that is no action", () => {
    const d = draft(`strategy discussion on the fourteenth of march twenty twenty five present were jo smith social worker d c paul grey and ann lee health visitor ${REST} new line actions jo to visit today full stop end of notes`);
    expect(d.record.actions.map((a) => a.owner)).toEqual(["jo"]);
  });

  it("when speech software capitalises the names it knows and nothing else, the people of a sentence that says who attended are read", () => {
    expect(people(`strategy discussion on the fourteenth of march twenty twenty five at ten new line chair was Gareth Bowen team manager also in the room was Lowri Evans the allocated social worker and PC Dan Harries from the missing persons team south wales police and mrs Sian Lloyd the designated safeguarding person at the school full stop apologies from the school nurse Kath Morgan no one else from the health board was able to attend full stop new line ${REST}`)).toEqual([
      ["gareth bowen", "team_manager", "took_part"],
      ["lowri evans", "social_worker", "took_part"],
      ["pc dan harries", "police_officer", "took_part"],
      ["mrs sian lloyd", "dsl", "took_part"],
      ["kath morgan", "school_nurse", "apologies"],
    ]);
  });

  it("when a concern names a role in a dictated note with capitalised names, its words are not read as people", () => {
    const read = people(`strategy discussion on the fourteenth of march twenty twenty five present were Jo Smith social worker and DC Paul Grey full stop new line concerns the teacher saw two red lines on his back photographed by the DSL per policy full stop ${REST}`);
    expect(read).toEqual([
      ["jo smith", "social_worker", "took_part"],
      ["dc paul grey", "detective", "took_part"],
    ]);
  });
});

describe("short forms spelt in capitals", () => {
  it("letters written as capitals ('D S L') are the short form too", () => {
    const text = "mr tom fairbairn deputy head and D S L at the school";
    let out = text;
    for (const e of joinSpokenLetters(text).reverse()) out = out.slice(0, e.at) + e.text + out.slice(e.at + e.len);
    expect(out).toBe("mr tom fairbairn deputy head and DSL at the school");
  });
});


describe("a weekday said with its day of the month (round ten)", () => {
  it("'on friday twentieth' and 'by monday the twenty third' stay with their task as its due date", () => {
    const d = draft(`strategy discussion on the fourteenth of march twenty twenty five present were jo smith social worker d c paul grey and ann lee health visitor ${REST} new line actions ann to do a home visit on friday twenty first full stop jo to reconvene by monday the twenty fourth full stop`);
    expect(d.record.actions.map((a) => [a.owner, a.due])).toEqual([["ann", "2025-03-21"], ["jo", "2025-03-24"]]);
  });
});

describe("an officer named before their force, said with no commas (round seventeen)", () => {
  it("the capitals between the rank and the force are the officer's name, and the police took part", () => {
    const notes = `Strategy discussion on the fourteenth of March 2025 present were Ann Lee social worker DC Rhys Morgan Gwent Police detective constable Tom Hale West Yorkshire Police and Jo Bell health visitor ${REST}`;
    expect(people(notes)).toEqual([
      ["ann lee", "social_worker", "took_part"],
      ["dc rhys morgan", "detective", "took_part"],
      ["dc tom hale", "detective", "took_part"],
      ["jo bell", "health_visitor", "took_part"],
    ]);
    expect(gaps(notes).has("attendees.police")).toBe(false);
  });

  it("a force the lexicon does not know, written on its own after a comma, is still the force and no person", () => {
    expect(people(`Present: Ann Lee (SW), DS Kate Roy, Westmoor Police CSE team, Jo Bell (HV). ${REST}`)).toEqual([
      ["ann lee", "social_worker", "took_part"],
      ["ds kate roy", "detective", "took_part"],
      ["jo bell", "health_visitor", "took_part"],
    ]);
  });
});

describe("'myself' said after another person in a dictated list (round seventeen)", () => {
  it("is the writer, a person of their own, and the one before keeps their own name", () => {
    const read = people(`this is Ben Cole social worker dictating strategy discussion on the fourteenth of March 2025 present were Amy Shah team manager chairing Lucy Hart myself DC Owen Reid and Jo Bell health visitor ${REST}`);
    expect(read).toContainEqual(["lucy hart", null, "took_part"]);
    expect(read).toContainEqual(["dc owen reid", "detective", "took_part"]);
    expect(read.filter((p) => p[0] === "lucy hart")).toHaveLength(1);
  });
});
