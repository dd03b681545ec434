import { readFileSync } from "node:fs";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { shippedData } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import { PhraseIndex, type PhraseEntry } from "./phrases.js";
import type { Word } from "./text.js";
import { JurisdictionDataSchema, type CueKind, type JurisdictionData } from "./schema.js";

/**
 * Which jurisdiction words place a text in: Welsh councils (in English and Welsh),
 * the four Welsh police forces, the seven health boards, Welsh hospitals and towns,
 * Welsh law and procedures, and their English counterparts. Read from
 * lexicon/data/jurisdiction.json.
 */

/** One word or phrase that placed the text, as written, with what it is. */
export interface JurisdictionCue {
  jurisdiction: Jurisdiction;
  kind: CueKind;
  /** The cue as the table names it ("Cardiff", "South Wales Police"). */
  cue: string;
  /** The words as written in the text ("Caerdydd", "SWP"). */
  words: string;
  /** Counted only beside another cue of the same jurisdiction. */
  ambiguous: boolean;
}

/** The jurisdiction a text was read as, and the words it was read from. */
export interface JurisdictionReading {
  /** Null when nothing places the text, or England and Wales weigh the same. */
  jurisdiction: Jurisdiction | null;
  /** The cues that counted, in the order they appear. */
  evidence: JurisdictionCue[];
  scores: Record<Jurisdiction, number>;
}

interface CueValue {
  jurisdiction: Jurisdiction;
  kind: CueKind;
  cue: string;
  ambiguous: boolean;
}

let data: JurisdictionData | undefined;
let index: PhraseIndex<CueValue> | undefined;

/** The jurisdiction cue table, validated on first use. */
export function jurisdictionData(): JurisdictionData {
  if (data) return data;
  const raw: unknown = JSON.parse(readFileSync(fromRoot("lexicon", "data", "jurisdiction.json"), "utf8"));
  data = shippedData(JurisdictionDataSchema, raw, "The jurisdiction cue table");
  return data;
}

function cueIndex(): PhraseIndex<CueValue> {
  if (index) return index;
  const d = jurisdictionData();
  const entries: PhraseEntry<CueValue>[] = [];
  for (const jurisdiction of ["wales", "england"] as const) {
    for (const [kind, cues] of Object.entries(d[jurisdiction]) as [CueKind, NonNullable<JurisdictionData["wales"][CueKind]>][]) {
      for (const c of cues) {
        const base = { jurisdiction, kind, cue: c.text };
        entries.push({ text: c.text, value: { ...base, ambiguous: Boolean(c.ambiguous) } });
        if (c.cy) entries.push({ text: c.cy, value: { ...base, ambiguous: Boolean(c.ambiguous) } });
        for (const a of c.aliases ?? []) {
          if (typeof a === "string") entries.push({ text: a, value: { ...base, ambiguous: Boolean(c.ambiguous) } });
          else entries.push({ text: a.text, value: { ...base, ambiguous: a.ambiguous } });
        }
      }
    }
  }
  index = new PhraseIndex(entries);
  return index;
}

/** Every cue in the text, counted or not, in order. */
export function jurisdictionCues(text: string, ws?: Word[]): JurisdictionCue[] {
  return cueIndex()
    .matchAll(text, "text", ws)
    .filter((m) => !acrossSentences(m.surface))
    .flatMap((m) => m.values.map((v) => ({ ...v, words: m.surface })));
}

/** A name never runs across the end of a sentence: "threshold met. Police will investigate" is no "Met Police". */
function acrossSentences(surface: string): boolean {
  const cut = surface.replace(/\b(?:st|dr|mt|mr|mrs|ms|rd|co|no)\.(?=\s)/gi, "");
  return /[.!?;]\s|\n/.test(cut);
}

/**
 * The jurisdiction the text is written in. Each distinct cue counts once with its kind's
 * weight; an ambiguous cue counts only beside another cue of the same jurisdiction. The
 * heavier side wins when it reaches the weight of one clear cue (a council, a force, a
 * law); weak cues (a Welsh greeting) need company.
 */
export function readJurisdiction(text: string): JurisdictionReading {
  const all = jurisdictionCues(text);
  const weights = jurisdictionData().weights;
  const scores: Record<Jurisdiction, number> = { england: 0, wales: 0 };
  const evidence: JurisdictionCue[] = [];
  for (const j of ["wales", "england"] as const) {
    const mine = all.filter((c) => c.jurisdiction === j);
    const corroborated = mine.some((c) => !c.ambiguous);
    const seen = new Set<string>();
    for (const c of mine) {
      if (c.ambiguous && !corroborated) continue;
      const key = `${c.kind}:${c.cue}`;
      if (seen.has(key)) continue;
      seen.add(key);
      scores[j] += weights[c.kind] ?? 1;
      evidence.push(c);
    }
  }
  evidence.sort((a, b) => text.indexOf(a.words) - text.indexOf(b.words));
  const threshold = decisiveWeight();
  let jurisdiction: Jurisdiction | null = null;
  if (scores.wales > scores.england && scores.wales >= threshold) jurisdiction = "wales";
  else if (scores.england > scores.wales && scores.england >= threshold) jurisdiction = "england";
  return { jurisdiction, evidence, scores };
}

/** The weight of one clear cue: a text is placed only when its cues weigh at least this. */
function decisiveWeight(): number {
  return Math.min(...Object.values(jurisdictionData().weights).filter((w) => w >= 2));
}

/** Whether the text mentions Wales clearly (a Welsh place, force, law or "Wales"), whatever else it mentions. */
export function mentionsWales(text: string): boolean {
  return readJurisdiction(text).scores.wales >= decisiveWeight();
}
