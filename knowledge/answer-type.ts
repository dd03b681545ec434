import type { Concept } from "./expand.js";
import { hasTimeExpression } from "./quote.js";
import { stems, words } from "./text.js";

/**
 * What kind of answer a question asks for, from its asking words: a time ("when must…",
 * "how long"), a person or role ("who…"), a definition ("what is…", "what does X mean"),
 * or anything else. The kind decides which sentences can answer it at all.
 */
export type AnswerKind = "time" | "who" | "definition" | "other";

const TIME = /\b(how (long|soon|quickly|fast|often|many (working )?(days|weeks|months|hours))|by when|when (must|should|does|do|is|are|will|has|have|can|would)|deadline|timescales?|time ?limit|time ?frame|within how)\b/i;
const WHO = /\b(who|whom|whose|which (agency|agencies|practitioner|practitioners|professional|professionals|organisation|organisations|person|people|role|roles))\b/i;
const DEFINITION = /\b(what (is|are|does|do) (an? |the )?[\w' -]{2,60}? (mean|stand for)\b|what (is|are) (an? |the )?[\w' -]{2,40}\?|define\b|definition of\b|meaning of\b)/i;

export function answerKind(question: string): AnswerKind {
  if (TIME.test(question)) return "time";
  if (WHO.test(question)) return "who";
  if (DEFINITION.test(question)) return "definition";
  return "other";
}

/** Verbs and auxiliaries that end a sentence's subject: "The initial child protection conference | should take place…". */
const FINITE = new Set(["should", "must", "will", "shall", "may", "can", "could", "would", "might", "is", "are", "was", "were", "has", "have", "had", "need", "needs", "means", "refers", "includes", "include"]);

/**
 * The subject of a sentence: its words before the first modal or auxiliary verb, at most
 * the first dozen (a sentence that opens with a clause — "Where…, the lead practitioner
 * should…" — has its subject after the last comma before that verb).
 */
export function sentenceSubject(sentence: string): string[] {
  // An opening clause ("Where a child is at risk, …") has verbs of its own: the subject comes after it.
  const text = sentence.replace(/^\s*(if|when|where|unless|because|whether|once|after|before|until|while|as soon as|in (?:such|these|all) cases)\b[^,]*,/i, "");
  const ws = words(text.replace(/\([^)]*\)/g, " "));
  const end = ws.findIndex((w) => FINITE.has(w));
  if (end <= 0) return ws.slice(0, 6);
  const head = text.replace(/\([^)]*\)/g, " ");
  // The last clause before the verb: "If a child is at risk, the social worker should…" → "the social worker".
  const beforeVerb = head.split(new RegExp(`\\b${ws[end]}\\b`, "i"))[0] ?? "";
  const clause = beforeVerb.split(/[,;:]|\b(?:if|when|where|unless|because|whether|once|after|before|until|while)\b/i).pop() ?? beforeVerb;
  const subject = words(clause);
  return (subject.length > 0 ? subject : ws.slice(0, end)).slice(-12);
}

/**
 * How much of what the question asks about is the sentence's subject: the share (weighted
 * by how rare each is in the corpus) of the question's concepts found among the subject's
 * stems. "When must the ICPC be held?" is answered by a sentence about the conference, not
 * one about the first review that mentions the conference as an object.
 */
export function subjectMatch(concepts: readonly Concept[], subject: ReadonlySet<string>, weight: (stem: string) => number): number {
  let total = 0;
  let matched = 0;
  for (const c of concepts) {
    const w = Math.max(...c.alternatives.map((a) => Math.min(...a.map(weight))));
    total += w;
    if (c.alternatives.some((a) => a.filter((s) => subject.has(s)).length * 2 > a.length || (a.length === 1 && subject.has(a[0]!)))) matched += w;
  }
  return total > 0 ? matched / total : 0;
}

/** Whether a sentence is the kind that answers: a time for "when", a role for "who", a definition for "what is". */
export function fitsKind(kind: AnswerKind, text: string): boolean {
  switch (kind) {
    case "time":
      return hasTimeExpression(text);
    case "who":
      return ROLE.test(text);
    case "definition":
      return /^[^.;:]{2,80}?\b(is|are|means|refers to|describes?)\b/i.test(text);
    default:
      return true;
  }
}

/** Words that name a person or a body that acts. */
const ROLE = /\b(practitioners?|social workers?|managers?|lead|leads|officers?|designated|nurses?|doctors?|gps?|police|partners|agenc(y|ies)|authorit(y|ies)|partnerships?|board|panel|court|chair|teachers?|heads?|staff|professionals?|organisations?|person|persons|people|parents?|carers?|providers?|services?|team|LADO|DSL)\b/i;

/**
 * What a question asks about: the subject of its asking clause once the question word and its
 * auxiliary are taken off ("when must | the ICPC | be held" → "the ICPC"). Empty when the
 * question word is itself the subject ("who chairs…") or nothing is left.
 */
export function questionSubject(question: string): string[] {
  const q = question.replace(/^[^?]*?\b(when|what|how (long|soon|quickly|fast|often|many \w+)|by when|where|which \w+|why)\s+(must|should|does|do|did|is|are|can|will|would|has|have|shall|may)\s+/i, "");
  if (q === question) return [];
  const ws = words(q.replace(/\?.*$/, ""));
  const end = ws.findIndex((w) => FINITE.has(w) || QUESTION_VERBS.has(w));
  return end > 0 ? ws.slice(0, end) : [];
}

/** Verbs that end the subject of an inverted question ("…the ICPC be held", "…the school get told"). */
const QUESTION_VERBS = new Set(["be", "been", "get", "take", "happen", "happens", "start", "end", "last", "need", "go", "come", "hear", "know", "find", "make", "do", "say", "attend", "apply"]);

/** The stems of a sentence's subject, for `subjectMatch`. */
export function subjectStems(text: string): Set<string> {
  return new Set(stems(sentenceSubject(text).join(" ")));
}

/**
 * The form of answer a question asks for, for the coverage decision: a time, a person or role, a
 * list ("what goes in a referral", "what should the plan include"), or none in particular (a
 * yes/no question, a how or why, which any passage may answer in its own words).
 */
export type AskedForm = "time" | "who" | "list" | "none";

const LIST = /\b(what (goes|should go|needs to go|must go|to put|do i put|should i put|to include|should be included|must be included|needs to be included|is included|are the (steps|stages|factors|options|criteria|principles|types|kinds|categories|responsibilities|duties|roles))|what (should|must|does|do|would|will) (?:[\w']+ ){1,5}?(include|cover|contain|consider|record|set out|look at|be told|be asked)|which (factors|steps|things|matters|areas|criteria)|list (of|the|all)|key (elements|features|principles|steps))\b/i;

export function askedForm(question: string): AskedForm {
  const kind = answerKind(question);
  if (kind === "time" || kind === "who") return kind;
  return LIST.test(question) ? "list" : "none";
}

/**
 * Whether a passage holds the form of answer asked for: a sentence stating a time, a sentence
 * naming a role, or a list. 1 when no form is asked for.
 */
export function holdsForm(form: AskedForm, units: readonly { text: string; kind: string }[]): boolean {
  switch (form) {
    case "time":
      return units.some((u) => hasTimeExpression(u.text));
    case "who":
      return units.some((u) => ROLE.test(u.text));
    case "list":
      return units.some((u) => u.kind === "bullet") || units.some((u) => /[:;]\s*$|\bincluding\b|\bsuch as\b|\bthe following\b/i.test(u.text));
    default:
      return true;
  }
}
