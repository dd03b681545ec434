/**
 * Case-wrapped variants of bank questions, generated from a grammar of story parts, for
 * tuning and measuring how retrieval copes when a procedural ask sits inside a story
 * about a child ("I've got a 15yo whose mum ..., do I need to ...?").
 *
 * The grammar walks the parts of such a story: who is asking (their role and setting),
 * who the child is (age, school year, baby, siblings, a name), what happened (a disclosure,
 * an injury, going missing, a family change, an arrest, exploitation) and how the story is
 * joined to the ask (its own sentence before or after, one sentence joined by a comma,
 * dash, "so" or "and", a bracketed aside). None of it names a procedure: it is the
 * narrative a practitioner wraps around the question. Seeded, so a run can be replayed.
 */
import { pick, seeded } from "../core/random.js";


/** Who is asking: a role and a setting, as practitioners introduce themselves. */
export const ASKERS = [
  "I'm the DSL at a secondary school",
  "I'm a class teacher at a primary",
  "Health visitor here",
  "I'm a social worker in the assessment team",
  "I'm a youth worker",
  "I'm a foster carer",
  "School nurse here",
  "I manage a nursery",
  "I'm a newly qualified social worker",
  "I work at a GP surgery",
  "I'm a family support worker",
  "I'm a police officer on the response team",
  "I run a football club for under-12s",
  "I'm a midwife",
] as const;

/** Who the child is: ages, school years, babies, siblings, names. */
export const CHILDREN = [
  "a 15yo",
  "a 14-year-old girl",
  "a Year 9 boy",
  "a baby of 6 weeks",
  "a 3 year old",
  "twins aged 7",
  "a 16 year old lad",
  "a girl called Chloe (12)",
  "a boy called Tyler, aged 10",
  "an unborn baby due in May",
  "a Year 4 girl",
  "three siblings aged 2, 5 and 9",
  "a 17yo care leaver",
  "a lad in Year 11",
] as const;

/** What happened: the story's events, with no procedure in them. */
export const EVENTS = [
  "whose mum has a new boyfriend who has been staying over",
  "who told a teacher that dad hits them",
  "who came in with a bruise on his cheek",
  "who has gone missing from home twice this month",
  "whose parents are splitting up and fighting a lot",
  "who says they are being sent to live with their nan",
  "whose mum was arrested last night",
  "who keeps turning up hungry and in dirty clothes",
  "who has been seen getting into cars with older men",
  "whose older brother is known to the police",
  "whose dad drinks heavily at weekends",
  "who has stopped coming to school since half term",
  "whose family has just moved here from another council",
  "who posted something worrying on Snapchat",
] as const;

/** How the story meets the ask. `s` is the story ("I've got a 15yo whose mum ..."), `q` the question. */
export const JOINS: readonly ((p: { asker: string; s: string; q: string; lq: string }) => string)[] = [
  ({ asker, s, q }) => `${asker}. ${s}. ${q}`,
  ({ s, lq }) => `${s}, ${lq}`,
  ({ s, lq }) => `${s} - ${lq}`,
  ({ asker, s, lq }) => `${asker} and ${lowerFirst(s)}, so ${lq}`,
  ({ s, q }) => `${q} Asking because ${lowerFirst(s)}.`,
  ({ asker, s, lq }) => `Quick one: ${lowerFirst(s)} (${lowerFirst(asker)}), ${lq}`,
  ({ asker, s, q }) => `${s}. ${asker}. ${q}`,
  ({ s, lq }) => `${s} and I need to know ${lq}`,
];

function lowerFirst(s: string): string {
  // An acronym or a name keeps its capital ("ICPC", "LADO", "Chloe"); "I" stays "I".
  if (/^(?:[A-Z]{2,}|I\b|[A-Z][a-z]+\b(?=,))/.test(s)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

const STORY_OPENINGS = ["I've got", "I'm working with", "We have", "There's", "I'm worried about"] as const;

/** One case-wrapped variant of a question, chosen by the generator. */
export function wrapInCase(question: string, rng: () => number): string {
  const asker = pick(rng, ASKERS);
  const s = `${pick(rng, STORY_OPENINGS)} ${pick(rng, CHILDREN)} ${pick(rng, EVENTS)}`;
  const q = question.trim();
  return pick(rng, JOINS)({ asker, s, q, lq: lowerFirst(q) });
}

/** Case-wrapped variants of many questions: the same seed gives the same variants. */
export function wrapAll(questions: readonly string[], seed = 9): string[] {
  const rng = seeded(seed);
  return questions.map((q) => wrapInCase(q, rng));
}
