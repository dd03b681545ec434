import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { StrategyRecordSchema, draftFromNotes, renderRecord } from "../../records/index.js";

const deps = { clock: fixedClock("2025-05-20T09:00:00Z"), calculator: createDeadlineCalculator() };
const NOTES =
  "Strat 14/5/25 10am Teams. Child ref: C-20992. Present: Jo Smith SW (CSC), DC Patel (police). Apologies: HV Ann Lee. Dr Rao (paeds) - report sent. Concerns: bruising. Agreed: s47, joint investigation. Actions: SW to visit today.";

describe("the JSON of `safeguard draft --json`", () => {
  it("keeps record, gaps (with field), deadlines and warnings, and adds missing, checks, statuses, sources and jurisdiction", async () => {
    const json = JSON.parse(String(await renderRecord(draftFromNotes(NOTES, deps), "json")));
    expect(Object.keys(json).sort()).toEqual(["checks", "deadlines", "gaps", "missing", "record", "warnings"]);
    expect(json.gaps.every((g: { field: unknown }) => typeof g.field === "string")).toBe(true);
    const people = json.record.attendees.map((a: Record<string, unknown>) => [a.name, a.status, a.attended, a.role_code, a.source]);
    expect(people).toEqual([
      ["Jo Smith", "took_part", true, "social_worker", "Jo Smith SW (CSC)"],
      ["DC Patel", "took_part", true, "detective", "DC Patel (police)"],
      ["Ann Lee", "apologies", false, "health_visitor", "HV Ann Lee"],
      ["Dr Rao", "sent_report", false, "paediatrician", "Dr Rao (paeds) - report sent"],
    ]);
    expect(json.record.source.date).toContain("14/5/25");
    expect(json.record.actions[0]).toMatchObject({ owner: "SW", due: "2025-05-14", source: "SW to visit today" });
    expect(json.record.jurisdiction).toEqual({ value: "england", from: "default", evidence: [] });
    expect(json.record.decisions.criminal_investigation.lead_by).toBe("joint");
  });

  it("'attended' still means took part: a report sent or apologies do not count towards the minimum attendees", () => {
    const d = draftFromNotes(NOTES, deps);
    expect(d.record.attendees.find((a) => a.name === "Dr Rao")).toMatchObject({ status: "sent_report", attended: false, category: "health" });
    expect(d.gaps.map((g) => g.field)).toContain("attendees.health");
  });

  it("a record saved before statuses and sources existed still reads, its attendees' status from 'attended'", () => {
    const old = {
      date: "2025-05-14", time: null, format: null, child_ref: "C-1", concerns: "x", information_shared: null,
      attendees: [
        { name: "Jo", role: "Social worker", agency: "Children's social care", attended: true, attendance_note: null, category: "social_work" },
        { name: "DC Jones", role: "Police officer", agency: "Police", attended: false, attendance_note: "invited - did not attend", category: "police" },
      ],
      decisions: {
        section47: { decision: "yes", outcome: null, rationale: null },
        criminal_investigation: { decision: "undecided", lead: null, detail: null },
        legal_action: { decision: "undecided", detail: null },
        share_with_family: null, child_welfare: null,
      },
      actions: [{ action: "Visit", owner: "SW", due: "2025-05-14", due_text: null }],
      next_steps: null, review_date: null, recorded_by: null,
    };
    const r = StrategyRecordSchema.parse(old);
    expect(r.attendees.map((a) => [a.status, a.role_code])).toEqual([["took_part", "social_worker"], ["invited_absent", "police_officer"]]);
    expect(r.actions[0]?.source).toBeNull();
    expect(r.chair).toBeNull();
    expect(r.jurisdiction).toBeNull();
    const d = draftFromNotes(JSON.stringify(old), deps);
    expect(d.gaps.map((g) => g.field)).toContain("attendees.police");
  });
});
