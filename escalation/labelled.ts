import { readFileSync } from "node:fs";
import { z } from "zod";
import { AppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
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
  source: z.enum(["hand", "template", "examples", "natural"]),
  /** `heldback` lines are kept out of the shipped model's training, for the integration test. */
  split: z.enum(["train", "heldback"]),
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
      ids.add(l.id);
      all.push(l);
    }
  }
  return all;
}

/** A stable split: about one line in seven is held back, decided by the id alone. */
export function splitOf(id: string): "train" | "heldback" {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  return h % 7 === 0 ? "heldback" : "train";
}
