import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { whatNext } from "../../procedures/index.js";
import outcomeCases from "./outcome-cases.json" with { type: "json" };

const calculator = createDeadlineCalculator();
const on = (today: string) => ({ clock: fixedClock(`${today}T12:00:00Z`), calculator });

describe("what happens next reads negation and endings", () => {
  it.each(outcomeCases)('"$text" is read as $stage', ({ text, stage }) => {
    expect(whatNext(text, on("2026-11-26")).stage).toBe(stage);
  });

  it("when the conference decided no plan, no core group or review dates are given, and support under section 17 is", () => {
    const r = whatNext("ICPC on 2/11/2026 decided the child does not need a CP plan", on("2026-11-26"));
    expect(r.stage).toBe("icpc_no_plan");
    expect(r.steps.some((s) => s.rule === "core_group" || s.rule === "first_review")).toBe(false);
    expect(r.steps.map((s) => s.detail).join(" ")).toMatch(/section 17/);
  });

  it("when the plan has ended, the discontinuation steps are given, not core group and review dates", () => {
    const r = whatNext("the plan has ended", on("2026-11-26"));
    expect(r.stage).toBe("discontinuation");
    expect(r.steps.some((s) => s.rule === "core_group")).toBe(false);
  });
});

describe("what happens next reads dates as a practitioner means them", () => {
  it("a past date with no year is the most recent one, echoed, and a step already due is said to have passed", () => {
    const r = whatNext("ICPC was 3rd jan, child on a plan", on("2026-11-26"));
    expect(r.dates[0]?.date).toBe("2026-01-03");
    expect(r.interpretation).toMatch(/Sat 3 Jan 2026/);
    const review = r.steps.find((s) => s.rule === "first_review");
    expect(review?.due).toBe("2026-04-02");
    expect(review?.overdue).toBe(true);
    expect(review?.detail).toMatch(/Was due by Thu 2 Apr 2026, which has passed/);
  });

  it("an event date on a weekend is queried, not silently accepted", () => {
    const r = whatNext("ICPC was 3rd jan, child on a plan", on("2026-11-26"));
    expect(r.warnings.join(" ")).toMatch(/Sat 3 Jan 2026, which is a Saturday\. Please check the date/);
  });

  it("an event date on a bank holiday is queried with the holiday's name", () => {
    const r = whatNext("strat held on 25/8/2025, s47 agreed", on("2025-09-01"));
    expect(r.warnings.join(" ")).toMatch(/Summer bank holiday, a bank holiday\. Please check the date/);
  });

  it("a weekday that does not match the date is queried", () => {
    const r = whatNext("strat was on Friday 14 May 2025, s47 agreed", on("2025-06-01"));
    expect(r.warnings.join(" ")).toMatch(/Wed 14 May 2025 is a Wednesday, not a Friday/);
  });

  it("a date with no year for an event still to come is the next one", () => {
    const r = whatNext("strat done, s47 agreed, ICPC booked for 5th jan", on("2026-11-26"));
    expect(r.dates.find((d) => d.events.includes("icpc"))?.date).toBe("2027-01-05");
  });
});
