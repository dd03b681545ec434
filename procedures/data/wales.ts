import type { PathwayInput } from "../schema.js";
import { WALES } from "./citations.js";

type StageInput = PathwayInput["stages"][number];

/** Said wherever the Wales sources give no timescale, instead of borrowing England's. */
const NO_WALES_TIMESCALE = (what: string) =>
  `The Wales sources I hold give no timescale for ${what}. Check the Wales Safeguarding Procedures; England's timescales do not apply in Wales.`;

/** What the Complex Safeguarding Wales pages say about the pathway in Wales. */
export const WALES_STAGES: StageInput[] = [
  {
    id: "wales_concern_report",
    title: "Reporting a concern (Wales)",
    jurisdiction: "wales",
    summary: "Someone is worried about a child's safety or well-being in Wales.",
    aliases: [
      "concern", "worried", "worry", "report a concern", { phrase: "duty to report", weight: 3 }, { phrase: "section 130", weight: 3 }, "s130",
      "dsl", "designated safeguarding lead", { phrase: "immediate danger", weight: 3 }, { phrase: "police protection", weight: 2 }, "emergency",
    ],
    dateMeans: [],
    citations: [WALES.s130],
    steps: [
      {
        title: "If a child is in immediate danger, call the police on 999",
        who: ["wales_professionals"],
        detail: "Otherwise report to the local Children’s Services, or call 101.",
        timescale: { kind: "phrase", text: "now, if the child is in immediate danger", citation: WALES.report101 },
        citations: [WALES.report101],
      },
      {
        title: "Report the concern to Children’s Services",
        who: ["wales_professionals"],
        detail:
          "All professionals have a duty to report concerns about a young person's safety or well-being (section 130, Social Services and Well-being (Wales) Act 2014). Your agency's Designated Safeguarding Lead can help. Parents and carers can get advice from the NSPCC on 0808 800 5000.",
        timescale: { kind: "none", text: NO_WALES_TIMESCALE("reporting a concern") },
        next: ["wales_referral_assessment"],
        citations: [WALES.s130, WALES.dsl, WALES.contact, WALES.nspcc],
      },
    ],
  },
  {
    id: "wales_referral_assessment",
    title: "Referral and assessment by Children’s Services (Wales)",
    jurisdiction: "wales",
    summary: "Children’s Services in Wales are responding to a referral.",
    aliases: [
      { phrase: "referral", weight: 2 }, "referred", { phrase: "assessment", weight: 2 }, "responding to a referral", "what matters",
      "childrens services", "section 17", "s17", "child in need",
    ],
    dateMeans: [],
    citations: [WALES.assess],
    steps: [
      {
        title: "Children’s Services assess what is happening",
        who: ["wales_childrens_services"],
        detail: "The assessment is based on what matters to the child and family, their strengths, existing support and the support they need.",
        timescale: { kind: "none", text: NO_WALES_TIMESCALE("the assessment") },
        citations: [WALES.assess, WALES.whatMatters, WALES.strengths],
      },
      {
        title: "Give Children’s Services any record of events you hold",
        who: ["wales_professionals"],
        detail: "It helps them build a picture of what is happening.",
        citations: [WALES.records],
      },
      {
        title: "Decide whether to support the family or act to protect the young person",
        who: ["wales_childrens_services"],
        detail: "Where a young person is thought to be at risk of harm, the local authority looks into it.",
        next: ["wales_care_and_support_plan", "wales_strategy_meeting"],
        citations: [WALES.laDuty],
      },
      {
        title: "If child criminal exploitation is suspected, hold a section 47 multi-agency strategy meeting",
        who: ["wales_childrens_services"],
        detail: "The meeting must be held when child criminal exploitation is suspected.",
        next: ["wales_strategy_meeting"],
        citations: [WALES.csS47],
      },
    ],
  },
  {
    id: "wales_strategy_meeting",
    title: "Section 47 multi-agency strategy meeting (Wales)",
    jurisdiction: "wales",
    summary: "A section 47 multi-agency strategy meeting or discussion is being held in Wales.",
    aliases: [
      { phrase: "strategy meeting", weight: 3 }, { phrase: "strategy discussion", weight: 3 }, { phrase: "multi agency meeting", weight: 3 },
      { phrase: "multi agency strategy meeting", weight: 4 }, "section 47", "s47", "strat", "strategy", { phrase: "s47 agreed", weight: 3 },
      { phrase: "county lines", weight: 2 }, { phrase: "cce", weight: 2 }, { phrase: "criminal exploitation", weight: 2 }, "exploitation", "exploited",
    ],
    dateMeans: [],
    citations: [WALES.s47Meeting, WALES.guided],
    steps: [
      {
        title: "Children’s Services lead the meeting and invite those who know the child",
        who: ["wales_childrens_services"],
        detail: "This may include teachers, health professionals, youth workers, police, substance misuse services or the youth offending team.",
        citations: [WALES.led, WALES.csLed],
      },
      {
        title: "Hold it where the young person is, and share with the area where they live",
        who: ["wales_childrens_services"],
        detail: "The meeting is held in the area where the young person is located; the information must be shared with agencies where the young person lives.",
        citations: [WALES.where, WALES.shareHome],
      },
      {
        title: "Support the young person and parents to take part",
        who: ["wales_childrens_services"],
        detail: "Give them time to prepare. They can bring someone for support, such as an independent professional advocate.",
        citations: [WALES.supportToAttend, WALES.prepare, WALES.advocate],
      },
      {
        title: "Share information, identify care and support needs, and plan to reduce the risk",
        who: ["wales_meeting"],
        detail: "The assessment looks at the young person's needs, not whether they meet service thresholds.",
        citations: [WALES.aimShare, WALES.aimNeeds, WALES.aimPlan, WALES.needsNotThresholds],
      },
      {
        title: "Agree the outcome",
        who: ["wales_meeting"],
        detail: "Possible outcomes include a care and support plan, voluntary accommodation or a child protection plan.",
        timescale: { kind: "none", text: NO_WALES_TIMESCALE("the strategy meeting or what follows it") },
        next: ["wales_care_and_support_plan", "wales_voluntary_accommodation", "wales_child_protection_plan"],
        citations: [WALES.outcomes],
      },
      {
        title: "Note the agreed actions, timeframes and who is responsible",
        who: ["wales_professionals"],
        detail: "Keep your own notes of what was agreed at the meeting.",
        citations: [WALES.notes],
      },
    ],
  },
  {
    id: "wales_outcomes",
    title: "Outcomes of the multi-agency meeting (Wales)",
    jurisdiction: "wales",
    summary: "The multi-agency strategy meeting in Wales has decided, or is deciding, the outcome.",
    aliases: [
      "outcome", "outcomes", { phrase: "possible outcomes", weight: 3 }, { phrase: "after the meeting", weight: 2 }, "substantiated",
      "not substantiated", "icpc", "conference",
    ],
    dateMeans: [],
    citations: [WALES.outcomes],
    steps: [
      {
        title: "Care and support plan",
        who: ["wales_childrens_services"],
        detail: "Early intervention to support the child and family and stop things escalating.",
        next: ["wales_care_and_support_plan"],
        citations: [WALES.cspEarly],
      },
      {
        title: "Voluntary accommodation",
        who: ["wales_childrens_services"],
        detail: "If the young person cannot be kept safe at home.",
        next: ["wales_voluntary_accommodation"],
        citations: [WALES.vaRisk],
      },
      {
        title: "Child protection plan",
        who: ["wales_childrens_services"],
        detail: "If the child is assessed to be at significant risk of harm.",
        timescale: { kind: "none", text: NO_WALES_TIMESCALE("a child protection conference") },
        next: ["wales_child_protection_plan"],
        citations: [WALES.cpp],
      },
    ],
  },
  {
    id: "wales_care_and_support_plan",
    title: "Care and support plan (Wales)",
    jurisdiction: "wales",
    summary: "The young person has, or is getting, a care and support plan.",
    aliases: [{ phrase: "care and support plan", weight: 5 }, { phrase: "care support plan", weight: 4 }, { phrase: "early intervention", weight: 2 }, { phrase: "named social worker", weight: 2 }],
    dateMeans: [],
    citations: [WALES.cspContent],
    steps: [
      {
        title: "Write a child-centred plan: what will be done, by whom and when",
        who: ["wales_childrens_services"],
        detail: "The plan must say what actions will be taken, who will take them and when they will be completed.",
        citations: [WALES.cspContent, WALES.cspEarly],
      },
      {
        title: "A named social worker visits, co-ordinates and reviews the plan",
        who: ["wales_social_worker"],
        detail: "The social worker visits the child and family.",
        timescale: { kind: "none", text: NO_WALES_TIMESCALE("reviewing the care and support plan") },
        citations: [WALES.cspSocialWorker],
      },
    ],
  },
  {
    id: "wales_voluntary_accommodation",
    title: "Voluntary accommodation (Wales)",
    jurisdiction: "wales",
    summary: "The young person may need to be accommodated to keep them safe.",
    aliases: [
      { phrase: "voluntary accommodation", weight: 5 }, { phrase: "accommodated", weight: 3 }, { phrase: "section 76", weight: 3 }, "s76",
      { phrase: "into care", weight: 2 }, "accommodation", "looked after",
    ],
    dateMeans: [],
    citations: [WALES.vaRisk],
    steps: [
      {
        title: "Keep the young person with their family where possible",
        who: ["wales_childrens_services"],
        detail: "Accommodation is for when the young person cannot be kept safe in their current home.",
        citations: [WALES.vaFamily, WALES.vaRisk],
      },
      {
        title: "Accommodate with the parents' agreement, or after a court decision",
        who: ["wales_childrens_services"],
        detail: "The young person moves to a place managed or overseen by the local authority.",
        timescale: { kind: "none", text: NO_WALES_TIMESCALE("accommodation decisions") },
        citations: [WALES.vaBasis, WALES.vaMoved],
      },
    ],
  },
  {
    id: "wales_child_protection_plan",
    title: "Child protection plan (Wales)",
    jurisdiction: "wales",
    summary: "The child is, or may be, the subject of a child protection plan in Wales.",
    aliases: [
      { phrase: "child protection plan", weight: 3 }, { phrase: "cp plan", weight: 3 }, "on a plan", { phrase: "child protection conference", weight: 3 },
      { phrase: "conference", weight: 1.5 }, { phrase: "icpc", weight: 2 }, { phrase: "core group", weight: 2 }, { phrase: "review conference", weight: 2 }, "review", "neglect",
    ],
    dateMeans: [],
    citations: [WALES.cpp],
    steps: [
      {
        title: "A child protection plan where the child is at significant risk of harm",
        who: ["wales_childrens_services"],
        detail: "Child criminal exploitation is often recorded under 'neglect'; this does not reflect on the parents' care.",
        citations: [WALES.cpp, WALES.cppNeglect],
      },
      {
        title: "Hear the parents' views and include them in decisions",
        who: ["wales_professionals"],
        detail: "Professionals should include parents in deciding how best to support and protect the child.",
        citations: [WALES.cppViews],
      },
      {
        title: "Conference, core group and review timescales",
        who: ["wales_childrens_services"],
        detail: "The Wales sources I hold do not describe the conference, core group or review process.",
        timescale: { kind: "none", text: NO_WALES_TIMESCALE("the child protection conference, core group or reviews") },
        citations: [WALES.cpp],
      },
    ],
  },
];
