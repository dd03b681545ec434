import { readFileSync } from "node:fs";
import { z } from "zod";
import { shippedData } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import { PhraseIndex, fold, readPersonTerms, words, type PhraseMatch, type Word } from "../lexicon/index.js";

/**
 * The words of strategy discussion notes (records/data/notes-vocabulary.json): headings,
 * attendance, the meeting line, shorthand, tasks. Loaded and checked once; every reader
 * in records/ takes its words from here rather than from patterns of its own.
 */

export const SECTION_KEYS = [
  "present", "apologies", "absent", "reports", "chair", "recorded_by", "meeting", "child_ref",
  "concerns", "information", "decisions", "actions", "share", "welfare", "next", "initials_key",
] as const;
export const SectionKeySchema = z.enum(SECTION_KEYS);
export type SectionKey = z.infer<typeof SectionKeySchema>;

export const AttendanceStatusSchema = z.enum(["took_part", "apologies", "invited_absent", "sent_report"]);
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;

const Phrases = z.array(z.string().min(1));
const ColumnKindSchema = z.enum(["name", "role", "agency", "status", "action", "owner", "due"]);
export type ColumnKind = z.infer<typeof ColumnKindSchema>;

const VocabularySchema = z.object({
  headings: z.record(SectionKeySchema, Phrases),
  keep_label: z.array(SectionKeySchema),
  attendance: z.record(AttendanceStatusSchema, Phrases),
  attendance_prefix: z.partialRecord(AttendanceStatusSchema, Phrases),
  chair_words: Phrases,
  /** A person marked in a list as the one writing the notes ("Jo Hart – SW – minutes", "(notes)"): they took part and recorded. */
  recorder_words: Phrases,
  self_words: Phrases,
  person_stopwords: Phrases,
  meeting_words: Phrases,
  relative_days: z.object({ today: Phrases, yesterday: Phrases }),
  /**
   * How the discussion was held. A venue ("school", "room") says it met in person only where the line is about
   * the venue; a "call" is the phone only where it names the discussion ("strat call", "SD call"), not "call mum".
   */
  formats: z.object({ virtual: Phrases, phone: Phrases, meeting: Phrases, call: Phrases, venue: Phrases }),
  dob_words: Phrases,
  /** A later meeting named in the notes (a review, the next or a reconvened strategy discussion): its date is not this one's. */
  next_meeting_words: Phrases,
  /** Words saying when the notes were typed or written up: the date after them is the writing's, not the meeting's. */
  write_up_words: Phrases,
  not_child_ref: Phrases,
  shorthand: z.record(z.string(), z.string()),
  harm_words: Phrases,
  /**
   * The reason for the discussion given only as a pointer to another record ("see MASH referral", "as per the contact
   * on WCCIS", "not repeated here"). Working Together 2023 (ch. 3) and the Wales multi-agency meetings guidance expect the
   * record to say why the discussion was held; a pointer leaves the record without it, so the concerns gap stands.
   */
  concern_pointers: Phrases,
  child_words: Phrases,
  family_words: Phrases,
  telling_words: Phrases,
  /**
   * The child's safety considered (Working Together 2023, chapter 3: "consider the child's welfare and safety"; what
   * immediate action is needed to safeguard the child): where and with whom the child stays now, a safety plan or
   * agreement, contact stopped or supervised, an order or police protection, the child safe. Seeing the child, a home
   * visit or a medical are tasks of the enquiry, not this decision: a record that only plans to see the child has not
   * said how the child is kept safe meanwhile.
   */
  child_safety_phrases: Phrases,
  /**
   * A line labelled as what was decided about the child's safety and welfare (Working Together 2023, chapter 3: the
   * strategy discussion considers "the child's welfare and safety" and what immediate action keeps the child safe): the
   * label names the safety or welfare, of the child by a word or by name, perhaps as a plan or arrangements, and when
   * or where it holds (now, tonight, until or pending something; at birth or on discharge in a pre-birth discussion; at
   * home, in hospital, in placement), then a separator and what was decided.
   */
  safety_label: z.object({ subjects: Phrases, kinds: Phrases, when: Phrases, where: Phrases }),
  action_words: Phrases,
  no_actions: Phrases,
  collective_owners: Phrases,
  decision_words: Phrases,
  table_columns: z.record(ColumnKindSchema, Phrases),
  /** Words that follow an institution's own name ("Oakfield Primary", "park view high"). */
  org_suffixes: Phrases,
  org_prefixes: Phrases,
  welsh_particles: Phrases,
  greetings: Phrases,
  closings: Phrases,
  /**
   * Days of the year said by name that fall on the same date every year ("by Christmas Eve", "before New Year's Day"):
   * month and day. Moveable days (Easter, half term) are not here: their date is not in the words.
   */
  /** Counts said in words in a timescale ("within five working days", "in a fortnight", "a couple of weeks"). */
  number_words: z.record(z.string(), z.number().int().positive()),
  named_days: z.record(z.string(), z.string().regex(/^\d{2}-\d{2}$/)),
  /** What the chair says at the end about the record itself ("I'll circulate the notes"): not an action of the plan. */
  record_housekeeping: Phrases,
  /** A team, unit or service named after a person (`team_names`): the unit's nouns and the words that join its name. */
  team_names: z.object({ unit_nouns: Phrases, joiners: Phrases }),
  /**
   * Who attended, beyond headings and status words: the joining words of one person's two roles ("deputy head and
   * DSL"), the pairs of roles people hold together, and what is said of someone spoken of but not at the discussion.
   */
  attendance_forms: z.object({
    role_joiners: Phrases,
    compound_roles: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
    mentioned_only: Phrases,
    written_contribution: z.object({
      $comment: z.string().optional(),
      send_verbs: Phrases,
      documents: Phrases,
      alone: Phrases,
    }),
    part_played: z.object({ $comment: z.string().optional(), phrases: Phrases }),
  }),
});
export type Vocabulary = z.infer<typeof VocabularySchema>;

let cached: Vocabulary | undefined;

/** The notes vocabulary, validated on first use. */
export function vocabulary(): Vocabulary {
  if (cached) return cached;
  const raw: unknown = JSON.parse(readFileSync(fromRoot("records", "data", "notes-vocabulary.json"), "utf8"));
  cached = withoutApostrophes(shippedData(VocabularySchema, raw, "The notes vocabulary"));
  return cached;
}

/**
 * Each phrase with "n't" also as people type it in chat without the apostrophe: "couldn't make
 * it" is also "couldnt make it". Words are split at apostrophes, so "couldn't" is "couldn t".
 */
function withoutApostrophes(v: Vocabulary): Vocabulary {
  const more = (list: string[]) => [...list, ...list.filter((p) => /n['’ ]t\b/.test(p)).map((p) => p.replace(/n['’ ]t\b/g, "nt"))];
  const each = <K extends string>(r: Partial<Record<K, string[]>>) =>
    Object.fromEntries(Object.entries(r).map(([k, list]) => [k, more(list as string[])])) as Record<K, string[]>;
  return { ...v, attendance: each(v.attendance), attendance_prefix: each(v.attendance_prefix), telling_words: more(v.telling_words) };
}

/** A phrase's words as one key: "Child's welfare" → "child s welfare". */
export function key(text: string): string {
  return words(text)
    .map((w) => w.folded)
    .join(" ");
}

const sets = new Map<string, Set<string>>();

/** Whether `text`, as a whole, is one of a vocabulary list's phrases. */
export function isPhrase(list: readonly string[], text: string, name = list.join("|")): boolean {
  let set = sets.get(name);
  if (!set) {
    set = new Set(list.map(key));
    sets.set(name, set);
  }
  return set.has(key(text));
}

const indexes = new Map<string, PhraseIndex<string>>();

/** Every phrase of a list found in `text`, longest first. Abbreviations in capitals match as written. */
export function findPhrases(list: readonly string[], text: string, name = list.join("|"), ws?: Word[]): PhraseMatch<string>[] {
  let index = indexes.get(name);
  if (!index) {
    index = new PhraseIndex(list.map((p) => ({ text: p, value: p })));
    indexes.set(name, index);
  }
  return index.matchAll(text, "list", ws);
}

/** Whether any phrase of a list occurs in `text`. */
export function hasPhrase(list: readonly string[], text: string): boolean {
  return findPhrases(list, text).length > 0;
}

let headingMap: Map<string, SectionKey> | undefined;

/** The section a heading names ("Apols" → apologies, "Camau gweithredu" → actions), or null. */
export function headingKey(label: string): SectionKey | null {
  if (!headingMap) {
    headingMap = new Map();
    for (const [section, phrases] of Object.entries(vocabulary().headings) as [SectionKey, string[]][]) {
      for (const p of phrases) headingMap.set(key(p), section);
    }
  }
  const k = key(label);
  if (k === "") return null;
  const direct = headingMap.get(k) ?? abbreviatedHeading(k);
  if (direct) return direct;
  // Bilingual headings and pairs: "Yn bresennol / Present", "Dyddiad / Date", "Date / time"; each side a few words.
  const sides = label.split("/");
  // Each side is words of a heading: "LM (Lisa Moran TM) / notes" is a person and then a label, not a pair.
  if (sides.length < 2 || sides.length > 3 || sides.some((p) => key(p).split(" ").filter(Boolean).length > 3 || !/^[\p{L}\s'’&-]*$/u.test(p))) return null;
  for (const part of sides) {
    const found = headingMap.get(key(part));
    if (found && part.trim().length > 0) return found;
  }
  return null;
}

let headingWords: { words: string[]; section: SectionKey }[] | undefined;

/**
 * Whether `short` abbreviates `word` as notes do: its start ("pres", "conc", "info") or, from four
 * letters, its letters in order with vowels dropped, ending as the word ends ("prsnt", "apls", "bkgrd").
 */
function abbreviates(short: string, word: string): boolean {
  if (short === word) return true;
  if (short.length < 4 || short.length >= word.length || short[0] !== word[0]) return false;
  if (word.startsWith(short)) return true;
  // Letters dropped are the vowels: "Alys" is a name, not "analysis".
  if (/[aeiouy]/.test(short.slice(1)) || short.at(-1) !== word.at(-1)) return false;
  let i = 0;
  for (const ch of word) if (ch === short[i]) i++;
  return i === short.length;
}

/** A heading written in shorthand ("Prsnt", "Bkgrd", "Dcsns", "Info shrd"): every word abbreviates a heading's word, and all such headings agree. */
function abbreviatedHeading(k: string): SectionKey | null {
  const ws = k.split(" ");
  if (ws.length > 3 || ws.some((w) => /\d/.test(w))) return null;
  headingWords ??= (Object.entries(vocabulary().headings) as [SectionKey, string[]][]).flatMap(([section, phrases]) => phrases.map((p) => ({ words: key(p).split(" "), section })));
  const found = new Set<SectionKey>();
  for (const h of headingWords) {
    if (h.words.length === ws.length && ws.every((w, i) => abbreviates(w, h.words[i] ?? ""))) found.add(h.section);
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** Fold text for comparing words: lower case, no accents, runs of non-letters as one space. */
export function plain(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, " ").trim();
}

let heldPairs: Set<string> | undefined;

/**
 * The pairs of roles one person holds together (`attendance_forms.compound_roles`: a head, deputy, SENCO or head of
 * year who is also the school's DSL), as "roleId+roleId" both ways round, so every alias of either role pairs:
 * "deputy head and DSL", "HT & DSL", "SENCo / DDSL".
 */
export function heldRolePairs(): Set<string> {
  if (heldPairs) return heldPairs;
  const pairs = new Set<string>();
  const roleOf = (t: string) => readPersonTerms(t, "list").matches.flatMap((m) => m.values).find((v) => v.kind === "role");
  for (const [a, b] of vocabulary().attendance_forms.compound_roles) {
    const x = roleOf(a);
    const y = roleOf(b);
    if (x?.kind === "role" && y?.kind === "role") pairs.add(`${x.role.id}+${y.role.id}`).add(`${y.role.id}+${x.role.id}`);
  }
  heldPairs = pairs;
  return pairs;
}

/**
 * One alternation of a vocabulary list's keys, longest first (so "twenty one" wins over "twenty"), each key literal but
 * for the ways people type it: any spacing between words and an apostrophe optional ("new years eve", "New Year's Eve").
 */
export function vocabularyAlternation(keys: readonly string[]): RegExp {
  return new RegExp(
    [...keys]
      .sort((a, b) => b.length - a.length)
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/['’]/g, "['’]?").replace(/ /g, "\\s+"))
      .join("|"),
    "iu",
  );
}
