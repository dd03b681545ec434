import { describe, expect, it } from "vitest";
import { clauses, readCriminalInvestigation, readLegalAction } from "../../records/decisions.js";

/**
 * The criminal investigation and legal action are recorded where the notes state them. Working Together 2023 (ch. 3) has
 * the strategy discussion decide whether a criminal investigation starts and what immediate action, including legal
 * action, the child needs; minutes that say the question was left, not reached or never raised record no decision, which
 * is a gap to raise and not a decision against. Forms written from how minutes put it, in both directions.
 */
const crime = (text: string) => readCriminalInvestigation(clauses(text)).decision;
const legal = (text: string) => readLegalAction(clauses(text)).decision;

describe("a criminal investigation not reached is no decision against one", () => {
  it.each([
    "Criminal investigation – not yet decided",
    "Criminal investigation: not known",
    "Crim inv – not known, police to advise",
    "Whether there will be a criminal investigation could not be agreed without the police",
    "The police investigation couldn't be decided today – DS to come back to us",
    "Nobody from police on the call, so we were unable to agree anything about a criminal investigation",
    "Criminal investigation: not discussed – police sent apologies",
  ])("'%s' is undecided", (line) => {
    expect(crime(line)).toBe("undecided");
  });

  it.each([
    ["Criminal investigation – no, no offence disclosed", "no"],
    ["Criminal investigation not agreed – no offence", "no"],
    ["No police investigation – NFA by police", "no"],
    ["No criminal investigation pending any new disclosure", "no"],
    ["Criminal investigation agreed – police to lead", "yes"],
  ])("'%s' stays %s", (line, expected) => {
    expect(crime(line)).toBe(expected);
  });

  it("a joint visit is a task, not the decision to investigate", () => {
    expect(crime("SW and health visitor joint visit to mum by Thursday")).toBe("undecided");
    expect(crime("Joint investigation agreed – police lead")).toBe("yes");
  });
});

describe("the police's decision as officers say it", () => {
  it.each([
    ["Police continue the assault investigation – PS Hale lead", "yes"],
    ["Investigation ongoing – DC Rowe is OIC", "yes"],
    ["This is a criminal matter – I'm leading, with our online team", "yes"],
    ["Police are treating the fire as a crime and DS Lane is leading that investigation", "yes"],
    ["crim: police to inv neglect – DS Cole lead", "yes"],
    ["PC Ward said police won't be investigating, but will review if anything changes", "no"],
    ["No offences identified, so no police investigation", "no"],
  ])("'%s' is %s", (line, expected) => {
    expect(crime(line)).toBe(expected);
  });

  it("a section 47 investigation led by the social worker is not a criminal one", () => {
    expect(crime("s47 investigation – SW lead")).toBe("undecided");
  });
});

describe("legal action not reached is no decision against it", () => {
  it.each([
    "Legal action: not yet decided",
    "Legal: not discussed",
    "We didn't talk about legal",
    "Legal planning – could not be agreed without the TM",
    "Legal gateway / PLO",
    "EPO / police protection",
  ])("'%s' is undecided", (line) => {
    expect(legal(line)).toBe("undecided");
  });

  it.each([
    ["No legal action at this stage – to be reviewed after the medical", "no"],
    ["Legal: EPO not needed pending the medical", "no"],
    ["Legal action: YES – legal gateway meeting to consider pre-proceedings", "yes"],
    ["Legal: refer to the legal gateway to consider PLO – YES", "yes"],
    ["Legal action: NO – threshold for PLO not met", "no"],
    ["Legal: PLO", "yes"],
    ["LPM requested", "yes"],
  ])("'%s' stays %s", (line, expected) => {
    expect(legal(line)).toBe(expected);
  });
});

describe("legal action answered as notes are typed and dictated", () => {
  it.each([
    // Typed without the apostrophe, as in chat.
    ["Legal action isnt needed – he is 16 and safe where he is", "no"],
    // The answer a clause of its own straight after the topic.
    ["Legal action. Not at this stage.", "no"],
    ["Legal, no, mum is protective and wants help.", "no"],
    // A dictated run with the family told in the same clause.
    ["section 47 agreed joint investigation legal not needed he is staying with his dad tonight mum has been told about the section 47", "no"],
  ])("'%s' is %s", (line, expected) => {
    expect(legal(line)).toBe(expected);
  });

  it("a line about telling the family of a legal step is not the decision", () => {
    expect(legal("Legal: mum to be told about the PLO letter")).toBe("undecided");
    expect(legal("mum to be told about the PLO letter today")).toBe("undecided");
  });
});
