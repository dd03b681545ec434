import type { AttendanceStatus, DraftResult, StrategyRecord } from "./model.js";
import { formatLong } from "./dates.js";
import { recordField, type RecordFieldId } from "./fields.js";
import { recordMessage } from "./messages.js";

/**
 * The record as the renderers show it: labelled rows and tables in reading order,
 * in plain words. Markdown, HTML and Word are all drawn from this one view, so they
 * cannot disagree about what the record says.
 */

export const FOOTER =
  "Draft prepared with the safeguarding assistant from the practitioner's notes. Check it against your local recording procedures before saving it to the child's record.";
export const TITLE = "Strategy discussion record (draft)";
export const GAPS_HEADING = "What is missing";

export interface RecordView {
  gaps: string[];
  /** Details no guidance requires that the notes leave out ("Time", "Next steps"), in words. */
  notRecorded: string[];
  /** Each filled part and the words it was read from, so the reading can be checked. */
  sources: [string, string][];
  warnings: string[];
  details: [string, string][];
  concerns: string;
  attendees: { header: string[]; rows: string[][] };
  information: string;
  decisions: [string, string][];
  actions: { header: string[]; rows: string[][] };
  deadlines: string[];
  nextSteps: string;
}

const NOT_RECORDED = "Not recorded";
const STATUS: Record<AttendanceStatus, string> = {
  took_part: "Took part",
  apologies: "Sent apologies",
  invited_absent: "Invited, did not attend",
  sent_report: "Sent a report, did not attend",
};

function jurisdiction(r: StrategyRecord): string {
  const j = r.jurisdiction;
  if (!j) return "England";
  const name = j.value === "wales" ? "Wales" : "England";
  const words = j.evidence.map((e) => `"${e.words}"`).join(", ");
  if (j.from === "notes") return `${name} (read from the notes: ${words})`;
  if (j.from === "caller") return `${name} (as chosen)`;
  return `${name} (nothing in the notes places it elsewhere)`;
}

const SOURCE_LABELS: [string, string][] = [
  ["date", "Date"], ["time", "Time"], ["format", "Format"], ["child_ref", "Child reference"], ["chair", "Chair"], ["recorded_by", "Recorded by"],
  ["concerns", "Reason"], ["information_shared", "Information shared"], ["share_with_family", "Shared with the family"],
  ["child_welfare", "Child's welfare"], ["next_steps", "Next steps"], ["review_date", "Review date"],
];

function sourcesOf(r: StrategyRecord): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, label] of SOURCE_LABELS) {
    const s = r.source[key];
    // Long passages are shown in their own sections already; the short readings are the ones to check.
    if (s && s.length <= 200) out.push([label, s]);
  }
  for (const [label, d] of [
    ["Section 47", r.decisions.section47.source],
    ["Criminal investigation", r.decisions.criminal_investigation.source],
    ["Legal action", r.decisions.legal_action.source],
  ] as const) {
    if (d) out.push([label, d]);
  }
  r.attendees.forEach((a) => a.source && out.push([`Attendee ${a.name ?? a.role ?? ""}`.trim(), a.source]));
  r.actions.forEach((a, i) => a.source && out.push([`Action ${i + 1}`, a.source]));
  return out;
}
const FORMATS: Record<NonNullable<StrategyRecord["format"]>, string> = {
  meeting: "Meeting in person",
  phone: "Telephone",
  virtual: "Virtual (online)",
};

function asWritten(text: string | null): string {
  return text ? ` (as recorded: ${text})` : "";
}

function section47(d: StrategyRecord["decisions"]["section47"]): string {
  if (d.decision === "yes") return `Section 47 enquiries to start${asWritten(d.rationale)}`;
  if (d.decision === "no") return `No section 47 enquiries${d.outcome ? `. Outcome: ${d.outcome}` : ""}${asWritten(d.rationale)}`;
  return d.rationale ? `Not yet decided${asWritten(d.rationale)}` : NOT_RECORDED;
}

function crime(d: StrategyRecord["decisions"]["criminal_investigation"]): string {
  if (d.decision === "yes") return `Yes${d.lead ? `. Lead: ${d.lead}` : ""}${d.detail ? `. Conduct and timing: ${d.detail}` : ""}`;
  if (d.decision === "no") return `No criminal investigation${asWritten(d.detail)}`;
  return d.detail ? `Not yet decided${asWritten(d.detail)}` : NOT_RECORDED;
}

function legal(d: StrategyRecord["decisions"]["legal_action"]): string {
  if (d.decision === "yes") return d.detail ?? "Legal action agreed";
  if (d.decision === "no") return `No legal action${asWritten(d.detail)}`;
  return d.detail ? `Not yet decided${asWritten(d.detail)}` : NOT_RECORDED;
}

// Each gap names the guidance it rests on, once per passage, so the list stays short.
function withSources(draft: DraftResult): string[] {
  const cited = new Set<string>();
  return draft.gaps.map((g) => {
    if (!g.citation || cited.has(g.citation.quote)) return g.message;
    cited.add(g.citation.quote);
    const section = g.citation.section.split(" > ").slice(-2).join(" > ");
    return `${g.message} (${g.citation.title}, ${section}: "${g.citation.quote}")`;
  });
}

/** Build the view of a draft. */
export function recordView(draft: DraftResult): RecordView {
  const r = draft.record;
  const cited = new Set(draft.gaps.map((g) => g.field.replace(/\[\d+\]/, "").split(".")[0]));
  const notRecorded = (draft.missing ?? [])
    .filter((m) => m.gap === null && !cited.has(m.field))
    .map((m) => recordMessage(recordField(m.field as RecordFieldId).label));
  return {
    gaps: withSources(draft),
    notRecorded,
    sources: sourcesOf(r),
    // Parts read without confidence come first among what to check about the reading.
    warnings: [...(draft.checks ?? []).map((c) => c.message), ...draft.warnings],
    details: [
      ["Date", r.date ? formatLong(r.date) : NOT_RECORDED],
      ["Time", r.time ?? NOT_RECORDED],
      ["Format", r.format ? FORMATS[r.format] : NOT_RECORDED],
      ["Child reference", r.child_ref ?? NOT_RECORDED],
      ["Jurisdiction", jurisdiction(r)],
      ["Chair", r.chair ?? NOT_RECORDED],
      ["Recorded by", r.recorded_by ?? NOT_RECORDED],
    ],
    concerns: r.concerns ?? NOT_RECORDED,
    attendees: {
      header: ["Name", "Role", "Agency", "Attendance"],
      rows: r.attendees.map((a) => [
        a.name ?? "Not named",
        a.role ?? "",
        a.agency ?? "",
        `${STATUS[a.status]}${!a.attended && a.attendance_note ? ` (as written: ${a.attendance_note})` : ""}`,
      ]),
    },
    information: r.information_shared ?? NOT_RECORDED,
    decisions: [
      ["Section 47 enquiries", section47(r.decisions.section47)],
      ["Criminal investigation", crime(r.decisions.criminal_investigation)],
      ["Legal action (EPO, police protection, legal planning)", legal(r.decisions.legal_action)],
      ["What will be shared with the child and family", r.decisions.share_with_family ?? NOT_RECORDED],
      ["Child's welfare and safety (where the child stays, how they are kept safe)", r.decisions.child_welfare ?? NOT_RECORDED],
    ],
    actions: {
      header: ["#", "Action", "Who", "By when"],
      rows: r.actions.map((a, i) => [
        String(i + 1),
        a.action,
        a.owner ?? "Not recorded",
        a.due ? `${formatLong(a.due)}${a.due_text ? ` (${a.due_text})` : ""}` : (a.due_text ?? "Not recorded"),
      ]),
    },
    deadlines: draft.deadlines.map((d) => d.explanation),
    nextSteps: [r.next_steps, r.review_date ? `Review: ${formatLong(r.review_date)}` : null].filter(Boolean).join(". ") || NOT_RECORDED,
  };
}
