import { describe, expect, it } from "vitest";
import { loadLabelled } from "../../escalation/labelled.js";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";

/**
 * A long paste where the danger is one sentence among many ordinary ones. Built from the
 * labelled set: each 999 line is embedded among ordinary sentences of other labelled
 * messages (no danger of their own). The two sentences either side never say the child
 * is safe; further away they may ("She is safe in school"), as a note about another day does.
 */
const all = loadLabelled();
const sentencesOf = (x: string) => x.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s.length > 20 && /[.!?]$/.test(s));
const ordinary: string[] = [];
for (const l of all) {
  if (l.danger_kind || (l.register !== "long_paste" && !["101_or_childrens_services", "nspcc_advice"].includes(l.level))) continue;
  for (const s of sentencesOf(l.text)) {
    const r = readMessage(s);
    if (r.hits.length === 0 && !r.facts.has("injection") && !r.facts.has("training") && !ordinary.includes(s)) ordinary.push(s);
  }
}
const quiet = ordinary.filter((s) => {
  const f = readMessage(s).facts;
  return !["safe_now", "procedure_question", "framed", "asks_childline", "asks_nspcc", "danger_unspecified_now"].some((x) => f.has(x as never));
});

function paste(danger: string, around: number, seed: number): string {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const half = Math.floor(around / 2);
  const pick = (i: number) => {
    const pool = Math.abs(i - half) <= 2 ? quiet : ordinary;
    return pool[Math.floor(next() * pool.length)]!;
  };
  const before = Array.from({ length: half }, (_, i) => pick(i));
  const after = Array.from({ length: around - half }, (_, i) => pick(half + 1 + i));
  return [...before, /[.!?]$/.test(danger.trim()) ? danger.trim() : `${danger.trim()}.`, ...after].join(" ");
}

describe("a long paste is read sentence by sentence", () => {
  const danger = all.filter((l) => l.level === "999" && l.register !== "long_paste" && l.register !== "welsh" && l.text.length < 400).filter((_, i) => i % 5 === 0);

  it("has ordinary sentences to build pastes from, some of them saying a child is safe", () => {
    expect(quiet.length).toBeGreaterThan(50);
    expect(ordinary.length - quiet.length).toBeGreaterThan(10);
  });

  it("one danger sentence among twenty ordinary ones still raises 999 (rules alone)", () => {
    let caught = 0;
    danger.forEach((l, i) => {
      if (triageByRules(paste(l.text, 20, i + 1)).level === "999") caught++;
    });
    console.log(`long pastes (20 ordinary sentences around one danger sentence): 999 recall ${caught}/${danger.length}`);
    expect(caught / danger.length).toBeGreaterThanOrEqual(0.97);
  }, 240_000);

  it("a 'safe now' far from the danger does not make it past, one next to it still does", () => {
    const filler = [
      "The core group met on Tuesday and the plan was reviewed.", "Attendance is 91% this term.", "Mum attended the last meeting with her support worker.",
      "The health visitor has offered a further appointment.", "Housing have been asked about a move.", "The school will send its report before the review.",
      "Actions from the last meeting were completed.", "The next review is booked for the end of the month.",
    ];
    const far = [filler[0], "She is safe in school today.", ...filler.slice(1, 5), "Dad is hitting her with a belt in the kitchen.", ...filler.slice(5, 8)].join(" ");
    expect(triageByRules(far).level).toBe("999");
    const near = [...filler.slice(0, 5), "Last week dad was hitting her with a belt in the kitchen.", "She is safe in school today.", ...filler.slice(5, 8)].join(" ");
    expect(triageByRules(near).level).not.toBe("999");
  }, 60_000);
});
