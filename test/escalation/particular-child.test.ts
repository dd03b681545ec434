import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { readMessage } from "../../escalation/reader.js";

interface Case {
  text: string;
  framed: boolean;
  why: string;
}

const cases = readFileSync(fromRoot("test", "escalation", "particular-child-cases.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Case);

describe("a question about procedure for a particular child is not framed away", () => {
  it.each(cases)("$why: framed is $framed", (c) => {
    const facts = readMessage(c.text).facts;
    expect(facts.has("framed"), c.text).toBe(c.framed);
    if (!c.framed) expect(facts.has("personal")).toBe(true);
  });
});
