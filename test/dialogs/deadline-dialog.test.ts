import { DialogTurnStatus } from "botbuilder-dialogs";
import { describe, expect, it } from "vitest";
import { say } from "./say.js";
import { dialogClient, testAssistant } from "./harness.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { MainDialog } from "../../dialogs/main-dialog.js";

// The deadline path needs no index or model, so the real assistant is used (rules-only triage).
const assistant = testAssistant("2025-06-12T12:00:00Z");
const client = () => dialogClient(new MainDialog({ assistant, calculator: createDeadlineCalculator() }), assistant);

describe("deadline questions in the conversation", () => {
  it("when the message carries a date, it is answered at once with the date read back and the holidays skipped", async () => {
    const c = client();
    const reply = await say(c, "when is the ICPC due if the strat was on 10/4/2025?");
    expect(reply).toContain("Thu 10 Apr 2025");
    expect(reply).toContain("ICPC due by Tue 6 May 2025");
    expect(reply).toContain("Good Friday");
    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it("when the date is impossible, it says why and asks again, then answers the deadline asked about and no other", async () => {
    const c = client();
    const first = await say(c, "when is the core group due? ICPC was 30/2/2024");
    expect(first).toMatch(/29 days in February/);
    expect(first).toMatch(/What was the date of the initial child protection conference|What was the date of the ICPC/i);
    const second = await say(c, "31/02/2025");
    expect(second).toMatch(/28 days in February/);
    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    const third = await say(c, "2025-01-31");
    expect(third).toContain("Fri 14 Feb 2025");
    expect(third).not.toContain("Wed 30 Apr 2025");
    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it("a deadline question placed in Wales gets no England dates, and says why", async () => {
    const reply = await say(client(), "In Cardiff, when is the ICPC due if the strategy meeting was on 10/4/2025?");
    expect(reply).not.toContain("Tue 6 May 2025");
    expect(reply).toMatch(/Wales/);
  });
});
