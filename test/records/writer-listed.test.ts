import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";
import { senderListed, senderNamed } from "../../records/transcript.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2025-06-09T12:00:00Z"), calculator }).record;
const people = (notes: string) => draft(notes).attendees.map((a) => [a.name, a.role_code, a.status]);

describe("the writer who names themselves beside 'me' or 'myself' is one attendee", () => {
  it("'myself NAME ROLE' in a dictated list is that person, not an unnamed 'myself' as well", () => {
    for (const opener of ["present were myself", "chaired by myself", "it was me"]) {
      const got = people(`strategy discussion on the ninth of june at ten on teams ${opener} Tom Reed team manager and Ana Cruz social worker and DC Lee Hart from CAIT full stop`);
      expect(got.filter((p) => p[0] === null)).toEqual([]);
      expect(got).toContainEqual(["Tom Reed", "team_manager", "took_part"]);
      expect(got).toHaveLength(3);
    }
  });

  it("'Notes: me - NAME ROLE' names who 'me' is in the list of who took part", () => {
    const got = people("Strategy discussion 09/06/2025 10:00 Teams\nChair: Ann Bell (TM)\nNotes: me - Sam Cole SW\nPresent: me, Ann Bell TM, DC Joe Park (CAIT)");
    expect(got).toEqual([
      ["Sam Cole", "social_worker", "took_part"],
      ["Ann Bell", "team_manager", "took_part"],
      ["DC Joe Park", "detective", "took_part"],
    ]);
  });

  it("'me, NAME' is two people: a list, not the writer naming themselves", () => {
    const got = people("Strategy discussion 09/06/2025 10:00 Teams\nPresent: me, Ann Bell TM, DC Joe Park (CAIT)");
    expect(got).toContainEqual(["Ann Bell", "team_manager", "took_part"]);
    expect(got).toHaveLength(3);
  });

  it("two people each written after 'me' name nobody as the writer", () => {
    const got = people("Strategy discussion 09/06/2025 10:00 Teams\nPresent: me Ann Bell TM, DC Joe Park (CAIT)\nNotes: me - Sam Cole SW");
    expect(got.some((p) => p[0] === "Sam Cole" && p[1] === "team_manager")).toBe(false);
  });
});

describe("in a chat log, 'me' among those listed as taking part is the message's sender", () => {
  it("finds 'me' as an item after the vocabulary's words for who took part, in any list shape", () => {
    for (const line of ["Present: me, Jo Bell SW, DC Ray Lin", "On the call: me (SW), Jo Bell (TM, chair)", "present were Jo Bell and me", "Me, Jo, DC Ray Lin, Dr Amy Ho (paeds)"]) {
      const spans = senderListed(line);
      expect(spans).toHaveLength(1);
      expect(line.slice(spans[0]!.from, spans[0]!.to).toLowerCase()).toBe("me");
    }
  });

  it("'me' in a task or a sentence about something else is not the sender listed", () => {
    for (const line of ["Mum told by me this afternoon", "CSE screening with me; Jo to review", "he hit me, she said", "Present: Jo Bell, me to write up"]) expect(senderListed(line)).toEqual([]);
  });

  it("the sender who lists themselves as 'me (SW)' is one attendee with that role", () => {
    const chat = [
      "[09/06/2025 10:01] Jo Bell: Strat for A (ref 12345). On the call: me (SW), Ann Cole (TM, chair), PC Ray Lin (MASH)",
      "[09/06/2025 10:04] PC Ray Lin: nothing known on dad",
      "[09/06/2025 10:06] Ann Cole: s47 agreed. Jo to see A today",
    ].join("\n");
    const got = people(chat);
    expect(got.filter((p) => p[0] === null)).toEqual([]);
    expect(got).toContainEqual(["Jo Bell", "social_worker", "took_part"]);
    expect(got.filter((p) => p[0] === "Jo Bell")).toHaveLength(1);
  });

  it("the source of that attendee quotes the log's own words", () => {
    const chat = [
      "[09/06/2025 10:01] Jo Bell: Present in chat: me, Ann Cole TM, PC Ray Lin",
      "[09/06/2025 10:04] PC Ray Lin: nothing known on dad",
      "[09/06/2025 10:06] Ann Cole: s47 agreed",
    ].join("\n");
    const jo = draft(chat).attendees.filter((a) => a.name === "Jo Bell");
    expect(jo).toHaveLength(1);
    for (const a of draft(chat).attendees) expect(chat).toContain(a.source);
  });
});

describe("in a chat log, the role a sender says of themselves is theirs wherever they say it", () => {
  const log = (...lines: string[]) => lines.join("\n");
  const roleOf = (notes: string, name: string) => draft(notes).attendees.find((a) => a.name === name)?.role_code ?? null;

  it("a header bracket giving only where they work leaves the role to their own introduction", () => {
    const chat = log(
      "[10:01] Ann Cole (Northshire CS - TM): Morning all, I'm chairing. Can everyone drop name/role pls",
      "[10:02] Kim Shaw (Northshire UHB): Kim Shaw, safeguarding nurse, Northshire UHB",
      "[10:03] Lee Park (Hill Primary): Lee Park DSL",
      "[10:05] Ann Cole (Northshire CS - TM): s47 agreed",
    );
    expect(roleOf(chat, "Kim Shaw")).toBe("nurse");
    expect(roleOf(chat, "Lee Park")).toBe("dsl");
  });

  it("the role said in a clause of a longer message ('I'm chairing (TM)', 'I'm the allocated SW') is the sender's", () => {
    const chat = log(
      "Ann Cole 10:01",
      "Strategy discussion for B (ref 5521). I'm chairing (TM). Sam is minuting.",
      "Sam Reid 10:01",
      "Strategy discussion starting, call quality poor. I'm the allocated SW (Intake)",
      "DC Ray Lin 10:02",
      "DC Lin, CAIT",
      "Ann Cole 10:04",
      "s47 agreed",
    );
    expect(roleOf(chat, "Ann Cole")).toBe("team_manager");
    expect(roleOf(chat, "Sam Reid")).toBe("social_worker");
  });

  it("a role alone opening the first line a sender writes ('DSL – ...', 'TM here – ...') is theirs, and the rest stays in the notes", () => {
    const chat = log(
      "[09:02] Jo Bell (CSC MASH)",
      "Morning all, strat for C and D. I'm chairing (SW)",
      "[09:03] Pat King (CSC MASH)",
      "TM here – I'll type outcomes into the chat",
      "[09:04] Lee Park (Hill Primary)",
      "DSL – both children attend, attendance 90%",
      "[09:05] Jo Bell (CSC MASH)",
      "HV – not known. s47 agreed",
    );
    expect(roleOf(chat, "Pat King")).toBe("team_manager");
    expect(roleOf(chat, "Lee Park")).toBe("dsl");
    // Jo Bell's later "HV – ..." reports what the HV said; she said her own role first.
    expect(roleOf(chat, "Jo Bell")).toBe("social_worker");
    expect(draftFromNotes(chat, { clock: fixedClock("2025-06-09T12:00:00Z"), calculator }).record.decisions.section47.decision).not.toBeNull();
  });
});

describe("in a chat log, 'me' that does something is the message's sender too", () => {
  it("finds 'me' as the doer of a task or as one joining, as a chat writes them", () => {
    for (const line of ["Joining: me, Mel Davies (HV, PTHB), PC Rhys Watkins (DPP)", "me + DC Lloyd to see dad tmrw after medical", "Legal gateway request – me – today", "- Me: review strat meeting Thurs 20/11 10am", "Actions: me home visit tonight; Mel weight check"]) {
      const spans = senderNamed(line);
      expect(spans).toHaveLength(1);
      expect(line.slice(spans[0]!.from, spans[0]!.to).toLowerCase()).toBe("me");
    }
  });

  it("leaves 'me' as the object of a verb or preposition", () => {
    for (const line of ["Mum told by me this afternoon", "CSE screening with me; Jo to review", "he hit me, she said", "Yesterday told me it was an accident", "send the report to me by Fri", "ok, me too"]) expect(senderNamed(line)).toEqual([]);
  });
});
