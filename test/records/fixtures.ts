import { emptyRecord, type StrategyRecord } from "../../records/index.js";

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
      { name: "M. Evans", role: "Social worker", agency: "Children's social care", attended: true, attendance_note: null, category: "social_work" },
      { name: "H. Price", role: "Health visitor", agency: "NHS community health", attended: true, attendance_note: null, category: "health" },
      { name: "DC Jones", role: "Police officer", agency: "Police", attended: true, attendance_note: null, category: "police" },
    ],
    information_shared: "Police checks completed.",
    decisions: {
      section47: { decision: "yes", outcome: null, rationale: "Unexplained injury to a non-mobile baby" },
      criminal_investigation: { decision: "yes", lead: "Police", detail: "ABE interview of older sibling on 16 May" },
      legal_action: { decision: "no", detail: "Not needed at this stage" },
      share_with_family: "Parents told of section 47 enquiries today",
      child_welfare: "SW to see the baby at home today",
    },
    actions: [
      { action: "Visit the baby at home", owner: "M. Evans", due: "2025-05-14", due_text: "today" },
      { action: "Share health records", owner: "H. Price", due: "2025-05-16", due_text: "by Fri" },
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
