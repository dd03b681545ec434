import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { parseNotes, type StrategyRecord } from "../../records/index.js";
import { headingKey } from "../../records/vocabulary.js";

interface NoteCase { id: string; format: string; today: string; notes: string }

const cases = ["notes-corpus.jsonl", "notes-fresh.jsonl"].flatMap((f) =>
  readFileSync(new URL(`./${f}`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as NoteCase),
);

/**
 * The notes as someone types them in one Teams message (Enter sends): each heading with its
 * list after it ("Present: a; b; c."), every other line ended as a sentence.
 */
function typedOnOneLine(notes: string): string {
  const out: string[] = [];
  let list: string[] | null = null;
  let head = "";
  const flush = () => {
    if (list) out.push(`${head}: ${list.join("; ")}.`);
    list = null;
  };
  for (const raw of notes.split("\n")) {
    const line = raw.replace(/^\s*(?:[-*•]|\d+[.)]|[a-z][.)])\s+/, "").trim();
    if (!line) {
      flush();
      continue;
    }
    const bare = line.replace(/:$/, "");
    if (headingKey(bare) && !/:\s*\S/.test(line)) {
      flush();
      head = bare;
      list = [];
      continue;
    }
    if (list) list.push(line.replace(/[.;]$/, ""));
    else out.push(/[.!?;:]$/.test(line) ? line : `${line}.`);
  }
  flush();
  return out.join(" ");
}

function reading(r: StrategyRecord) {
  return {
    meeting: [r.date, r.time, r.format, r.child_ref],
    attendees: r.attendees.map((a) => [a.name, a.role_code, a.status]),
    decisions: [r.decisions.section47.decision, r.decisions.criminal_investigation.decision, r.decisions.legal_action.decision],
    actions: r.actions.map((a) => [a.owner, a.due]),
  };
}

// Tables and e-mails are pasted, not typed; one-line messages are one line already.
const typed = cases.filter((c) => !["table_tabs", "table_pipes", "email", "teams_oneline"].includes(c.format));

describe("notes typed on one line read the same as notes with line breaks", () => {
  it("covers every typed format of both note sets", () => {
    expect(new Set(typed.map((c) => c.format))).toEqual(new Set(["headed", "inline", "per_line", "bullets", "abbreviated"]));
  });

  it.each(typed.map((c) => [c.id, c] as const))("%s on one line gives the same attendees, decisions, actions and meeting facts", (_id, c) => {
    const clock = fixedClock(`${c.today}T12:00:00Z`);
    const flat = typedOnOneLine(c.notes);
    expect(flat).not.toContain("\n");
    expect(reading(parseNotes(flat, clock).record)).toEqual(reading(parseNotes(c.notes, clock).record));
  });
});
