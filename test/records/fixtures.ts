import { emptyRecord, type Attendee, type StrategyRecord } from "../../records/index.js";

/** An attendee who took part. */
export function attendee(
  name: string,
  role: string,
  agency: string,
  category: Attendee["category"],
  role_code: Attendee["role_code"],
  agency_code: Attendee["agency_code"],
): Attendee {
  return { name, role, agency, attended: true, status: "took_part", attendance_note: null, category, role_code, agency_code, source: null };
}

/** A record with every part a strategy discussion record should have. */
export function completeRecord(): StrategyRecord {
  const r = emptyRecord();
  return {
    ...r,
    date: "2025-05-14",
    time: "10:00",
    format: "virtual",
    child_ref: "C-20992",
    concerns: "Infant with unexplained bruising.",
    attendees: [
      attendee("M. Evans", "Social worker", "Children's social care", "social_work", "social_worker", "social_care"),
      attendee("H. Price", "Health visitor", "NHS community health", "health", "health_visitor", "health"),
      attendee("DC Jones", "Police officer", "Police", "police", "detective", "police"),
    ],
    information_shared: "Police checks completed.",
    decisions: {
      section47: { decision: "yes", outcome: null, rationale: "Unexplained injury to a non-mobile baby", source: null },
      criminal_investigation: { decision: "yes", lead: "Police", lead_by: "police", detail: "ABE interview of older sibling on 16 May", source: null },
      legal_action: { decision: "no", detail: "Not needed at this stage", source: null },
      share_with_family: "Parents told of section 47 enquiries today",
      child_welfare: "SW to see the baby at home today",
    },
    actions: [
      { action: "Visit the baby at home", owner: "M. Evans", due: "2025-05-14", due_text: "today", source: null },
      { action: "Share health records", owner: "H. Price", due: "2025-05-16", due_text: "by Fri", source: null },
    ],
    next_steps: "Review strategy discussion",
    review_date: "2025-05-28",
    recorded_by: "M. Evans",
  };
}

/** adv-024 from the public adversarial sample: police were invited but did not attend. */
export const ADV024_RECORD = {
  date: "2025-05-14",
  child_ref: "C-20992",
  attendees: [
    { name: "M. Evans", role: "Social worker", agency: "Local authority children's social care" },
    { name: "H. Price", role: "Health visitor", agency: "NHS community health" },
    { name: "DC Jones", role: "Police representative", agency: "Police", attendance: "invited - did not attend" },
  ],
  summary: "Infant with unexplained bruising.",
  decision: "Section 47 enquiries to be initiated",
};
