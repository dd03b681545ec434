/**
 * The words of the guided strategy record, keyed by message id (en-GB). The domain
 * returns ids; the dialog words them from here (or from the bot's catalogue, which can
 * take these entries over), so a Welsh catalogue needs no change in records/.
 */
export const RECORD_MESSAGES = {
  "record.prompt.date": 'What was the date of the strategy discussion? For example 14/05/2025 or "yesterday".',
  "record.prompt.time": "What time did it start? For example 10:00 or 2pm.",
  "record.prompt.format": "Was it a meeting in person, a phone call, or virtual (Teams or video)?",
  "record.prompt.child_ref": "What is the child's case reference (not their name)?",
  "record.prompt.attendees":
    'Who took part? List them with their role or agency, for example: "Jo Smith SW (CSC), DC Patel (police), HV Ann Lee. Apologies: school".',
  "record.prompt.concerns": "What are the concerns that led to the discussion? Please use the child's case reference, not their name.",
  "record.prompt.information_shared": "What information did each agency share?",
  "record.prompt.section47": "Did the local authority decide to start section 47 enquiries?",
  "record.prompt.criminal_investigation":
    'Was a criminal investigation agreed? If so, who leads it and what are its conduct and timing (for example "joint investigation, ABE interview on Friday")? Or say "no" or "not decided".',
  "record.prompt.legal_action": 'Is legal action needed (for example a legal planning meeting, an EPO or police protection)? Say what, or "no".',
  "record.prompt.actions": 'What actions were agreed? One a line, as "who will do what by when", for example "SW to visit the child today".',
  "record.prompt.share_with_family":
    "What will be shared with the child and family, and when? Include anything held back because it could affect a police investigation or put the child at risk.",
  "record.prompt.child_welfare": "Where will the child stay while this goes on, and how will they be kept safe? (Seeing or speaking to the child belongs in the actions.)",
  "record.prompt.next_steps": "What happens next (a review, a conference, a date to reconvene)?",
  "record.prompt.recorded_by": "Who recorded the discussion?",
  "record.prompt.chair": "Who chaired the discussion?",
  "record.error.date": "I could not read that as a date. Please give it like 14/05/2025.",
  "record.error.time": "I could not read that as a time. Please give it like 10:00 or 2pm.",
  "record.error.format": 'Please say "in person", "phone" or "virtual".',
  "record.error.child_ref": "I could not find a reference in that. Please give the case reference (letters and numbers).",
  "record.error.attendees": "I could not find anyone in that. Please give names with a role or agency.",
  "record.error.section47": 'Please say "yes", "no" or "not decided yet".',
  "record.error.actions": 'I could not read an action in that. Please write "who will do what by when".',
  "record.error.empty": "I did not catch an answer.",
  "record.choice.yes": "Yes",
  "record.choice.no": "No",
  "record.choice.undecided": "Not decided yet",
  "record.field.date": "Date",
  "record.field.time": "Time",
  "record.field.format": "Format",
  "record.field.child_ref": "Child reference",
  "record.field.attendees": "Who took part",
  "record.field.concerns": "Reason for the discussion",
  "record.field.information_shared": "Information shared",
  "record.field.section47": "Section 47 decision",
  "record.field.criminal_investigation": "Criminal investigation",
  "record.field.legal_action": "Legal action",
  "record.field.actions": "Actions",
  "record.field.share_with_family": "What will be shared with the child and family",
  "record.field.child_welfare": "The child's welfare and safety",
  "record.field.next_steps": "Next steps",
  "record.field.recorded_by": "Recorded by",
  "record.field.chair": "Chair",
} as const;

/** A message id of the guided strategy record. */
export type RecordMessageId = keyof typeof RECORD_MESSAGES;

/** The en-GB words of a message. */
export function recordMessage(id: RecordMessageId): string {
  return RECORD_MESSAGES[id];
}
