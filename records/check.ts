import type { Jurisdiction } from "../core/jurisdiction.js";
import { MONTH_WORD } from "../deadlines/index.js";
import { peopleTerms } from "../lexicon/index.js";
import type { AttendeeCategory, Gap, StrategyRecord } from "./model.js";
import { concernsOnlyPointElsewhere } from "./decisions.js";
import { citationFor, minimumAttendees, type RequirementId } from "./requirements.js";

/**
 * The record checker: what a strategy discussion record should show under Working
 * Together 2023 and is missing. Gaps are for the practitioner to fix, not errors.
 * Messages never repeat what the practitioner typed (actions are referred to by number).
 */

/** A due date written as a calendar date ("16/5", "2025-05-16", "16th May"), which no meeting date changes. */
const EXPLICIT_DATE = new RegExp(`\\d{1,2}[/.-]\\d{1,2}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}`, "i");

/** Whether a decision's words name children's social care or its people as deciding ("per TM email", "CSC agree threshold met"). */
function saysLocalAuthority(words: string): boolean {
  return peopleTerms()
    .matchAll(words, "text")
    .some((m) => m.values.some((x) => (x.kind === "agency" && x.agency.code === "social_care") || (x.kind === "role" && x.role.agency === "social_care")));
}

function gap(field: string, message: string, requirement: RequirementId | null): Gap {
  return { field, message, citation: requirement ? citationFor(requirement) : null };
}

// How the checker words a missing group; the groups themselves come from procedures/.
const MINIMUM_WORDING: Partial<Record<AttendeeCategory, { missing: string; follow: string }>> = {
  social_work: {
    missing: "No local authority social worker is recorded as taking part.",
    follow: "Record who took part for children's social care. The local authority decides on section 47 enquiries.",
  },
  health: {
    missing: "No health practitioner is recorded as taking part.",
    follow: "Record the health input (for example the health visitor, GP, school nurse or paediatrician), or reconvene the strategy discussion with health.",
  },
  police: {
    missing: "No police representative took part in the strategy discussion.",
    follow: "Record the police input (for example a later call with the police), or reconvene the strategy discussion with police. A criminal investigation may be needed, and its conduct and timing should be agreed with the police.",
  },
};

/**
 * Every gap in a record, most important first (who took part, decisions, actions, details).
 * In Wales no England timescale is stated as a rule: the date is asked for without the
 * 15-working-day ICPC timescale of Working Together 2023.
 */
export function checkRecord(record: StrategyRecord, opts: { jurisdiction?: Jurisdiction } = {}): Gap[] {
  const gaps: Gap[] = [];
  const d = record.decisions;
  const wales = (opts.jurisdiction ?? record.jurisdiction?.value) === "wales";

  if (!record.date) {
    // Due words were counted from the day the notes were written or read: say so, so a later date is corrected.
    const counted = record.actions.some((a) => a.due && a.due_text && !EXPLICIT_DATE.test(a.due_text))
      ? " Due dates given in words (today, by Friday, within 5 working days) were counted from the day the notes were sent or drafted: check them once the date is added."
      : "";
    gaps.push(
      wales
        ? gap("date", `The date of the strategy discussion is not recorded. Add it.${counted}`, "record_decisions")
        : gap(
            "date",
            `The date of the strategy discussion is not recorded. Add it: if section 47 enquiries start, the initial child protection conference is due within 15 working days of it.${counted}`,
            "icpc_timescale",
          ),
    );
  }

  for (const m of minimumAttendees()) {
    const listed = record.attendees.filter((a) => a.category === m.category);
    if (listed.some((a) => a.attended)) continue;
    const who = m.role.toLowerCase();
    const wording = MINIMUM_WORDING[m.category] ?? { missing: `No ${who} is recorded as taking part.`, follow: `Record the ${who}'s input.` };
    const invited = listed.length > 0 ? ` A ${who} is listed, but as invited or absent, which does not count as taking part.` : "";
    gaps.push({
      field: `attendees.${m.category}`,
      message: `${wording.missing}${invited} Working Together 2023 expects a local authority social worker, health practitioners and a police representative to be involved as a minimum. ${wording.follow}`,
      citation: m.citation,
    });
  }

  if (!record.concerns || concernsOnlyPointElsewhere(record.concerns)) {
    gaps.push(gap("concerns", "The reason for the strategy discussion is not recorded. Add a short summary of the concerns.", "reason"));
  }

  if (d.section47.decision === "undecided") {
    gaps.push(
      gap(
        "decisions.section47",
        d.section47.rationale
          ? "The section 47 decision is recorded as not yet made. When the local authority decides, record the decision and why."
          : "No decision on section 47 enquiries is recorded. Record whether the local authority will start section 47 enquiries, and why.",
        "section47_decision",
      ),
    );
  }

  // The local authority decides on section 47 enquiries: a decision recorded when nobody from children's social care
  // took part is not yet the local authority's, and is flagged until they confirm it.
  // Children's social care may give their decision without joining the call: a manager's e-mail or report ("TM agreed
  // s47 by email", a team manager who sent a report) is the local authority's decision.
  const csc = record.attendees.some((a) => a.category === "social_work" && (a.attended || a.status === "sent_report"));
  if (d.section47.decision !== "undecided" && !csc && !saysLocalAuthority(d.section47.source ?? d.section47.rationale ?? "")) {
    gaps.push(
      gap(
        "decisions.section47",
        "A section 47 decision is recorded, but nobody from children's social care took part. The local authority decides on section 47 enquiries: record their decision, and who made it.",
        "section47_decision",
      ),
    );
  }

  if (d.criminal_investigation.decision === "undecided") {
    gaps.push(
      gap(
        "decisions.criminal_investigation",
        "No decision on a criminal investigation is recorded. Record whether there will be one and, if so, who leads it and its conduct and timing (for example when an ABE interview will happen).",
        "criminal_investigation",
      ),
    );
  }

  // Legal action is asked wherever section 47 enquiries start or may still start (the decision left open, to be made
  // by the team manager): only a decision not to start them makes it moot.
  if (d.section47.decision !== "no" && d.legal_action.decision === "undecided") {
    gaps.push(
      gap(
        "decisions.legal_action",
        "No decision on legal action is recorded. Where section 47 enquiries start or may start, record whether legal action is needed (for example a legal planning meeting, an EPO or police protection), or that it is not.",
        "legal_action",
      ),
    );
  }

  if (record.actions.length === 0) {
    gaps.push(gap("actions", "No actions are recorded. Record who will do what by when.", "actions"));
  }
  record.actions.forEach((a, i) => {
    if (!a.owner) gaps.push(gap(`actions[${i}].owner`, `Action ${i + 1} has no owner. Record who will do it.`, "actions"));
    if (!a.due) {
      gaps.push(
        gap(
          `actions[${i}].due`,
          a.due_text
            ? `Action ${i + 1} has no date to be done by. Replace the wording with a date.`
            : `Action ${i + 1} has no date to be done by. Record when it will be done.`,
          "actions",
        ),
      );
    }
  });

  if (!d.share_with_family) {
    gaps.push(
      gap(
        "decisions.share_with_family",
        "The record does not say what will be shared with the child and family, or when. Record it, including anything held back because sharing it could jeopardise a police investigation or put the child at risk.",
        "share_with_family",
      ),
    );
  }

  if (!d.child_welfare) {
    gaps.push(
      gap(
        "decisions.child_welfare",
        "The record does not say how the child is kept safe while enquiries go on: where and with whom the child stays, any safety plan, and any contact stopped or supervised. Seeing the child or a medical is a task of the enquiry; record the decision about the child's safety as well.",
        "child_welfare",
      ),
    );
  }

  if (!record.child_ref) {
    gaps.push(gap("child_ref", "No child reference is recorded. Add the case reference number (not the child's name).", "record_decisions"));
  }
  return gaps;
}
