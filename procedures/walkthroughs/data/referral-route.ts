import type { ReferralRouteInput } from "../schema.js";
import { LEWISHAM, WALES, WT } from "../../data/citations.js";
import { LEWISHAM_ROUTE, WALES_ROUTE, WT_ROUTE } from "./citations.js";

type RouteInput = ReferralRouteInput["routes"][number];
type QuestionInput = ReferralRouteInput["questions"][number];

/**
 * The routes Working Together 2023 (chapters 1, 3 and 4) gives a practitioner with a
 * concern about a child in England, and those the Complex Safeguarding Wales pages give
 * in Wales. Each step is cited; "who to call" is read from the steps' `to`.
 */
export const ROUTES: RouteInput[] = [
  {
    id: "immediate_protection",
    urgent: true,
    jurisdiction: "england",
    title: "Immediate protection: call 999 now",
    steps: [
      {
        text: "A child at risk to their life, or likely to suffer serious harm now, needs immediate action: call the police on 999. The police, the local authority or the NSPCC use their powers to secure the child's safety.",
        to: ["police"],
        timescale: { kind: "phrase", text: "now", citation: WT.actImmediately },
        citations: [WT_ROUTE.riskToLife, WT.actImmediately],
      },
      {
        text: "Refer to local authority children's social care. Where a child has to be removed, that happens as soon as possible after the referral.",
        to: ["childrens_social_care"],
        timescale: { kind: "phrase", text: "immediately", citation: WT.refer },
        citations: [WT.removal, WT_ROUTE.removalAfterReferral],
      },
      {
        text: "The police can remove a child to suitable accommodation if they believe the child would otherwise be likely to suffer significant harm; the local authority applies for an Emergency Protection Order wherever possible.",
        who: ["police", "local_authority"],
        citations: [WT_ROUTE.policeRemove, WT.epo],
      },
      {
        text: "Think about other children in the same household, or in the household of the person alleged to have caused harm.",
        who: ["local_authority", "police"],
        citations: [WT.otherChildren],
      },
      {
        text: "A strategy discussion follows, as soon as possible after any emergency action.",
        who: ["childrens_social_care", "police"],
        citations: [WT.stratAfterAction],
      },
    ],
    record: [{ text: "Your concern: what you observed and what was said.", citation: WT_ROUTE.standardRecord }],
  },
  {
    id: "referral",
    jurisdiction: "england",
    title: "Refer to local authority children's social care now",
    steps: [
      {
        text: "Refer to local authority children's social care immediately. You do not need an early help assessment first.",
        to: ["childrens_social_care"],
        timescale: { kind: "phrase", text: "immediately", citation: WT.refer },
        citations: [WT.refer, WT_ROUTE.earlyHelpNotPrerequisite],
      },
      {
        text: "Use your area's referral process: children's social care sets it out.",
        citations: [WT_ROUTE.referralProcess],
      },
      {
        text: "Include what you know of the child's developmental needs, the parents' or carers' capacity to meet them, and anything outside the family undermining that. If there is an early help assessment, use it to support the referral.",
        citations: [WT_ROUTE.include, WT_ROUTE.earlyHelpNotPrerequisite],
      },
      {
        text: "You do not need consent to share information to safeguard a child where there is a lawful basis, and you can share without it where seeking consent would place the child at risk. Tell the family what you are sharing, and with whom, where it is safe to.",
        citations: [WT_ROUTE.consentNotNeeded, WT_ROUTE.withoutConsent, WT_ROUTE.transparent],
      },
      {
        text: "Children's social care should acknowledge the referral, and a practice supervisor or manager decide the next steps, within one working day. You should get feedback on the decision, with the reasons if the case does not meet the threshold.",
        who: ["childrens_social_care", "practice_supervisor"],
        timescale: { kind: "rule", rule: "referral_decision" },
        citations: [WT.decision1wd, WT.feedback, WT_ROUTE.feedbackReasons],
      },
      {
        text: "If you are not satisfied with the response, follow it up, and escalate under your local procedures if you remain dissatisfied.",
        citations: [WT.escalate],
      },
      {
        text: "You can share the concern with the police as well as children's social care. Do not assume someone else has already passed it on.",
        to: ["police"],
        citations: [WT_ROUTE.shareCscPolice, WT_ROUTE.notAssume],
      },
    ],
    record: [{ text: "Your concern: what you observed and what was said.", citation: WT_ROUTE.standardRecord }],
  },
  {
    id: "child_in_need",
    jurisdiction: "england",
    title: "Refer for a child in need assessment (section 17)",
    steps: [
      {
        text: "Consider a referral to local authority children's social care: a child in need is assessed under section 17 of the Children Act 1989.",
        to: ["childrens_social_care"],
        citations: [WT.refer, WT_ROUTE.decisionInNeed],
      },
      {
        text: "An early help assessment is not needed first; if there is one, use it to support the referral.",
        citations: [WT_ROUTE.earlyHelpNotPrerequisite],
      },
      {
        text: "Children's social care decides the next steps within one working day of the referral.",
        who: ["childrens_social_care", "practice_supervisor"],
        timescale: { kind: "rule", rule: "referral_decision" },
        citations: [WT.decision1wd],
      },
      {
        text: "The assessment should reach a decision on next steps within 45 working days of the referral, sooner if the child needs it.",
        who: ["lead_practitioner"],
        timescale: { kind: "rule", rule: "assessment_complete" },
        citations: [WT.assessment45],
      },
      {
        text: "Support under section 17 is voluntary: make sure the family understands that.",
        citations: [WT_ROUTE.s17Consensual],
      },
    ],
    record: [{ text: "Your concern: what you observed and what was said.", citation: WT_ROUTE.standardRecord }],
  },
  {
    id: "early_help",
    jurisdiction: "england",
    title: "Early help: a multi-agency early help assessment",
    steps: [
      {
        text: "Where the child and family would benefit from support from more than one agency, there should be a multi-agency early help assessment.",
        citations: [WT_ROUTE.ehMultiAgency],
      },
      {
        text: "Early help is voluntary: it needs the family's consent, and the assessment is done with the agreement of the child and their parents or carers.",
        citations: [WT_ROUTE.ehVoluntary, WT_ROUTE.ehAgreement],
      },
      {
        text: "If the family does not consent, find out why and reassure them, and consider how universal services they already use could meet the child's needs.",
        citations: [WT_ROUTE.ehNoConsent, WT_ROUTE.ehUniversal],
      },
      {
        text: "A lead practitioner co-ordinates the support around the family and the family's plan.",
        citations: [WT_ROUTE.ehLead],
      },
      {
        text: "Your area's threshold document sets out the local criteria for early help and for a referral to children's social care.",
        citations: [WT_ROUTE.threshold],
      },
      {
        text: "If at any point you think the child has suffered, or is likely to suffer, significant harm, refer to children's social care immediately.",
        to: ["childrens_social_care"],
        timescale: { kind: "phrase", text: "immediately, if significant harm is suspected", citation: WT_ROUTE.ehHarmRefer },
        citations: [WT_ROUTE.ehHarmRefer],
      },
    ],
    record: [{ text: "Tell the family their information will be recorded and shared, and why.", citation: WT_ROUTE.ehRecorded }],
  },
  {
    id: "extra_familial",
    jurisdiction: "england",
    title: "Harm outside the home (extra-familial harm)",
    steps: [
      {
        text: "Give the child a safeguarding response first, even if they may be causing harm to others.",
        citations: [WT.efh195],
      },
      {
        text: "Refer to children's social care: their assessment decides between support as a child in need (section 17) and section 47 enquiries.",
        to: ["childrens_social_care"],
        citations: [WT.efh196],
      },
      {
        text: "A child found with Class A drugs may be a victim of exploitation through county lines.",
        citations: [WT_ROUTE.classADrugs],
      },
      {
        text: "Think about brothers and sisters: where older children are exploited, younger siblings may be targeted too. Where other children are involved, consider each child's needs as well as the group.",
        citations: [WT_ROUTE.efhSiblings, WT.efh197],
      },
      {
        text: "Partners may agree a plan across safeguarding and community safety partnerships. Some areas do this through Multi-Agency Child Exploitation (MACE) arrangements (Lewisham's committee minutes: local context, not national procedure); MACE is not for managing one child's case, which goes through strategy meetings.",
        to: ["mace"],
        citations: [WT.efh198, LEWISHAM.mace, LEWISHAM_ROUTE.maceNotCaseManagement],
      },
    ],
    record: [{ text: "Key decisions, and that they were explained to the child and their parents or carers.", citation: WT.efh199 }],
  },
  {
    id: "nrm",
    jurisdiction: "england",
    title: "Modern slavery or trafficking: the NRM and the ICTG service",
    steps: [
      {
        text: "A first responder refers the child to the National Referral Mechanism as soon as possible, including for county lines. The child's consent is not needed.",
        who: ["first_responder"],
        to: ["nrm"],
        timescale: { kind: "phrase", text: "as soon as possible", citation: WT.nrm200 },
        citations: [WT.nrm200, WT.nrmConsent],
      },
      {
        text: "Where the Independent Child Trafficking Guardian service runs, refer the child to it in parallel with the NRM referral.",
        who: ["first_responder"],
        to: ["ictg_service"],
        timescale: { kind: "phrase", text: "in parallel with the NRM referral", citation: WT.nrmParallel },
        citations: [WT.nrmIctg, WT.nrmParallel],
      },
      {
        text: "Follow the usual safeguarding routes as well: the NRM is in addition to a referral to children's social care.",
        to: ["childrens_social_care"],
        citations: [WT.nrmUsual],
      },
      {
        text: "If the NRM decision is not positive, support continues by other paths, such as a social worker or a partner agency (Lewisham's committee minutes: local context).",
        citations: [LEWISHAM.nrmNegative],
      },
    ],
    record: [{ text: "Your concern: what you observed and what was said.", citation: WT_ROUTE.standardRecord }],
  },
  {
    id: "channel",
    jurisdiction: "england",
    title: "Radicalisation: Channel",
    steps: [
      {
        text: "Children can be vulnerable to extremism. Channel panels arrange support for people assessed as vulnerable to being drawn into terrorism.",
        to: ["channel_panel"],
        citations: [WT_ROUTE.extremism, WT_ROUTE.channel],
      },
      {
        text: "Channel support is aligned with any assessment under the Children Act 1989, so share your concern with children's social care too.",
        to: ["childrens_social_care"],
        citations: [WT_ROUTE.channelAlign, WT_ROUTE.shareCscPolice],
      },
    ],
    record: [{ text: "Your concern: what you observed and what was said.", citation: WT_ROUTE.standardRecord }],
    warnings: ["Working Together 2023 does not set out how to refer to Channel: follow your local procedures."],
  },
  {
    id: "allegation",
    jurisdiction: "england",
    title: "Allegation against someone who works with children: the LADO",
    steps: [
      {
        text: "Report the allegation to a senior manager in your organisation immediately.",
        to: ["senior_manager"],
        timescale: { kind: "phrase", text: "immediately", citation: WT_ROUTE.allegationSenior },
        citations: [WT_ROUTE.allegationSenior],
      },
      {
        text: "The local authority designated officer (LADO) should be told within one working day, without delay.",
        to: ["lado"],
        timescale: { kind: "period", count: 1, unit: "working_days", citation: WT_ROUTE.allegationLado },
        citations: [WT_ROUTE.allegationLado, WT_ROUTE.allegationPassed],
      },
      {
        text: "Act on any welfare concerns for the child or children without delay: where a child may be suffering significant harm, refer to children's social care as well.",
        to: ["childrens_social_care"],
        citations: [WT_ROUTE.allegationWelfare, WT.refer],
      },
      {
        text: "If the person is registered or regulated (for example by Ofsted or the Care Quality Commission), the LADO advises whether to refer to that body.",
        who: ["lado"],
        citations: [WT_ROUTE.allegationRegulator],
      },
      {
        text: "If the person is removed from work with children because they pose a risk of harm (or would have been, had they not left), refer to the Disclosure and Barring Service, whatever other referrals were made. Failing to refer without good reason is an offence.",
        to: ["dbs"],
        citations: [WT_ROUTE.dbsReferral, WT_ROUTE.dbsIrrespective, WT_ROUTE.dbsOffence],
      },
    ],
    record: [
      {
        text: "Whether this is an allegation, a concern about the quality of care or practice, or a complaint.",
        citation: WT_ROUTE.allegationPolicies,
      },
    ],
  },
  {
    id: "homelessness",
    jurisdiction: "england",
    title: "Homeless or threatened with homelessness: the duty to refer",
    steps: [
      {
        text: "Public authorities with the duty refer people who are homeless, or likely to become homeless within 56 days, to a housing authority. It applies to all social services functions, including early help and child protection.",
        to: ["housing_authority"],
        citations: [WT_ROUTE.housingDuty, WT_ROUTE.housingFunctions],
      },
      {
        text: "Get the person's consent first; a referral without consent can be made to safeguard a child, under local procedures.",
        citations: [WT_ROUTE.housingConsent],
      },
      {
        text: "Include their name, contact details and the agreed reason for the referral.",
        citations: [WT_ROUTE.housingInclude],
      },
    ],
  },
  {
    id: "share_concern",
    jurisdiction: "england",
    title: "If you are still worried",
    steps: [
      {
        text: "Anyone with a concern about a child's welfare should consider whether a referral to children's social care is needed.",
        citations: [WT.refer],
      },
      {
        text: "Share your concern with children's social care and/or the police, and do not assume someone else has passed it on.",
        to: ["childrens_social_care", "police"],
        citations: [WT_ROUTE.shareCscPolice, WT_ROUTE.notAssume],
      },
      {
        text: "Escalate through your local referral or escalation procedure if you need to.",
        citations: [WT_ROUTE.standardEscalate],
      },
    ],
    record: [{ text: "Your concern: what you observed and what was said.", citation: WT_ROUTE.standardRecord }],
  },

  {
    id: "wales_immediate",
    urgent: true,
    jurisdiction: "wales",
    title: "Immediate danger: call the police on 999",
    steps: [
      {
        text: "If a child or young person is in immediate danger, call the police on 999.",
        to: ["wales_police"],
        timescale: { kind: "phrase", text: "now", citation: WALES.report101 },
        citations: [WALES.report101],
      },
      {
        text: "Then tell Children's Services about your worries: all professionals have a duty to report concerns about a young person's safety or well-being.",
        to: ["wales_childrens_services"],
        citations: [WALES_ROUTE.tellWorries, WALES.s130],
      },
    ],
    record: [{ text: "Give Children's Services any record of events and incidents you have kept.", citation: WALES.records }],
  },
  {
    id: "wales_report",
    jurisdiction: "wales",
    title: "Report the concern to Children's Services",
    steps: [
      {
        text: "All professionals have a duty to report concerns about a young person's safety or well-being (section 130, Social Services and Well-being (Wales) Act 2014). Report to your local Children's Services, or call the police on 101.",
        to: ["wales_childrens_services", "wales_police"],
        citations: [WALES.s130, WALES.report101],
      },
      {
        text: "Tell Children's Services about your worries and any warning signs you have noticed.",
        citations: [WALES_ROUTE.tellWorries],
      },
      {
        text: "Children's Services must assess what is happening; the assessment is based on what matters to the child and their family.",
        who: ["wales_childrens_services"],
        citations: [WALES.assess, WALES.whatMatters],
      },
      {
        text: "Every agency should have a Designated Safeguarding Lead to offer help and guidance.",
        to: ["wales_dsl"],
        citations: [WALES.dsl],
      },
    ],
    record: [{ text: "Give Children's Services any record of events and incidents you have kept.", citation: WALES.records }],
    warnings: [
      "The Wales sources I hold give no timescale for Children’s Services to respond. Check the Wales Safeguarding Procedures; England's timescales do not apply in Wales.",
    ],
  },
  {
    id: "wales_care_support",
    jurisdiction: "wales",
    title: "Care and support needs: Children's Services",
    steps: [
      {
        text: "Children's Services are responsible for children and young people who need care and support: contact them.",
        to: ["wales_childrens_services"],
        citations: [WALES_ROUTE.careAndSupport],
      },
      {
        text: "A young person with care and support needs who appears to be at risk of harm, abuse or neglect is seen to be at risk, whether or not their needs are being met.",
        citations: [WALES_ROUTE.atRisk],
      },
      {
        text: "The assessment considers the family's strengths, the support they already have and the support they need. A care and support plan is a form of early intervention, to stop things escalating.",
        who: ["wales_childrens_services"],
        citations: [WALES.strengths, WALES.cspEarly],
      },
    ],
    warnings: ["The Wales sources I hold do not describe early help services. Check the Wales Safeguarding Procedures and your local arrangements."],
  },
  {
    id: "wales_exploitation",
    jurisdiction: "wales",
    title: "Exploitation: Children's Services and the All Wales protocols",
    steps: [
      {
        text: "Contact Children's Services if you think the child is being criminally exploited.",
        to: ["wales_childrens_services"],
        citations: [WALES.contact],
      },
      {
        text: "A multi-agency strategy meeting must be held under section 47 when child criminal exploitation is suspected. It considers the young person's needs, not whether they meet service thresholds.",
        who: ["wales_childrens_services"],
        citations: [WALES.s47Meeting, WALES.needsNotThresholds],
      },
      {
        text: "The meeting follows the Wales Safeguarding Procedures, including the All-Wales Protocols on criminal and sexual exploitation, trafficking and missing children, with the warning signs and what practitioners must do.",
        citations: [WALES.guided, WALES_ROUTE.protocols, WALES_ROUTE.warningSigns],
      },
      {
        text: "It is held where the young person is, and the information is shared with agencies where they live.",
        citations: [WALES.where, WALES.shareHome],
      },
    ],
    record: [
      { text: "Give Children's Services any record of events and incidents you have kept.", citation: WALES.records },
      { text: "Names of friends or people the child talks about, tickets for unusual trips, and car registration numbers.", citation: WALES_ROUTE.recordContent },
      { text: "In meetings: the actions agreed, the timeframes and who is responsible for each.", citation: WALES.notes },
    ],
  },
  {
    id: "wales_trafficking",
    jurisdiction: "wales",
    title: "Trafficking (Wales): Children's Services and the All Wales protocols",
    steps: [
      {
        text: "The All-Wales Protocols for Safeguarding Children cover trafficking, with the warning signs and what practitioners must do: follow them with Children's Services.",
        to: ["wales_childrens_services"],
        citations: [WALES_ROUTE.protocols, WALES_ROUTE.warningSigns],
      },
    ],
    warnings: [
      "The Wales sources I hold do not describe the National Referral Mechanism (NRM). Working Together 2023, England's guidance, calls it the UK's system for identifying victims of modern slavery and trafficking: check the Wales Safeguarding Procedures for how it is used in Wales.",
    ],
  },
  {
    id: "wales_allegation",
    jurisdiction: "wales",
    title: "Allegation against someone who works with children (Wales)",
    steps: [
      {
        text: "Report your concern about the child's safety or well-being to Children's Services: all professionals have that duty.",
        to: ["wales_childrens_services"],
        citations: [WALES.s130],
      },
      {
        text: "Your agency's Designated Safeguarding Lead offers help and guidance.",
        to: ["wales_dsl"],
        citations: [WALES.dsl],
      },
    ],
    warnings: [
      "The Wales sources I hold do not cover allegations against people who work with children. Check the Wales Safeguarding Procedures: the LADO arrangements in Working Together 2023 are England's.",
    ],
  },
  {
    id: "wales_share_concern",
    jurisdiction: "wales",
    title: "If you are still worried",
    steps: [
      {
        text: "All professionals have a duty to report concerns about a young person's safety or well-being: report them to Children's Services, or call the police on 101.",
        to: ["wales_childrens_services", "wales_police"],
        citations: [WALES.s130, WALES.report101],
      },
    ],
  },
];

const yes = (...routes: string[]) => routes;

/**
 * The walk: one question at a time, in this order, each asked only where the earlier
 * answers leave it open. "Not sure" keeps the route in view as one to check.
 */
export const QUESTIONS: QuestionInput[] = [
  {
    id: "danger",
    jurisdiction: "england",
    text: "Is a child in immediate danger: a risk to their life, or likely to suffer serious harm right now?",
    citation: WT_ROUTE.riskToLife,
    routes: { yes: yes("immediate_protection", "referral"), unsure: yes("immediate_protection") },
  },
  {
    id: "significant_harm",
    jurisdiction: "england",
    text: "Is there reasonable cause to suspect the child is suffering, or is likely to suffer, significant harm?",
    citation: WT.refer,
    when: [{ question: "danger", answer: ["no", "unsure"] }],
    routes: { yes: yes("referral"), unsure: yes("referral") },
  },
  {
    id: "child_in_need",
    jurisdiction: "england",
    text: "Might the child be a child in need: unlikely to reach or keep a reasonable level of health or development without services, or disabled?",
    citation: WT_ROUTE.cinDefinition,
    when: [{ question: "significant_harm", answer: ["no", "unsure"] }],
    routes: { yes: yes("child_in_need"), unsure: yes("child_in_need") },
  },
  {
    id: "early_help",
    jurisdiction: "england",
    text: "Would the child and family benefit from support from more than one agency (early help)?",
    citation: WT_ROUTE.ehMultiAgency,
    when: [{ question: "child_in_need", answer: ["no", "unsure"] }],
    routes: { yes: yes("early_help"), unsure: yes("early_help") },
  },
  {
    id: "outside_home",
    jurisdiction: "england",
    text: "Is the harm, or the risk, outside the home: exploitation (such as county lines), serious violence, trafficking, online harm or sexual exploitation?",
    citation: WT_ROUTE.efhForms,
    routes: { yes: yes("extra_familial"), unsure: yes("extra_familial") },
  },
  {
    id: "trafficking",
    jurisdiction: "england",
    text: "Could the child be a victim of modern slavery or trafficking, including through county lines?",
    citation: WT.nrm200,
    when: [{ question: "outside_home", answer: ["yes", "unsure"] }],
    routes: { yes: yes("nrm"), unsure: yes("nrm") },
  },
  {
    id: "radicalisation",
    jurisdiction: "england",
    text: "Is there a concern that the child is being drawn into extremism or terrorism (radicalisation)?",
    citation: WT_ROUTE.extremism,
    when: [{ question: "outside_home", answer: ["yes", "unsure"] }],
    routes: { yes: yes("channel"), unsure: yes("channel") },
  },
  {
    id: "allegation",
    jurisdiction: "england",
    text: "Is the concern about someone who works with children, paid or volunteer: that they harmed a child, may have committed an offence against a child, or may not be suitable to work with children?",
    citation: WT_ROUTE.allegationHarmed,
    routes: { yes: yes("allegation"), unsure: yes("allegation") },
  },
  {
    id: "homeless",
    jurisdiction: "england",
    text: "Is the child or family homeless, or likely to become homeless within 56 days?",
    citation: WT_ROUTE.housingDuty,
    routes: { yes: yes("homelessness"), unsure: yes("homelessness") },
  },

  {
    id: "wales_danger",
    jurisdiction: "wales",
    text: "Is the child or young person in immediate danger?",
    citation: WALES.report101,
    routes: { yes: yes("wales_immediate", "wales_report"), unsure: yes("wales_immediate") },
  },
  {
    id: "wales_concern",
    jurisdiction: "wales",
    text: "Are you concerned about the child's safety or well-being: a risk of harm, abuse or neglect?",
    citation: WALES.s130,
    when: [{ question: "wales_danger", answer: ["no", "unsure"] }],
    routes: { yes: yes("wales_report"), unsure: yes("wales_report") },
  },
  {
    id: "wales_care_support",
    jurisdiction: "wales",
    text: "Does the child have care and support needs?",
    citation: WALES_ROUTE.careAndSupport,
    when: [{ question: "wales_concern", answer: ["no", "unsure"] }],
    routes: { yes: yes("wales_care_support"), unsure: yes("wales_care_support") },
  },
  {
    id: "wales_exploitation",
    jurisdiction: "wales",
    text: "Do you think the child is being exploited: criminal or sexual exploitation, county lines, or going missing?",
    citation: WALES.contact,
    routes: { yes: yes("wales_exploitation"), unsure: yes("wales_exploitation") },
  },
  {
    id: "wales_trafficking",
    jurisdiction: "wales",
    text: "Could the child be a victim of trafficking?",
    citation: WALES_ROUTE.protocols,
    when: [{ question: "wales_exploitation", answer: ["yes", "unsure"] }],
    routes: { yes: yes("wales_trafficking"), unsure: yes("wales_trafficking") },
  },
  {
    id: "wales_allegation",
    jurisdiction: "wales",
    text: "Is the concern about someone who works with children, paid or volunteer?",
    citation: WALES.s130,
    routes: { yes: yes("wales_allegation"), unsure: yes("wales_allegation") },
  },
];

export const FALLBACK = { england: "share_concern", wales: "wales_share_concern" } as const;
