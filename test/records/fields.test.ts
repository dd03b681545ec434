import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import {
  RECORD_FIELDS,
  RECORD_MESSAGES,
  completeDraft,
  draftFromNotes,
  emptyRecord,
  missingFields,
  recordField,
  renderMarkdown,
  strategyRecordRequirements,
  type StrategyRecord,
} from "../../records/index.js";
import { completeRecord } from "./fixtures.js";

const clock = fixedClock("2025-05-20T09:00:00Z");
const deps = { clock, calculator: createDeadlineCalculator() };

describe("the record's fields as data, for one guided dialog to walk", () => {
  it("each field has a unique id, a prompt and a label in the message catalogue, and a citation the checker knows", () => {
    const ids = RECORD_FIELDS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const requirements = strategyRecordRequirements();
    for (const f of RECORD_FIELDS) {
      expect(RECORD_MESSAGES[f.prompt], f.id).toBeTruthy();
      expect(RECORD_MESSAGES[f.label], f.id).toBeTruthy();
      if (f.citation) expect(requirements.get(f.citation), f.id).toBeDefined();
    }
  });

  it("walking the fields with a practitioner's answers fills a record with no gaps, each answer kept as the words it came from", () => {
    const answers: Record<string, string> = {
      date: "14/05/2025",
      time: "10am",
      format: "Teams",
      child_ref: "Ref C-20992",
      attendees: "Jo Smith SW (CSC), HV Ann Lee, DC Patel (police)",
      concerns: "3yo with bruising to the face",
      information_shared: "Police: two call-outs in 2024",
      section47: "yes",
      criminal_investigation: "joint investigation, ABE on Friday",
      legal_action: "no",
      actions: "SW to visit the child today\nHV to share records by 16/05/2025",
      share_with_family: "Mum told of the s47 enquiries today",
      child_welfare: "SW to see the child at nursery today",
      next_steps: "Review on 28/05/2025",
      recorded_by: "Jo Smith",
    };
    let record: StrategyRecord = emptyRecord();
    for (const f of RECORD_FIELDS) {
      if (!f.applies(record) || !f.isMissing(record) || f.optional) continue;
      const read = f.read(answers[f.id] ?? "", record, { clock });
      expect(read.ok, f.id).toBe(true);
      if (read.ok) record = read.record;
    }
    const draft = completeDraft(record, deps);
    expect(draft.gaps).toEqual([]);
    expect(draft.missing).toEqual([]);
    expect(record.source.date).toBe("14/05/2025");
    expect(record.time).toBe("10:00");
    expect(record.format).toBe("virtual");
    expect(record.child_ref).toBe("C-20992");
    expect(record.decisions.criminal_investigation).toMatchObject({ decision: "yes", lead_by: "joint" });
    expect(record.actions.map((a) => [a.owner, a.due])).toEqual([["SW", "2025-05-14"], ["HV", "2025-05-16"]]);
    expect(renderMarkdown(draft)).toContain("Nothing obvious is missing");
  });

  it("a field that cannot read an answer says which message to show, and leaves the record as it was", () => {
    const record = emptyRecord();
    expect(recordField("date").read("next-ish", record, { clock })).toEqual({ ok: false, error: "record.error.date" });
    const impossible = recordField("date").read("31/02/2025", record, { clock });
    expect(impossible).toMatchObject({ ok: false, error: "record.error.date" });
    expect(!impossible.ok && impossible.detail).toMatch(/February 2025 has 28 days/);
    expect(recordField("section47").read("maybe", record, { clock })).toEqual({ ok: false, error: "record.error.section47" });
    expect(record).toEqual(emptyRecord());
  });

  it("the child's welfare is asked as the checker reads it: where the child stays and how they are kept safe, not only who will see them", () => {
    // The checker raises decisions.child_welfare when a record only plans to see the child (records/README.md), so the
    // guided form must ask for the same thing or a practitioner would answer it and still be told it is missing.
    const field = recordField("child_welfare");
    const prompt = RECORD_MESSAGES[field!.prompt].toLowerCase();
    expect(prompt).toContain("stay");
    expect(prompt).toContain("kept safe");
  });

  it("legal action is asked about only once section 47 enquiries start", () => {
    const r = emptyRecord();
    expect(recordField("legal_action").applies(r)).toBe(false);
    r.decisions.section47.decision = "yes";
    expect(recordField("legal_action").applies(r)).toBe(true);
  });
});

describe("everything still missing", () => {
  it("when notes leave out the time, format, information shared and next steps, all four are listed, not only the cited gaps", () => {
    const draft = draftFromNotes(
      "Strat 14/5/25. Child ref: C-20992. Present: Jo Smith SW, HV Ann Lee, DC Patel. Concerns: bruising. Agreed: s47, joint investigation, no legal action. Mum told today. Child stays with gran for now. Actions: SW to visit the child today.",
      deps,
    );
    expect(draft.gaps).toEqual([]);
    expect(draft.missing.map((m) => m.field)).toEqual(["time", "format", "information_shared", "next_steps", "recorded_by"]);
    expect(draft.missing.every((m) => m.gap === null)).toBe(true);
    const md = renderMarkdown(draft);
    expect(md).toContain("Also not recorded: Time, Format, Information shared, Next steps, Recorded by.");
    expect(md).not.toContain("Nothing obvious is missing");
  });

  it("a missing cited part is listed with the gap code the checker raises for it", () => {
    const r = completeRecord();
    r.decisions.share_with_family = null;
    r.actions[0] = { ...r.actions[0]!, owner: null };
    expect(missingFields(r)).toEqual([
      { field: "actions", gap: "actions.owner" },
      { field: "share_with_family", gap: "decisions.share_with_family" },
    ]);
  });

  it("a complete record has nothing missing", () => {
    expect(missingFields(completeRecord())).toEqual([]);
  });
});
