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
 * One question wrapped in a story of the type its procedure implies (a general story when it names
 * none), from the `half` given.
 */
export function wrapInStory(question: string, data: CaseStories, half: Half, rng: Rng): string {
  const types = data.types.filter((t) => t.procedure.length > 0 && namesProcedure(question, t.procedure));
  const type = types.length > 0 ? pick(rng, types) : pick(rng, data.types.filter((t) => t.procedure.length === 0));
  const names = [...data.names.build, ...data.names.held];
  const story = pick(rng, type.stories[half])
    .replace("{child}", pick(rng, data.children[half]))
    .replace("{name}", pick(rng, data.names[half]))
    .replace("{when}", pick(rng, data.whens[half]))
    .replace(/^\s+/, "");
  const asker = pick(rng, data.askers[half]);
  const q = question.trim();
  const fills: Record<string, string> = {
    "{Asker}": upperFirst(asker),
    "{asker}": lowerFirst(asker, names),
    "{Story}": upperFirst(story),
    "{story}": lowerFirst(story, names),
    "{Q}": upperFirst(q),
    "{q}": lowerFirst(q, names),
  };
  return pick(rng, data.joins[half]).replace(/\{(?:Asker|asker|Story|story|Q|q)\}/g, (k) => fills[k]!);
}

/** Every question wrapped from one half: the same seed gives the same messages. */
export function wrapAllInStories(questions: readonly string[], half: Half, seed = 12, data = loadCaseStories()): string[] {
  const rng = seeded(seed);
  return questions.map((q) => wrapInStory(q, data, half, rng));
}
