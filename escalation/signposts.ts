import { readFileSync } from "node:fs";
import { z } from "zod";
import { CitationSchema } from "../core/citation.js";
import { AppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import type { TriageLevel } from "./levels.js";

/** A signposted level: every level except none. */
export type SignpostLevel = Exclude<TriageLevel, "none">;

const CorpusSourceSchema = CitationSchema.extend({ kind: z.literal("corpus") });
const PublicSourceSchema = z.object({
  kind: z.literal("public"),
  publisher: z.string().min(1),
  url: z.url(),
  note: z.string().min(1),
});
/** Where a signpost's number or contact route comes from: the corpus, or named public information. */
export const SignpostSourceSchema = z.discriminatedUnion("kind", [CorpusSourceSchema, PublicSourceSchema]);
export type SignpostSource = z.infer<typeof SignpostSourceSchema>;

const LevelEntrySchema = z.object({ text: z.string().min(20), sources: z.array(z.string()).min(1) });
const SignpostFileSchema = z.object({
  sources: z.record(z.string(), SignpostSourceSchema),
  levels: z.object({
    "999": LevelEntrySchema,
    childline: LevelEntrySchema,
    "101_or_childrens_services": LevelEntrySchema,
    nspcc_advice: LevelEntrySchema,
  }),
  none: z.string().min(1),
});

/** Fixed, cited wording for one level. Nothing in a message can change it. */
export interface Signpost {
  readonly level: SignpostLevel;
  readonly text: string;
  readonly sources: readonly SignpostSource[];
}

/** The phone number each signpost must contain: checked at load so an edit cannot drop it. */
const REQUIRED_NUMBER: Record<SignpostLevel, string> = {
  "999": "999",
  childline: "0800 1111",
  "101_or_childrens_services": "101",
  nspcc_advice: "0808 800 5000",
};

function load(): { signposts: Record<SignpostLevel, Signpost>; none: string } {
  const path = fromRoot("escalation", "signposts.json");
  const parsed = SignpostFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new AppError("internal", "The signpost wording file is invalid.", { cause: parsed.error });
  const file = parsed.data;
  const signposts = {} as Record<SignpostLevel, Signpost>;
  for (const level of Object.keys(REQUIRED_NUMBER) as SignpostLevel[]) {
    const entry = file.levels[level];
    if (!entry.text.includes(REQUIRED_NUMBER[level])) {
      throw new AppError("internal", `The ${level} signpost must contain ${REQUIRED_NUMBER[level]}.`);
    }
    const sources = entry.sources.map((id) => {
      const source = file.sources[id];
      if (!source) throw new AppError("internal", `The ${level} signpost cites an unknown source '${id}'.`);
      return Object.freeze(source);
    });
    signposts[level] = Object.freeze({ level, text: entry.text, sources: Object.freeze(sources) });
  }
  return { signposts: Object.freeze(signposts), none: file.none };
}

const loaded = load();

/** The fixed signpost for a level, or null for `none`. */
export function signpostFor(level: TriageLevel): Signpost | null {
  return level === "none" ? null : loaded.signposts[level];
}

/** The reply line for a level: the signpost wording, or a short neutral line for `none`. */
export function signpostText(level: TriageLevel): string {
  return level === "none" ? loaded.none : loaded.signposts[level].text;
}
