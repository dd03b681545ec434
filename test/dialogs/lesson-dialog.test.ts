import { DialogTurnStatus } from "botbuilder-dialogs";
import { describe, expect, it } from "vitest";
import { replies, say } from "./say.js";
import { activityText, dialogClient, testAssistant } from "./harness.js";
import type { AskResult } from "../../assistant/index.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { LessonDialog, type LessonOptions } from "../../dialogs/lesson-dialog.js";
import { MainDialog } from "../../dialogs/main-dialog.js";
import { Responder } from "../../dialogs/responder.js";
import { loadWalkthroughs } from "../../procedures/walkthroughs/index.js";

const canned: AskResult = {
  answer: "In England, Working Together 2023 says: the core group develops and implements the child protection plan.",
  jurisdiction: "england",
  covered: true,
  citations: [{ file: "f.txt", title: "Working Together to Safeguard Children 2023", section: "Initial child protection conferences", paragraph: null, quote: "develop and implement the child protection plan" }],
  signpost: null,
};
const assistant = testAssistant("2025-06-12T12:00:00Z", { answer: async () => canned });
const client = () => dialogClient(new MainDialog({ assistant, calculator: createDeadlineCalculator() }), assistant);

const Q1 = /Question 1 of 2: How soon after the strategy discussion/;
const Q2 = /Question 2 of 2: Who records the conference's decisions/;

describe("learning mode in the conversation", () => {
  it("'teach me' offers the walkthroughs; one is taught a cited screen at a time, then quizzed, with feedback and a score", async () => {
    const c = client();
    const menu = await say(c, "teach me");
    expect(menu).toMatch(/Which part would you like to learn/);
    expect(menu).toMatch(/Allegations against people who work with children/);
    const first = await say(c, "Initial child protection conference (ICPC)");
    expect(first).toMatch(/4 short screens, then 2 questions/);
    expect(first).toMatch(/1 of 4: Convene the ICPC within 15 working days/);
    expect(first).toMatch(/Source: Working Together to Safeguard Children 2023/);
    expect(await say(c, "next")).toMatch(/2 of 4/);
    expect(await say(c, "ok")).toMatch(/3 of 4/);
    expect(await say(c, "got it")).toMatch(/4 of 4/);
    expect(await say(c, "next")).toMatch(Q1);
    const right = await say(c, "15 working days");
    expect(right).toMatch(/Right: 15 working days\./);
    expect(right).toMatch(/Source: .*“The initial child protection conference should take place within 15 working days/);
    expect(right).toMatch(Q2);
    const end = await say(c, "the conference chair");
    expect(end).toMatch(/Not quite: the answer is Lead practitioner/);
    expect(end).toMatch(/You scored 1 out of 2 on Initial child protection conference \(ICPC\)/);
    expect(end).toMatch(/Next in the process: The child protection plan and the core group/);
    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it("'quiz me on ICPCs' goes straight to the questions of that walkthrough", async () => {
    const c = client();
    const first = await say(c, "quiz me on ICPCs");
    expect(first).toMatch(/Quiz on Initial child protection conference/);
    expect(first).not.toMatch(/1 of 4/);
    expect(first).toMatch(Q1);
  });

  it("an answer that cannot be matched is asked again, and 'don't know' shows the answer without scoring it", async () => {
    const c = client();
    await say(c, "quiz me on ICPCs");
    const unclear = await say(c, "soonish");
    expect(unclear).toMatch(/could not match that to an answer/);
    expect(unclear).toMatch(/How soon after the strategy discussion/);
    const shown = await say(c, "don't know");
    expect(shown).toMatch(/The answer is 15 working days\./);
    expect(shown).toMatch(Q2);
    expect(await say(c, "the social worker")).toMatch(/You scored 1 out of 2/);
  });

  it("a free question mid-lesson is answered without losing the place; an answer said as a question is still an answer", async () => {
    const c = client();
    await say(c, "quiz me on ICPCs");
    const reply = await say(c, "what is a core group?");
    expect(reply).toMatch(/develops and implements the child protection plan/);
    expect(reply).toMatch(/paused the walkthrough/);
    expect(await say(c, "resume")).toMatch(Q1);
    expect(await say(c, "is it 15 working days?")).toMatch(/Right: 15 working days/);
  });

  it("an emergency mid-lesson gets the 999 signpost first and pauses the lesson; resume asks the same question", async () => {
    const c = client();
    await say(c, "quiz me on ICPCs");
    const out = await replies(c, "my mum's boyfriend is hitting my little brother right now");
    expect(activityText(out[0] ?? {})).toMatch(/999/);
    expect(out.map(activityText).join("\n")).toMatch(/paused the walkthrough/);
    expect(await say(c, "resume")).toMatch(Q1);
  });

  it("cancel stops the lesson", async () => {
    const c = client();
    await say(c, "teach me about section 47");
    expect(await say(c, "cancel")).toMatch(/Stopped/);
    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it("the Wales walkthrough asks for every outcome and marks a partial list as partly right", async () => {
    const c = client();
    await say(c, "quiz me on the outcomes in Wales");
    const partly = await say(c, "a care and support plan or a child protection plan");
    expect(partly).toMatch(/Partly: you named Care and support plan and Child protection plan\. The answer also includes Voluntary accommodation/);
    expect(partly).toMatch(/Complex Safeguarding Wales/);
  });
});

describe("the quiz follows the procedure data it is given", () => {
  it("when the ICPC rule's period changes, the question's choices, marking and feedback change with it", async () => {
    const data = structuredClone(loadWalkthroughs());
    const rule = data.rules.rules.get("icpc");
    if (!rule) throw new Error("no icpc rule");
    (rule.period as { count: number }).count = 20;
    const dialog = new LessonDialog({ responder: new Responder(assistant, []), data });
    const options: LessonOptions = { lessonId: "icpc", mode: "quiz" };
    const c = dialogClient(dialog, assistant, options);
    const first = await say(c, "start");
    expect(first).toMatch(/20 working days/);
    expect(await say(c, "15 working days")).toMatch(/Not quite: the answer is 20 working days/);
  });
});
