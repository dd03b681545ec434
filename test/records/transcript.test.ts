import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { parseNotes } from "../../records/index.js";
import { fromTranscript, looksLikeTranscript } from "../../records/transcript.js";
import { CHAT_STYLES, chatCases } from "../../scripts/chat-transcripts.js";

const clock = fixedClock("2025-11-27T12:00:00Z");
const read = (notes: string) => parseNotes(notes, clock).record;
const person = (r: ReturnType<typeof read>, name: string) => r.attendees.find((a) => a.name?.includes(name));

// One discussion pasted in the ways chat programs copy it.
const PASTES: Record<string, string> = {
  teams_desktop: `Wednesday 26 November 2025
Sarah Jones 10:02
Morning all, strategy discussion re child ref C-44120. I'll chair.

Sarah Jones 10:02
Sarah here, TM CSC

Tom Reed 10:03
Tom here, SW CSC

DS Amir Khan 10:03
DS Khan here, CID

Dr Lucy Evans 10:04
Hi, Lucy Evans, community paeds

Sarah Jones 10:06
S47 agreed, threshold met

DS Amir Khan 10:07
I'll arrange the ABE interview by 28/11/2025 (edited)

Tom Reed 10:07
I'll do the home visit tomorrow
2 Like reactions.

Sarah Jones 10:09
Thanks all
Tom Reed left the chat.`,
  bracket_time: `[10:02] Sarah Jones: Morning all, strategy discussion re child ref C-44120. I'll chair.
[10:02] Sarah Jones: Sarah here, TM CSC
[10:03] Tom Reed: Tom here, SW CSC
[10:03] DS Amir Khan: DS Khan here, CID
[10:04] Dr Lucy Evans: Hi, Lucy Evans, community paeds
[10:06] Sarah Jones: S47 agreed, threshold met
[10:07] DS Amir Khan: I'll arrange the ABE interview by 28/11/2025 (edited)
[10:07] Tom Reed: I'll do the home visit tomorrow
[10:09] Sarah Jones: Thanks all`,
  whatsapp: `26/11/2025, 10:01 - Sarah Jones added Tom Reed, DS Amir Khan, Dr Lucy Evans
26/11/2025, 10:02 - Sarah Jones: Morning all, strategy discussion re child ref C-44120. I'll chair.
26/11/2025, 10:02 - Sarah Jones: Sarah here, TM CSC
26/11/2025, 10:03 - Tom Reed: Tom here, SW CSC
26/11/2025, 10:03 - DS Amir Khan: DS Khan here, CID
26/11/2025, 10:04 - Dr Lucy Evans: Hi, Lucy Evans, community paeds
26/11/2025, 10:06 - Sarah Jones: S47 agreed, threshold met
26/11/2025, 10:07 - DS Amir Khan: I'll arrange the ABE interview by 28/11/2025
26/11/2025, 10:07 - Tom Reed: I'll do the home visit tomorrow
26/11/2025, 10:09 - Sarah Jones: Thanks all`,
  role_suffix: `[26/11/2025 10:02] Sarah Jones (TM, CSC)
Morning all, strategy discussion re child ref C-44120. I'll chair.
[26/11/2025 10:03] Tom Reed (SW, CSC)
Morning
[26/11/2025 10:03] DS Amir Khan (CID)
Here
[26/11/2025 10:04] Dr Lucy Evans (community paeds)
Hi all
[26/11/2025 10:06] Sarah Jones (TM, CSC)
S47 agreed, threshold met
[26/11/2025 10:07] DS Amir Khan (CID)
I'll arrange the ABE interview by 28/11/2025
[26/11/2025 10:07] Tom Reed (SW, CSC)
I'll do the home visit tomorrow`,
  meeting_chat: `Sarah Jones joined the meeting
10:02:11 From Sarah Jones to Everyone:
Morning all, strategy discussion re child ref C-44120. I'll chair.
10:02:40 From Sarah Jones to Everyone:
Sarah here, TM CSC
10:03:02 From Tom Reed to Everyone:
Tom here, SW CSC
10:03:30 From DS Amir Khan to Everyone:
DS Khan here, CID
10:04:01 From Dr Lucy Evans to Everyone:
Hi, Lucy Evans, community paeds
10:06:12 From Sarah Jones to Everyone:
S47 agreed, threshold met
10:07:05 From DS Amir Khan to Everyone:
I'll arrange the ABE interview by 28/11/2025
10:07:40 From Tom Reed to Everyone:
I'll do the home visit tomorrow`,
};

describe("a strategy discussion pasted as a chat log", () => {
  it.each(Object.keys(PASTES))("when pasted as %s, everyone who wrote took part with the role they gave", (style) => {
    const r = read(PASTES[style] as string);
    expect(r.attendees.filter((a) => a.status === "took_part").map((a) => a.name)).toEqual(["Sarah Jones", "Tom Reed", "DS Amir Khan", "Dr Lucy Evans"]);
    expect(person(r, "Tom Reed")?.role_code).toBe("social_worker");
    expect(person(r, "Amir Khan")?.agency_code).toBe("police");
    expect(person(r, "Lucy Evans")?.agency_code).toBe("health");
    expect(r.chair).toBe("Sarah Jones");
  });

  it.each(Object.keys(PASTES))("when pasted as %s, a task taken on in the first person is owned by whoever wrote it", (style) => {
    const r = read(PASTES[style] as string);
    const abe = r.actions.find((a) => /ABE/i.test(a.action));
    expect(abe?.owner).toMatch(/Khan/);
    expect(abe?.due).toBe("2025-11-28");
    expect(r.actions.find((a) => /home visit/i.test(a.action))?.owner).toBe("Tom Reed");
    expect(r.decisions.section47.decision).toBe("yes");
  });

  it("the first message's date and time are the discussion's when the log shows them and the notes state no other", () => {
    const r = read(PASTES.whatsapp as string);
    expect(r.time).toBe("10:02");
    expect(r.date).toBe("2025-11-26");
    expect(r.format).toBe("virtual");
    // "tomorrow" is counted from the discussion, not from today.
    expect(r.actions.find((a) => /home visit/i.test(a.action))?.due).toBe("2025-11-27");
  });

  it("a yes answers the asking just before it: a task nobody took on gets no owner, and every task's source quotes the log", () => {
    const notes = [
      "[10:02] Amy Jones: Morning all, SW here, chairing",
      "[10:03] DC Ben Hall: Ben Hall, CAIT",
      "[10:03] Sara Lee: HV for the family",
      "[10:05] Amy Jones: Concerns: bruising to 4yo's arm reported by nursery",
      "[10:10] Amy Jones: s47 agreed",
      "[10:11] Amy Jones: Still need someone to speak to the nursery manager by Friday",
      "[10:12] Amy Jones: Ben can you check police systems today?",
      "[10:12] DC Ben Hall: yes",
    ].join("\n");
    const r = read(notes);
    expect(r.actions.find((a) => /police systems/i.test(a.action))?.owner).toBe("DC Ben Hall");
    // Nobody said yes to the nursery task: it is never given Ben, who answered the next asking.
    expect(r.actions.filter((a) => /nursery manager/i.test(a.action)).every((a) => a.owner === null)).toBe(true);
    for (const a of r.actions) {
      expect(a.source?.length ?? 0).toBeGreaterThan(0);
      expect(notes).toContain(a.source);
    }
  });

  it("a day divider copied above the messages gives the date", () => {
    expect(read(PASTES.teams_desktop as string).date).toBe("2025-11-26");
  });

  it("without a date in the log the date stays empty rather than taken from today, and the first message gives the time", () => {
    const r = read(PASTES.bracket_time as string);
    expect(r.date).toBeNull();
    expect(r.time).toBe("10:02");
  });

  it("system lines, reactions and greetings make nobody an attendee or an action", () => {
    const r = read(PASTES.teams_desktop as string);
    expect(r.attendees).toHaveLength(4);
    expect(r.actions).toHaveLength(2);
  });

  it("every source quotes the log as pasted", () => {
    const notes = PASTES.whatsapp as string;
    const r = read(notes);
    for (const a of r.attendees) expect(notes).toContain(a.source);
    for (const a of r.actions) expect(notes).toContain(a.source);
    expect(r.actions.find((a) => /home visit/i.test(a.action))?.source).toContain("I'll do the home visit tomorrow");
  });

  it("someone who joined the meeting took part though they wrote nothing; someone added to a chat did not", () => {
    const r = read(`Priya Shah joined the meeting\n${PASTES.meeting_chat as string}`);
    expect(person(r, "Priya Shah")?.status).toBe("took_part");
    expect(person(r, "Sarah Jones")?.status).toBe("took_part");
    expect(r.attendees).toHaveLength(5);
    const w = read(PASTES.whatsapp as string);
    expect(w.attendees).toHaveLength(4);
  });

  it("a sender who never says their role still took part, by name", () => {
    const r = read("[10:02] Sarah Jones (TM, CSC): Strategy discussion re C-44120. I'll chair.\n[10:03] Priya Shah: Nothing known to us\n[10:04] Tom Reed (SW): I'll see the child today\n[10:05] Priya Shah: I'll send the GP records tomorrow");
    expect(person(r, "Priya Shah")?.status).toBe("took_part");
    expect(r.actions.find((a) => /GP records/.test(a.action))?.owner).toBe("Priya Shah");
  });

  it("a header copied with the day in words is a header, and gives no date but the time it began", () => {
    const r = read("Sarah Jones, Yesterday 10:02 AM\nStrategy discussion. I'll chair.\nTom Reed (SW), Yesterday 10:03 AM\nI'll see the child today\nSarah Jones, Yesterday 10:04 AM\nS47 agreed");
    expect(r.time).toBe("10:02");
    expect(r.date).toBeNull();
    expect(r.actions[0]?.owner).toBe("Tom Reed");
  });

  it("notes that are not a chat log are left to the notes reader", () => {
    expect(fromTranscript("Present: Jo Smith SW, DC Patel\nActions: Jo to see child 17/3")).toBeNull();
    expect(looksLikeTranscript("Date: 14/05/2025 10:00\nPresent:\nJo Smith 10:00\nS47 agreed")).toBe(false);
    expect(looksLikeTranscript(PASTES.bracket_time as string)).toBe(true);
  });
});

describe("the team's notes rendered as chat logs", () => {
  it("renders a gold note in every style, each with the senders' names as headers", () => {
    const gold = {
      id: "x1", format: "headed", jurisdiction: "england", today: "2025-05-16",
      notes: "Concerns: bruising to cheek",
      gold: {
        meeting: { date: "2025-05-14", time: "10:00", format: null }, child_ref: "C-1", jurisdiction: "england", chair: "Jo Smith", recorded_by: null,
        attendees: [{ name: "Jo Smith", role: "team_manager", agency: "social_care", status: "took_part" }, { name: "DC Mark Patel", role: "detective", agency: "police", status: "took_part" }],
        decisions: { section47: "yes", criminal_investigation: "no", criminal_lead: null, legal_action: "no" },
        actions: [{ what: "arrange ABE interview", owner: "DC Patel", due: "2025-05-16" }], must_flag: [], must_not_flag: ["date"],
      },
    };
    const chats = chatCases([gold]);
    expect(chats.map((c) => c.format)).toEqual([...CHAT_STYLES]);
    for (const c of chats) {
      expect(c.notes).toContain("DC Mark Patel");
      expect(c.gold.meeting.format).toBe("virtual");
      expect(looksLikeTranscript(c.notes)).toBe(true);
    }
  });
});

describe("what is pasted around a chat log", () => {
  const log = `[10:40] Sarah Jones: Morning all, strat disc for ref CS123456. I'll chair.
[10:41] DC Mike Evans: DC Evans, CAIT
[10:41] Dr Anil Patel: Paeds here
[10:43] Sarah Jones: I'll visit tomorrow
[10:44] Sarah Jones: Mike can you do PNC checks by Friday?
[10:44] DC Mike Evans: ok will do`;

  it("a title line above the log gives the date the due dates count from and a time that outranks the first message's, and timestamps are not due dates", () => {
    const r = read(`Strategy discussion re CS123456 - 17/03/2025\n\n${log}`);
    expect(r.date).toBe("2025-03-17");
    expect(r.time).toBe("10:40");
    expect(read(`Strategy discussion re CS123456 - 17/03/2025 10:30\n\n${log}`).time).toBe("10:30");
    expect(r.actions.map((a) => [a.owner, a.due])).toEqual([
      ["Sarah Jones", "2025-03-18"],
      ["DC Mike Evans", "2025-03-21"],
    ]);
  });

  it("Teams' own date in each header, without the year this year, is the log's date", () => {
    const r = read(log.replace(/^\[(\d\d:\d\d)\]/gm, "[17/03 $1]"));
    expect(r.date).toBe("2025-03-17");
    expect(r.attendees.map((a) => a.name)).toEqual(expect.arrayContaining(["Sarah Jones", "DC Mike Evans", "Dr Anil Patel"]));
    expect(r.actions[0]?.due).toBe("2025-03-18");
  });
});

describe("who records a discussion held in a chat", () => {
  const opening = (first: string, second: string) => `[10:02] Sarah Jones (TM): Strat discussion re C-44120. ${first}\n[10:03] Tom Reed (SW): ${second}\n[10:04] DC Mike Evans: DC Evans, CAIT\n[10:05] Sarah Jones (TM): s47 agreed`;

  it("when the chair says who records in the same breath as chairing, that person records and the chair still chairs", () => {
    const r = read(opening("I'm chairing (TM, CSC), Tom's recording", "Tom Reed, SW, here"));
    expect(r.chair).toBe("Sarah Jones");
    expect(r.recorded_by).toBe("Tom Reed");
  });

  it("when a sender says they note or type the record as it goes, they record it", () => {
    for (const said of ["noting", "👍 noting", "I'm noting", "I'll type as we go for the record", "I'll type outcomes into the chat so we have a record", "I'll type notes here"]) {
      expect(read(opening("I'll chair. Who can take notes?", said)).recorded_by).toBe("Tom Reed");
    }
  });

  it("when a sender says they will note or type something else, nobody is named as recording", () => {
    for (const said of ["I'll note that for the chronology", "I'll type up the chronology by Friday"]) expect(read(opening("I'll chair.", said)).recorded_by).toBeNull();
  });

  it("what the chair goes on to say of themselves stays theirs, not a line of its own", () => {
    const r = read(opening("I'm chairing, I'm the allocated SW (Intake)", "Tom Reed TM here"));
    expect(r.chair).toBe("Sarah Jones");
    expect(r.attendees.filter((a) => !a.name)).toEqual([]);
  });

  it("when the sender writes 'chairing' with no one else before it, the sender chairs, and may record it too", () => {
    for (const said of ["Afternoon. Chairing.", "Right, starting now. Me chairing. Who's on?", "Morning – chairing as TM. Call starting."]) expect(read(opening(said, "Tom Reed, SW, here")).chair).toBe("Sarah Jones");
    const both = read(opening("Morning – chairing as TM. Business support unavailable so I'll keep notes here.", "Tom Reed, SW, here"));
    expect([both.chair, both.recorded_by]).toEqual(["Sarah Jones", "Sarah Jones"]);
    expect(read(opening("Morning. Tom is chairing today.", "Tom Reed, SW, here")).chair).not.toBe("Sarah Jones");
  });
});
