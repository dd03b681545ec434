import type { ReferralRouteInput } from "../schema.js";
import { LEWISHAM, WALES, WT } from "../../data/citations.js";
import { WT_ROUTE } from "./citations.js";

/**
 * The people the walkthroughs name, and the words practitioners use for them, so a
 * typed quiz answer ("the LA", "LADO", "a senior manager") can be read. Roles the
 * pathway already has (procedures/data/roles.ts) keep its label; the others are cited
 * where the guidance names them. When lexicon/ (the shared alias table) lands, these
 * words should be read from it.
 */
export const PEOPLE: ReferralRouteInput["people"] = [
  { id: "childrens_social_care", agency: "local_authority", jurisdiction: "england", words: ["childrens social care", "social care", "csc", "childrens services", "social services", "local authority", "la", "council", "mash", "front door"] },
  { id: "practice_supervisor", agency: "local_authority", jurisdiction: "england", words: ["practice supervisor", "manager", "team manager", "supervisor", "social work manager", "practice manager"] },
  { id: "lead_practitioner", agency: "local_authority", jurisdiction: "england", words: ["lead practitioner", "social worker", "sw", "lead social worker", "allocated social worker"] },
  { id: "local_authority", agency: "local_authority", jurisdiction: "england", words: ["local authority", "la", "council", "childrens social care", "social care"] },
  { id: "police", agency: "police", jurisdiction: "england", words: ["police", "police officer", "officer", "999", "101"] },
  { id: "health", agency: "health", jurisdiction: "england", words: ["health", "health practitioner", "nurse", "doctor", "paediatrician", "gp", "health visitor", "nhs"] },
  { id: "nspcc", agency: "nspcc", jurisdiction: "england", words: ["nspcc"] },
  { id: "referrer", agency: "referrer", jurisdiction: "england", words: ["referrer", "person who referred", "referring agency"] },
  { id: "all_practitioners", agency: "multi_agency", jurisdiction: "england", words: ["all practitioners", "everyone", "all agencies", "all involved", "every practitioner"] },
  { id: "conference_chair", agency: "local_authority", jurisdiction: "england", words: ["chair", "conference chair", "independent chair", "chairperson"] },
  { id: "core_group", agency: "multi_agency", jurisdiction: "england", words: ["core group", "core group members"] },
  { id: "receiving_authority", agency: "local_authority", jurisdiction: "england", words: ["receiving local authority", "receiving authority", "new local authority", "new authority", "new council", "receiving la"] },
  { id: "original_authority", agency: "local_authority", jurisdiction: "england", words: ["original local authority", "original authority", "old authority", "old council", "original la"] },
  { id: "safeguarding_partners", agency: "multi_agency", jurisdiction: "england", words: ["safeguarding partners", "partners"] },
  { id: "first_responder", agency: "first_responder", jurisdiction: "england", words: ["first responder", "first responders", "first responder organisation"] },
  { id: "local_partners", agency: "multi_agency", jurisdiction: "england", words: ["local partners"] },
  {
    id: "nrm",
    agency: "nrm",
    label: "The National Referral Mechanism (NRM)",
    jurisdiction: "england",
    words: ["nrm", "national referral mechanism"],
    citation: WT.nrm200,
  },
  {
    id: "ictg_service",
    agency: "ictg",
    label: "The Independent Child Trafficking Guardian (ICTG) service",
    jurisdiction: "england",
    words: ["ictg", "ictg service", "independent child trafficking guardian", "child trafficking guardian", "trafficking guardian"],
    citation: WT.nrmIctg,
  },
  {
    id: "senior_manager",
    agency: "own_organisation",
    label: "A senior manager in your organisation",
    jurisdiction: "england",
    words: ["senior manager", "senior leader", "senior management", "manager", "head teacher", "headteacher", "head", "principal"],
    citation: WT_ROUTE.allegationSenior,
  },
  {
    id: "lado",
    agency: "local_authority",
    label: "The local authority designated officer (LADO)",
    jurisdiction: "england",
    words: ["lado", "designated officer", "local authority designated officer", "designated officers"],
    citation: WT_ROUTE.allegationLado,
  },
  {
    id: "dbs",
    agency: "dbs",
    label: "The Disclosure and Barring Service (DBS)",
    jurisdiction: "england",
    words: ["dbs", "disclosure and barring service", "barring service"],
    citation: WT_ROUTE.dbsReferral,
  },
  {
    id: "housing_authority",
    agency: "housing",
    label: "The housing authority",
    jurisdiction: "england",
    words: ["housing", "housing authority", "housing team", "housing department"],
    citation: WT_ROUTE.housingDuty,
  },
  {
    id: "channel_panel",
    agency: "channel",
    label: "The Channel panel",
    jurisdiction: "england",
    words: ["channel", "channel panel", "prevent"],
    citation: WT_ROUTE.channel,
  },
  {
    id: "mace",
    agency: "multi_agency",
    label: "Multi-Agency Child Exploitation (MACE) arrangements, where your area has them",
    jurisdiction: "england",
    words: ["mace", "multi agency child exploitation"],
    citation: LEWISHAM.mace,
  },
  { id: "wales_childrens_services", agency: "local_authority", jurisdiction: "wales", words: ["childrens services", "social services", "local authority", "council", "social care", "la"] },
  { id: "wales_professionals", agency: "multi_agency", jurisdiction: "wales", words: ["professionals", "all professionals", "everyone"] },
  { id: "wales_social_worker", agency: "local_authority", jurisdiction: "wales", words: ["social worker", "named social worker", "sw"] },
  { id: "wales_meeting", agency: "multi_agency", jurisdiction: "wales", words: ["meeting", "multi agency meeting", "strategy meeting", "multi agency strategy meeting"] },
  {
    id: "wales_police",
    agency: "police",
    label: "The police (999 if a child is in immediate danger, otherwise 101)",
    jurisdiction: "wales",
    words: ["police", "999", "101"],
    citation: WALES.report101,
  },
  {
    id: "wales_dsl",
    agency: "own_organisation",
    label: "Your agency's Designated Safeguarding Lead",
    jurisdiction: "wales",
    words: ["dsl", "designated safeguarding lead", "safeguarding lead"],
    citation: WALES.dsl,
  },
];

