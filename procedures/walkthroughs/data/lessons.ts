import type { LessonInput } from "../schema.js";

/**
 * The learning mode's walkthroughs: the pathway in order (referral to ending a plan),
 * the Wales outcomes, allegations and exploitation. A screen points at a cited step of
 * the pathway (procedures/data/) or of the referral route; a question says where its
 * answer is read from, never what it is.
 */
export const LESSONS: LessonInput[] = [
  {
    id: "referral",
    next: "assessment",
    title: "Referral",
    jurisdiction: "england",
    words: ["referral", "referrals", "refer", "referring", "making a referral", "mash", "front door"],
    screens: [
      { route: "referral", step: 0 },
      { route: "referral", step: 2 },
      { route: "referral", step: 3 },
      { stage: "referral", step: 0 },
      { stage: "referral", step: 3 },
    ],
    questions: [
      { id: "referral_decision", text: "How soon should children's social care acknowledge a referral and decide the next steps?", answer: { kind: "rule", rule: "referral_decision" } },
      { id: "referral_to", text: "Who do you refer a child to if you think they are suffering, or likely to suffer, significant harm?", answer: { kind: "route_to", route: "referral", step: 0, need: "any" } },
    ],
  },
  {
    id: "assessment",
    next: "strategy_discussion",
    title: "Assessment (section 17)",
    jurisdiction: "england",
    words: ["assessment", "assessments", "section 17", "s17", "child in need", "cin", "single assessment"],
    screens: [
      { stage: "section_17_assessment", step: 0 },
      { stage: "section_17_assessment", step: 1 },
      { stage: "section_17_assessment", step: 2 },
      { stage: "section_17_assessment", step: 3 },
    ],
    questions: [
      { id: "assessment_time", text: "What is the longest an assessment should take to reach a decision on next steps, counted from the referral?", answer: { kind: "rule", rule: "assessment_complete" } },
      { id: "assessment_strat", text: "If an assessment leads to a suspicion of significant harm, who holds a strategy discussion?", answer: { kind: "stage_who", stage: "section_17_assessment", step: 1, need: "any" } },
    ],
  },
  {
    id: "strategy_discussion",
    next: "section_47",
    title: "Strategy discussion",
    jurisdiction: "england",
    words: ["strategy discussion", "strategy discussions", "strategy meeting", "strat", "strategy"],
    screens: [
      { stage: "strategy_discussion", step: 0 },
      { stage: "strategy_discussion", step: 1 },
      { stage: "strategy_discussion", step: 2 },
      { stage: "strategy_discussion", step: 3 },
      { stage: "strategy_discussion", step: 5 },
    ],
    questions: [
      { id: "sd_minimum", text: "Who must be involved in a strategy discussion, as a minimum? Name them all.", answer: { kind: "minimum_attendees" } },
      { id: "sd_decides", text: "Who decides whether to start section 47 enquiries?", answer: { kind: "stage_who", stage: "strategy_discussion", step: 2, need: "any" } },
    ],
  },
  {
    id: "section_47",
    next: "icpc",
    title: "Section 47 enquiries",
    jurisdiction: "england",
    words: ["section 47", "s47", "section 47 enquiries", "s47 enquiries", "child protection enquiries", "enquiries"],
    screens: [
      { stage: "section_47_enquiries", step: 0 },
      { stage: "section_47_enquiries", step: 1 },
      { stage: "section_47_enquiries", step: 3 },
      { stage: "section_47_enquiries", step: 5 },
      { stage: "s47_not_substantiated", step: 5 },
    ],
    questions: [
      { id: "s47_outcome", text: "Who decides what happens after section 47 enquiries?", answer: { kind: "stage_who", stage: "section_47_enquiries", step: 5, need: "any" } },
      { id: "s47_icpc", text: "If the concerns are substantiated, how soon after the strategy discussion should the initial child protection conference take place?", answer: { kind: "rule", rule: "icpc" } },
    ],
  },
  {
    id: "icpc",
    next: "plan_core_group",
    title: "Initial child protection conference (ICPC)",
    jurisdiction: "england",
    words: ["icpc", "initial child protection conference", "initial conference", "child protection conference", "case conference", "conference"],
    screens: [
      { stage: "s47_substantiated", step: 0 },
      { stage: "s47_substantiated", step: 3 },
      { stage: "icpc", step: 0 },
      { stage: "icpc", step: 1 },
    ],
    questions: [
      { id: "icpc_when", text: "How soon after the strategy discussion at which section 47 enquiries began should the ICPC take place?", answer: { kind: "rule", rule: "icpc" } },
      { id: "icpc_record", text: "Who records the conference's decisions and makes sure action follows?", answer: { kind: "stage_who", stage: "icpc", step: 1, need: "any" } },
    ],
  },
  {
    id: "plan_core_group",
    next: "reviews",
    title: "The child protection plan and the core group",
    jurisdiction: "england",
    words: ["child protection plan", "cp plan", "core group", "core groups", "plan"],
    screens: [
      { stage: "child_protection_plan", step: 0 },
      { stage: "child_protection_plan", step: 2 },
      { stage: "core_group", step: 0 },
      { stage: "core_group", step: 1 },
      { stage: "core_group", step: 3 },
    ],
    questions: [
      { id: "core_group_when", text: "How soon after the ICPC should the core group first meet?", answer: { kind: "rule", rule: "core_group" } },
      { id: "core_group_develops", text: "Who develops the outline plan into what must change, by how much and by when?", answer: { kind: "stage_who", stage: "core_group", step: 1, need: "any" } },
    ],
  },
  {
    id: "reviews",
    next: "discontinuing",
    title: "Review conferences",
    jurisdiction: "england",
    words: ["review", "reviews", "review conference", "review conferences", "rcpc", "child protection review"],
    screens: [
      { stage: "review_conference", step: 0 },
      { stage: "review_conference", step: 1 },
      { stage: "review_conference", step: 2 },
      { stage: "review_conference", step: 3 },
    ],
    questions: [
      { id: "first_review", text: "How soon after the ICPC should the first review conference be held?", answer: { kind: "rule", rule: "first_review" } },
      { id: "next_review", text: "After that, what is the longest there should be between review conferences?", answer: { kind: "rule", rule: "next_review" } },
    ],
  },
  {
    id: "discontinuing",
    title: "Ending a child protection plan",
    jurisdiction: "england",
    words: ["discontinuing", "discontinue", "discontinuation", "ending the plan", "ending a plan", "end the plan", "plan ending", "discharge", "discharging", "step down", "transfer in", "moving area"],
    screens: [
      { stage: "discontinuation", step: 0 },
      { stage: "discontinuation", step: 1 },
      { stage: "discontinuation", step: 3 },
      { stage: "transfer_in", step: 0 },
    ],
    questions: [
      { id: "discontinue_notify", text: "When a plan ends, who notifies the agencies that were invited to the initial conference?", answer: { kind: "stage_who", stage: "discontinuation", step: 1, need: "any" } },
      { id: "transfer_in", text: "A child on a plan moves permanently to another area. How soon after being told of the move should the receiving authority hold a conference?", answer: { kind: "rule", rule: "transfer_in_conference" } },
    ],
  },
  {
    id: "wales_outcomes",
    title: "The multi-agency meeting and its outcomes (Wales)",
    jurisdiction: "wales",
    words: ["wales", "welsh", "outcomes", "care and support plan", "voluntary accommodation", "multi agency meeting", "strategy meeting in wales"],
    screens: [
      { stage: "wales_strategy_meeting", step: 0 },
      { stage: "wales_strategy_meeting", step: 3 },
      { stage: "wales_outcomes", step: 0 },
      { stage: "wales_outcomes", step: 1 },
      { stage: "wales_outcomes", step: 2 },
    ],
    questions: [
      { id: "wales_outcomes", text: "What can the outcomes of the multi-agency meeting be? Name all three.", answer: { kind: "next_stages", stage: "wales_strategy_meeting", step: 4, need: "all" } },
      { id: "wales_lead", text: "Who leads the multi-agency response in Wales?", answer: { kind: "stage_who", stage: "wales_strategy_meeting", step: 0, need: "any" } },
    ],
  },
  {
    id: "allegations",
    title: "Allegations against people who work with children",
    jurisdiction: "england",
    words: ["allegation", "allegations", "lado", "designated officer", "against staff", "member of staff", "position of trust", "positions of trust"],
    screens: [
      { route: "allegation", step: 0 },
      { route: "allegation", step: 1 },
      { route: "allegation", step: 2 },
      { route: "allegation", step: 4 },
    ],
    questions: [
      { id: "lado_when", text: "How soon should the LADO be told of an allegation?", answer: { kind: "route_timescale", route: "allegation", step: 1 } },
      { id: "allegation_first", text: "Who do you report an allegation against a colleague to straight away?", answer: { kind: "route_to", route: "allegation", step: 0, need: "any" } },
    ],
  },
  {
    id: "exploitation",
    title: "Exploitation, trafficking and the NRM",
    jurisdiction: "england",
    words: ["exploitation", "exploited", "county lines", "nrm", "national referral mechanism", "trafficking", "modern slavery", "extra familial harm", "extra familial", "cce", "cse", "ictg", "mace"],
    screens: [
      { stage: "extra_familial_harm", step: 0 },
      { stage: "extra_familial_harm", step: 1 },
      { stage: "national_referral_mechanism", step: 0 },
      { stage: "national_referral_mechanism", step: 1 },
      { stage: "national_referral_mechanism", step: 2 },
    ],
    questions: [
      { id: "nrm_who", text: "Who makes a referral to the NRM?", answer: { kind: "stage_who", stage: "national_referral_mechanism", step: 0, need: "any" } },
      { id: "nrm_parallel", text: "Where it runs, which service should a child be referred to in parallel with the NRM referral?", answer: { kind: "route_to", route: "nrm", step: 1, need: "any" } },
    ],
  },
];
