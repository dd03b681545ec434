import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";
import { seeded } from "../../core/random.js";
import { ACTION_FORMATS, writeActionNotes } from "../../scripts/note-actions.js";

// Actions as strangers write them (scripts/note-actions.ts walks the same forms). The meeting is Tuesday 10 June 2025
// and the notes are drafted the day after, so a due counted from the drafting day is a day late.
const calculator = createDeadlineCalculator();
const HEAD = "Strategy discussion Tue 10/06/2025 10:00, Teams\nPresent:\n- Anwen Pugh – SW – minutes\n- Dean Wells – TM (chair)\n- DC Owen Tranter – CAIT\n- Gill Hart – HV\n";
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2025-06-11T12:00:00Z"), calculator }).record;
const actions = (notes: string) => draft(notes).actions.map((a) => [a.owner, a.due]);

describe("who will do it", () => {
  it("the person a list marks as writing the notes took part, recorded, and is 'me'", () => {
    for (const mark of ["– minutes", "(notes)", "– note taker", "(taking notes)"]) {
      const r = draft(`${HEAD.replace("– minutes", mark)}Actions:\n- me – home visit – tomorrow`);
      expect(r.attendees.map((a) => a.name)).toContain("Anwen Pugh");
      expect(r.recorded_by).toBe("Anwen Pugh");
      expect(r.actions.map((a) => [a.owner, a.due])).toEqual([["Anwen Pugh", "2025-06-11"]]);
    }
  });

  it("an agency run into the thing it names is not the doer; an agency set apart or doing something is", () => {
    expect(actions(`${HEAD}Actions:\n- health chronology to be sent by Fri\n- The CAMHS referral to be made this pm\n- school attendance records, 2 working days`)).toEqual([
      [null, "2025-06-13"],
      [null, "2025-06-10"],
      [null, "2025-06-12"],
    ]);
    expect(actions(`${HEAD}Actions:\n- Health – chronology – 48hrs\n- police to do PNC checks today\n- SW home visit tomorrow`)).toEqual([
      ["Health", "2025-06-12"],
      ["police", "2025-06-10"],
      ["SW", "2025-06-11"],
    ]);
  });

  it("an owner said to be unknown leaves the task with none", () => {
    expect(actions(`${HEAD}Actions:\n- nursery welfare log – by Monday – owner TBC\n- CP med – 3 working days – ?who\n- Gill – records – Fri`)).toEqual([
      [null, "2025-06-16"],
      [null, "2025-06-13"],
      ["Gill", "2025-06-13"],
    ]);
  });

  it("'Next steps:' holds the actions where the notes have no Actions heading", () => {
    expect(actions(`${HEAD}\nNext steps: Gill Hart will check dad's address today. DC Tranter is going to do the ABE interview within 5 working days.`)).toEqual([
      ["Gill Hart", "2025-06-10"],
      ["DC Tranter", "2025-06-17"],
    ]);
  });

  it("a role said in words is the whole doer, and two people joined by 'and' own the task together", () => {
    const said =
      "strategy discussion on tuesday the tenth of june twenty twenty five at ten on teams. this is anwen pugh social worker taking the notes. present were dean wells team manager and d c owen tranter detective constable and gill hart health visitor. " +
      "actions the team manager to request the icpc by friday. anwen pugh and the detective constable will do the abe interview tomorrow. the health visitor is going to send the health chronology within three working days";
    const got = draft(said).actions.map((a) => [a.owner?.toLowerCase() ?? null, a.due]);
    expect(got).toEqual([
      ["the team manager", "2025-06-13"],
      ["anwen pugh and the detective constable", "2025-06-11"],
      ["the health visitor", "2025-06-13"],
    ]);
  });

  it("in a chat log, 'Will ...' with the 'I' dropped is the sender's task; 'Will Evans to ...' is Will's", () => {
    const log = "[10:00] Dean Wells: Strategy discussion for Ellie, 10/06/2025. I'll chair.\n[10:01] Gill Hart: Gill here, HV\n[10:02] Will Evans: Will here, SW\n[10:03] Gill Hart: Will get the health chronology over EOD\n[10:04] Dean Wells: Will Evans to do the home visit tomorrow";
    expect(actions(log)).toEqual([
      ["Gill Hart", "2025-06-10"],
      ["Will Evans", "2025-06-11"],
    ]);
  });
});

describe("when it is due", () => {
  it("a timescale written bare in a due slot counts from the meeting, not the drafting day", () => {
    expect(actions(`${HEAD}Actions:\n- Gill – records – 3 working days\n- Anwen – visit – 5 WD`)).toEqual([
      ["Gill", "2025-06-13"],
      ["Anwen", "2025-06-17"],
    ]);
  });

  it("an explicit date on the subject line wins over 'this morning's strategy discussion'", () => {
    const mail = "Subject: Strategy discussion 10/06/2025\n\nHi all,\n\nNotes of this morning's strategy discussion (10:00, Teams). Present were Dean Wells (TM), DC Owen Tranter (CAIT), Gill Hart (HV) and me.\n\nActions: Gill Hart will send the health chronology by tomorrow.\n\nThanks,\nAnwen Pugh\nSocial worker";
    const r = draft(mail);
    expect(r.date).toBe("2025-06-10");
    expect(r.actions.map((a) => a.due)).toEqual(["2025-06-11"]);
  });
});

describe("the walk of how actions are written", () => {
  it("every format writes notes whose gold owners and dues are stated, and relative dues land after the meeting", () => {
    const notes = writeActionNotes(seeded(3), 3);
    expect(new Set(notes.map((n) => n.format))).toEqual(new Set(ACTION_FORMATS));
    for (const n of notes) {
      expect(n.gold.actions.length).toBeGreaterThanOrEqual(3);
      for (const a of n.gold.actions) if (a.due) expect(a.due >= (n.gold.meeting.date as string)).toBe(true);
    }
  });
});

describe("initials and short labels in shorthand", () => {
  it("initials that spell a role, with the person's own role after them and no key, are the person's initials", () => {
    const r = draft("SD 10/6/25 1000 Teams\nPres: SW (TM, ch), DC PK (CAIT), JC (SW), Gill Hart HV\nActs:\nSW – rev strat – Fri");
    expect(r.attendees.map((a) => [a.name, a.role_code])).toEqual([
      ["SW", "team_manager"],
      ["DC PK", "detective"],
      ["JC", "social_worker"],
      ["Gill Hart", "health_visitor"],
    ]);
    expect(r.chair).toBe("SW");
    // Two roles one school lead holds together stay a role: "DSL (deputy head)" is nobody's initials.
    expect(draft("Present: Jo Hart SW (chair), DSL (deputy head), DC Reed").attendees.map((a) => [a.name, a.role_code])).toEqual([
      ["Jo Hart", "social_worker"],
      [null, "dsl"],
      ["DC Reed", "detective"],
    ]);
  });

  it("'Mins: Fiona' names the note taker by a name alone, and 'me' is her", () => {
    const r = draft("SD 10/6/25 1000 Teams\nMins: Fiona\nPres: Fiona Wells SW, Mark Lloyd TM (ch), DC Owen Tranter CAIT, Jo Bose HV\nActs:\nme – home visit – tmrw");
    expect(r.recorded_by).toBe("Fiona Wells");
    expect(r.actions.map((a) => [a.owner, a.due])).toEqual([["Fiona Wells", "2025-06-11"]]);
  });
});

describe("telling the family, and the only task", () => {
  it("someone named to tell the family has a task; the family 'to be told' with nobody named does not", () => {
    expect(actions(`${HEAD}Actions:\n- Gill – tell mum the outcome – today\n- Dad to be told by police after interview`)).toEqual([["Gill", "2025-06-10"]]);
  });

  it("'No actions other than X' leaves X the only task", () => {
    const r = draft("Quick update - strat this morning (10/6) by phone: me (Anwen, SW), Gill HV. NFA s47. Anwen to ring mum today with outcome. No actions other than Anwen to close by 13/6.");
    expect(r.actions.map((a) => [a.owner, a.due])).toEqual([["Anwen", "2025-06-13"]]);
  });

  it("initials of someone named in full own a task, and 'after the ABE' gives no date", () => {
    expect(actions(`${HEAD.replace("Anwen Pugh", "Anwen Pugh (AP)")}Actions:\n- CAMHS referral (AP) in 2 wks\n- health chronology (team manager) after the ABE`)).toEqual([
      ["AP", "2025-06-24"],
      ["team manager", null],
    ]);
  });
});

describe("senders known by their initials", () => {
  it("a chat sender known only by initials owns what they take on", () => {
    const log = "15/04/2025, 11:01 - JR: Afternoon everyone - strat discussion for W-33128. I'm chairing today.\n15/04/2025, 11:02 - KB: KB here, SSW social care\n15/04/2025, 11:04 - LT: LT here, school nursing health\n15/04/2025, 11:08 - KB: I can sort the home visit to nan's & see child by 15/04/2025\n15/04/2025, 11:09 - LT: I'll do the school health care plan by 22/04/2025";
    expect(actions(log)).toEqual([
      ["KB", "2025-04-15"],
      ["LT", "2025-04-22"],
    ]);
  });
});

describe("the owner written after the task", () => {
  it("in 'task – owner – when' the person owns the task, not an agency's word at its head", () => {
    // The task's first word names a service (hospital, CAMHS, nursery, school, MASH) or a role run into what is wanted
    // (a tutor's account): the field that surely names someone is the doer, whichever side of the task it is.
    expect(
      actions(
        `${HEAD}Actions:\nHospital birth alert - Gill Hart - 12/06/25\nCAMHS urgent referral – Anwen – today\nnursery info - Gill - 13/6\nschool chrono – DSL – by Fri\nHandover to MASH - DC Tranter - 11/06\ntutor's written account – Mr Wells – 16/6`,
      ),
    ).toEqual([
      ["Gill Hart", "2025-06-12"],
      ["Anwen", "2025-06-10"],
      ["Gill", "2025-06-13"],
      ["DSL", "2025-06-13"],
      ["DC Tranter", "2025-06-11"],
      ["Mr Wells", "2025-06-16"],
    ]);
  });

  it("an agency or role written first still owns the task; one the task is sent to does not", () => {
    expect(actions(`${HEAD}Actions:\nPolice - checks on dad - 12/6\nHV (Gill) – health records → Anwen by Thu\nGP records to SW - Gill - Fri`)).toEqual([
      ["Police", "2025-06-12"],
      ["HV (Gill)", "2025-06-12"],
      ["Gill", "2025-06-13"],
    ]);
  });

  it("a name said straight after the task, with its date, owns it; one the task is done with or to does not", () => {
    const said =
      "this is anwen pugh social worker dictating notes of the strategy discussion on tuesday the tenth of june twenty twenty five at ten on teams present were dean wells team manager d c owen tranter and gill hart health visitor " +
      "new paragraph actions review meeting dean wells on the seventeenth of june new line home visit and safety plan me today new line send records to gill hart by friday new line joint visit with owen tranter tomorrow new line end of notes";
    expect(draft(said).actions.map((a) => [a.action.toLowerCase(), a.owner?.toLowerCase() ?? null, a.due])).toEqual([
      ["review meeting", "dean wells", "2025-06-17"],
      ["home visit and safety plan", "anwen pugh", "2025-06-10"],
      ["send records to gill hart", null, "2025-06-13"],
      ["joint visit with owen tranter", null, "2025-06-11"],
    ]);
  });
});

describe("tasks joined and tasks run on", () => {
  it("'task + task – owner – when' is one task of one owner, even when its second part opens with a role's or agency's word", () => {
    expect(
      actions(`${HEAD}Actions:\nDC Tranter - tablet download & DI decision - Friday\nGill - hearing f/u + health chron - end of next wk\nAnwen – email log to EDT + MASH duty – by 5pm`),
    ).toEqual([
      ["DC Tranter", "2025-06-13"],
      ["Gill", "2025-06-20"],
      ["Anwen", "2025-06-10"],
    ]);
  });

  it("tasks said one after another split where a task's date closes and someone named is said to do the next", () => {
    const r = draft(`${HEAD}Actions:\nDr Chen to do the CP medical tomorrow morning DC Tranter to arrange ABE on Friday\nGill to see baby at home this evening Anwen to send the school records by Friday`);
    expect(r.actions.map((a) => [a.owner, a.due])).toEqual([
      ["Dr Chen", "2025-06-11"],
      ["DC Tranter", "2025-06-13"],
      ["Gill", "2025-06-10"],
      ["Anwen", "2025-06-13"],
    ]);
  });

  it("a doer said to lead the task before, or someone a task is done with, starts no task of their own", () => {
    const r = draft(`${HEAD}Actions:\nreview strategy meeting in two weeks Dean to chair\njoint visit with DC Tranter tomorrow - Anwen`);
    expect(r.actions.map((a) => [a.owner, a.due])).toEqual([
      [null, "2025-06-24"],
      ["Anwen", "2025-06-11"],
    ]);
  });
});
