import type { PathwayInput } from "../schema.js";
import { LEWISHAM, WT } from "./citations.js";

type StageInput = PathwayInput["stages"][number];

/** Extra-familial harm and the NRM (chapter 3), serious incidents and rapid reviews (chapter 5). */
export const ENGLAND_ROUTES: StageInput[] = [
  {
    id: "extra_familial_harm",
    title: "Harm outside the home (extra-familial harm, exploitation)",
    jurisdiction: "england",
    summary: "A child is at risk of, or experiencing, harm outside the home, such as criminal or sexual exploitation.",
    aliases: [
      { phrase: "extra familial harm", weight: 4 }, { phrase: "extra familial", weight: 3 }, { phrase: "extrafamilial", weight: 3 },
      { phrase: "outside the home", weight: 3 }, "exploitation", "exploited", { phrase: "county lines", weight: 3 }, { phrase: "cce", weight: 3 },
      { phrase: "child criminal exploitation", weight: 4 }, { phrase: "cse", weight: 3 }, { phrase: "child sexual exploitation", weight: 4 },
      { phrase: "criminal exploitation", weight: 3 }, { phrase: "sexual exploitation", weight: 3 }, "gang", "gangs", { phrase: "serious violence", weight: 2 },
      "radicalisation", { phrase: "contextual safeguarding", weight: 3 }, { phrase: "mace", weight: 3 }, "cuckooing", { phrase: "drug running", weight: 2 },
      { phrase: "running drugs", weight: 2 }, { phrase: "dealing drugs", weight: 2 }, "groomed", "grooming", "peer abuse", { phrase: "knife crime", weight: 2 },
    ],
    dateMeans: [],
    walesCounterpart: "wales_strategy_meeting",
    citations: [WT.efh194],
    steps: [
      {
        title: "Give a safeguarding response first",
        who: ["all_practitioners"],
        detail: "This applies to every child, including those who may be causing harm to others.",
        citations: [WT.efh195],
      },
      {
        title: "Assess under section 17, or make section 47 enquiries if significant harm is suspected",
        who: ["childrens_social_care"],
        detail: "Children's social care assessments decide which applies.",
        next: ["section_17_assessment", "strategy_discussion"],
        citations: [WT.efh196],
      },
      {
        title: "Consider each child in a group, and the group",
        who: ["all_practitioners"],
        detail: "Where more than one child may be harmed in the same context, consider each child's needs as well as working with the group.",
        citations: [WT.efh197],
      },
      {
        title: "Work with community safety partners on a plan to keep the child safe",
        who: ["all_practitioners", "local_partners"],
        detail:
          "Understand the context of the harm and work across safeguarding and community safety partnerships. Some areas do this through Multi-Agency Child Exploitation (MACE) arrangements (Lewisham's committee minutes: local context, not national procedure).",
        citations: [WT.efh198, LEWISHAM.mace],
      },
      {
        title: "Record key decisions and share them with the child and parents",
        who: ["all_practitioners"],
        detail: "So that everyone understands the action taken to safeguard the child.",
        citations: [WT.efh199],
      },
      {
        title: "Refer to the National Referral Mechanism if trafficking or modern slavery is suspected",
        who: ["first_responder"],
        detail: "Including exploitation through county lines. The child's consent is not needed.",
        timescale: { kind: "phrase", text: "as soon as possible", citation: WT.nrm200 },
        next: ["national_referral_mechanism"],
        citations: [WT.nrm200, WT.nrmConsent],
      },
    ],
  },
  {
    id: "national_referral_mechanism",
    title: "National Referral Mechanism (modern slavery and trafficking)",
    jurisdiction: "england",
    summary: "A child may be a victim of modern slavery or human trafficking.",
    aliases: [
      { phrase: "nrm", weight: 4 }, { phrase: "national referral mechanism", weight: 5 }, { phrase: "modern slavery", weight: 4 },
      { phrase: "trafficking", weight: 3 }, { phrase: "trafficked", weight: 3 }, { phrase: "human trafficking", weight: 4 }, { phrase: "ictg", weight: 4 },
      { phrase: "independent child trafficking guardian", weight: 5 }, { phrase: "first responder", weight: 3 }, { phrase: "reasonable grounds", weight: 3 },
      { phrase: "conclusive grounds", weight: 3 },
    ],
    dateMeans: [],
    citations: [WT.nrm200],
    warnings: ["This route is described in Working Together 2023 (England). The Wales sources I hold do not describe the NRM; in Wales, check the Wales Safeguarding Procedures."],
    steps: [
      {
        title: "Refer to the NRM as soon as possible",
        who: ["first_responder"],
        detail: "A first responder makes the referral. The child's consent is not needed.",
        timescale: { kind: "phrase", text: "as soon as possible", citation: WT.nrm200 },
        citations: [WT.nrm200, WT.nrmConsent],
      },
      {
        title: "Refer to the Independent Child Trafficking Guardian service at the same time",
        who: ["first_responder"],
        detail: "Where the ICTG service runs, make the NRM and ICTG referrals in parallel.",
        citations: [WT.nrmIctg, WT.nrmParallel],
      },
      {
        title: "Follow the usual safeguarding routes as well",
        who: ["all_practitioners"],
        detail: "The NRM is in addition to, not instead of, a referral to children's social care and any strategy discussion.",
        next: ["referral", "strategy_discussion"],
        citations: [WT.nrmUsual],
      },
      {
        title: "If the NRM decision is not positive, support still continues",
        who: ["local_partners"],
        detail:
          "Lewisham's committee minutes (local context, not national procedure) describe other paths, such as allocating a social worker or a referral to a partner agency, and ICTG support after a positive decision.",
        citations: [LEWISHAM.nrmNegative, LEWISHAM.ictgSupport],
      },
    ],
  },
  {
    id: "serious_incident",
    title: "Serious incident notification",
    jurisdiction: "england",
    summary: "A child has died or been seriously harmed, and abuse or neglect is known or suspected.",
    aliases: [
      { phrase: "serious incident", weight: 4 }, { phrase: "serious incident notification", weight: 5 }, { phrase: "child died", weight: 4 },
      { phrase: "has died", weight: 4 }, "died", "death", "dead", "killed", "fatal", { phrase: "serious harm incident", weight: 4 },
      { phrase: "seriously harmed", weight: 4 }, { phrase: "seriously injured", weight: 4 }, { phrase: "notify the panel", weight: 4 },
      { phrase: "panel notification", weight: 4 }, { phrase: "online notification", weight: 4 }, { phrase: "sin", weight: 2 },
      { phrase: "national panel", weight: 2 }, { phrase: "care leaver", weight: 2 }, { phrase: "looked after child died", weight: 4 }, { phrase: "child safeguarding practice review panel", weight: 4 },
    ],
    dateMeans: ["serious_incident_aware", "rapid_review_incident"],
    citations: [WT.si16C],
    warnings: ["This duty is for local authorities in England (Working Together 2023). The Wales sources I hold do not cover serious incident notification."],
    steps: [
      {
        title: "Notify the Child Safeguarding Practice Review Panel within 5 working days of becoming aware",
        who: ["local_authority"],
        detail: "Use the Child Safeguarding Online Notification System. The safeguarding partners agree which incidents are notified.",
        timescale: {
          kind: "rule",
          rule: "serious_incident_notification",
          from: "serious_incident_aware",
          text: "within five working days of the local authority becoming aware of the incident",
          citation: WT.siHow5,
        },
        citations: [WT.si16C, WT.siSystem, WT.si5],
      },
      {
        title: "If the child was looked after, also notify the Secretary of State and Ofsted",
        who: ["local_authority"],
        detail: "The death of a care leaver (up to 24) is notified too, but does not need a rapid review.",
        citations: [WT.siLookedAfter, WT.siCareLeaver],
      },
      {
        title: "Safeguarding partners consider a local review",
        who: ["safeguarding_partners"],
        detail: "They consider whether the case meets the criteria for a local child safeguarding practice review.",
        next: ["rapid_review"],
        citations: [WT.siConsider],
      },
      {
        title: "Submit the rapid review within 15 working days of the incident",
        who: ["safeguarding_partners"],
        detail: "Count from the incident itself.",
        timescale: { kind: "rule", rule: "rapid_review", from: "rapid_review_incident", text: "within 15 working days of the incident", citation: WT.rr15 },
        next: ["rapid_review"],
        citations: [WT.rr15],
      },
    ],
  },
  {
    id: "rapid_review",
    title: "Rapid review",
    jurisdiction: "england",
    summary: "Safeguarding partners are undertaking a rapid review after a serious incident.",
    aliases: [
      { phrase: "rapid review", weight: 5 }, { phrase: "lcspr", weight: 3 }, { phrase: "local child safeguarding practice review", weight: 4 },
      { phrase: "practice review", weight: 3 }, { phrase: "cspr", weight: 3 },
    ],
    dateMeans: ["rapid_review_incident"],
    citations: [WT.rr343],
    warnings: ["Rapid reviews are part of England's arrangements (Working Together 2023). The Wales sources I hold do not cover them."],
    steps: [
      {
        title: "Check a rapid review is needed",
        who: ["safeguarding_partners"],
        detail:
          "A rapid review follows a serious incident (a child has died or been seriously harmed and abuse or neglect is known or suspected). The death of a care leaver does not need one, though it is notified to the Secretary of State and Ofsted.",
        citations: [WT.si16C, WT.siCareLeaver, WT.siConsider],
      },
      {
        title: "Undertake the rapid review promptly",
        who: ["safeguarding_partners"],
        detail: "Gather the facts, decide whether immediate action is needed to keep children safe, and share learning.",
        citations: [WT.rr343, WT.rrFacts, WT.rrImmediate],
      },
      {
        title: "Submit the rapid review to the panel within 15 working days of the incident",
        who: ["safeguarding_partners"],
        detail: "Send the findings to the panel as soon as the review is complete. The 15 working days is non-statutory.",
        timescale: { kind: "rule", rule: "rapid_review", from: "rapid_review_incident", text: "within 15 working days of the incident", citation: WT.rr15 },
        citations: [WT.rr15, WT.rrSend, WT.rrNonStatutory],
      },
      {
        title: "Decide whether to hold a local review, and tell the panel, Ofsted and DfE",
        who: ["safeguarding_partners"],
        detail: "Share the decision with the panel, including whether a national review may be appropriate, and name the reviewer once commissioned.",
        citations: [WT.rrDecide, WT.rrInform],
      },
    ],
  },
];
