import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";
import { speakerIntro } from "../../records/prose.js";
import { fromDictation } from "../../records/dictation.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2025-03-17T12:00:00Z"), calculator });
const people = (notes: string) => draft(notes).record.attendees.map((a) => [a.name?.toLowerCase() ?? null, a.role_code, a.status]);

const OPEN = "strategy discussion on the third of march at ten thirty on teams chaired by jo smith social worker present were dc amy hall police and mark dunn health visitor";
const LISTED = [
  ["dc amy hall", "detective", "took_part"],
  ["mark dunn", "health_visitor", "took_part"],
  ["jo smith", "social_worker", "took_part"],
];

describe("a dictated list ends where the child, the family or someone still to be contacted is spoken of", () => {
  it.each([
    "the child is lily cole she's eleven",
    "this is about kai wood aged four",
    "mum kelly wood wasn't invited",
    "dad is not aware",
    "the gp doctor hughes is to be contacted",
    "doctor patel the gp hasn't been spoken to yet",
    "we need to contact the gp doctor owen",
  ])("when '%s' follows the list, nobody in it is listed", (spokenOf) => {
    expect(people(`${OPEN} ${spokenOf} section forty seven agreed`)).toEqual(LISTED);
  });

  it("when the children are spoken of inside a sentence ('what the children had said'), no sentence starts there", () => {
    expect(fromDictation("the team talked about what the children had said to their teacher on the way in and the school was told").text).not.toContain(".");
  });
});

describe("a person's attendance said in the words people use", () => {
  it.each([
    ["alys hall health visitor was invited but did not attend", "invited_absent"],
    ["glyn foster team manager was invited but didn't join", "invited_absent"],
    ["emeka ingram police officer didn't turn up", "invited_absent"],
    ["gemma jenkins paediatrician couldn't attend but sent a report", "sent_report"],
    ["alys okafor team manager couldn't make it and sent her apologies", "apologies"],
    ["beth lowe school nurse wasn't able to join but sent an update by email", "sent_report"],
  ])("'%s' reads as %s, and the words that say it stay one sentence", (said, status) => {
    const read = people(`${OPEN} ${said} the child is lily cole section forty seven agreed`);
    expect(read.slice(0, 3)).toEqual(LISTED);
    expect(read[3]?.[2]).toBe(status);
    expect(read).toHaveLength(4);
  });
});

describe("the speaker who names themselves after the meeting's line", () => {
  it.each([
    ["this is the strategy discussion held on the fourth of december at ten on teams. right this is hywel yates the senior social worker i am chairing.", "hywel yates"],
    ["this is the strategy discussion held on the fourteenth of august at ten on a teams call this is imogen morgan who is the duty social worker i was the chair", "imogen morgan"],
    ["notes of the strategy discussion over teams july the tenth at quarter past eleven my name is zoe osei i'm the social worker and i chaired", "zoe osei"],
    ["strategy discussion by video call the third of march at ten in the morning it's idris rowlands social worker chairing", "idris rowlands"],
  ])("'%s' names %s, a social worker, as the speaker", (said, name) => {
    const s = speakerIntro(fromDictation(said).text);
    expect(s?.name).toBe(name);
    expect(s?.role?.code).toBe("social_worker");
  });

  it("when the speaker chairs and lists the others with 'myself', they take part and chair, and no opening word is a person", () => {
    const d = draft(
      "this is the strategy discussion held on the fourth of december at ten on teams. right this is hywel yates the senior social worker i am chairing. present were myself and sergeant zoe okafor police and mark dunn health visitor. section forty seven agreed",
    );
    expect(d.record.chair?.toLowerCase()).toBe("hywel yates");
    expect(d.record.attendees.map((a) => [a.name?.toLowerCase(), a.role_code, a.status])).toEqual([
      ["hywel yates", "social_worker", "took_part"],
      ["sgt zoe okafor", "police_officer", "took_part"],
      ["mark dunn", "health_visitor", "took_part"],
    ]);
  });

  it("when the speaker says 'this is X' and 'i chaired', X chairs", () => {
    const d = draft("strategy discussion on the third of march at ten thirty on teams this is jo smith team manager i chaired present were dc amy hall police and mark dunn health visitor section forty seven agreed");
    expect(d.record.chair?.toLowerCase()).toBe("jo smith");
    expect(d.record.attendees.map((a) => a.name?.toLowerCase())).toEqual(["jo smith", "dc amy hall", "mark dunn"]);
  });
});

describe("the speaker's own sentence and the list that follows it", () => {
  it("when the speaker says 'i chaired it was me' and the others, everyone after is read and the speaker chairs", () => {
    const d = draft(
      "notes of the strategy discussion virtually on teams twenty sixth of may one in the afternoon this is callum norris allocated social worker i chaired it was me police officer hywel lewis also declan malik who is the doctor at the surgery and pc watkins the police constable the child is ella price she's three",
    );
    expect(d.record.chair?.toLowerCase()).toBe("callum norris");
    expect(d.record.attendees.map((a) => [a.name?.toLowerCase(), a.role_code, a.status])).toEqual([
      ["callum norris", "social_worker", "took_part"],
      ["hywel lewis", "police_officer", "took_part"],
      ["declan malik", "gp", "took_part"],
      ["pc watkins", "police_officer", "took_part"],
    ]);
  });

  it("when the speaker only says who they are ('my name is X i'm the social worker'), none of their words is another person", () => {
    const read = people(
      "notes of the strategy discussion virtually on teams the twenty fifth of march one pm. my name is usha foster i'm the social worker and i chaired. simon roberts family doctor from gp surgery and zoe bevan who is the school nurse were on the call. section forty seven agreed",
    );
    expect(read.map((p) => p[0])).toEqual(["usha foster", "simon roberts", "zoe bevan"]);
  });
});
