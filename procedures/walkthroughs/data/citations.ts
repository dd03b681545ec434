import { cite } from "../../data/citations.js";

/**
 * Passages the referral route and the lessons quote beyond those the pathway already
 * cites (procedures/data/citations.ts), verbatim from knowledge/corpus/ after the corpus
 * cleaning rules. test/procedures/walkthrough-quotes.test.ts checks every one.
 */

const { wt, wm, wc, lew } = cite;

const INFO = "Chapter 1: A shared responsibility > Information sharing";
const EH = "Chapter 3 > Section 1: Early help";
const REF = "Referral";
const EFH = "Supporting children at risk of, or experiencing, harm outside the home";
const TRUST = "Chapter 4: Organisational responsibilities > People in positions of trust";
const STD_A = "National multi-agency practice standards for child protection > A: Recognising actual or likely significant harm for all practitioners";

/** Working Together 2023 (England): chapters 1, 3 and 4. */
export const WT_ROUTE = {
  shareCscPolice: wt(INFO, "31", "If a practitioner has concerns about a child's welfare or safety, then they should share the information with local authority children's social care and/or the police."),
  notAssume: wt(INFO, "31", "practitioners should not assume that someone else will pass on information that they think may be critical to keep a child safe."),
  consentNotNeeded: wt(INFO, "31", "It is not necessary to seek consent to share information for the purposes of safeguarding and promoting the welfare of a child provided that there is a lawful basis to process any personal information required."),
  withoutConsent: wt(INFO, "32", "including without consent (where in the circumstances consent cannot be given, it cannot be reasonably expected that a practitioner obtains consent or if to gain consent would place a child at risk)"),
  transparent: wt(INFO, "33", "Practitioners should aim to be as transparent as possible by telling families what information they are sharing and with whom, provided that it is safe to do so."),

  threshold: wt("Local criteria for providing help, support, and protection", "117", "The safeguarding partners should publish a threshold document, which sets out the local criteria for action in a way that is transparent, evidence-based, accessible, and easily understood."),
  ehVoluntary: wt(EH, "118", "It is a voluntary approach, requiring the family’s consent to receive support and services offered."),
  ehLead: wt(EH, "120", "A lead practitioner should co-ordinate the activity around the family, ensure the assessment and the family plan responds to all needs identified, and lead on ensuring the family co-produce the plan."),
  ehIndicators: wt(`${EH} > Identifying children and families who would benefit from help`, "124", "is showing signs of being drawn into anti-social or criminal behaviour, including being affected by gangs and county lines and organised crime groups and/or serious violence, including knife crime"),
  ehMultiAgency: wt(`${EH} > Effective assessment of the need for early help`, "131", "Where a child and family would benefit from co-ordinated support from more than one organisation or agency (for example, education, health, housing) there should be a multi-agency assessment."),
  ehAgreement: wt(`${EH} > Effective assessment of the need for early help`, "131", "be undertaken with the agreement of the child and their parents or carers, involving the child and family as well as all the practitioners who are working with them"),
  ehNoConsent: wt(`${EH} > Effective assessment of the need for early help`, "133", "If a family does not consent to an early help assessment, practitioners should seek to understand why this is the case, so that they can provide reassurance to the family about their concerns."),
  ehUniversal: wt(`${EH} > Effective assessment of the need for early help`, "133", "The practitioner should consider how the needs of the child could otherwise be met, for example, through provision by universal services that the family already engages with."),
  ehRecorded: wt(`${EH} > Effective assessment of the need for early help`, "133", "Practitioners should still inform individuals that their data will be recorded and shared, and the purpose of this explained to them."),
  ehHarmRefer: wt(`${EH} > Effective assessment of the need for early help`, "133", "If there are concerns that the child has suffered significant harm or is likely to do so, a referral should be made immediately to local authority children's social care."),
  s17Consensual: wt(`${EH} > Effective assessment of the need for early help`, "133", "Practitioners should ensure that the family has understood that the support and services provided under section 17 of the Children Act 1989 are consensual."),

  cinDefinition: wt("Section 2 > Statutory requirements for children in need", null, "a child who is unlikely to achieve or maintain a reasonable level of health or development, or whose health and development is likely to be significantly or further impaired without the provision of services, or a child who is disabled."),
  referralProcess: wt(REF, "149", "Local authority children’s social care has the responsibility for clarifying the process for referrals in their area."),
  include: wt(REF, "150", "When practitioners refer a child, they should include any information they have on the child’s developmental needs, the capacity of the child’s parents, carers, or family network to meet those needs and any external factors that may be undermining their capacity to parent."),
  earlyHelpNotPrerequisite: wt(REF, "150", "An early help assessment is not a prerequisite for a referral but where one has been undertaken, it should be used to support the referral."),
  mentalHealth: wt(REF, "150", "Where a child is admitted to a mental health facility, practitioners should make a referral to local authority children’s social care."),
  feedbackReasons: wt(REF, "151", "Where appropriate, this feedback should include the reasons why a case may not meet the statutory threshold and offer suggestions for other sources of more suitable support."),
  decisionInNeed: wt("Timeliness", "153", "the child is in need and should be assessed under section 17 of the Children Act 1989"),
  removalAfterReferral: wt("Timeliness", "154", "This should happen as soon as possible after the referral has been made to local authority children's social care"),

  efhForms: wt(EFH, "194", "Forms of extra-familial harm include exploitation by criminal and organised crime groups and individuals (such as county lines and financial exploitation), serious violence, modern slavery and trafficking, online harm, sexual exploitation, teenage relationship abuse"),
  efhSiblings: wt(EFH, "196", "understand the risk of extra-familial harm for siblings, for example, where older children are exploited, younger siblings may also be at risk of being targeted"),
  nrmSystem: wt("The National Referral Mechanism", "200", "The National Referral Mechanism (NRM) is the UK's system for identifying victims of modern slavery and human trafficking."),

  standardRecord: wt(STD_A, null, "Practitioners will try to understand the child's personal experiences and observe and record any concerns."),
  standardEscalate: wt(STD_A, null, "they share them with relevant practitioners and escalate them if necessary, using the referral or escalation procedure in place within their local multi-agency safeguarding arrangements"),
  riskToLife: wt("Immediate protection", null, "Where there is a risk to the life of a child or a likelihood of serious immediate harm, whether from inside or outside the home"),

  allegationPolicies: wt(TRUST, "223", "Such policies should make a clear distinction between an allegation, a concern about the quality of care or practice, or a complaint."),
  allegationHarmed: wt(TRUST, "223", "behaved in a way that has harmed a child, or may have harmed a child"),
  allegationOffence: wt(TRUST, "223", "possibly committed a criminal offence against or related to a child"),
  allegationUnsuitable: wt(TRUST, "223", "behaved or may have behaved in a way that indicates they may not be suitable to work with children"),
  allegationWelfare: wt(TRUST, "224", "Any action necessary to address corresponding welfare concerns in relation to the child or children involved should be taken without delay and in a co-ordinated manner."),
  allegationPassed: wt(TRUST, "224", "Arrangements should be put in place to ensure that any allegations about those who work with children are passed to the designated officer, or team of officers, without delay."),
  allegationSenior: wt(TRUST, "226", "Any allegation against people who work with children should be reported immediately to a senior manager within the organisation or agency."),
  allegationLado: wt(TRUST, "226", "The designated officer, or team of officers, should also be informed within one working day of all allegations that come to an employer's attention or that are made directly to the police."),
  allegationRegulator: wt(TRUST, "226", "If the person is subject to registration or regulation by a professional body or regulator, for example by the Care Quality Commission or Ofsted, the designated officer should advise on whether a referral to that body is appropriate."),
  dbsReferral: wt(TRUST, "227", "because the person poses a risk of harm to children, the organisation or agency should make a referral to the Disclosure and Barring Service to consider whether to add the individual to the barred list."),
  dbsIrrespective: wt(TRUST, "228", "This applies irrespective of whether a referral has been made to local authority children's social care and/or the designated officer, or team of officers."),
  dbsOffence: wt(TRUST, "228", "It is an offence to fail to make a referral without good reason"),

  policeRemove: wt("Chapter 4 > Police", "248", "The police have a power to remove a child to suitable accommodation under section 46 of the Children Act 1989, if they have reasonable cause to believe that the child would otherwise be likely to suffer significant harm."),
  classADrugs: wt("Chapter 4 > Police", "246", "These children are often victims of harm, for example, children who are apprehended in possession of Class A drugs may be victims of exploitation through county lines drug dealing."),

  housingDuty: wt("Chapter 4 > Homelessness duty", "257", "a duty on certain public authorities to refer to a housing authority service users they consider are or may be homeless or threatened with homelessness (meaning it is likely they will become homeless within 56 days)"),
  housingFunctions: wt("Chapter 4 > Homelessness duty", "258", "The duty to refer applies to all social services functions, including early help, leaving care and child protection"),
  housingConsent: wt("Chapter 4 > Homelessness duty", "259", "have the individual's consent to the referral (although referrals without consent may be made in order to safeguard children or vulnerable adults, in accordance with local procedures)"),
  housingInclude: wt("Chapter 4 > Homelessness duty", "260", "The referral to a housing authority must include the individual's name, contact details, and the agreed reason for referral (for example, that the individual is homeless or at risk of homelessness)."),

  extremism: wt("Chapter 4 > Channel panels", "306", "Children can be vulnerable to the influences of extremism which could lead to radicalisation."),
  channel: wt("Chapter 4 > Channel panels", "306", "Channel panels, established under the Counter-Terrorism and Security Act 2015, arrange for support for individuals who have been assessed as vulnerable to being drawn into terrorism"),
  channelAlign: wt("Chapter 4 > Channel panels", "308", "When providing support to an individual on the Channel programme, local authorities and their partners should consider how best to align assessments under the Children Act 1989 to safeguard and promote the welfare of the child."),
} as const;

/** The Complex Safeguarding Wales pages (Wales). */
export const WALES_ROUTE = {
  careAndSupport: wc("Children’s Services", "Every local authority in Wales has a Children’s Services department which is responsible for improving the outcomes for children and young people who need care and support."),
  atRisk: wc("Social Services and Well-being (Wales) Act 2014 (SSWBA, 2014)", "a young person is seen to be at risk if they have care and support needs, regardless of whether they are being met, and appear to be at risk of harm, abuse or neglect."),
  tellWorries: wc("Responding to a referral", "You should tell CHILDREN’s SERVICES about your worries and any warning signs you have noticed."),
  recordContent: wc("Responding to a referral", "The record should include the names of friends or people your child talks about, bus or train tickets for unusual or unexpected trips, and car registration numbers."),
  protocols: wm("Multi-agency meetings", "This includes the All-Wales Protocols for Safeguarding Children, which give practitioners detailed information about child criminal exploitation, trafficking, missing children, and child sexual exploitation."),
  warningSigns: wm("Multi-agency meetings", "This includes the warning signs and what practitioners must do if they suspect a child is being exploited."),
} as const;

/** Lewisham's committee minutes: local context on MACE, not procedure. */
export const LEWISHAM_ROUTE = {
  maceNotCaseManagement: lew("4.17", "The MACE was not used for individual case management (which was conducted via traditional safeguarding processes such as strategy meetings) and was not intended to target individual children."),
} as const;
