import { describe, expect, it } from "vitest";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";

/**
 * Who writes and whether it is their own case, read from the grammar of the message (round eleven):
 * an age belongs to the person it stands next to; a practitioner's title named with "my" is someone the writer has;
 * a role set before a question does not hide the question; a danger told of a child in a statement is a case of the
 * writer's own. Each is driven over every role or form it is about, not one sentence.
 */
const ROLES = ["social worker", "teacher", "health visitor", "youth worker", "school nurse", "DSL", "PCSO", "paramedic"];

describe("an age belongs to the person it stands next to", () => {
  it.each(ROLES)("'I'm a %s, a 12 year old told me…' is a practitioner, not a child of 12", (role) => {
    const r = readMessage(`I'm a ${role}, a 12 year old told me her stepdad hits her. What do I do?`);
    expect(r.facts.has("child_age")).toBe(false);
    expect(r.speaker).toBe("professional");
  });

  it.each(["I'm a 14 year old girl", "I'm a girl aged 14", "im 14", "I'm only 14", "I am a 14 yr old boy"])("'%s and my dad hits me' is a child's own age", (opening) => {
    const r = readMessage(`${opening} and my dad hits me`);
    expect(r.facts.has("child_age")).toBe(true);
    expect(r.speaker).toBe("child");
  });
});

describe("a practitioner's title named with 'my' is someone the writer has", () => {
  it.each(["form tutor", "teacher", "social worker", "youth worker", "head of year", "school nurse"])("'my %s keeps making comments about my body' is not a practitioner writing", (role) => {
    expect(readMessage(`my ${role} keeps making comments about my body`).speaker).not.toBe("professional");
  });

  it.each(["One of my year 4 pupils", "A child on my caseload", "One of my pupils"])("'%s has come in with a black eye again' is still a practitioner's", (who) => {
    expect(readMessage(`${who} has come in with a black eye again and says she walked into a door`).speaker).toBe("professional");
  });
});

describe("a role set before a question does not hide the question", () => {
  const openers = ["do I have to", "do I need to", "am I required to", "is it my responsibility to", "must I"];
  it.each(ROLES.flatMap((role) => openers.map((o) => [role, o] as const)))("'As a %s, %s tell parents before I refer a concern?' is a question about procedure", (role, opener) => {
    const text = `As a ${role}, ${opener} tell parents before I refer a concern?`;
    const r = readMessage(text);
    expect(r.facts.has("procedure_question")).toBe(true);
    expect(triageByRules(text).level).toBe("none");
  });
});

describe("a danger told of a child in a statement is a case of the writer's own, whatever is asked after it", () => {
  const told = [
    "I'm a police officer. Last night we attended a burglary where the offender went into a child's bedroom; the child wasn't hurt.",
    "Paramedic here. We attended a house where the suspect waved a knife at his partner with a 3 year old in the room. He's remanded.",
    "As a youth worker: last week a 14 year old in our club took an overdose at a party. She is home now.",
  ];
  // From a writer the reader places (here a practitioner); an asker's case story is the setting of a question.
  it.each(told)("'%s Do I need to make a referral?' is personal, not framed", (s) => {
    const r = readMessage(`${s} Do I need to make a referral?`);
    expect(r.facts.has("personal")).toBe(true);
    expect(r.facts.has("framed")).toBe(false);
  });

  it.each([
    "does leaving a toddler alone in a locked car count as neglect under the guidance, and what is the referral route",
    "Is a child found in a cannabis factory automatically a section 47?",
    "is a teenager found carrying a knife automatically a s47 or can it be child in need",
  ])("'%s' asks about a child in general: a question about procedure", (text) => {
    expect(readMessage(text).facts.has("framed")).toBe(true);
    expect(triageByRules(text).level).toBe("none");
  });
});

describe("a hand under a child's clothing, whoever's clothing it is named as", () => {
  const owners = ["her", "my 6 year old's", "a schoolgirl's", "my daughter's", "the child's", "his stepdaughter's"];
  const garments = ["pants", "skirt", "knickers", "pyjamas", "top"];
  it.each(owners.flatMap((o) => garments.map((g) => [o, g] as const)))("'a man has his hand up %s %s right now' is 999", (owner, garment) => {
    expect(triageByRules(`a man has his hand up ${owner} ${garment} right now and she is crying`).level).toBe("999");
  });

  it("told as long over, it is not 999", () => {
    expect(triageByRules("Years ago, when I was 8, my uncle put his hand down my pants. He died last year.").level).not.toBe("999");
  });
});
