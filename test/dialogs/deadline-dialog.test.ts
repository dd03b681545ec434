import { DialogTurnStatus } from "botbuilder-dialogs";
import { DialogTestClient } from "botbuilder-testing";
import { describe, expect, it } from "vitest";
import { say } from "./say.js";
import { Assistant } from "../../assistant/index.js";
import { fixedClock } from "../../core/clock.js";
import { parseConfig } from "../../core/config.js";
import { DeadlineDialog, type DeadlineDialogOptions } from "../../dialogs/deadline-dialog.js";

// The deadline path of the assistant needs no index or model, so the real one is used.
const assistant = new Assistant({ config: parseConfig({}), clock: fixedClock("2025-06-12T12:00:00Z") });


function client(options: DeadlineDialogOptions): DialogTestClient {
  return new DialogTestClient("test", new DeadlineDialog(assistant), options);
}

describe("DeadlineDialog", () => {
  it("when the message carried a date, it answers at once with the date read back", async () => {
    const c = client({ event: "strategy_discussion", eventLabel: "strategy discussion", dateText: "10/4/2025" });
    const reply = await say(c, "when is the ICPC due if the strat was on 10/4/2025?");
    expect(reply).toContain("Thu 10 Apr 2025");
    expect(reply).toContain("ICPC due by Tue 6 May 2025");
    expect(reply).toContain("Good Friday");
    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it("when the date is impossible, it says why and asks again, then answers", async () => {
    const c = client({ event: "icpc", eventLabel: "ICPC", dateText: "30/2/2024" });
    const first = await say(c, "core group due? ICPC was 30/2/2024");
    expect(first).toMatch(/29 days in February/);
    expect(first).toMatch(/What was the date of the ICPC/);
    const second = await say(c, "31/02/2025");
    expect(second).toMatch(/28 days in February/);
    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    const third = await say(c, "2025-01-31");
    expect(third).toContain("Fri 14 Feb 2025");
    expect(third).toContain("Wed 30 Apr 2025");
    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it("when no date was given, it asks for one", async () => {
    const c = client({ event: "referral_received", eventLabel: "referral" });
    expect(await say(c, "referral deadline?")).toMatch(/What was the date of the referral/);
    expect(await say(c, "yesterday")).toContain("Wed 11 Jun 2025");
  });
});
