import { describe, expect, it } from "vitest";
import { clauses, readChildWelfare } from "../../records/decisions.js";

/**
 * How the child is kept safe now (Working Together 2023 ch. 3: the discussion considers the child's welfare and safety).
 * A safety step said to be over, broken or refused is not that, so the welfare gap stands; a step in place still counts.
 */
const welfare = (text: string) => readChildWelfare(clauses(text));

describe("a safety step over, broken or refused", () => {
  it.each([
    "bail conds expired",
    "Dad's bail conditions were breached on Saturday",
    "Kyle is 16 and won't agree to be accommodated",
    "The safety plan with mum has lapsed",
  ])("'%s' does not say how the child is kept safe", (line) => {
    expect(welfare(line)).toBeNull();
  });

  it.each([
    "Bail conditions in place – dad not to attend the address",
    "Safety plan agreed with mum tonight",
    "Kids to MGM tonight",
  ])("'%s' still does", (line) => {
    expect(welfare(line)).not.toBeNull();
  });
});
