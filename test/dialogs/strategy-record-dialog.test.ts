import { DialogTurnStatus } from "botbuilder-dialogs";
import { DialogTestClient } from "botbuilder-testing";
import { describe, expect, it } from "vitest";
import { say } from "./say.js";
import { dialogClient, testAssistant } from "./harness.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { Responder } from "../../dialogs/responder.js";
import { StrategyRecordDialog } from "../../dialogs/strategy-record-dialog.js";
import type { DraftResult } from "../../records/index.js";
import { ADV024_RECORD } from "../records/fixtures.js";

const assistant = testAssistant("2025-05-20T09:00:00Z");
const deps = { clock: assistant.clock, calculator: createDeadlineCalculator(), assistant };

function client(options?: { notes?: string }): DialogTestClient {
  return dialogClient(new StrategyRecordDialog(deps, { responder: new Responder(assistant, []) }), assistant, options);
}

describe("StrategyRecordDialog", () => {
  it("a full guided run asks each question in turn and ends with the draft and the ICPC due date", async () => {
    const c = client();
    expect(await say(c, "draft a strategy record")).toMatch(/date of the strategy discussion/);
    // The fields come in the order of records/fields.ts, each asked because missingFields lists it.
    expect(await say(c, "14/05/2025")).toMatch(/What time did it start/);
    expect(await say(c, "10am")).toMatch(/in person, a phone call, or virtual/);
    expect(await say(c, "Teams")).toMatch(/case reference/);
    expect(await say(c, "Ref C-20992")).toMatch(/Who took part/);
    const confirm = await say(c, "Jo Smith SW (CSC), HV Ann Lee. Apologies: DC Patel (police)");
    expect(confirm).toMatch(/Jo Smith, Social worker.*took part/);
    expect(confirm).toMatch(/DC Patel.*did not take part/);
    expect(confirm).toMatch(/Nobody is recorded as taking part for a police representative\./);
    expect(await say(c, "PC Brown (police) joined by phone")).toMatch(/What are the concerns/);
    expect(await say(c, "3yo with bruising to the face")).toMatch(/What information did each agency share/);
    expect(await say(c, "skip")).toMatch(/section 47 enquiries/);
    expect(await say(c, "Yes")).toMatch(/criminal investigation/);
    expect(await say(c, "Joint investigation, ABE interview on Friday")).toMatch(/legal action/i);
    expect(await say(c, "no")).toMatch(/What actions were agreed/);
    expect(await say(c, "SW to visit the child today")).toMatch(/Next action/);
    expect(await say(c, "Police to check PNC")).toMatch(/no when by: I will flag that/);
    expect(await say(c, "done")).toMatch(/shared with the child and family/);
    expect(await say(c, "Mum told of the s47 enquiries today")).toMatch(/where will the child stay.*kept safe/i);
    expect(await say(c, "Stays at home with mum; partner moved out under a safety plan")).toMatch(/What happens next/);
    expect(await say(c, "Review at the ICPC")).toMatch(/Who recorded the discussion/);
    const summary = await say(c, "Jo Smith");
    expect(summary).toMatch(/What is missing/);
    expect(summary).toMatch(/Also not recorded: Information shared\./);
    expect(summary).toMatch(/Action 2 has no date/);
    expect(summary).toMatch(/ICPC due by Thu 5 Jun 2025/);

    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    const draft = c.dialogTurnResult.result as DraftResult;
    expect(draft.record.date).toBe("2025-05-14");
    expect(draft.record.attendees.filter((a) => a.attended).map((a) => a.category).sort()).toEqual(["health", "police", "social_work"]);
    expect(draft.record.decisions.section47.decision).toBe("yes");
    expect(draft.record.decisions.criminal_investigation.decision).toBe("yes");
    expect(draft.record.decisions.legal_action.decision).toBe("no");
    expect(draft.record.actions.map((a) => [a.owner, a.due])).toEqual([["SW", "2025-05-14"], ["Police", null]]);
    expect(draft.record.child_ref).toBe("C-20992");
    expect([draft.record.time, draft.record.format, draft.record.recorded_by]).toEqual(["10:00", "virtual", "Jo Smith"]);
    expect(draft.gaps.map((g) => g.field).sort()).toEqual(["actions[1].due"]);
    expect(draft.deadlines.map((d) => d.due)).toEqual(["2025-06-05"]);
  });

  it("started with notes that lack police, it asks only for the police input", async () => {
    const notes =
      "Strat 14/5/25 10am Teams. Child ref: C-20992. Present: Jo Smith SW (CSC), HV Ann Lee (health). DC Patel (police) - invited, did not attend. " +
      "Concerns: 3yo bruising to face. Agreed: s47, joint investigation with police, no legal action. Mum to be told of s47 today. Child to stay with gran tonight. " +
      "Actions: SW to visit child today; HV to share records by 16/5.";
    const c = client({ notes });
    const first = await say(c, "draft: (notes)");
    expect(first).toMatch(/ask only about what they leave out/);
    expect(first).toMatch(/Nobody is recorded as taking part for a police representative\./);
    expect(first).not.toMatch(/local authority social worker and|a health practitioner/);
    // Then exactly what the draft would list as missing: the details the notes leave out (issue 11).
    expect(await say(c, "DS Kerr (police) gave input by phone after the meeting")).toMatch(/What information did each agency share/);
    expect(await say(c, "skip")).toMatch(/What happens next/);
    expect(await say(c, "skip")).toMatch(/Who recorded the discussion/);
    const summary = await say(c, "skip");
    // No cited gap is left; the details skipped are still listed.
    expect(summary).toMatch(/Also not recorded: Information shared, Next steps, Recorded by\./);
    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    const draft = c.dialogTurnResult.result as DraftResult;
    expect(draft.gaps).toEqual([]);
    expect(draft.record.attendees.find((a) => a.name === "DS Kerr")).toMatchObject({ category: "police", attended: true });
  });

  it("started with notes whose actions lack an owner or a date, it asks for who and when and fills them in", async () => {
    const notes =
      "Strat 14/5/25 10am Teams. Child ref: C-20992. Present: Jo Smith SW (CSC), HV Ann Lee (health), DC Patel (police). " +
      "Concerns: 3yo bruising to face. Agreed: s47, joint investigation with police, no legal action. Mum to be told of s47 today. Child to stay with gran tonight. " +
      "Actions: SW to visit child today; share chronology; police to check PNC.";
    const c = client({ notes });
    expect(await say(c, "draft")).toMatch(/What information did each agency share/);
    const first = await say(c, "skip");
    expect(first).toMatch(/2\. Share chronology: no owner, no date/);
    expect(first).toMatch(/3\. Check PNC: no date/);
    expect(first).not.toMatch(/1\. Visit/);
    expect(await say(c, "2: HV by 16/05/2025\n3: by Fri")).toMatch(/What happens next/);
    await say(c, "skip");
    const summary = await say(c, "skip");
    expect(summary).toMatch(/Also not recorded: Information shared, Next steps, Recorded by\./);
    const draft = c.dialogTurnResult.result as DraftResult;
    expect(draft.record.actions.map((a) => [a.owner, a.due])).toEqual([
      ["SW", "2025-05-14"],
      ["HV", "2025-05-16"],
      ["police", "2025-05-16"],
    ]);
  });

  it("started with the adv-024 JSON record, it asks about the police who were invited but did not attend", async () => {
    const record = ADV024_RECORD;
    const c = client({ notes: JSON.stringify(record) });
    // The record gives no time: asked first, as the draft would list it.
    expect(await say(c, "draft")).toMatch(/What time did it start/);
    let first = "";
    for (let i = 0; i < 4 && !/Nobody is recorded/.test(first); i++) first = await say(c, "skip");
    expect(first).toMatch(/DC Jones.*did not take part/);
    expect(first).toMatch(/Nobody is recorded as taking part for a police representative\./);
    const draft = await finish(c);
    expect(draft.gaps.map((g) => g.field)).toContain("attendees.police");
    expect(draft.deadlines.map((d) => d.due)).toEqual(["2025-06-05"]);
  });

  it("an impossible date is explained and asked for again, and nothing given so far is lost", async () => {
    const c = client({ notes: "Present: Jo Smith SW, HV Ann Lee, DC Patel. Agreed: s47. Concerns: bruising." });
    expect(await say(c, "start")).toMatch(/date of the strategy discussion/);
    const retry = await say(c, "31/02/2025");
    expect(retry).toMatch(/February 2025 has 28 days/);
    expect(retry).toMatch(/give the date again/);
    expect(await say(c, "28/02/2025")).toMatch(/What time did it start/);
    // The attendees from the notes were kept: no question about who took part.
    const draft = await finish(c);
    expect(draft.record.date).toBe("2025-02-28");
    expect(draft.record.attendees).toHaveLength(3);
  });

  it('"cancel" stops the dialog without a draft', async () => {
    const c = client();
    await say(c, "hi");
    expect(await say(c, "cancel")).toMatch(/Stopped/);
    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.cancelled);
    expect(c.dialogTurnResult.result).toBeUndefined();
  });
});

/** Skip every remaining question and return the draft. */
async function finish(c: DialogTestClient): Promise<DraftResult> {
  for (let i = 0; i < 16 && c.dialogTurnResult.status !== DialogTurnStatus.complete; i++) await say(c, "skip");
  expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  return c.dialogTurnResult.result as DraftResult;
}
