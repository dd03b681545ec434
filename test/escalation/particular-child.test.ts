import { describe, expect, it } from "vitest";
import { readCases } from "./cases.js";
import { readMessage } from "../../escalation/reader.js";

interface Case {
  text: string;
  framed: boolean;
  why: string;
}

const cases = readCases<Case>("particular-child-cases.jsonl");

describe("a question about procedure for a particular child is not framed away", () => {
  it.each(cases)("$why: framed is $framed", (c) => {
    const facts = readMessage(c.text).facts;
    expect(facts.has("framed"), c.text).toBe(c.framed);
    if (!c.framed) expect(facts.has("personal")).toBe(true);
  });
});
