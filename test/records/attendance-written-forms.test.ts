import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2026-03-10T12:00:00Z"), calculator });
const fields = (notes: string) => draft(notes).gaps.map((g) => g.field);
const head = "Strategy discussion 10/03/2026 14:00 Teams\n\n";
const rest = "\n\nConcerns:\nBruise to cheek.";

// Who took part, in the forms practitioners write it beyond "Present: name, role": a table headed "Who", a column
// for role and agency together, asides about the part someone played, and a role's specialty written as a short form.
describe("who took part, as tables and lists write it", () => {
  it("when a table is headed 'Who | Role | Took part?', its rows are the attendees, not actions", () => {
    const d = draft(`${head}Who\tRole\tTook part?\nAmy Rowe\tTeam Manager CSC\tyes\nDC Ola Reyes\tPolice CAIT\tyes\nJenny Walsh\tSchool Nurse\tyes${rest}`);
    expect(d.record.attendees.map((a) => a.name)).toEqual(["Amy Rowe", "DC Ola Reyes", "Jenny Walsh"]);
    expect(d.record.actions).toHaveLength(0);
    expect(d.gaps.map((g) => g.field)).not.toContain("attendees.police");
    expect(d.gaps.map((g) => g.field)).not.toContain("attendees.health");
  });

  it("when a table's 'Who' sits beside a task and a due date, it is still the owner of an action", () => {
    const d = draft(`${head}Present: Amy Rowe TM, DC Ola Reyes, Jenny Walsh school nurse\n\nWhat\tWho\tWhen\nHome visit\tAmy Rowe\t12/03/2026${rest}`);
    expect(d.record.actions.map((a) => a.owner)).toEqual(["Amy Rowe"]);
  });

  it("when one column holds role and agency together ('Role/Agency'), each row's role is read from it", () => {
    const d = draft(`${head}Name\tRole/Agency\tAttendance\nTasha Grant\tYouth Justice Officer, YJS\tPresent\nBernie Coles\tPaediatric Trauma Nurse, St George's\tPresent\nRachel Stokes\tTeam Manager, CSC\tApologies${rest}`);
    const byName = new Map(d.record.attendees.map((a) => [a.name, a]));
    expect(byName.get("Tasha Grant")?.agency_code).toBe("youth_justice");
    expect(byName.get("Bernie Coles")?.agency_code).toBe("health");
    expect(byName.get("Rachel Stokes")?.status).toBe("apologies");
  });

  it("when an aside says someone chaired and why, they are read, as the chair, and the list goes on", () => {
    const d = draft(`${head}Attendees\nDS Imran Shah, Public Protection (chair, called it)\nJoanne Pryce, Named Nurse Safeguarding Children\nColin Ward, DSL, Northgate High School (referrer)\nKerry Platt, SW${rest}`);
    const names = d.record.attendees.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(["DS Imran Shah", "Joanne Pryce", "Colin Ward", "Kerry Platt"]));
    expect(d.record.chair).toContain("Imran Shah");
    expect(fields(`${head}Attendees\nDS Imran Shah, Public Protection (chair, called it)\nJoanne Pryce, Named Nurse Safeguarding Children\nColin Ward, DSL, Northgate High School (referrer)\nKerry Platt, SW${rest}`)).not.toContain("attendees.police");
  });

  it("when a role's specialty is a short form before the role and a name ('Jordan's LD nurse Elaine Kitt'), the name is hers", () => {
    const d = draft(`${head}Present: Marcus Reid (SW), DS Tony Marsden (CAIT), Jordan's LD nurse Elaine Kitt (community LD team, NHS), and Ms Fenella Dodd (SENCO).${rest}`);
    const nurse = d.record.attendees.find((a) => a.name === "Elaine Kitt");
    expect(nurse?.agency_code).toBe("health");
    expect(nurse?.status).toBe("took_part");
  });

  it("when a unit is written in lower case after the person ('DC Brennan online CSE team'), the police took part", () => {
    const notes = `${head}Present: Leon Campbell SW (chair), Ayesha TM, DC Brennan online CSE team, Grace Nwosu school nurse, DS Owain Bevan, SWP custody investigation team${rest}`;
    const d = draft(notes);
    expect(d.record.attendees.map((a) => a.name)).toEqual(expect.arrayContaining(["DC Brennan", "Grace Nwosu", "DS Owain Bevan"]));
    expect(fields(notes)).not.toContain("attendees.police");
  });

  it("when lower-case words before 'team' follow no name ('to contact the team'), they stay a task", () => {
    const d = draft(`${head}Present: Amy Rowe TM, DC Ola Reyes, Jenny Walsh school nurse\n\nActions:\nAmy to contact the family support team by 12/03/2026${rest}`);
    expect(d.record.actions.map((a) => a.owner)).toContain("Amy");
  });

  it("when two capitals and a role are all there is ('KM SW'), they are still the person's initials", () => {
    const d = draft(`${head}Present: KM SW, AB TM, DC Ola Reyes, Dr Kim paeds${rest}`);
    expect(d.record.attendees.map((a) => a.name)).toEqual(expect.arrayContaining(["KM", "AB"]));
  });
});

describe("shorthand notes whose only list of people is the key to their initials", () => {
  const keyed = (key: string) => `S47 SD 10/3/26 0930 Teams\nCYP: Baby N (3/12) ID 4471930\n${key}\nHx/concerns: bruise L ear seen by HV yest.\nActions:\n1. KM – visit today\n2. RJ – checks by 12/3`;

  it("when the key gives each person after their initials, they took part and no attendance gap is raised", () => {
    const d = draft(keyed("Key: AB = Alison Bishop TM (chr); KM = Kerry Mills SW (mins); RJ = DC Ravi Joshi CAIT; LT = Lena Thorne HV. GP (Dr Shah) – rpt recvd, not on call"));
    const byName = new Map(d.record.attendees.map((a) => [a.name, a]));
    expect(byName.get("Kerry Mills")?.status).toBe("took_part");
    expect(byName.get("DC Ravi Joshi")?.agency_code).toBe("police");
    expect(byName.get("Dr Shah")?.status).toBe("sent_report");
    const gaps = d.gaps.map((g) => g.field);
    expect(gaps).not.toContain("attendees.police");
    expect(gaps).not.toContain("attendees.health");
  });

  it("when the key is typed with bars, each cell is one person", () => {
    const d = draft(keyed("Key: SP = Steph Parry TM CSC | DW = Dan Wood SW CSC | PS KB = PS Kate Bell, MASH police | HV TO = Toni Owusu HV"));
    expect(d.record.attendees.map((a) => a.name)).toEqual(expect.arrayContaining(["Steph Parry", "Dan Wood", "PS Kate Bell", "Toni Owusu"]));
  });

  it("when the notes also list who was present, the key adds nobody", () => {
    const d = draft(keyed("Present: Alison Bishop TM, Kerry Mills SW\nKey: AB = Alison Bishop; KM = Kerry Mills; RJ = DC Ravi Joshi CAIT"));
    expect(d.record.attendees.map((a) => a.name)).not.toContain("DC Ravi Joshi");
  });
});

describe("an action's owner written before 'to'", () => {
  it("when a first name nobody listed is written before 'to' and a task, they own it", () => {
    const d = draft(`${head}Present: Amy Rowe TM, DC Ola Reyes, Jenny Walsh school nurse\n\nActions:\nLorraine to check whether the 19-year-old is known to YOT by Friday${rest}`);
    expect(d.record.actions[0]?.owner).toBe("Lorraine");
  });

  it("when the name before 'to' is followed by no task ('Kai to stay with nan'), it is not given as an owner", () => {
    const d = draft(`${head}Present: Amy Rowe TM, DC Ola Reyes, Jenny Walsh school nurse\n\nActions:\nKai to stay with nan tonight${rest}`);
    expect(d.record.actions.map((a) => a.owner)).not.toContain("Kai");
  });
});
