import { describe, expect, it } from "vitest";
import { opensWithQuestionWord, readYesNo } from "../../core/yes-no.js";
import cases from "./yes-no-cases.json" with { type: "json" };

describe("reading a free-text reply to a yes/no question", () => {
  it.each(cases)("\"$reply\" is read as $answer", ({ reply, answer, hedged }) => {
    const read = readYesNo(reply);
    if (answer === null) expect(read).toBeNull();
    else expect(read).toEqual({ answer, hedged });
  });

  it("the first clause that answers decides: a reason after the answer does not change it", () => {
    expect(readYesNo("no, but she is scared of him")?.answer).toBe("no");
    expect(readYesNo("the school rang. yes, he's there now")?.answer).toBe("yes");
  });

  it("a reply that opens as a question of its own is told from an answer said with a question mark", () => {
    expect(opensWithQuestionWord("what counts as significant harm?")).toBe(true);
    expect(opensWithQuestionWord("how do I refer?")).toBe(true);
    expect(opensWithQuestionWord("yes?")).toBe(false);
    expect(opensWithQuestionWord("is it 15 working days?")).toBe(false);
  });
});
