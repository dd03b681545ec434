import { readFileSync } from "node:fs";
import { draftFromNotes, renderRecord } from "./records/index.js";
import { createDeadlineCalculator } from "./deadlines/index.js";
import { fixedClock } from "./core/clock.js";
const deps = { clock: fixedClock("2025-05-20T09:00:00Z"), calculator: createDeadlineCalculator() };
const notes = readFileSync("/tmp/notes.txt", "utf8");
draftFromNotes(notes, deps);
let t = performance.now();
for (let i = 0; i < 200; i++) draftFromNotes(notes, deps);
console.log("draft avg ms", ((performance.now() - t) / 200).toFixed(2));
const d = draftFromNotes(notes, deps);
for (const f of ["md", "html", "docx"] as const) {
  await renderRecord(d, f);
  t = performance.now();
  for (let i = 0; i < 20; i++) await renderRecord(d, f);
  console.log(f, "avg ms", ((performance.now() - t) / 20).toFixed(2));
}
