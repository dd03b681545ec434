import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

interface Case {
  name: string;
  now: string;
  notes: string;
  expect: {
    date?: string | null;
    time?: string | null;
    format?: string | null;
    child_ref?: string | null;
    attendees?: Record<string, unknown>[];
    section47?: string;
    section47_outcome?: string;
    criminal?: string;
    legal?: string;
    share_with_family?: boolean;
    child_welfare?: boolean;
    actions?: { owner: string | null; due: string | null }[];
    review_date?: string;
    recorded_by?: string;
    gaps: string[];
    /** Parts read without confidence, to check rather than flag (a field here is not in gaps). */
    checks?: string[];
    deadlines: string[];
  };
}

const cases = JSON.parse(readFileSync(new URL("./notes-cases.json", import.meta.url), "utf8")) as Case[];
const calculator = createDeadlineCalculator();

describe("drafting a strategy discussion record from rough notes", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { record, gaps, deadlines, checks } = draftFromNotes(c.notes, { clock: fixedClock(c.now), calculator });
    const e = c.expect;
    for (const key of ["date", "time", "format", "child_ref", "review_date", "recorded_by"] as const) {
      if (e[key] !== undefined) expect(record[key], key).toBe(e[key]);
    }
    if (e.attendees) {
      expect(record.attendees).toHaveLength(e.attendees.length);
      e.attendees.forEach((a, i) => expect(record.attendees[i]).toMatchObject(a));
    }
    if (e.section47) expect(record.decisions.section47.decision).toBe(e.section47);
    if (e.section47_outcome) expect(record.decisions.section47.outcome).toBe(e.section47_outcome);
    if (e.criminal) expect(record.decisions.criminal_investigation.decision).toBe(e.criminal);
    if (e.legal) expect(record.decisions.legal_action.decision).toBe(e.legal);
    if (e.share_with_family !== undefined) expect(record.decisions.share_with_family !== null).toBe(e.share_with_family);
    if (e.child_welfare !== undefined) expect(record.decisions.child_welfare !== null).toBe(e.child_welfare);
    if (e.actions) expect(record.actions.map((a) => ({ owner: a.owner, due: a.due }))).toEqual(e.actions);
    expect(gaps.map((g) => g.field).sort()).toEqual([...e.gaps].sort());
    expect((checks ?? []).map((k) => k.field).sort()).toEqual([...(e.checks ?? [])].sort());
    expect(deadlines.map((d) => d.due)).toEqual(e.deadlines);
    if (e.deadlines.length > 0) expect(deadlines[0]?.rule).toBe("icpc");
  });
});

describe("reading who wrote the notes and what is a task", () => {
  const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2025-03-12T12:00:00Z"), calculator }).record;

  it("when an e-mail's writer chaired and was joined by others, the writer is one attendee", () => {
    const record = draft(
      "From: Okoro, Daniel\nSubject: Strat outcome\n\nStrategy discussion held today at 2pm by phone, chaired by me. I was joined by DS Hannah Vickers and Lisa Grant (school nurse).\n\nThanks,\nDaniel\nSocial Worker",
    );
    expect(record.attendees.filter((a) => a.name === "Daniel Okoro")).toHaveLength(1);
    expect(record.attendees.map((a) => a.name)).toEqual(["Daniel Okoro", "DS Hannah Vickers", "Lisa Grant"]);
  });

  it("when a one-line message says what someone did this morning, that is the story, not a task", () => {
    const record = draft("strat today 10:30 teams, on the call: Sophie SW, DS Owen. 4yo bruising, nursery raised it this morning. s47 agreed. Sophie to see child today, DS Owen to interview dad by Friday.");
    expect(record.actions.map((a) => a.owner)).toEqual(["Sophie", "DS Owen"]);
  });

  it.each([
    ["Strat call 02/06/2025 11:00", "phone"],
    ["SD call 02/06/2025 11:00", "phone"],
    ["Strategy discussion 02/06/2025 11:00 at the school", "meeting"],
  ])("when the title says '%s' the format is %s, and 'call mum' in a task says nothing about it", (title, format) => {
    const record = draft(`${title}. Present: SW Tom Reed, PC Dale. Actions: SW to call mum today.`);
    expect(record.format).toBe(format);
  });

  it("when only a task says to call someone, the format is not recorded", () => {
    expect(draft("Strat 02/06/2025 11:00. Present: SW Tom Reed, PC Dale. Actions: SW to call mum today.").format).toBeNull();
  });
});

describe("tasks in a one-line message", () => {
  const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2025-05-20T12:00:00Z"), calculator }).record;

  it("when a role named among those present is also a task's doer in another sentence, the task keeps its doer", () => {
    const record = draft("strat today 10:00 F2F, present were SW Wendy, PC Yusuf, Rhys - specialist midwife. s47 agreed. Yusuf - arrange CP medical - EOD, PNC checks to be done by specialist midwife by Friday.");
    expect(record.actions.map((a) => a.owner)).toEqual(["Yusuf", "specialist midwife"]);
  });

  it("when a named doer is to update a professional, that is a task even beside a line about telling dad", () => {
    const record = draft("strat today 11:15 Teams, present: Ella Hale (SW), DC Yusuf, Dan Moss - MW. s47 agreed. Dad not to be told until police have spoken to him; Ella Hale to request school records asap; Dan Moss - update the referrer - by 25/05/2025.");
    expect(record.actions.map((a) => [a.owner, a.due])).toEqual([["Ella Hale", null], ["Dan Moss", "2025-05-25"]]);
  });
});

describe("notes typed all in lower case", () => {
  it("when an e-mail is signed in lower case under a closing line, the writer is named and owns what they will do", () => {
    const record = draftFromNotes(
      "subject: strat outcome\n\nhi all,\n\nstrategy discussion held today at 2pm by phone, chaired by me. i was joined by ds hannah vickers and lisa grant (school nurse). s47 agreed. i will see the child at school tomorrow.\n\nkind regards,\nlucy harper\nsocial worker",
      { clock: fixedClock("2025-03-12T12:00:00Z"), calculator },
    ).record;
    expect(record.attendees[0]?.name).toBe("lucy harper");
    expect(record.actions.map((a) => a.owner)).toEqual(["lucy harper"]);
  });
});

describe("the child's reference typed in lower case", () => {
  const refOf = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2025-03-12T12:00:00Z"), calculator }).record.child_ref;
  it.each([
    ["child: km (2011)", "km (2011)"],
    ["child ref: bmdc 7730021", "bmdc 7730021"],
  ])("when a labelled line says '%s' the reference is '%s'", (line, ref) => {
    expect(refOf(`strat 12/3/25 by phone\n${line}\npresent: sw jo, pc dale\ns47 agreed`)).toBe(ref);
  });
});

describe("someone named by where they are from, in lower-case notes", () => {
  it("when the list says 'jo from school (dsl)', jo took part as the DSL", () => {
    const record = draftFromNotes("strat meeting notes\nwhen: thu 16/10/25, 4pm, phone\nwho: dan hughes (sw, chairing), pc ryan cole (lancs police), jo from school (dsl), dr patel (gp)\ns47 agreed", {
      clock: fixedClock("2025-10-16T12:00:00Z"),
      calculator,
    }).record;
    expect(record.attendees.map((a) => [a.name, a.role_code])).toContainEqual(["jo", "dsl"]);
  });
});

describe("what practitioners write in e-mails and chats (round 8)", () => {
  const calc = createDeadlineCalculator();
  const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2025-11-20T12:00:00Z"), calculator: calc });

  it("when the writer says \"I chaired as TM\", the writer is the chair's attendee, never a person called \"I\"", () => {
    const { record } = draft("From: Sarah Jones\nSubject: Strategy discussion C-20441\n\nHi all,\n\nNotes from 18/11/2025. I chaired as TM; also present were Priya Shah (SW) and DC Mark Evans (CAIT).\n\nThanks,\nSarah");
    expect(record.attendees.map((a) => a.name)).toEqual(["Sarah Jones", "Priya Shah", "DC Mark Evans"]);
    expect(record.attendees[0]?.role_code).toBe("team_manager");
  });

  it("when a subject line or title names the case straight after the discussion, that is the child reference", () => {
    for (const [title, ref] of [["Subject: Strategy discussion - C-20441", "C-20441"], ["Strat disc C-20441", "C-20441"], ["STRATEGY DISCUSSION: LL 2025/3321", "LL 2025/3321"], ["Strategy discussion for 4471923", "4471923"]] as const) {
      expect(draft(`${title}\nPresent: Jo Bell SW`).record.child_ref).toBe(ref);
    }
    // A date, a time or a year after the title is never a reference.
    for (const title of ["Strategy discussion 18/11/2025 10:00", "Strategy meeting 2025-11-18", "strategy discussion for 2025"]) {
      expect(draft(`${title}\nPresent: Jo Bell SW`).record.child_ref).toBeNull();
    }
  });

  it("when a task is said to still need someone, it is a task with no owner and the gap says so", () => {
    const { record, gaps } = draft("Date 18/11/2025\nPresent: Jo Bell SW, Priya Walsh TM\nStill need someone to visit dad by 21/11/2025. Who can request the health chronology? Needs doing 24/11/2025\n\nPriya Walsh to do the home visit today");
    expect(record.actions.map((a) => [a.owner, a.due])).toEqual([[null, "2025-11-21"], [null, "2025-11-24"], ["Priya Walsh", "2025-11-18"]]);
    expect(gaps.some((g) => /^actions\[0\]\.owner$/.test(g.field))).toBe(true);
  });

  it("when legal advice \"isn't needed\" that is a decision against legal action, and a court threshold is not the section 47 threshold", () => {
    const d1 = draft("Date 18/11/2025\nPresent: Jo Bell SW\nLegal advice isn't needed at this point.").record.decisions;
    expect(d1.legal_action.decision).toBe("no");
    const d2 = draft("Date 18/11/2025\nPresent: Jo Bell SW\nThreshold for legal proceedings not met.").record.decisions;
    expect(d2.section47.decision).toBe("undecided");
    expect(d2.legal_action.decision).toBe("no");
  });
});

describe("a minutes template pasted as plain text", () => {
  const calc = createDeadlineCalculator();
  it("when the tables line their columns up with spaces, each row is a person or an action with its owner and date", () => {
    const notes = [
      "STRATEGY DISCUSSION MINUTES",
      "Date of meeting: 18.11.2025          Time: 14:00          Venue: Civic Centre",
      "Chair: Kamal Ahmed (Team Manager)",
      "",
      "Name                 Role                  Agency                Present/Apologies",
      "Kamal Ahmed          Team Manager          Children's Services   Present",
      "DC Mark Evans        Detective Constable   Police (CAIT)         Present",
      "Dr L Hughes          Paediatrician         NHS                   Apologies",
      "",
      "Action                          Owner                   Timescale",
      "Skeletal survey                 Dr Hughes               20.11.2025",
      "Joint home visit                Priya Shah / DC Evans   18.11.2025",
    ].join("\n");
    const { record } = draftFromNotes(notes, { clock: fixedClock("2025-11-20T12:00:00Z"), calculator: calc });
    expect(record.date).toBe("2025-11-18");
    expect(record.time).toBe("14:00");
    expect(record.attendees.map((a) => [a.name, a.status])).toEqual([["Kamal Ahmed", "took_part"], ["DC Mark Evans", "took_part"], ["Dr L Hughes", "apologies"]]);
    expect(record.actions.map((a) => [a.action, a.owner, a.due])).toEqual([
      ["Skeletal survey", "Dr Hughes", "2025-11-20"],
      ["Joint home visit", "Priya Shah / DC Evans", "2025-11-18"],
    ]);
  });

  it("when the notes give no date, due words are counted from the e-mail's sent day and the date gap says so", () => {
    const notes = "From: Jo Bell\nSent: 14 May 2025 16:02\nSubject: strat\n\nPresent: Jo Bell SW, DC Ray Patel, HV Ann Lee. s47 agreed.\nActions:\nJo - visit today\nAnn - chronology within 5 working days";
    const { record, gaps } = draftFromNotes(notes, { clock: fixedClock("2025-05-20T09:00:00Z"), calculator });
    expect(record.date).toBeNull();
    expect(record.actions.map((a) => a.due)).toEqual(["2025-05-14", "2025-05-21"]);
    expect(gaps.find((g) => g.field === "date")?.message).toMatch(/counted from the day the notes were sent or drafted/);
  });

  it("when every due date is a calendar date, the date gap does not say due dates were counted", () => {
    const { gaps } = draftFromNotes("Present: Jo Bell SW, DC Ray Patel, HV Ann Lee. s47 agreed. Actions: Jo - visit - 21/05/2025", { clock: fixedClock("2025-05-20T09:00:00Z"), calculator });
    expect(gaps.find((g) => g.field === "date")?.message).not.toMatch(/counted/);
  });

  it("when a list is headed 'Took part' and a person's line has a note on why they came, the person is read without the note", () => {
    const { record } = draftFromNotes("Date: 11 February 2026\nTook part:\nElin Jones, Team Manager\nMererid Owen, Health Visitor (knows family from baby sibling)\nPC Gwion Lewis, North Wales Police\n\nNot able to attend:\nDr Rhys Hughes, GP\n\nConcerns: bruise to cheek of a 5 year old", { clock: fixedClock("2026-02-11T12:00:00Z"), calculator });
    expect(record.attendees.map((a) => [a.name, a.role_code, a.status])).toEqual([
      ["Elin Jones", "team_manager", "took_part"],
      ["Mererid Owen", "health_visitor", "took_part"],
      ["PC Gwion Lewis", "police_officer", "took_part"],
      ["Dr Rhys Hughes", "gp", "invited_absent"],
    ]);
  });

  it("when a role or agency is typed without its apostrophe ('childs social worker', 'disabled childrens team'), it is still read", () => {
    const { record } = draftFromNotes("Present: Sam Hurst, childs social worker; Jo Bell, disabled childrens team; DC Ray Patel; Ann Lee HV. s47 agreed.", { clock: fixedClock("2026-02-11T12:00:00Z"), calculator });
    expect(record.attendees[0]).toMatchObject({ name: "Sam Hurst", role_code: "social_worker" });
    expect(record.attendees[1]).toMatchObject({ name: "Jo Bell", category: "social_work" });
  });

  it("when the meeting's date and time stand on a line of their own under the reference, they are the meeting's", () => {
    const { record } = draftFromNotes("Strategy meeting – Tyler JAMES (15) – CCE concerns\nRef: NCC/CS/58812\n13/05/2026 10am, Civic Centre Newport rm 2.14\nChair: Alun Pritchard (TM)\n\nAttending\n- Alun Pritchard, Team Manager\n- PC Dan Everett, Gwent Police", { clock: fixedClock("2026-05-13T15:00:00Z"), calculator });
    expect(record.date).toBe("2026-05-13");
    expect(record.time).toBe("10:00");
  });
});

