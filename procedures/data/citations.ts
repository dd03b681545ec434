import type { Citation } from "../../core/citation.js";

/**
 * Every passage the pathway quotes, verbatim from knowledge/corpus/ (after the corpus
 * cleaning rules: no `**`, no footnote markers, whitespace collapsed). A unit test checks
 * each quote against the corpus, so an edit that drifts from the source fails the build.
 */

const WT_FILE = "herefordshire-cyp-scrutiny-2024-07-30-with-working-together-2023.txt";
const WT_TITLE = "Working Together to Safeguard Children 2023";
/** Citation builders, one per corpus document (the walkthroughs' own quotes use them too). */
export const cite = {
  wt: (section: string, paragraph: string | null, quote: string): Citation => ({ file: WT_FILE, title: WT_TITLE, section, paragraph, quote }),
  wm: (section: string, quote: string): Citation => ({
    file: "cascade-wales-multi-agency-meetings.txt",
    title: "Multi-agency meetings (Complex Safeguarding Wales)",
    section,
    paragraph: null,
    quote,
  }),
  wc: (section: string, quote: string): Citation => ({
    file: "cascade-wales-childrens-services.txt",
    title: "Children’s Services (Complex Safeguarding Wales)",
    section,
    paragraph: null,
    quote,
  }),
  lew: (paragraph: string, quote: string): Citation => ({
    file: "lewisham-mace-committee-minutes.txt",
    title: "Multi-agency response to child exploitation (London Borough of Lewisham committee minutes)",
    section: `Minutes: Key points from discussion (${paragraph})`,
    paragraph,
    quote,
  }),
};
const { wt, wm, wc, lew } = cite;

const SD = "Strategy discussion";
const SDT = "Strategy discussion > Tasks";
const S17 = "Assessment, support and planning for children under the Children Act 1989";
const S47 = "Initiating section 47 enquiries";
const NS = "Outcome of section 47 enquiries > Where concerns of significant harm are not substantiated";
const SUB = "Outcome of section 47 enquiries > Where concerns of significant harm are substantiated";
const ICPC = "Initial child protection conferences";
const CPP = "The child protection plan";
const RC = "Child protection review conference";
const DC = "Discontinuing the child protection plan";
const PP = "Initiating pre-proceedings";
const EFH = "Supporting children at risk of, or experiencing, harm outside the home";
const NRM = "The National Referral Mechanism";
const SI = "Duty on local authorities to notify incidents to the Child Safeguarding Practice Review Panel";
const HOW = "How to notify a serious incident, rapid review, and local child safeguarding practice review";

/** Working Together 2023 (England). */
export const WT = {
  leadIsSocialWorker: wt("Section 3: Child protection", "213", "Where child protection enquiries are necessary, the lead practitioner should always be a social worker."),
  refer: wt("Referral", "150", "Anyone who has concerns about a child’s welfare should consider whether a referral needs to be made to local authority children’s social care and should do so immediately if there is a concern that the child is suffering significant harm or is likely to do so."),
  feedback: wt("Referral", "151", "Feedback should be given by local authority children's social care to the referrer on the decisions taken."),
  escalate: wt("Referral", "151", "Practitioners should always follow up their concerns if they are not satisfied with the local authority children's social care response and should escalate their concerns in line with local procedures if they remain dissatisfied."),
  decision1wd: wt("Timeliness", "153", "Within one working day of a referral being received, local authority children's social care should acknowledge receipt to the referrer and a social work qualified practice supervisor or manager should decide next steps and the type of response required."),
  seeChildSoon: wt("Timeliness", "153", "to see the child as soon as possible if the decision is taken that the referral requires further assessment"),
  removal: wt("Timeliness", "154", "For children in need of immediate protection, action must be taken by the local authority, the police (including British Transport Police) or the NSPCC if removal is required."),
  assessment45: wt("Timeliness", "155", "The maximum timeframe for the assessment to conclude, such that it is possible to reach a decision on next steps, should be no longer than 45 working days from the point of referral."),
  assessmentOver45: wt("Timeliness", "155", "If, in discussion with a child and their family and other practitioners, an assessment exceeds 45 working days, the lead practitioner should record the reasons for exceeding the time limit."),

  actImmediately: wt("Immediate protection", null, "the local authority, the police (including British Transport Police) or NSPCC should use their statutory child protection powers to act immediately to secure the safety of the child, as set out in Section 46 of Children Act 1989."),
  epo: wt("Immediate protection", null, "If it is necessary to remove a child from their home, a local authority must, wherever possible and unless a child's safety is otherwise at immediate risk, apply for an Emergency Protection Order (EPO)."),
  policePowers: wt("Immediate protection", null, "Police powers to remove a child in an emergency should be used only in exceptional circumstances where there is insufficient time to seek an EPO or for reasons relating to the immediate safety of the child."),
  otherChildren: wt("Immediate protection", null, "When considering whether emergency action is necessary, the local authority or the police should always consider the needs of other children in the same household or in the household of an alleged perpetrator."),
  firstAuthority: wt("Immediate protection", null, "If the child is looked after by, or the subject of a child protection plan in another authority, the first authority must consult the authority responsible for the child."),
  stratAfterAction: wt("Immediate protection > Multi-agency working", null, "Where a single agency has to act immediately, a strategy discussion should take place as soon as possible after action has been taken"),
  seeChildEpo: wt("Immediate protection > Multi-agency working", null, "see the child (this should be done by a practitioner from the agency taking the emergency action) to decide how best to protect them and whether to seek an EPO"),
  legalAdvice: wt("Immediate protection > Multi-agency working", null, "wherever possible, obtain legal advice before initiating legal action, in particular when an EPO is being sought"),

  s17Initiate: wt(S17, null, "Following acceptance of a referral by local authority children's social care, a social work qualified practice supervisor or manager should initiate a multi-agency assessment under section 17 of the Children Act 1989."),
  s17Complete45: wt(`${S17} > The lead practitioner should`, null, "lead on an assessment and complete it in line with the locally agreed protocol according to the child's needs and within 45 working days from the point of referral into local authority children's social care"),
  s17Plan: wt(S17, null, "Where the local authority children's social care decides to provide services, a multiagency child in need plan should be developed which sets out which organisations and agencies will provide which services to the child and family."),
  s17Strat: wt(S17, null, "Where information gathered during an assessment result in the lead practitioner and social work qualified practice supervisor or manager suspecting that the child is suffering or likely to suffer significant harm, the local authority should hold a strategy discussion"),
  s17Inform: wt(`${S17} > The lead practitioner should`, null, "inform, in writing, all the relevant agencies and the family of their decisions and, if the child is a child in need, of the plan for providing support"),
  s17Moved: wt(S17, null, "Where a child in need has moved permanently to another local authority area, the original local authority should ensure that all relevant information (including the child in need plan) is shared with the receiving local authority as soon as possible."),
  s17Interim: wt(S17, null, "Support should continue to be provided by the original local authority in the intervening period."),
  s17Approaching18: wt(S17, null, "Where a child in need is approaching 18 years of age, this transition point should be planned for in advance."),
  s17Referrer: wt(`${S17} > The lead practitioner should`, null, "inform the referrer of what action has been or will be taken"),

  sdWhen: wt(SD, null, "Whenever there is reasonable cause to suspect that a child is suffering or is likely to suffer significant harm, there should be a strategy discussion involving local authority children's social care"),
  sdAnyTime: wt(SD, null, "A strategy discussion can take place following a referral or at any other time, including during the assessment process and when new information is received on an already open case."),
  sdPurpose: wt(`${SD} > Purpose`, null, "The purpose of a strategy discussion is to determine the child's welfare and plan rapid future action if there is reasonable cause to suspect the child is suffering or is likely to suffer significant harm."),
  sdMinimum: wt(`${SD} > Attendees`, null, "A local authority social worker, health practitioners and a police representative should, as a minimum, be involved in the strategy discussion."),
  sdSenior: wt(`${SD} > Attendees`, null, "All attendees should be sufficiently senior to make decisions on behalf of their organisation and agencies."),
  sdShare: wt(SDT, null, "share, seek and analyse available information"),
  sdCriminal: wt(SDT, null, "agree the conduct and timing of any criminal investigation"),
  sdConsiderS47: wt(SDT, null, "consider whether enquiries under section 47 of the Children Act 1989 should be undertaken."),
  sdLaDecides: wt(SDT, null, "It is for the local authority to decide whether to make enquiries and the strategy discussion should inform this decision."),
  sdFurtherInfo: wt(SDT, null, "what further information is needed if an assessment is already underway and how it will be obtained and recorded"),
  sdShortTerm: wt(SDT, null, "what immediate and short-term action is required to support the child, and who will do what by when"),
  sdLegal: wt(SDT, null, "whether legal action is required"),
  sd45: wt(SDT, null, "no longer than 45 working days from the point of referral into local authority children's social care"),
  sdLeadShare: wt(`${SDT} > Lead practitioners should`, null, "decide what information should be shared with the child and family (on the basis that information is not shared if this may jeopardise a police investigation or place the child at risk of harm)"),
  sdLeadEpo: wt(`${SDT} > Lead practitioners should`, null, "agree what further action is required, and who will do what by when, where an EPO is in place, or the child is the subject of police powers of protection"),
  sdLeadWelfare: wt(`${SDT} > Lead practitioners should`, null, "consider the child's welfare and safety, including through speaking to the child, and identifying whether the child is suffering or likely to suffer significant harm"),
  sdLeadRecord: wt(`${SDT} > Lead practitioners should`, null, "record agreed decisions in accordance with local recording procedures"),
  sdLeadFollow: wt(`${SDT} > Lead practitioners should`, null, "follow up actions to make sure what was agreed gets done"),
  sdHealth: wt(`${SDT} > Health practitioners should`, null, "undertake appropriate examinations or observations, and further investigations or tests, to determine how the child's health or development may be impaired"),
  sdPolice: wt(`${SDT} > The Police should`, null, "lead the criminal investigation where joint enquiries take place with the local authority children's social care leading for the section 47 enquires and assessment of the child's welfare"),

  s47Lead: wt(S47, null, "Local authority social workers should lead assessments under section 47 of the Children Act 1989. The police, health practitioners, teachers and school staff and other relevant practitioners should help the local authority in undertaking its enquiries."),
  s47Purpose: wt(`${S47} > Purpose`, null, "A section 47 enquiry is initiated to decide whether, and what type of action is required to safeguard and promote the welfare of a child who is suspected to be suffering, or is likely to suffer significant harm."),
  s47SeeChild: wt(`${S47} > Lead practitioners should`, null, "see the child who is the subject of concern to ascertain their wishes and feelings, assess their understanding of their situation, assess their relationships and circumstances more broadly"),
  s47Explain: wt(`${S47} > Lead practitioners should`, null, "explain to parents or carers the purpose, process and potential outcome of the enquiries and be prepared to answer questions openly, unless to do so would affect the safety and welfare of the child"),
  s47Health: wt(`${S47} > Health practitioners should`, null, "provide appropriate specialist assessments, for example, paediatric or forensic medical assessments"),
  s47Police: wt(`${S47} > The Police should`, null, "decide whether or not police investigations reveal grounds for instigating criminal proceedings"),
  s47All: wt(`${S47} > All involved practitioners should`, null, "contribute to the assessment as required, providing information and analysis about the child and family"),

  outcomeLead: wt("Outcome of section 47 enquiries", null, "The lead practitioner (social worker) is responsible for deciding what action to take and how to proceed following section 47 enquiries."),
  requestConference: wt("Outcome of section 47 enquiries", null, "other practitioners involved with the child and family have the right to request that local authority children's social care convene a conference if they have serious concerns that a child's welfare may not be adequately safeguarded"),
  nsDiscuss: wt(`${NS} > Lead practitioners should`, null, "discuss the case with the child, parents and other practitioners and be prepared to answer questions openly and be clear on next steps"),
  nsSupport: wt(`${NS} > Lead practitioners should`, null, "discuss whether support from any services may be helpful and help secure it"),
  nsReassess: wt(`${NS} > Lead practitioners should`, null, "consider whether the child's health and development should be re-assessed regularly against specific objectives and decide who has responsibility for doing this"),
  nsFgc: wt(`${NS} > Lead practitioners should`, null, "discuss with the family whether they wish to be referred to a family group decision-making forum, such as a family group conference, to determine ongoing support for the child and family"),
  nsAll: wt(`${NS} > All involved practitioners should`, null, "participate in further discussions as necessary"),
  nsAllPlan: wt(`${NS} > All involved practitioners should`, null, "consider the plans for ongoing assessment and reviewing the child's circumstances"),
  p215: wt("Section 3: Child protection", "215", "Where the decision is taken not to proceed with a child protection plan or to discharge the plan, the lead practitioner should consider the support that the child requires, which might include multi-agency support and/or continued support under section 17 of the Children Act 1989."),

  icpc15: wt(`${SUB} > Lead practitioners should`, null, "The initial child protection conference should take place within 15 working days of a strategy discussion, or the strategy discussion at which section 47 enquiries were initiated if more than one has been held"),
  subInvite: wt(`${SUB} > Lead practitioners should`, null, "consider which practitioners with specialist knowledge or relevant professional disciplines should be invited to participate so that the plan will meet the child's needs"),
  subReferrer: wt(`${SUB} > Lead practitioners should`, null, "seek to communicate the outcome and rationale to the referring practitioner or agency"),
  subPrepare: wt(`${SUB} > Lead practitioners should`, null, "ensure that the child and their parents understand the purpose and who will attend, parents should be given appropriate information to support their participation in the conference"),
  subAdvocacy: wt(`${SUB} > Lead practitioners should`, null, "give information about advocacy agencies and explain that the family may bring an advocate, friend, or supporter"),
  subAllInfo: wt(`${SUB} > All involved practitioners should`, null, "contribute to the information their agency provides ahead of the conference, setting out the nature of the organisations or agency's involvement with the child and family"),

  icpcPurpose: wt(`${ICPC} > Purpose`, null, "To bring together and analyse, in a multi-agency and multi-disciplinary meeting, all relevant information and plan how best to safeguard and promote the welfare of the child and protect them from harm."),
  icpcLeadBody: wt(`${ICPC} > Conference tasks include`, null, "appointing a lead statutory body (either local authority children's social care or NSPCC) and a lead social worker, who should be experienced and an employee of the lead statutory body"),
  icpcCoreGroup: wt(`${ICPC} > Conference tasks include`, null, "identifying membership of the core group of practitioners and family members who will develop and implement the child protection plan"),
  icpcTimescales: wt(`${ICPC} > Conference tasks include`, null, "establishing timescales for meetings of the core group, production of a child protection plan and for child protection review meetings"),
  icpcOutline: wt(`${ICPC} > Conference tasks include`, null, "agreeing an outline child protection plan, with clear actions and timescales, including a clear sense of how much improvement is needed, by when, so that success can be judged clearly"),
  icpcChairMeet: wt(`${ICPC} > The conference chair`, null, "should meet the child and parents in advance to ensure they understand the issues, the purpose, the process, and possible outcomes of the conference"),
  icpcReport: wt(`${ICPC} > Lead practitioners should`, null, "prepare a report for the conference on the child and family which sets out and analyses what is known about the child and family and the local authority's recommendation"),
  icpcRecord: wt(`${ICPC} > Lead practitioners should`, null, "record conference decisions and recommendations and ensure action follows"),

  cpDesignate: wt(`${CPP} > Local authority children's social care should`, null, "designate a social worker to be the lead practitioner as they carry statutory responsibility for the child's welfare"),
  cpLegal: wt(`${CPP} > Local authority children's social care should`, null, "consider the evidence and decide what legal action to take if any, where a child has suffered or is likely to suffer significant harm"),
  cpCirculate: wt(`${CPP} > Lead practitioners should`, null, "support multi-agency and multi-disciplinary practitioners to contribute to the development of the outline child protection plan into a more detailed multi-agency plan and circulate to all relevant practitioners (and family where appropriate)"),
  cpReviews: wt(`${CPP} > Lead practitioners should`, null, "The first review should be held within three months of the initial conference and further reviews at intervals of no more than six months for as long as the child remains subject of a child protection plan"),
  cpExplain: wt(`${CPP} > Lead practitioners should`, null, "explain the plan to the child in a manner which is in accordance with their age and understanding and agree the plan with the child"),
  cpAssessment: wt(`${CPP} > Lead practitioners should`, null, "complete the child's and family's in-depth assessment, securing contributions from core group members and other practitioners as necessary"),
  cpRecordCore: wt(`${CPP} > Lead practitioners should`, null, "record decisions and actions agreed at core group meetings as well as the written views of those who were not able to attend and follow up those actions to ensure they take place"),
  cg10: wt(`${CPP} > The core group should`, null, "meet within 10 working days from the initial child protection conference if the child is the subject of a child protection plan"),
  cgDevelop: wt(`${CPP} > The core group should`, null, "further develop the outline child protection plan, based on assessment findings, and set out what needs to change, by how much, and by when in order for the child to be safe and have their needs met"),
  cgAssessment: wt(`${CPP} > The core group should`, null, "decide what steps need to be taken, and by whom, to complete the in-depth assessment to inform decisions about the child's safety and welfare"),
  cgImplement: wt(`${CPP} > The core group should`, null, "implement the child protection plan and take joint responsibility for carrying out the agreed tasks, monitoring progress and outcomes, and refining the plan as needed"),

  rcSame: wt(RC, null, "The review conference procedures for preparation, decision-making and other procedures should be the same as those for an initial child protection conference."),
  rcPurpose: wt(`${RC} > Purpose`, null, "To review whether the child is continuing to suffer or is likely to suffer significant harm and review developmental progress against child protection plan outcomes."),
  rcContinue: wt(`${RC} > Purpose`, null, "To consider whether the child protection plan should continue or should be changed."),
  rcWhen: wt(`${RC} > Lead practitioners should`, null, "determine when the review conference should be held within three months of the initial conference, and thereafter at maximum intervals of six months"),
  rcCourt: wt(`${RC} > Lead practitioners should`, null, "decide whether to initiate family court proceedings (all the children in the household should be considered, even if concerns are only expressed about one child) if the child is considered to be suffering significant harm"),
  rcReports: wt(`${RC} > All involved practitioners should`, null, "produce reports for the child protection review."),

  dcNoLonger: wt(DC, null, "it is judged that the child is no longer continuing to, or is likely to, suffer significant harm and therefore no longer requires safeguarding by means of a child protection plan"),
  dcMoved: wt(DC, null, "the child and family have moved permanently to another local authority area."),
  dcTransfer15: wt(DC, null, "the receiving local authority should convene a child protection conference within 15 working days of being notified of the move"),
  dcOnlyAfter: wt(DC, null, "Only after this event may the original local authority discontinue its child protection"),
  dc18: wt(DC, null, "the child has reached the age of 18 years (to end the child protection plan, the local authority should have a review around the child's birthday, and this should be planned in advance)"),
  dcNotify: wt(`${DC} > Lead practitioners should`, null, "notify, as a minimum, all agency representatives who were invited to attend the initial child protection conference that led to the plan"),
  dcInput: wt(`${DC} > Lead practitioners should`, null, "seek input on the decision to discontinue from other core group members and ensure that all practitioners who are involved in supporting the child and parents are notified"),
  dcSupport: wt(`${DC} > Lead practitioners should`, null, "consider whether support services are still required and discuss with the child, parents, family, and family network as appropriate what might be needed, based on a re-assessment of the child's needs, including where this may involve transition between child and adult services"),

  ppDetermine: wt(PP, null, "the local authority should determine whether to initiate pre-proceedings and follow the 'Court orders and pre-proceedings guidance for local authorities'."),
  ppFamily: wt(PP, null, "authority should offer family group decision-making, such as family group conferences, to continue to explore potential placements within the family network and to clarify the realistic options available for the child."),
  ppFinal: wt(PP, null, "The pre-proceedings process acts as the final opportunity for parents to avoid care proceedings."),
  ppAnyStage: wt(PP, null, "where the local authority considers the “threshold” for care proceedings to be met, proceedings can be initiated at any stage."),
  ppExpectations: wt(PP, null, "There should be clear expectations set with parents about the changes they are required to make."),
  pp12A: wt(PP, null, "When initiating pre-proceedings, practitioners should review Practice Direction 12A"),
  ppLetter: wt("Flow chart 6: What happens after the child protection conference, including review?", null, "sends a letter before proceedings to the parents and/or anyone with parental responsibility for the child, initiating pre-proceedings and setting out the Public Law Outline"),

  efh194: wt(EFH, "194", "Some children experience abuse and exploitation outside the home. This is often referred to as \"extra-familial harm\"."),
  efh195: wt(EFH, "195", "All children, including those who may be causing harm to others, should receive a safeguarding response first"),
  efh196: wt(EFH, "196", "children's social care assessments should determine whether a child is in need under section 17 of the Children Act 1989 or whether to make enquires under section 47 of the same Act"),
  efh197: wt(EFH, "197", "Where there are concerns that more than one child may be experiencing harm in an extra-familial context, practitioners should consider the individual needs of each child"),
  efh198: wt(EFH, "198", "This may include working across safeguarding and community safety partnerships to agree a plan for keeping children safe."),
  efh199: wt(EFH, "199", "Key decisions should be recorded and communicated to both the child and their parents or carers, so that everyone understands the action that has, or will be, taken to safeguard and promote their welfare."),
  nrm200: wt(NRM, "200", "If a first responder has concerns that a child may be a potential victim of modern slavery or human trafficking (including through county lines) then a referral should be made to the NRM, as soon as possible."),
  nrmConsent: wt(NRM, "200", "A child's consent is not needed for a referral to be made."),
  nrmIctg: wt(NRM, "201", "if the first responder considers a child to be a potential victim of modern slavery or human trafficking, they should refer them to the ICTG service."),
  nrmParallel: wt(NRM, "201", "The NRM referral and ICTG referral should be made in parallel."),
  nrmUsual: wt(NRM, "201", "This is in addition to following usual safeguarding routes and NRM referrals."),

  si16C: wt(SI, null, "Where a local authority in England knows or suspects that a child has been abused or neglected, the local authority must notify the Child Safeguarding Practice Review Panel if:"),
  siSystem: wt(SI, "330", "The local authority should notify the panel of any incident that meets the above criteria via the Child Safeguarding Online Notification System."),
  si5: wt(SI, "330", "It should do so within five working days of becoming aware it has occurred."),
  siLookedAfter: wt(SI, "331", "The local authority must notify the Secretary of State for Education, and Ofsted of the death of a looked after child."),
  siCareLeaver: wt(SI, "332", "The death of a care leaver does not require a rapid review or local child safeguarding practice review."),
  siConsider: wt("Decisions on local and national reviews", "337", "When a serious incident becomes known to safeguarding partners, they must consider whether the case meets the criteria and guidance for a local review"),
  siHow5: wt(`${HOW} > Serious incident notification`, null, "Notifications should be sent within five working days of the local authority becoming aware of the incident."),
  rr343: wt("The rapid review", "343", "The safeguarding partners should promptly undertake a rapid review of the case, in line with any guidance published by the panel."),
  rrFacts: wt("The rapid review", "343", "gather the facts about the case, as far as they can be readily established"),
  rrImmediate: wt("The rapid review", "343", "discuss whether any immediate action is needed to ensure children's safety and share any learning appropriately"),
  rrDecide: wt("The rapid review", "343", "decide what steps they should take next, including whether to undertake a child safeguarding practice review"),
  rrSend: wt("The rapid review", "344", "As soon as the rapid review is complete, the safeguarding partners should send a copy of their findings to the panel"),
  rrInform: wt("The rapid review", "344", "As soon as they have determined that a local review will be carried out, they should inform the panel, Ofsted and DfE, providing the name of the reviewer they have commissioned."),
  rr15: wt(`${HOW} > The rapid review`, null, "Rapid reviews should be submitted to the panel within 15 working days of the incident."),
  rrNonStatutory: wt(`${HOW} > The rapid review`, null, "This is a non-statutory requirement and more details can be found in the panel's practice guidance"),
} as const;

/** Lewisham committee minutes: local context on MACE and the NRM, not procedure. */
export const LEWISHAM = {
  mace: lew("4.1", "The Multi-Agency Child Exploitation (MACE) arrangements replaced the Concern Hub in 2022."),
  nrmNegative: lew("4.5", "In such cases, other paths would be followed, such as the allocation of a social worker or referral to a partner agency."),
  ictgSupport: lew("4.13", "Any child with a positive reasonable or conclusive grounds NRM decision, their parents/carers and social workers could be supported by the Independent Child Trafficking Guardian Service."),
} as const;

const ATT = "Attending a multi-agency meeting";
const OUT = "Possible outcomes";

/** Complex Safeguarding Wales pages (Wales). */
export const WALES = {
  s47Meeting: wm("Multi-agency meetings", "Under Section 47 of the Children Act 1989, a multi-agency meeting must be held when child criminal exploitation is suspected."),
  needsNotThresholds: wm("Multi-agency meetings", "The Section 47 (S47) assessment should consider the young person’s needs, rather than whether they meet service thresholds."),
  aimShare: wm("Multi-agency meetings", "share information"),
  aimNeeds: wm("Multi-agency meetings", "identify the child’s care and support needs"),
  aimPlan: wm("Multi-agency meetings", "develop a plan to reduce the risk of exploitation"),
  guided: wm("Multi-agency meetings", "The multi-agency strategy meeting or discussion is guided by the Wales Safeguarding Procedures."),
  led: wm(ATT, "The multi-agency response is led by Children’s Services, and will include any professionals who can offer information about your child."),
  supportToAttend: wm(ATT, "Young people, parents, and carers should receive support to attend the meeting and present their views."),
  where: wm(ATT, "Under the Wales Safeguarding Procedures, the multi-agency meeting should be held in the geographical area where the young person is located."),
  shareHome: wm(ATT, "While this enables local agencies to respond, this information must be shared with agencies in the area in which the young person lives."),
  prepare: wm(ATT, "Children, young people, and parents should be given time to prepare what they would like to say before the meeting."),
  advocate: wm(ATT, "They can take someone with them for support, such as an independent professional advocate."),
  outcomes: wm(OUT, "Outcomes of the multi-agency meeting can include:"),
  cspEarly: wm(`${OUT} > Care and support plan`, "These are a form of early intervention that are used to support children and families. The aim is to prevent the situation from escalating."),
  cspContent: wm(`${OUT} > Care and support plan`, "The care and support plan must be child-centred, and it must say what actions will be taken, who will take them, and when they will be completed."),
  cspSocialWorker: wm(`${OUT} > Care and support plan`, "Your child should be given a named social worker. The social worker will visit you and your child. They will coordinate and review the care and support plan."),
  vaFamily: wm(`${OUT} > Voluntary accommodation`, "Where possible, the local authority will try to keep children and young people with their family."),
  vaRisk: wm(`${OUT} > Voluntary accommodation`, "if a child or young person is found to be at risk of significant harm, they may decide they can no longer be kept safe in their current home."),
  vaBasis: wm(`${OUT} > Voluntary accommodation`, "This can be on a voluntary basis, where the parents agree that this is the best action for their child, or after the court has decided that this is the best course of action."),
  vaMoved: wm(`${OUT} > Voluntary accommodation`, "When a child or young person is accommodated, they will be moved to a place managed or overseen by the local authority."),
  cpp: wm(`${OUT} > Child protection plan`, "If the child is assessed to be at significant risk of harm, they may be given a child protection plan."),
  cppNeglect: wm(`${OUT} > Child protection plan`, "Child criminal exploitation is often recorded on the child protection plan under ‘neglect’, but this does not reflect your parenting or your actions to protect your child."),
  cppViews: wm(`${OUT} > Child protection plan`, "Professionals should hear your views and include you in decision-making about how best to support and protect your child."),

  contact: wc("Children’s Services", "If you, a teacher, the police or another professional think your child is being criminally exploited, Children’s Services should be contacted."),
  laDuty: wc("Children Act 1989", "local authorities have a duty to look into cases where a young person is thought to be at risk of harm. In these cases, the local authority should assess whether they need to support the family or whether they should take action to protect the young person."),
  s130: wc("Social Services and Well-being (Wales) Act 2014 (SSWBA, 2014)", "Section 130, Social Services Well-being (Wales) Act 2014 states that all professionals have a duty to report concerns about a young person’s safety or well-being."),
  dsl: wc("Social Services and Well-being (Wales) Act 2014 (SSWBA, 2014)", "All agencies should have a Designated Safeguarding Lead (DSL) who will offer help and guidance to parents, carers and professionals."),
  report101: wc("Social Services and Well-being (Wales) Act 2014 (SSWBA, 2014)", "Parents, carers or other adults can report their worries to their local Children’s Services or by calling 101. However, if a child or young person is in immediate danger, they should call the police on 999."),
  nspcc: wc("Social Services and Well-being (Wales) Act 2014 (SSWBA, 2014)", "Parents, carers or other adults can discuss their worries with the NSPCC either by phone on 0808 8005000"),
  assess: wc("Responding to a referral", "If there are concerns about a child’s welfare, Children’s Services must undertake an assessment to find out what is happening."),
  whatMatters: wc("Responding to a referral", "the assessment process should be based on what matters to the child and their family."),
  strengths: wc("Responding to a referral", "The assessment should consider the child and family’s strengths, what existing support they are receiving and what support the family needs."),
  records: wc("Responding to a referral", "If you have been keeping a record of events and incidents, this should be given to Children’s Services, so they have all the information they need to make an assessment."),
  csS47: wc("Multi-agency strategy discussion or meeting", "Under section 47 of the Children Act 1989, a multi-agency strategy discussion or meeting must be held when child criminal exploitation is suspected."),
  csLed: wc("Multi-agency strategy discussion or meeting", "The multi-agency response is led by Children’s Services and will include any professionals who can offer information about your child."),
  notes: wc("Talking to Children’s Services", "You should also make notes in meetings about what actions have been agreed, the timeframes and who is responsible for carrying out each action."),
} as const;
