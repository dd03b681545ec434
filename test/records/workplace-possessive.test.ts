import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { parseNotes } from "../../records/notes-parser.js";
import { purePerson } from "../../records/people.js";

/** A workplace named by its possessive alone ("St Luke's", "St Anne's"), as hospitals and schools are spoken of. */
const clock = fixedClock("2026-01-20T12:00:00Z");

describe("when a person's workplace is a place's possessive, the person is still read", () => {
  it.each(["Dr Raj Menon - Paeds, St Luke's", "Dr Raj Menon (Paeds, St Luke's)", "Jo Bell, DSL, St Anne's", "Jo Bell, DSL, St Anne’s"])("'%s' is a person", (entry) => {
    expect(purePerson(entry)).toBe(true);
  });

  it("a list with such an entry keeps every person and their role", () => {
    const r = parseNotes("Strat 14/01/26\nPresent:\nSarah Quint - SW\nDr Raj Menon (Paeds, St Luke's)\nPC Tom Ridley - Police", clock).record;
    expect(r.attendees.map((a) => [a.name, a.role_code])).toEqual([["Sarah Quint", "social_worker"], ["Dr Raj Menon", "paediatrician"], ["PC Tom Ridley", "police_officer"]]);
  });

  it("a task with a lower-case possessive is still no person", () => {
    expect(purePerson("chase mum's GP records")).toBe(false);
  });
});
