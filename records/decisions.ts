import type { Decisions, RecordAction } from "./model.js";
import { dueFromText } from "./dates.js";
import { classify } from "./attendees.js";

/**
 * Reading decisions and actions out of free text. Each reader works clause by clause
 * and keeps the practitioner's own words as the rationale or detail, so the draft
 * never says more than the notes did.
 */

/** Split text into clauses on sentence ends, semicolons, commas, bullets and line breaks. */
export function clauses(text: string): string[] {
  return text
    .split(/(?<!\b(?:[A-Z]|[Ss]|Dr|DC|DS|PC|No))\.(?=\s|$)|[;\n•]|,(?![^(]*\))|\s[-–—]\s(?=[A-Za-z])/)
    .map((c) =>
      c
        .replace(/^[\s\-*·\d).]+/, "")
        .replace(/^(agreed|decisions?|outcomes?|plan|agreed plan)\s*:\s*/i, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((c) => c.length > 1)
    // Real clauses are short; the cap keeps every later pattern cheap on hostile input.
    .map((c) => c.slice(0, MAX_CLAUSE));
}

const MAX_CLAUSE = 2000;

const S47_WORDS = String.raw`(?:s\.?\s?47|sec(?:tion|t)?\.?\s*47|child protection enquir(?:y|ies)|CP enquir(?:y|ies))`;
const S47 = new RegExp(String.raw`\b${S47_WORDS}`, "i");
// A negation counts only when it is about section 47: "no s47", "s47 not agreed",
// "threshold not met", not "s47 as child not safe at home".
const NEGATIVE = new RegExp(
  String.raw`\b(?:no|not|nor|without|don'?t|isn'?t|won'?t)\b(?:\W+\w+){0,3}?\W+${S47_WORDS}` +
    String.raw`|${S47_WORDS}(?:\W+\w+){0,4}?\W+(?:not|no longer|no)\b(?!\s+(?:safe|to be (?:told|informed|shared)))` +
    String.raw`|\b(?:threshold (?:\w+ )?not met|nfa|no further action)\b`,
  "i",
);
const UNDECIDED = /\b(tbc|to be (decided|confirmed|agreed|considered|discussed)|pending|undecided|defer(red)?|await(ing)?|consider(ed|ing)?\s+whether|unclear|not yet decided)\b/i;

function joinOrNull(parts: string[]): string | null {
  const uniq = [...new Set(parts)];
  return uniq.length > 0 ? uniq.join("; ") : null;
}

/** The section 47 decision in a set of clauses. A positive statement wins over a negative one. */
export function readSection47(cs: string[]): Decisions["section47"] {
  const s47 = cs.filter((c) => S47.test(c));
  const yes = s47.filter((c) => !NEGATIVE.test(c) && !UNDECIDED.test(c));
  if (yes.length > 0) return { decision: "yes", outcome: null, rationale: joinOrNull(yes) };
  const no = s47.filter((c) => NEGATIVE.test(c) && !UNDECIDED.test(c));
  if (no.length > 0) return { decision: "no", outcome: outcomeOf(cs), rationale: joinOrNull(no) };
  const undecided = s47.filter((c) => UNDECIDED.test(c));
  if (undecided.length > 0) return { decision: "undecided", outcome: null, rationale: joinOrNull(undecided) };
  // Without the words "section 47": convening an ICPC means enquiries were initiated;
  // "NFA" or "section 17" means they were not.
  const icpc = cs.filter((c) => /\b(ICPC|initial (child protection )?conference)\b/i.test(c) && !/\b(no|not)\b/i.test(c));
  if (icpc.length > 0) return { decision: "yes", outcome: null, rationale: joinOrNull(icpc) };
  const outcome = outcomeOf(cs);
  if (outcome) {
    const why = cs.filter((c) => /\b(nfa|no further action|s\.?\s?17|section\s*17|child in need|CIN|early help|step(ped)?[- ]down)\b/i.test(c));
    return { decision: "no", outcome, rationale: joinOrNull(why) };
  }
  return { decision: "undecided", outcome: null, rationale: null };
}

function outcomeOf(cs: string[]): string | null {
  const all = cs.join(" ");
  if (/\b(s\.?\s?17|section\s*17|child in need|CIN)\b/i.test(all)) return "Section 17 (child in need) assessment or support";
  if (/\b(early help|step(ped)?[- ]down)\b/i.test(all)) return "Early help";
  if (/\b(nfa|no further action)\b/i.test(all)) return "No further action";
  return null;
}

const CRIME_NO =
  /\b(no (criminal|police) (investigation|action|further action|involvement|enquir(y|ies))|police (nfa|no further action|not (investigating|to investigate|pursuing))|police will not investigate|no crime|not a (criminal|police) matter|no offences?|no criminal offence)\b/i;
const CRIME_YES =
  /\b(joint (investigation|enquir(y|ies)|visit|working|s47)|criminal investigation|police (investigation|enquir(y|ies))|police (to|will) (investigate|lead|interview|arrest)|police(-| )led|single[- ]agency (police|investigation)|ABE|achieving best evidence|arrest(ed)?|crime (report|number|ref(erence)?)|interview under caution|VRI|video recorded interview|forensic|evidence[- ]gathering|police (are |is )?investigating|(criminal|police) enquir(y|ies)|police lead|criminal (side|matters?)|crime (to be )?recorded)\b/i;

/** The criminal investigation decision: whether, who leads, conduct and timing as written. */
export function readCriminalInvestigation(cs: string[]): Decisions["criminal_investigation"] {
  const no = cs.filter((c) => CRIME_NO.test(c));
  const yes = cs.filter((c) => CRIME_YES.test(c) && !CRIME_NO.test(c));
  const pending = yes.filter((c) => UNDECIDED.test(c));
  const firm = yes.filter((c) => !UNDECIDED.test(c) && !/\bno\b|\bnot\b/i.test(c));
  if (firm.length > 0) {
    const joint = firm.some((c) => /\bjoint\b/i.test(c));
    const lead = joint
      ? "Police lead the criminal investigation; children's social care lead the section 47 enquiries (joint investigation)"
      : firm.some((c) => /\bpolice\b|\bABE\b|arrest|caution/i.test(c))
        ? "Police"
        : null;
    return { decision: "yes", lead, detail: joinOrNull(firm) };
  }
  if (no.length > 0) return { decision: "no", lead: null, detail: joinOrNull(no) };
  if (pending.length > 0) return { decision: "undecided", lead: null, detail: joinOrNull(pending) };
  return { decision: "undecided", lead: null, detail: null };
}

const LEGAL_NO =
  /\b(no (legal|court|EPO|emergency protection|proceedings)|legal (action |advice )?(is )?(not|isn'?t) (required|needed|indicated)|no need for (legal|an EPO|court)|threshold for (legal|proceedings) not met|legal not required)\b/i;
const LEGAL_YES =
  /\b(EPO|emergency protection order|police protection|PPO|powers of protection|s\.?\s?46|section 46|legal planning( meeting)?|LPM|legal gateway|legal (advice|meeting|action)|PLO|pre-?proceedings|care proceedings|interim care order|ICO|court)\b/i;

/** Whether legal action (EPO, police protection, legal planning) was decided on, and what. */
export function readLegalAction(cs: string[]): Decisions["legal_action"] {
  const no = cs.filter((c) => LEGAL_NO.test(c));
  const yes = cs.filter((c) => LEGAL_YES.test(c) && !LEGAL_NO.test(c));
  const firm = yes.filter((c) => !UNDECIDED.test(c));
  if (firm.length > 0) return { decision: "yes", detail: joinOrNull(firm) };
  if (no.length > 0) return { decision: "no", detail: joinOrNull(no) };
  if (yes.length > 0) return { decision: "undecided", detail: joinOrNull(yes) };
  return { decision: "undecided", detail: null };
}

const FAMILY = /\b(parents?|mum|mother|dad|father|carers?|family|step-?(dad|mum|father|mother)|grandparents?|household)\b/i;
const TELLING =
  /\b(tell|told|inform(ed)?|share[ds]?|sharing|aware|advised?|explain(ed)?|update[ds]?|notif(y|ied)|not to know|consent|alert(ed)?|disclos(e|ed|ure))\b/i;

/** What was decided about sharing information with the child and family. */
export function readShareWithFamily(cs: string[]): string | null {
  return joinOrNull(cs.filter((c) => (FAMILY.test(c) || /\bchild and family\b/i.test(c)) && TELLING.test(c)));
}

const CHILD = /\b(child|children|him|her|them|YP|young person|boy|girl|baby|infant|toddler|sibling|siblings|\d+\s?(yo|y\/o|years? old))\b/i;
const SEE_CHILD = /\b(see|seen|seeing|speak|spoke|speaking|talk|talked|wishes and feelings|voice|views|interview(ed)?)\b/i;
const WELFARE =
  /\b(visit(ed|s|ing)?|ABE|achieving best evidence|CP medical|child protection medical|medical (assessment|examination)|paediatric (assessment|examination)|safety plan|stay(ing|s)? with|placed with|place of safety|protective|voice of (the )?child|wishes and feelings|EPO|emergency protection order|police protection)\b/i;

/** How the child's welfare and safety were considered, including seeing or speaking to the child. */
export function readChildWelfare(cs: string[]): string | null {
  return joinOrNull(cs.filter((c) => (SEE_CHILD.test(c) && CHILD.test(c)) || WELFARE.test(c)));
}

/**
 * Every decision from the decision clauses. Sharing with the family and the child's
 * welfare are often written among the actions, so they are also looked for in `wider`,
 * unless the record states them itself.
 */
export function readDecisions(
  cs: string[],
  wider: string[],
  stated: { share_with_family?: string | null; child_welfare?: string | null } = {},
): Decisions {
  return {
    section47: readSection47(cs),
    criminal_investigation: readCriminalInvestigation(cs),
    legal_action: readLegalAction(cs),
    share_with_family: stated.share_with_family || readShareWithFamily(wider),
    child_welfare: stated.child_welfare || readChildWelfare(wider),
  };
}

const OWNER_VERB = /^(.{1,45}?)\s+(?:to|will|should|must|shall|is to|are to|agreed to)\s+(.+)$/i;

/** One action from "SW to visit today", "Share records by 16/5 (HV)" or "Visit - SW". */
export function parseAction(text: string, anchor: string): RecordAction | null {
  const t = text.slice(0, MAX_CLAUSE).replace(/\s+/g, " ").replace(/^[\s\-*•\d).]+/, "").replace(/[.\s]+$/, "").trim();
  if (t.length < 3) return null;
  let owner: string | null = null;
  let action = t;
  const labelled = /\b(?:owner|lead|who|by whom|responsible)\s*[:=]\s*([^;,)]+)/i.exec(t);
  const m = OWNER_VERB.exec(t);
  if (labelled) {
    owner = labelled[1]?.trim() ?? null;
    action = t.replace(labelled[0], "").replace(/[\s,;(]+$/, "").trim();
  } else if (m && (m[1] ?? "").split(/\s+/).length <= 5) {
    owner = m[1]?.trim() ?? null;
    action = m[2]?.trim() ?? t;
  } else {
    const tail = /\s*(?:\(([^)]+)\)|[-–—]\s*([A-Za-z][\w .'&/]{1,30}))$/.exec(t);
    const who = tail?.[1] ?? tail?.[2];
    if (tail && who && (classify(who).role !== null || /^[A-Z][a-z]+(\s[A-Z][a-z]+)?$/.test(who.trim()))) {
      owner = who.trim();
      action = t.slice(0, tail.index).trim();
    }
  }
  if (owner && /^(all|everyone|tbc|tba|unknown|someone|\?+)$/i.test(owner)) owner = /^all|everyone/i.test(owner) ? owner : null;
  let due: { due: string | null; due_text: string | null };
  try {
    due = dueFromText(t, anchor);
  } catch {
    // An impossible due date stays as written and is flagged as missing, not rolled over.
    due = { due: null, due_text: null };
  }
  return { action: action.charAt(0).toUpperCase() + action.slice(1), owner, due: due.due, due_text: due.due_text };
}

/** Actions from an "Actions:" section: one per line, bullet or semicolon. */
export function parseActions(text: string, anchor: string): RecordAction[] {
  return text
    .split(/[;\n•]|(?<=\S)\.\s+(?=[A-Z])|\s\d+[.)]\s+/)
    .map((s) => parseAction(s, anchor))
    .filter((a): a is RecordAction => a !== null);
}
