import { DialogTurnStatus } from "botbuilder-dialogs";
import { describe, expect, it } from "vitest";
import { replies, say } from "./say.js";
import { activityText, dialogClient, testAssistant } from "./harness.js";
import type { AskResult } from "../../assistant/index.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { MainDialog } from "../../dialogs/main-dialog.js";

const canned: AskResult = {
  answer: "In England, Working Together 2023 says: significant harm is the threshold for child protection enquiries.",
  jurisdiction: "england",
  covered: true,
  citations: [{ file: "f.txt", title: "Working Together to Safeguard Children 2023", section: "Section 3: Child protection", paragraph: "212", quote: "threshold for child protection enquiries" }],
  signpost: null,
};
// The real reading (rules-only triage), route data and pathway; only the corpus answer is canned.
const assistant = testAssistant("2025-06-12T12:00:00Z", { answer: async () => canned });
const client = () => dialogClient(new MainDialog({ assistant, calculator: createDeadlineCalculator() }), assistant);

const DANGER = /Is a child in immediate danger/;
const HARM = /reasonable cause to suspect/;
const OUTSIDE = /outside the home/;

/** Start the walk in England and answer up to the significant harm question. */
async function toSignificantHarm() {
  const c = client();
  expect(await say(c, "I'm the DSL, what do I do: a year 9 boy is carrying cash")).toMatch(/England or in Wales/);
  expect(await say(c, "England")).toMatch(DANGER);
  expect(await say(c, "no")).toMatch(HARM);
  return c;
}

describe("the referral route in the conversation", () => {
  it("a DSL's request walks one cited question at a time to a summary with the routes, steps, who to call and what to record", async () => {
    const c = await toSignificantHarm();
    expect(await say(c, "yes")).toMatch(OUTSIDE);
    expect(await say(c, "yes he's there now")).toMatch(/modern slavery or trafficking/);
    expect(await say(c, "no")).toMatch(/radicalisation/);
    expect(await say(c, "no")).toMatch(/someone who works with children/);
    expect(await say(c, "no")).toMatch(/homeless/);
    const summary = await say(c, "no");
    expect(summary).toMatch(/Referral route \(England\)/);
    expect(summary).toMatch(/Refer to local authority children's social care now/);
    expect(summary).toMatch(/Harm outside the home/);
    expect(summary).toMatch(/Who to call:\n- Local authority children's social care: immediately/);
    expect(summary).toMatch(/What to record:/);
    expect(summary).toMatch(/within 1 working day of the referral being received|within one working day/);
    expect(summary).toMatch(/\[1\] Working Together to Safeguard Children 2023, Referral, para 150: “Anyone who has concerns/);
    expect(summary).not.toMatch(/National Referral Mechanism \(NRM\)/);
    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it("a child in immediate danger: 999 is said at once, before the next question, not only in the summary", async () => {
    const c = client();
    await say(c, "referral route");
    await say(c, "England");
    const now = await say(c, "yes");
    expect(now).toMatch(/Do this now: .*call the police on 999/);
    expect(now.indexOf("999")).toBeLessThan(now.search(OUTSIDE));
    expect(now).not.toMatch(HARM); // immediate danger already means a referral: not asked again
  });

  it("each question shows the passage it rests on", async () => {
    const c = client();
    await say(c, "referral route");
    expect(await say(c, "England")).toMatch(/Source: Working Together to Safeguard Children 2023, Immediate protection: “Where there is a risk to the life of a child/);
  });

  it("an unclear answer is asked again and loses nothing; a hedged one is said back; 'don't know' is 'not sure', not skipped", async () => {
    const c = await toSignificantHarm();
    const unclear = await say(c, "purple");
    expect(unclear).toMatch(/could not tell whether that means yes, no or not sure/);
    expect(unclear).toMatch(HARM);
    expect(await say(c, "i think so")).toMatch(/taken that as yes[\s\S]*outside the home/);
    const dunno = await say(c, "don't know");
    expect(dunno).toMatch(/Noted as not sure/);
    expect(dunno).toMatch(/modern slavery or trafficking/); // asked because the answer was "not sure"
  });

  it("cancel stops the walk and nothing is kept", async () => {
    const c = await toSignificantHarm();
    expect(await say(c, "cancel")).toMatch(/Stopped/);
    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(await say(c, "resume")).toMatch(/nothing paused/);
  });

  it("a free question mid-walk is answered, the walk is paused, and resume asks the same question again", async () => {
    const c = await toSignificantHarm();
    const reply = await say(c, "what counts as significant harm?");
    expect(reply).toMatch(/threshold for child protection enquiries/);
    expect(reply).toMatch(/paused the referral route/);
    expect(await say(c, "resume")).toMatch(HARM);
    expect(await say(c, "yes?")).toMatch(OUTSIDE); // an answer said with a question mark is an answer
  });

  it("an emergency mid-walk gets the 999 signpost first, pauses the walk and is not taken as an answer", async () => {
    const c = await toSignificantHarm();
    const out = await replies(c, "her dad has a knife and is threatening to kill her right now");
    expect(activityText(out[0] ?? {})).toMatch(/999/);
    const all = out.map(activityText).join("\n");
    expect(all).toMatch(/paused the referral route/);
    expect(all).not.toMatch(OUTSIDE);
    expect(await say(c, "resume")).toMatch(HARM);
  });

  it("in Wales (read from the words) the walk says so, asks the Wales questions and cites the Wales pages", async () => {
    const c = client();
    const first = await say(c, "I'm the DSL in a Cardiff school, what do I do? I think a pupil is being criminally exploited");
    expect(first).toMatch(/for Wales/);
    expect(first).toMatch(/in immediate danger/);
    expect(first).not.toMatch(/England or in Wales/);
    expect(await say(c, "no")).toMatch(/safety or well-being/);
    expect(await say(c, "yes")).toMatch(/being exploited/);
    expect(await say(c, "yes")).toMatch(/trafficking/);
    expect(await say(c, "no")).toMatch(/works with children/);
    const summary = await say(c, "no");
    expect(summary).toMatch(/Referral route \(Wales\)/);
    expect(summary).toMatch(/All Wales protocols/i);
    expect(summary).toMatch(/Complex Safeguarding Wales/);
    expect(summary).not.toMatch(/Working Together|LADO|working day/);
  });

  it("a child writing about themselves is not walked through the practitioners' route", async () => {
    const c = client();
    const reply = await say(c, "what should I do, my dad hits me when he is drunk");
    expect(reply).not.toMatch(/England or in Wales|immediate danger:/);
  });
});
