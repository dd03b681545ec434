import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { checkRecord, draftFromNotes } from "../../records/index.js";
import { ADV024_RECORD, completeRecord } from "./fixtures.js";

const deps = { clock: fixedClock("2025-05-20T09:00:00Z"), calculator: createDeadlineCalculator() };

const adv024 = ADV024_RECORD;

describe("checking a strategy discussion record", () => {
  it("when police were invited but did not attend (adv-024), the draft flags that no police representative took part", () => {
    const draft = draftFromNotes(JSON.stringify(adv024), deps);
    const police = draft.record.attendees.find((a) => a.name === "DC Jones");
    expect(police).toMatchObject({ category: "police", attended: false, attendance_note: "invited - did not attend" });
    const gap = draft.gaps.find((g) => g.field === "attendees.police");
    expect(gap?.message).toMatch(/No police representative took part/);
    expect(gap?.message).toMatch(/invited or absent, which does not count/);
    expect(gap?.message).toMatch(/reconvene the strategy discussion with police/);
    expect(gap?.message).toMatch(/criminal investigation may be needed/);
    expect(gap?.citation?.quote).toContain("a police representative should, as a minimum, be involved");
    // Social worker and health visitor did take part: they are not flagged.
    expect(draft.gaps.map((g) => g.field)).not.toContain("attendees.social_work");
    expect(draft.gaps.map((g) => g.field)).not.toContain("attendees.health");
    expect(draft.record.decisions.section47.decision).toBe("yes");
    expect(draft.deadlines.map((d) => d.due)).toEqual(["2025-06-05"]);
  });

  it("when the adv-024 record comes wrapped as an eval input, it is read the same way", () => {
    const wrapped = { type: "record", record_type: "strategy_discussion", record: adv024 };
    const draft = draftFromNotes(JSON.stringify(wrapped), deps);
    expect(draft.record.child_ref).toBe("C-20992");
    expect(draft.gaps.map((g) => g.field)).toContain("attendees.police");
  });

  it("when a record has every part, there are no gaps", () => {
    expect(checkRecord(completeRecord())).toEqual([]);
  });

  it("when actions have no owner or no date, each one is flagged by number", () => {
    const r = completeRecord();
    r.actions = [
      { action: "Visit", owner: "SW", due: "2025-05-14", due_text: null, source: null },
      { action: "Share records", owner: null, due: "2025-05-16", due_text: null, source: null },
      { action: "Check PNC", owner: "Police", due: null, due_text: "asap", source: null },
      { action: "Chronology", owner: null, due: null, due_text: null, source: null },
    ];
    const gaps = checkRecord(r);
    expect(gaps.map((g) => g.field)).toEqual(["actions[1].owner", "actions[2].due", "actions[3].owner", "actions[3].due"]);
    expect(gaps[0]?.message).toBe("Action 2 has no owner. Record who will do it.");
    expect(gaps[1]?.message).toMatch(/^Action 3 has no date/);
    expect(gaps.every((g) => g.citation?.quote.includes("who will do what by when"))).toBe(true);
  });

  it("when there are no actions at all, one gap asks for who will do what by when", () => {
    const r = completeRecord();
    r.actions = [];
    expect(checkRecord(r).map((g) => g.field)).toEqual(["actions"]);
  });

  it("when a minimum agency is not listed at all, the gap says nobody took part without mentioning an invitation", () => {
    const r = completeRecord();
    r.attendees = r.attendees.filter((a) => a.category !== "health");
    const gap = checkRecord(r).find((g) => g.field === "attendees.health");
    expect(gap?.message).toMatch(/^No health practitioner is recorded as taking part\./);
    expect(gap?.message).not.toMatch(/invited/);
  });

  it("when section 47 enquiries were not started, a missing legal action decision is not flagged", () => {
    const r = completeRecord();
    r.decisions.section47 = { decision: "no", outcome: "No further action", rationale: null, source: null };
    r.decisions.legal_action = { decision: "undecided", detail: null, source: null };
    expect(checkRecord(r)).toEqual([]);
  });

  it("when decisions are missing, each gap rests on a Working Together 2023 citation", () => {
    const r = completeRecord();
    r.decisions.section47 = { decision: "undecided", outcome: null, rationale: null, source: null };
    r.decisions.criminal_investigation = { decision: "undecided", lead: null, lead_by: null, detail: null, source: null };
    r.decisions.share_with_family = null;
    r.decisions.child_welfare = null;
    const gaps = checkRecord(r);
    expect(gaps.map((g) => g.field)).toEqual([
      "decisions.section47",
      "decisions.criminal_investigation",
      "decisions.share_with_family",
      "decisions.child_welfare",
    ]);
    for (const g of gaps) expect(g.citation?.title).toBe("Working Together to Safeguard Children 2023");
  });

  it("gap messages never repeat what the practitioner typed", () => {
    const secret = "Zebedee Quux";
    const draft = draftFromNotes(`Strat 14/5/25. Present: ${secret} (police) - apologies. Actions: ${secret} chronology`, deps);
    for (const g of draft.gaps) expect(g.message).not.toContain("Zebedee");
  });
});

describe("the adversarial record sample", () => {
  it("holds adv-024 as a record input, copied into the repository from the public sample (guards the fixture above)", () => {
    const line = readFileSync(new URL("../eval/adversarial.jsonl", import.meta.url), "utf8")
      .split("\n")
      .find((l) => l.includes('"adv-024"'));
    expect(line).toBeDefined();
    expect(JSON.parse(line ?? "{}").input.record).toEqual(adv024);
  });
});
