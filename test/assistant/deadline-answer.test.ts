import { describe, expect, it } from "vitest";
import { answerDeadlineQuestion } from "../../assistant/deadline-answer.js";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator, parseDeadlineQuestion } from "../../deadlines/index.js";

const clock = fixedClock("2025-06-12T12:00:00Z");
const calculator = createDeadlineCalculator();

function answer(text: string, jurisdiction?: "england" | "wales") {
  const q = parseDeadlineQuestion(text, clock);
  if (!q) throw new Error("not a deadline question");
  return answerDeadlineQuestion(q, calculator, jurisdiction);
}

describe("deadline questions asked in words", () => {
  it("when the strat was on a UK-style date, the ICPC date is worked out and cited", () => {
    const r = answer("when is the ICPC due if the strat was on 10/4/2025?");
    expect(r?.covered).toBe(true);
    expect(r?.answer).toContain("Tue 6 May 2025");
    expect(r?.answer).toContain("Thu 10 Apr 2025");
    expect(r?.citations[0]?.quote).toMatch(/15 working days/);
  });

  it("when the date is 'next tuesday', the reading and the other possible reading are both stated", () => {
    const r = answer("strategy discussion is next tuesday, when's the ICPC due by?");
    expect(r?.answer).toContain("Tue 17 Jun 2025");
    expect(r?.answer).toContain("Tue 24 Jun 2025");
    expect(r?.answer).toContain("Tue 8 Jul 2025");
  });

  it("when the date is impossible, it says why and asks again instead of rolling over", () => {
    const r = answer("when is the core group due if the ICPC was on 30/2/2024?");
    expect(r?.covered).toBe(false);
    expect(r?.answer).toMatch(/29 days in February/);
    expect(r?.answer).not.toContain("Mar 2024");
  });

  it("in Wales, no England timescale is given as a Wales rule", () => {
    const r = answer("when is the ICPC due if the strat was on 10/4/2025?", "wales");
    expect(r?.covered).toBe(false);
    expect(r?.answer).not.toContain("6 May 2025");
    expect(r?.answer).toMatch(/Wales/);
  });
});
