import { describe, expect, it } from "vitest";
import { parseAction } from "../../records/index.js";

/**
 * "task – owner – when", as minutes and shorthand lay an action out: the last part is when, whole, whatever the writer
 * adds to the date (a note in brackets, "start", the time and place, a Welsh word before the English). The owner is
 * the part between. A time after a date ("9 July, 10am") is never the date's year.
 */
describe("an action in three parts: the task, the owner and when", () => {
  it.each([
    ["refer to MACE – Lauren – by Tues 26/5 (Mon is bank hol)", "Refer to MACE", "Lauren", "2026-05-26"],
    ["C&F assmt - Liam - start 30/5", "C&F assmt", "Liam", "2026-05-30"],
    ["Child protection medical – Dr Oyelaran – Thursday 9 July, 10am, Jenny Lind", "Child protection medical", "Dr Oyelaran", "2026-07-09"],
    ["Shotguns removed pending licensing review – PC Lloyd – heddiw / today", "Shotguns removed pending licensing review", "PC Lloyd", "2026-05-20"],
    ["Tell Tom immediately of any travel dates – Mrs Kenny – from 15/07/2026", "Tell Tom immediately of any travel dates", "Mrs Kenny", "2026-07-15"],
    ["Dr Evans - CP medical incl. skeletal survey - 21/05 pm", "CP medical incl. skeletal survey", "Dr Evans", "2026-05-21"],
  ])("'%s' is %s, owned by %s, due %s", (line, what, owner, due) => {
    const a = parseAction(line, "2026-05-20");
    expect(a?.action).toBe(what);
    expect(a?.owner).toBe(owner);
    expect(a?.due).toBe(due);
  });

  it("a last part that is a task with its date is not cut off as when", () => {
    const a = parseAction("Cafcass – Catrin – notify Cafcass Cymru of the s47 outcome by Fri please", "2026-05-20");
    expect(a?.action ?? "").toMatch(/notify Cafcass Cymru/);
  });
});
