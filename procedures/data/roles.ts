import type { PathwayInput } from "../schema.js";
import { LEWISHAM, WALES, WT } from "./citations.js";

/** Who does what on the pathway; each role is cited where the guidance names it. */
export const ROLES: PathwayInput["roles"] = [
  { id: "childrens_social_care", label: "Local authority children's social care", jurisdiction: "england", citation: WT.decision1wd },
  { id: "practice_supervisor", label: "Social work qualified practice supervisor or manager", jurisdiction: "england", citation: WT.decision1wd },
  { id: "lead_practitioner", label: "Lead practitioner (a social worker in child protection enquiries)", jurisdiction: "england", citation: WT.leadIsSocialWorker },
  { id: "local_authority", label: "The local authority", jurisdiction: "england", citation: WT.epo },
  { id: "police", label: "Police", jurisdiction: "england", citation: WT.sdMinimum },
  { id: "health", label: "Health practitioners", jurisdiction: "england", citation: WT.sdMinimum },
  { id: "nspcc", label: "NSPCC", jurisdiction: "england", citation: WT.removal },
  { id: "referrer", label: "The person or agency who made the referral", jurisdiction: "england", citation: WT.escalate },
  { id: "all_practitioners", label: "All practitioners involved with the child", jurisdiction: "england", citation: WT.s47All },
  { id: "conference_chair", label: "Conference chair", jurisdiction: "england", citation: WT.icpcChairMeet },
  { id: "core_group", label: "Core group", jurisdiction: "england", citation: WT.cg10 },
  { id: "receiving_authority", label: "Receiving local authority", jurisdiction: "england", citation: WT.dcTransfer15 },
  { id: "original_authority", label: "Original local authority", jurisdiction: "england", citation: WT.dcOnlyAfter },
  { id: "safeguarding_partners", label: "Safeguarding partners", jurisdiction: "england", citation: WT.rr343 },
  { id: "first_responder", label: "NRM first responder", jurisdiction: "england", citation: WT.nrm200 },
  { id: "local_partners", label: "Local partners (local arrangements)", jurisdiction: "england", citation: LEWISHAM.nrmNegative },
  { id: "wales_childrens_services", label: "Children’s Services (Wales)", jurisdiction: "wales", citation: WALES.led },
  { id: "wales_professionals", label: "Professionals working with the child (Wales)", jurisdiction: "wales", citation: WALES.s130 },
  { id: "wales_social_worker", label: "Named social worker (Wales)", jurisdiction: "wales", citation: WALES.cspSocialWorker },
  { id: "wales_meeting", label: "The multi-agency strategy meeting (Wales)", jurisdiction: "wales", citation: WALES.outcomes },
];

/** What a date in the situation can mean, and the words that tie a date to it. */
export const EVENTS: PathwayInput["events"] = [
  { id: "referral_received", label: "the referral", aliases: ["referral", "referred", "referral received", "referral made", "mash", "contact"] },
  {
    id: "strategy_discussion",
    label: "the strategy discussion",
    aliases: ["strategy discussion", "strategy meeting", "strategy", "strat", "strat meeting", "s47 agreed", "section 47 agreed", "s47 started", "s47 initiated"],
  },
  {
    id: "icpc",
    label: "the ICPC",
    aliases: ["icpc", "initial child protection conference", "initial conference", "initial cp conference", "child protection conference", "cp conference", "case conference", "conference", "made subject", "plan started"],
  },
  {
    id: "review_conference",
    label: "the review conference",
    aliases: ["review conference", "review", "rcpc", "first review", "cp review", "review child protection conference", "last review"],
  },
  { id: "transfer_in_notified", label: "notification of the move", aliases: ["notified", "told", "moved", "moved in", "move", "arrived", "transfer", "transferred"] },
  { id: "serious_incident_aware", label: "the day the local authority became aware", aliases: ["became aware", "aware", "found out", "learned", "learnt", "told"] },
  { id: "rapid_review_incident", label: "the incident", aliases: ["incident", "died", "death", "harmed", "injured", "serious harm", "happened"] },
  {
    id: "emergency_action",
    label: "the emergency action",
    aliases: ["police protection", "epo", "emergency protection order", "removed", "took him", "took her", "took them", "took the child", "police powers", "emergency action"],
  },
  { id: "eighteenth_birthday", label: "the 18th birthday", aliases: ["turns 18", "turning 18", "18th birthday", "birthday"] },
];

/** Misspellings and shorthand practitioners type, replaced word for word before matching. */
export const SPELLINGS: Record<string, string> = {
  stratagy: "strategy", stategy: "strategy", stratergy: "strategy", startegy: "strategy", strategey: "strategy",
  discusion: "discussion", disscussion: "discussion", discussoin: "discussion",
  conferance: "conference", confrence: "conference", conferene: "conference",
  referal: "referral", refferal: "referral", reffered: "referred", refered: "referred",
  substanciated: "substantiated", substantiaited: "substantiated", substatiated: "substantiated",
  enquires: "enquiries", enquirys: "enquiries", inquiries: "enquiries", inquiry: "enquiry", investigations: "investigation",
  safegaurding: "safeguarding", proceedins: "proceedings", exploitaion: "exploitation", exploitaton: "exploitation",
  protecton: "protection", protectoin: "protection", trafficing: "trafficking", traficking: "trafficking",
  eighteen: "18", "18th": "18th", yrs: "years", "icpcs": "icpc", "strats": "strat", "epos": "epo",
};
