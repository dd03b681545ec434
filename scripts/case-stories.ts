/**
 * Case stories by story type (test/knowledge/case-stories.json), wrapped around a plain procedure
 * question to measure what the wrapping alone costs: the same question asked plainly and inside a
 * story of who asks, who the child is and what happened. Unlike scripts/case-wrap.ts, whose stories
 * name no procedure, a story here implies the procedure the question is about (an allegation against
 * a teaching assistant for a LADO question, a pregnancy for a pre-birth one), as practitioners' do.
 * Every part is in one of two halves, `build` and `held`: the held half is reported apart and never
 * looked at while the reading is developed.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { fromRoot } from "../core/paths.js";
import { pick, seeded, type Rng } from "../core/random.js";
import { fold } from "../knowledge/text.js";

const Halves = z.object({ build: z.array(z.string()).min(1), held: z.array(z.string()).min(1) });
const StoriesSchema = z.object({
  about: z.string(),
  askers: Halves,
  children: Halves,
  names: Halves,
  whens: Halves,
  types: z.array(z.object({ id: z.string(), procedure: z.array(z.string()), stories: Halves })).min(2),
  joins: Halves,
  forms: z.object({
    about: z.string(),
    start: Halves,
    middle: Halves,
    lean: Halves,
    note: Halves,
    colleague: Halves,
    multi: Halves,
    other: Halves,
    leans: Halves,
    seconds: Halves,
    laters: Halves,
    others: z.record(z.string(), Halves),
  }),
});
export type CaseStories = z.infer<typeof StoriesSchema>;
export type Half = "build" | "held";

/** The story data, validated. */
export function loadCaseStories(path = fromRoot("test", "knowledge", "case-stories.json")): CaseStories {
  return StoriesSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Lower a sentence's first letter unless it opens with an acronym, "I" or a name ("ICPC", "Chloe (12)"). */
function lowerFirst(s: string, names: readonly string[]): string {
  if (/^(?:[A-Z]{2,}|I\b)/.test(s) || names.some((n) => s.startsWith(n))) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Whether a question names a story type's procedure (a word or phrase starting at a word boundary). */
export function namesProcedure(question: string, procedure: readonly string[]): boolean {
  const q = ` ${fold(question).replace(/[^a-z0-9'-]+/g, " ")}`;
  return procedure.some((p) => q.includes(` ${fold(p)}`));
}

/**
 * The story told around a question and who tells it: a story of the type its procedure implies (a general one when it
 * names none) with its slots filled, drawn from the `half` given. Both wrappers draw in this order, so a seed gives the
 * same messages whichever wraps.
 */
function storyFor(question: string, data: CaseStories, half: Half, rng: Rng) {
  const types = data.types.filter((t) => t.procedure.length > 0 && namesProcedure(question, t.procedure));
  const type = types.length > 0 ? pick(rng, types) : pick(rng, data.types.filter((t) => t.procedure.length === 0));
  const names = [...data.names.build, ...data.names.held];
  const story = pick(rng, type.stories[half])
    .replace("{child}", pick(rng, data.children[half]))
    .replace("{name}", pick(rng, data.names[half]))
    .replace("{when}", pick(rng, data.whens[half]))
    .replace(/^\s+/, "");
  const asker = pick(rng, data.askers[half]);
  return { types, names, story, asker };
}

/** The slots every join fills: who asks, the story and the question, each capitalised as it opens a sentence or not. */
function baseFills(asker: string, story: string, q: string, names: readonly string[]): Record<string, string> {
  return {
    "{Asker}": upperFirst(asker),
    "{asker}": lowerFirst(asker, names),
    "{Story}": upperFirst(story),
    "{story}": lowerFirst(story, names),
    "{Q}": upperFirst(q),
    "{q}": lowerFirst(q, names),
  };
}

/**
 * One question wrapped in a story of the type its procedure implies (a general story when it names
 * none), from the `half` given.
 */
export function wrapInStory(question: string, data: CaseStories, half: Half, rng: Rng): string {
  const { names, story, asker } = storyFor(question, data, half, rng);
  const q = question.trim();
  const fills = baseFills(asker, story, q, names);
  return pick(rng, data.joins[half]).replace(/\{(?:Asker|asker|Story|story|Q|q)\}/g, (k) => fills[k]!);
}

/** Every question wrapped from one half: the same seed gives the same messages. */
export function wrapAllInStories(questions: readonly string[], half: Half, seed = 12, data = loadCaseStories()): string[] {
  const rng = seeded(seed);
  return questions.map((q) => wrapInStory(q, data, half, rng));
}

/** How a message wraps its ask: `story` is the joins' story around the ask; the rest are `forms`. */
export const FORMS = ["story", "start", "middle", "lean", "note", "colleague", "multi", "other"] as const;
export type Form = (typeof FORMS)[number];

/** Nouns a procedure term heads ("initial child protection conference", "section 47 enquiries"). */
const HEADS = "conference|conferences|plan|plans|enquiry|enquiries|discussion|discussions|meeting|meetings|review|reviews|order|orders|assessment|assessments|arrangements";
/** Procedures that name people, which "it" cannot stand for. */
const PEOPLE = /^(?:lado|designated officer|safeguarding partners|lead safeguarding partner|delegated safeguarding partner|relevant agenc|people who work with children|member of staff|staff member|volunteer|panel|position of trust)$/;

/**
 * The question with its procedure moved out: the span naming it (with its article and up to three
 * modifiers, "the initial child protection conference") and the question with "it" in its place,
 * or null when it names none that "it" can stand for.
 */
export function leanOn(question: string, data: CaseStories): { term: string; ask: string } | null {
  // A question that already says "it" would read "is it still it".
  if (/\bit\b/i.test(question)) return null;
  const terms = data.types.flatMap((t) => t.procedure).filter((p) => !PEOPLE.test(p)).sort((a, b) => b.length - a.length);
  for (const p of terms) {
    const esc = p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const re = new RegExp(String.raw`\b(?:(?:the|an?|this)\s+(?:(?!(?:the|an?|about|of|for|to|in|on|and|or|with|at|by|after|before|if|when)\b)[\w'-]+\s+){0,3}?)?${esc}[\w'-]*(?:\s+(?:${HEADS}))?\b`, "gi");
    for (const m of question.matchAll(re)) {
      // Without an article the term must stand alone: "child criminal exploitation" is no "child criminal it".
      const before = question.slice(0, m.index).trim().split(/\s+/).pop() ?? "";
      if (!/^(?:the|an?|this)\s/i.test(m[0]) && before && !/^(?:on|about|for|in|of|to|at|from|after|before|into|with|by|under|[-–—:,])$/i.test(before)) continue;
      const ask = (question.slice(0, m.index) + "it" + question.slice(m.index + m[0].length)).replace(/\s+/g, " ").trim();
      if (ask.split(/\s+/).length < 3) return null;
      return { term: m[0], ask };
    }
  }
  return null;
}

/** A story in note form: no articles, clauses run together, lower case. */
export function noteForm(story: string): string {
  return story
    .replace(/\b(?:the|a|an)\s+/gi, "")
    .replace(/\s+and\s+/g, ", ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * One question wrapped in the given form, from the `half` given; a form the question cannot take
 * (a lean for a question naming no procedure) falls back to `story`. Returns the form used.
 */
export function wrapInForm(question: string, data: CaseStories, half: Half, form: Form, rng: Rng): { text: string; form: Form } {
  const lean = form === "lean" ? leanOn(question, data) : null;
  if (form === "story" || (form === "lean" && !lean)) return { text: wrapInStory(question, data, half, rng), form: "story" };
  const { types, names, story, asker } = storyFor(question, data, half, rng);
  const f = data.forms;
  const others = Object.entries(f.others).filter(([id]) => !types.some((t) => t.id === id) && !namesProcedure(question, data.types.find((t) => t.id === id)?.procedure ?? []));
  const other = pick(rng, pick(rng, others)[1][half]);
  const leanText = lean ? pick(rng, f.leans[half]).replace("{term}", lean.term.replace(/^this\b/i, "the")) : "";
  // An ask followed by more of the message is set off as its writer would: with a question mark.
  const ends = (t: string) => (form === "start" || form === "middle" || form === "multi") && !/[?.!]$/.test(t) ? `${t}?` : t;
  const q = ends(question.trim());
  const ql = lean?.ask ?? q;
  const note = noteForm(story);
  const fills: Record<string, string> = {
    ...baseFills(asker, story, q, names),
    "{QL}": upperFirst(ql),
    "{ql}": lowerFirst(ql, names),
    "{Lean}": upperFirst(leanText),
    "{lean}": lowerFirst(leanText, names),
    "{Note}": upperFirst(note),
    "{note}": lowerFirst(note, names),
    "{Other}": upperFirst(other),
    "{other}": lowerFirst(other, names),
    "{Second}": pick(rng, f.seconds[half]),
    "{Later}": pick(rng, f.laters[half]),
  };
  const text = pick(rng, f[form][half]).replace(/\{(?:Asker|asker|Story|story|QL|ql|Q|q|Lean|lean|Note|note|Other|other|Second|Later)\}/g, (k) => fills[k]!);
  return { text, form };
}

/** Every question wrapped from one half, the forms taken in turn: the same seed gives the same messages. */
export function wrapAllInForms(questions: readonly string[], half: Half, seed = 12, data = loadCaseStories()): { text: string; form: Form }[] {
  const rng = seeded(seed);
  return questions.map((q, k) => wrapInForm(q, data, half, FORMS[k % FORMS.length]!, rng));
}
