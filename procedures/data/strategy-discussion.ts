import type { Citation } from "../../core/citation.js";
import { aliasesForGroup } from "../../lexicon/index.js";
import { WT } from "./citations.js";

/** One attendee the strategy discussion should involve, with the words that name them in a record. */
export interface AttendeeRequirement {
  /** Stable id of the group ("social_work", "health", "police"); a record's attendee category. */
  id: string;
  role: string;
  aliases: string[];
  citation: Citation;
}

/** One thing the strategy discussion should decide or do. */
export interface DecisionRequirement {
  id: string;
  text: string;
  /** "always", or only "if_section_47" (where there are grounds for enquiries). */
  when: "always" | "if_section_47";
  citation: Citation;
}

/** The minimum attendees of a strategy discussion (Working Together 2023, chapter 3). */
export const MINIMUM_ATTENDEES: AttendeeRequirement[] = [
  {
    id: "social_work",
    role: "Local authority social worker",
    aliases: aliasesForGroup("social_work"),
    citation: WT.sdMinimum,
  },
  {
    id: "health",
    role: "Health practitioner",
    aliases: aliasesForGroup("health"),
    citation: WT.sdMinimum,
  },
  {
    id: "police",
    role: "Police representative",
    aliases: aliasesForGroup("police"),
    citation: WT.sdMinimum,
  },
];

/** What the strategy discussion should be used for, and what it decides when section 47 enquiries start. */
export const DECISIONS: DecisionRequirement[] = [
  { id: "share_information", text: "Share, seek and analyse available information", when: "always", citation: WT.sdShare },
  { id: "criminal_investigation", text: "Agree the conduct and timing of any criminal investigation", when: "always", citation: WT.sdCriminal },
  { id: "section_47_decision", text: "Consider whether section 47 enquiries should be undertaken", when: "always", citation: WT.sdConsiderS47 },
  { id: "further_information", text: "What further information is needed and how it will be obtained and recorded", when: "if_section_47", citation: WT.sdFurtherInfo },
  { id: "immediate_action", text: "What immediate and short-term action supports the child, and who will do what by when", when: "if_section_47", citation: WT.sdShortTerm },
  { id: "legal_action", text: "Whether legal action is required", when: "if_section_47", citation: WT.sdLegal },
  { id: "information_to_family", text: "What information is shared with the child and family", when: "always", citation: WT.sdLeadShare },
  { id: "child_welfare", text: "Consider the child's welfare and safety, including through speaking to the child", when: "always", citation: WT.sdLeadWelfare },
  { id: "record_decisions", text: "Record agreed decisions under local recording procedures", when: "always", citation: WT.sdLeadRecord },
];

/** Something a record of the strategy discussion should show besides who took part and what was decided. */
export interface RecordRequirement {
  id: string;
  text: string;
  citation: Citation;
}

/** The reason for the discussion and its date, which starts the ICPC timescale. */
export const RECORD_DETAILS: RecordRequirement[] = [
  { id: "reason", text: "Why the discussion was held: reasonable cause to suspect significant harm", citation: WT.sdPurpose },
  { id: "date", text: "When it was held: the initial child protection conference is due within 15 working days of it", citation: WT.icpc15 },
];
