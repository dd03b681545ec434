import { readFileSync } from "node:fs";
import { z } from "zod";
import { AppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import { isStudySet, LAST_STUDY_SET } from "../core/study-sets.js";
import { LEVELS, type TriageLevel } from "./levels.js";
import { DANGER_KINDS, REGISTERS, SPEAKERS } from "./risk-model.js";

/**
 * The labelled set (escalation/data/labelled/*.jsonl): every line has its level,
 * its danger kind (or null), who is writing and the register it is written in.
 * `hand` lines were written by walking the model by hand; `template` lines are
 * composed from templates.json crossed with the kinds (compose.ts); `examples` are
 * the project's earlier labelled examples, kept and given kinds and speakers; `natural`
 * lines (round two) were written by hand as people type them, for the kinds and registers
 * the first round was thinnest on, before the system was changed or measured on them.
 * `walked.jsonl` (source `hand`, round four) walks the sub-kinds added for sexual assault
 * now, missing with a threat and exploitation imminent, and adults unsure what to do. `walked5.jsonl`
 * (source `hand`, round five) walks the Welsh register across every kind and level, and long pastes
 * (each kind x speaker: danger now in the middle, now at the end after its history, history only).
 */
export const LabelledSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  text: z.string().min(1),
  level: z.enum(LEVELS as [TriageLevel, ...TriageLevel[]]),
  danger_kind: z.enum(DANGER_KINDS).nullable(),
  speaker: z.enum(SPEAKERS),
  register: z.enum(REGISTERS),
  source: z.enum(["hand", "template", "examples", "natural", "stranger"]),
  /** `heldback` lines are kept out of the shipped model's training, for the integration test. */
  split: z.enum(["train", "heldback"]),
  /** A stranger line's set (stranger-sets.json), kept so cross-validation can hold out a whole set. */
  set: z.string().optional(),
});
export type Labelled = z.infer<typeof LabelledSchema>;

export const LABELLED_FILES = ["hand.jsonl", "examples.jsonl", "generated.jsonl", "natural.jsonl", "walked.jsonl", "walked5.jsonl"] as const;

/** Parse one JSONL file of labelled lines, validated line by line. */
export function parseLabelled(text: string, name: string): Labelled[] {
  const out: Labelled[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const parsed = LabelledSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new AppError("internal", `Labelled line ${i + 1} of ${name} is invalid.`, { cause: parsed.error });
    out.push(parsed.data);
  });
  return out;
}

/** Load the whole labelled set; ids are unique across files. */
export function loadLabelled(dir: string = fromRoot("escalation", "data", "labelled")): Labelled[] {
  const all: Labelled[] = [];
  const ids = new Set<string>();
  for (const f of LABELLED_FILES) {
    for (const l of parseLabelled(readFileSync(`${dir}/${f}`, "utf8"), f)) {
      if (ids.has(l.id)) throw new AppError("internal", `Labelled id '${l.id}' is repeated.`);
      // A stranger's line is cited through stranger-sets.json, never copied into the team's files.
      if (l.source === "stranger" || l.set !== undefined) throw new AppError("internal", `Labelled line '${l.id}' of ${f} claims a stranger set.`);
      ids.add(l.id);
      all.push(l);
    }
  }
  return all;
}

/**
 * The retired held-out sets cited as a source of the labelled set (escalation/data/stranger-sets.json):
 * lines written by people outside the team, who never saw the code, before the round each set tested.
 * The team's own lines (and its generator's) are how the team writes; these are how strangers do.
 * Only sets retired into the study pool may be named (core/study-sets.ts): never the check pool or a set held out.
 */
export const StrangerManifestSchema = z.object({
  about: z.string().min(1),
  /** Each stranger line's weight in training, against 1 for a team line (chosen by the leave-one-set-out CV). */
  weight: z.number().positive(),
  /**
   * Whether the shipped weights train on the stranger sets (the stranger cross-validation always does; the kind,
   * register and speaker ones follow this). True since round thirteen, when the check pool said they helped; trained
   * with them, the weights may send a role play round a danger now (the rules' training frame) to 999.
   */
  shipped: z.boolean(),
  /** Whether the sentence net's bank takes sentences from stranger lines (chosen by the same CV). */
  sentence_bank: z.boolean(),
  sets: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z0-9-]+$/),
        file: z.string().refine((f) => isStudySet(f, "triage"), `only held-out sets #1-#${LAST_STUDY_SET} (the study pool) may be training sources`),
        lines: z.number().int().positive(),
        authors: z.string().min(1),
        written_before: z.string().min(1),
        reported: z.string().min(1),
        commit: z.string().regex(/^[0-9a-f]{7,40}$/),
        role: z.literal("training"),
      }),
    )
    .min(1),
});
export type StrangerManifest = z.infer<typeof StrangerManifestSchema>;
export const STRANGER_MANIFEST = fromRoot("escalation", "data", "stranger-sets.json");

export function loadStrangerManifest(path: string = STRANGER_MANIFEST): StrangerManifest {
  const parsed = StrangerManifestSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new AppError("internal", "The stranger sets manifest is invalid.", { cause: parsed.error });
  const names = parsed.data.sets.map((s) => s.name);
  const files = parsed.data.sets.map((s) => s.file);
  if (new Set(names).size !== names.length || new Set(files).size !== files.length) throw new AppError("internal", "A stranger set is named twice.");
  return parsed.data;
}

/** A held-out set's line, in the fields its README gives (`expected` is the level). */
const HeldoutLineSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  text: z.string().min(1),
  expected: z.enum(LEVELS as [TriageLevel, ...TriageLevel[]]),
  danger_kind: z.enum(DANGER_KINDS).nullable(),
  speaker: z.enum(SPEAKERS),
  register: z.enum(REGISTERS),
});

/**
 * The stranger sets as labelled lines (`source: "stranger"`, the set's name in `set`), validated line by line
 * and counted against the manifest. All are `train`: they are measured by holding a whole set out, not by a split.
 */
export function loadStrangerSets(manifest: StrangerManifest = loadStrangerManifest(), root: (...p: string[]) => string = fromRoot): Labelled[] {
  const out: Labelled[] = [];
  for (const s of manifest.sets) {
    const text = readFileSync(root(...s.file.split("/")), "utf8");
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    if (lines.length !== s.lines) throw new AppError("internal", `Stranger set ${s.name} has ${lines.length} lines, the manifest says ${s.lines}.`);
    lines.forEach((line, i) => {
      const parsed = HeldoutLineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new AppError("internal", `Line ${i + 1} of stranger set ${s.name} is invalid.`, { cause: parsed.error });
      const { expected, ...rest } = parsed.data;
      out.push({ ...rest, level: expected, source: "stranger", split: "train", set: s.name });
    });
  }
  return out;
}

/**
 * What the learned part learns from: the team's labelled set and the stranger sets, ids unique across both (the shipped
 * weights take the strangers only when the manifest's `shipped` says so; the cross-validations always do).
 * A pure function of the files (the labelled set, the manifest and the files it names).
 */
export function loadTrainingSet(opts: { dir?: string; manifest?: StrangerManifest; strangers?: boolean } = {}): Labelled[] {
  const team = loadLabelled(opts.dir);
  if (opts.strangers === false) return team;
  const strangers = loadStrangerSets(opts.manifest);
  const ids = new Set(team.map((l) => l.id));
  for (const l of strangers) {
    if (ids.has(l.id)) throw new AppError("internal", `Labelled id '${l.id}' is repeated.`);
    ids.add(l.id);
  }
  return [...team, ...strangers];
}

/** What the shipped weights train on: the team's train split and, when the manifest ships them, every stranger line. */
export function shippedTrainingSet(manifest: StrangerManifest = loadStrangerManifest()): Labelled[] {
  return loadTrainingSet({ manifest, strangers: manifest.shipped }).filter((l) => l.split === "train");
}

/** A line's weight in training: a stranger line counts `weight` team lines (the manifest's). */
export function trainingWeight(line: Pick<Labelled, "source">, manifest: Pick<StrangerManifest, "weight">): number {
  return line.source === "stranger" ? manifest.weight : 1;
}

/** A stable split: about one line in seven is held back, decided by the id alone. */
export function splitOf(id: string): "train" | "heldback" {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  return h % 7 === 0 ? "heldback" : "train";
}
