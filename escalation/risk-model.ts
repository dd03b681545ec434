import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { CitationSchema } from "../core/citation.js";
import { AppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import { LEVELS, type TriageLevel } from "./levels.js";
import { verbForms } from "./morphology.js";
import { englishWords } from "./dictionary.js";
import { Speller, textSpeakKeys } from "./normalise.js";
import { addVerbLemmas } from "./tense.js";
import { rolesData } from "../lexicon/index.js";
import { PhraseSet, personSlotTrie, releaseCompiledKeys, screenWords, setPersonPhrases, setSlotPhrases, slotTrieList } from "./phrases.js";

/**
 * The risk model as data (escalation/data/): the danger kinds and their vocabulary,
 * the cues of time, speaker and intent, and the levels with their rules and safety
 * nets, each cited from the corpus or recorded as product policy. Validated with zod
 * at load and compiled once into phrase matchers.
 */

export const DANGER_KINDS = [
  "violence_in_progress",
  "intruder_break_in",
  "weapon_threat_to_kill",
  "strangulation",
  "sexual_assault_now",
  "abduction_taken",
  "dangerous_place",
  "medical_emergency",
  "self_harm_suicide_imminent",
  "missing_with_threat",
  "exploitation_imminent",
  "infant_injured_now",
] as const;
export type DangerKind = (typeof DANGER_KINDS)[number];

export const SPEAKERS = ["child", "parent_carer", "professional", "bystander", "asker"] as const;
export type Speaker = (typeof SPEAKERS)[number];

export const REGISTERS = ["plain", "text_speak", "typos", "welsh", "long_paste", "past_tense", "procedure_question", "injection"] as const;
export type Register = (typeof REGISTERS)[number];

const Phrases = z.array(z.string().min(1));
const Welsh = z.object({ signs: Phrases.default([]), places: Phrases.default([]), conditions: Phrases.default([]) }).default({ signs: [], places: [], conditions: [] });

const SubkindSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  summary: z.string().min(1),
  signs: Phrases,
  hazards: Phrases.default([]),
  places: Phrases,
  conditions: Phrases,
  unless: Phrases.default([]),
  cy: Welsh,
  /** The harm is already inside the child (tablets swallowed, a cut bleeding): the child being with the writer (cues.json safe_now.company) does not end it. */
  company_is_not_safety: z.boolean().default(false),
  /**
   * The places are what the conditions' act is done to (a door, a window; forced, kicked): a place joins the act of its own
   * sentence, or one told in another sentence only when that act is not told in the past (reader.ts actedCtx). Otherwise a
   * condition anywhere in the message's window joins a place ("a man" + "in the house").
   */
  acted_on: z.boolean().default(false),
});
const KindSchema = z.object({
  id: z.enum(DANGER_KINDS),
  summary: z.string().min(1),
  tense: z.enum(["state", "event"]),
  basis: z.string().min(1),
  exposure: Phrases.default([]),
  /** The danger is a child being away: someone "out" or "gone" (cues.json safe_now.absence) is this danger, not safety from it. */
  absence_is_danger: z.boolean().default(false),
  subkinds: z.array(SubkindSchema).min(1),
});
/** A named vocabulary a phrase refers to as `<name>` (phrases.ts setSlotPhrases), recorded as product policy like a sub-kind. */
const SlotSchema = z.object({ summary: z.string().min(1), phrases: Phrases.min(1) });
const KindsFileSchema = z.object({
  about: z.string(),
  slots_about: z.string().optional(),
  slots: z.record(z.string().regex(/^[a-z]+$/), SlotSchema).default({}),
  kinds: z.array(KindSchema),
});

const CueGroup = z.object({ summary: z.string().optional(), phrases: Phrases, cy: Phrases.default([]) });
const SpeakerCues = z.object({ decisive: Phrases, cues: Phrases, cy: Phrases.default([]) });
const CuesFileSchema = z.object({
  about: z.string(),
  immediacy: z.object({
    now: CueGroup,
    just: CueGroup,
    about_to: CueGroup,
    /** A time of day set for the danger: forward only when the danger's clause is not past (reader.ts isLive). */
    clock_time: CueGroup,
    tonight: CueGroup,
    present_state: CueGroup,
    discovery: CueGroup,
    /** The writer's own question, request or (adult) situation: its time words date that clause, not a danger (reader.ts). */
    writer_clause: CueGroup.extend({ situations: Phrases, times: Phrases }),
  }),
  progressive: z.object({ summary: z.string(), auxiliaries: Phrases }),
  recent: z.object({ summary: z.string(), auxiliaries: Phrases }),
  past: CueGroup,
  habitual: CueGroup,
  iterative: CueGroup,
  history: CueGroup,
  safe_now: CueGroup.extend({
    company: Phrases.default([]), absence: Phrases.default([]), company_cy: Phrases.default([]), self: Phrases.default([]),
    remote_summary: z.string().optional(), remote: Phrases.default([]), remote_cy: Phrases.default([]),
  }),
  negators: z.object({ summary: z.string(), phrases: Phrases, window: z.number().int().min(1).max(6) }),
  framing: z.object({
    procedure_question: CueGroup.extend({ openers: Phrases, terms: Phrases }),
    training: CueGroup,
    real_person: CueGroup,
    particular_child: CueGroup,
    generic_child: CueGroup,
    role_statement: CueGroup.extend({ frames: Phrases, roles: Phrases, practitioner_roles: Phrases }),
    lead_ins: CueGroup,
    question_words: CueGroup,
  }),
  speakers: z.object({
    about: z.string(),
    child: SpeakerCues,
    parent_carer: SpeakerCues,
    professional: SpeakerCues,
    bystander: SpeakerCues,
    reported_speech: CueGroup,
  }),
  wants: z.object({ advice: CueGroup, report: CueGroup, childline: CueGroup, nspcc: CueGroup }),
  concern: CueGroup,
  people: z.object({
    child: Phrases,
    /** The child words that name more than one child ("kids", "pupils"): a particular child is one child. */
    children_plural: Phrases.default([]),
    young_child: Phrases,
    danger_unspecified: Phrases,
    family_adults: Phrases,
    harm_verbs: Phrases,
    person_phrase: z.object({ summary: z.string(), bare: Phrases, pronouns: Phrases, determiners: Phrases, modifiers: Phrases, adults: Phrases }),
  }),
  /**
   * Instructions to the assistant: `phrases` are removed where they stand; `governs` are openers whose complement is the
   * instruction's own (the role given to the assistant, the service or call suppressed), removed with it (reader.ts withoutInstructions).
   */
  injection: CueGroup.extend({ governs: Phrases.default([]) }),
  conditional: CueGroup,
  distant_future: CueGroup,
  recent_duration: CueGroup,
  /** Fixed expressions in which a danger word has another sense ("get in trouble", "sexual health clinic"): not that danger. */
  other_senses: CueGroup,
  attempt: CueGroup,
  /** A telling passed on: the past of the kinds listed, inside a report, is read as an event (reader.ts isLive). */
  dating_sentence: CueGroup,
  reported_past: z.object({ summary: z.string().min(1), phrases: Phrases, cy: Phrases.default([]), kinds: z.array(z.enum(DANGER_KINDS)).min(1) }),
  danger_over: z
    .object({
      summary: z.string(),
      basis: z.string().min(1),
      groups: z.record(z.string(), z.object({ summary: z.string().min(1), phrases: Phrases, cy: Phrases.default([]) })),
      kinds: z.record(z.string(), z.array(z.string()).min(1)),
    })
    .superRefine((o, ctx) => {
      // The walk is complete: every danger kind says how it ends, by groups that exist, and every group is used.
      for (const k of DANGER_KINDS) if (!o.kinds[k]) ctx.addIssue({ code: "custom", message: `danger_over: no way named for ${k} to end` });
      for (const k of Object.keys(o.kinds)) if (!(DANGER_KINDS as readonly string[]).includes(k)) ctx.addIssue({ code: "custom", message: `danger_over: ${k} is not a danger kind` });
      for (const g of Object.values(o.kinds).flat()) if (!o.groups[g]) ctx.addIssue({ code: "custom", message: `danger_over: no group ${g}` });
      const used = new Set(Object.values(o.kinds).flat());
      for (const g of Object.keys(o.groups)) if (!used.has(g)) ctx.addIssue({ code: "custom", message: `danger_over: group ${g} is used by no kind` });
    }),
  danger_continues: z.lazy(() => ContinuesSchema),
});


/** How a danger told as done goes on now (cues.json danger_continues): the mirror of danger_over, walked per kind. */
const ContinuesSchema = z
  .object({
    summary: z.string(),
    basis: z.string().min(1),
    groups: z.record(z.string(), z.object({ summary: z.string().min(1), phrases: Phrases, cy: Phrases.default([]) })),
    /** A telling dated this long ago is history, whatever goes on after it. */
    distant: Phrases,
    kinds: z.record(z.string(), z.array(z.string()).min(1)),
  })
  .superRefine((o, ctx) => {
    for (const k of DANGER_KINDS) if (!o.kinds[k]) ctx.addIssue({ code: "custom", message: `danger_continues: no way named for ${k} to go on` });
    for (const g of Object.values(o.kinds).flat()) if (!o.groups[g]) ctx.addIssue({ code: "custom", message: `danger_continues: no group ${g}` });
  });

const LevelEnum = z.enum(LEVELS as [TriageLevel, ...TriageLevel[]]);
const BasisSchema = z.union([z.object({ sources: z.array(z.string()).min(1) }), z.object({ policy: z.string().min(1) })]);
const Condition = { all: z.array(z.string()).default([]), any: z.array(z.string()).default([]), none: z.array(z.string()).default([]) };
const RuleSchema = z.object({ id: z.string(), level: LevelEnum, basis: BasisSchema, ...Condition });
const SafetyNetSchema = z.object({
  id: z.string(),
  effect: z.enum(["raise_to", "lower_to", "replace"]),
  level: LevelEnum,
  to: LevelEnum.optional(),
  to_if_advice: LevelEnum.optional(),
  /** The levels the net acts on (none given: any level). */
  from: z.array(LevelEnum).default([]),
  basis: BasisSchema,
  says: z.string().min(1),
  ...Condition,
});
const LevelsFileSchema = z.object({
  about: z.string(),
  sources: z.record(z.string(), CitationSchema),
  levels: z.array(z.object({ level: LevelEnum, meaning: z.string().min(1), basis: BasisSchema })).length(LEVELS.length),
  rules: z.array(RuleSchema).min(1),
  safety_nets: z.array(SafetyNetSchema),
  /** What positive evidence of who is writing looks like, read by the level policy (decide.ts). */
  writer_evidence: z.object({
    summary: z.string().min(1),
    basis: BasisSchema,
    child_life: z.object({ phrases: z.array(z.string()).min(1), cy: z.array(z.string()).default([]) }),
    adult_life: z.object({ phrases: z.array(z.string()).min(1), cy: z.array(z.string()).default([]) }),
  }),
  injection_policy: z.string(),
});

export type LevelRule = z.infer<typeof RuleSchema>;
export type SafetyNet = z.infer<typeof SafetyNetSchema>;
export type LevelsFile = z.infer<typeof LevelsFileSchema>;
export type KindsFile = z.infer<typeof KindsFileSchema>;
export type CuesFile = z.infer<typeof CuesFileSchema>;

/** One sub-kind compiled: its matchers. */
export interface CompiledSubkind {
  readonly kind: DangerKind;
  readonly id: string;
  readonly tense: "state" | "event";
  /** Someone being out or gone is this kind's danger, not safety from it (a child missing). */
  readonly absenceIsDanger: boolean;
  /** The child being with the writer is not safety from this harm (see cues.json safe_now.company). */
  readonly companyIsNotSafety: boolean;
  /** The places are acted on by the conditions: an act told in the past in another sentence does not join a place. */
  readonly actedOn: boolean;
  readonly signs: PhraseSet;
  readonly hazards: PhraseSet;
  readonly exposure: PhraseSet;
  readonly places: PhraseSet;
  readonly conditions: PhraseSet;
  readonly unless: PhraseSet;
}

/** A safe-now or danger-over phrase with the time words that belong to it ("he's out at the moment", "she's home now"). */
function withSafeTime(phrases: readonly string[]): string[] {
  return phrases.flatMap((p) => [p, `${p} [at the moment|right now|now|tonight|today|for now|this week|this weekend|at the minute]`]);
}

/** The whole model compiled for reading messages. */
export interface RiskModel {
  readonly kinds: KindsFile;
  readonly cues: CuesFile;
  readonly levels: LevelsFile;
  readonly subkinds: readonly CompiledSubkind[];
  /** Any danger vocabulary at all: the screen a sentence passes before it is read for danger kinds. */
  readonly screen: PhraseSet;
  /** The same screen as word prefixes: a set lookup per word, for long pastes. */
  readonly screenKeys: ReadonlySet<string>;
  readonly speller: Speller;
  readonly m: Record<string, PhraseSet>;
  readonly firstPersonHarm: RegExp;
}

function parse<T>(schema: z.ZodType<T>, file: string): T {
  const path = fromRoot("escalation", "data", file);
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new AppError("internal", `The risk model file ${file} is invalid.`, { cause: parsed.error });
  return parsed.data;
}

/** Ordinary words one edit from a danger word, which must stay themselves. */
const PROTECTED = new Set([
  "choosing", "cooking", "breeding", "pleading", "shooting", "missions", "tablet", "dancer", "dangers", "breaking",
  "bleating", "kissing", "hissing", "attaching", "attached", "screening", "streaming", "dreaming", "emergence",
  "threatened", "strangely", "stabled", "booking", "looking", "hooking", "cooling", "hitting", "sitting", "fitting",
  "kitting", "biting", "beating", "heating", "seating", "bathing", "lathing", "rating", "dating", "waiting",
  "walking", "talking", "parking", "marking", "working", "missed", "kissed", "hissed", "passed", "pressed",
  "bridge", "fridge", "ridge", "shaking", "making", "baking", "taking", "waking", "raking", "faking",
]);

function compile(kinds: KindsFile, cues: CuesFile, levels: LevelsFile): RiskModel {
  const ids = new Set(kinds.kinds.map((k) => k.id));
  for (const k of DANGER_KINDS) if (!ids.has(k)) throw new AppError("internal", `The risk model has no danger kind '${k}'.`);
  for (const k of kinds.kinds) {
    if (!levels.sources[k.basis]) throw new AppError("internal", `Danger kind '${k.id}' cites an unknown source '${k.basis}'.`);
  }
  for (const r of [...levels.rules, ...levels.safety_nets, ...levels.levels]) {
    if ("sources" in r.basis) for (const s of r.basis.sources) {
      if (!levels.sources[s]) throw new AppError("internal", `The risk model cites an unknown source '${s}'.`);
    }
  }
  // The `<person>` slot of danger phrases: every person the cues name, as a noun phrase.
  const pp = cues.people.person_phrase;
  // A noun takes a determiner ("my son", "a group of lads"); only the names a family calls each other by stand bare ("hitting mum").
  const nouns = [...cues.people.child, ...cues.people.family_adults, ...pp.adults];
  setPersonPhrases([...pp.pronouns, ...pp.bare, `[${pp.determiners.join("|")}] [${pp.modifiers.join("|")}|] [${nouns.join("|")}]`]);
  // Named slots before the phrases that name them: a pattern refers to a place or an object once, not to its every phrasing.
  for (const [name, slot] of Object.entries(kinds.slots)) setSlotPhrases(name, slot.phrases);
  const subkinds: CompiledSubkind[] = [];
  const vocabulary: string[] = Object.values(kinds.slots).flatMap((slot) => slot.phrases);
  for (const k of kinds.kinds) {
    const exposure = new PhraseSet(k.exposure);
    for (const s of k.subkinds) {
      subkinds.push({
        kind: k.id,
        id: s.id,
        tense: k.tense,
        absenceIsDanger: k.absence_is_danger,
        companyIsNotSafety: s.company_is_not_safety,
        actedOn: s.acted_on,
        signs: new PhraseSet(s.signs, s.cy.signs),
        hazards: new PhraseSet(s.hazards, [], { nouns: true }),
        exposure,
        // Event kinds' places are verbs ("hit"): a plural s would turn them into the habitual "hits".
        places: new PhraseSet(s.places, s.cy.places, { nouns: k.tense === "state" }),
        conditions: new PhraseSet(s.conditions, s.cy.conditions, { nouns: true }),
        unless: new PhraseSet(s.unless),
      });
      vocabulary.push(...s.signs, ...s.hazards, ...s.places, ...s.conditions, ...k.exposure, ...s.cy.signs, ...s.cy.places, ...s.cy.conditions);
    }
  }
  const screenPhrases = kinds.kinds.flatMap((k) => k.subkinds.flatMap((s) => [...s.signs, ...s.hazards, ...s.places]));
  const screenWelsh = kinds.kinds.flatMap((k) => k.subkinds.flatMap((s) => [...s.cy.signs, ...s.cy.places]));
  const c = cues;
  const g = (x: { phrases: string[]; cy: string[] }) => new PhraseSet(x.phrases, x.cy);
  // What says the child is safe: the plain phrases and the writer's own state or place, which only a child writer's counts (safe_self).
  const safeSaid = [...c.safe_now.phrases, ...c.safe_now.self];
  const m: Record<string, PhraseSet> = {
    now: g(c.immediacy.now),
    just: g(c.immediacy.just),
    about_to: g(c.immediacy.about_to),
    clock_time: g(c.immediacy.clock_time),
    tonight: g(c.immediacy.tonight),
    present_state: g(c.immediacy.present_state),
    discovery: g(c.immediacy.discovery),
    writer_ask: g(c.immediacy.writer_clause),
    writer_situation: new PhraseSet(c.immediacy.writer_clause.situations),
    writer_time: new PhraseSet(c.immediacy.writer_clause.times),
    lead_ins: g(c.framing.lead_ins),
    question_words: g(c.framing.question_words),
    progressive: new PhraseSet(c.progressive.auxiliaries),
    recent: new PhraseSet(c.recent.auxiliaries),
    past: g(c.past),
    habitual: g(c.habitual),
    iterative: g(c.iterative),
    history: g(c.history),
    // "he's out at the moment", "not home tonight": the time words belong to the safe-now statement, not to a danger.
    safe_now: new PhraseSet(withSafeTime([...safeSaid, ...c.safe_now.company, ...c.safe_now.absence]), [...c.safe_now.cy, ...c.safe_now.company_cy]),
    // Without someone being out or gone (for a child who is away), without the child's company (for a harm inside the child), without both.
    // The Welsh company phrases ("gyda fi nawr") go with the English ones: with the writer is no safety from tablets swallowed in either language.
    safe_not_absence: new PhraseSet(withSafeTime([...safeSaid, ...c.safe_now.company]), [...c.safe_now.cy, ...c.safe_now.company_cy]),
    safe_not_company: new PhraseSet(withSafeTime([...safeSaid, ...c.safe_now.absence]), c.safe_now.cy),
    safe_outright: new PhraseSet(withSafeTime(safeSaid), c.safe_now.cy),
    // The writer's own state or place ("i am at home now"): the child's safety only when the child writes (reader.ts strips it for an adult).
    safe_self: new PhraseSet(withSafeTime(c.safe_now.self), []),
    // With the writer over a line ("on facetime with me and her dad has a knife"): not the writer's company (reader.ts strips it for any writer).
    safe_remote: new PhraseSet(c.safe_now.remote, c.safe_now.remote_cy),
    negators: new PhraseSet(c.negators.phrases),
    procedure_question: new PhraseSet(c.framing.procedure_question.phrases, c.framing.procedure_question.cy),
    procedure_terms: new PhraseSet([...c.framing.procedure_question.terms, ...procedureAbbreviations()]),
    training: g(c.framing.training),
    real_person: g(c.framing.real_person),
    particular_child: g(c.framing.particular_child),
    generic_child: g(c.framing.generic_child),
    reported_speech: g(c.speakers.reported_speech),
    advice: g(c.wants.advice),
    report: g(c.wants.report),
    childline: g(c.wants.childline),
    concern: g(c.concern),
    child_ref: new PhraseSet(c.people.child, [], { nouns: true }),
    // Without the plural s that child_ref's nouns take: "kid" must not read "kids".
    child_one: new PhraseSet(c.people.child.filter((w) => !c.people.children_plural.includes(w))),
    young_child: new PhraseSet(c.people.young_child, [], { nouns: true }),
    conditional: g(c.conditional),
    distant_future: g(c.distant_future),
    recent_duration: g(c.recent_duration),
    other_senses: g(c.other_senses),
    attempt: g(c.attempt),
    reported_past: g(c.reported_past),
    dating_sentence: g(c.dating_sentence),
    danger_unspecified: new PhraseSet(c.people.danger_unspecified),
    injection: new PhraseSet([...c.injection.phrases, ...c.injection.governs], c.injection.cy),
    injection_governs: new PhraseSet(c.injection.governs),
    nspcc: g(c.wants.nspcc),
    procedure_opener: new PhraseSet(c.framing.procedure_question.openers),
  };
  // How each danger kind is said to be over (cues.json danger_over): one set per kind, and all of them for time words.
  const overOf = (k: string) => (c.danger_over.kinds[k] ?? []).map((g) => c.danger_over.groups[g]!);
  for (const k of DANGER_KINDS) m[`over_${k}`] = new PhraseSet(withSafeTime(overOf(k).flatMap((g) => g.phrases)), overOf(k).flatMap((g) => g.cy));
  const goesOn = (k: string) => (c.danger_continues.kinds[k] ?? []).map((g) => c.danger_continues.groups[g]!);
  m.continues_distant = new PhraseSet(c.danger_continues.distant);
  for (const k of DANGER_KINDS) m[`continues_${k}`] = new PhraseSet(goesOn(k).flatMap((g) => g.phrases), goesOn(k).flatMap((g) => g.cy));
  const groups = Object.values(c.danger_over.groups);
  m.danger_over = new PhraseSet(withSafeTime(groups.flatMap((g) => g.phrases)), groups.flatMap((g) => g.cy));
  // A message that opens with a practitioner's role ("Health visitor: a 4 month old…", "DSL here"), from the shared alias table.
  const aliases = rolesData().roles.flatMap((r) => r.aliases);
  m.role_opening = new PhraseSet(aliases.filter((a): a is string => typeof a === "string" && a.length >= 5 && !/^(?:medic|paeds?)$/i.test(a)));
  m.role_here = new PhraseSet(aliases.map((a) => `${(typeof a === "string" ? a : a.text).toLowerCase()} here`));
  // The writer naming their role ("I'm a DSL", "as a social worker", "HV here"): who writes, not which child (reader.ts personal).
  const rs = c.framing.role_statement;
  const roleNames = [...new Set([...aliases.map((a) => (typeof a === "string" ? a : a.text).toLowerCase()), ...rs.roles, ...rs.practitioner_roles])];
  m.role_statement = new PhraseSet([...rs.phrases, ...rs.frames.flatMap((f) => roleNames.map((r) => f.replace("<role>", r)))], rs.cy);
  // …and a practitioner's role stated in any of those frames says a practitioner is writing ("I'm a class teacher", "as DSL").
  const practitionerRoles = [...new Set([...aliases.map((a) => (typeof a === "string" ? a : a.text).toLowerCase()), ...rs.practitioner_roles])];
  m.role_statement_professional = new PhraseSet(rs.frames.flatMap((f) => practitionerRoles.map((r) => f.replace("<role>", r))));
  // A practitioner's title on its own ("form tutor", "social worker", "gp"): named with "my", it is someone a child or a family has.
  m.role_title = new PhraseSet(practitionerRoles);
  for (const sp of ["child", "parent_carer", "professional", "bystander"] as const) {
    m[`${sp}_decisive`] = new PhraseSet(c.speakers[sp].decisive, c.speakers[sp].cy);
    m[`${sp}_cues`] = new PhraseSet(c.speakers[sp].cues);
  }
  // The speller corrects towards every word of the model (danger vocabulary and cues), and never changes English.
  // …but not towards the words of an ending (danger_over): a typo read as an ending could take a 999 away.
  const { danger_over: _over, ...spelled } = c;
  const cuePhrases = collectStrings(spelled);
  const words = new Set<string>();
  for (const p of [...vocabulary, ...cuePhrases]) for (const w of vocabularyWords(p)) words.add(w);
  const english = englishWords();
  addVerbLemmas([...JSON.stringify(kinds).matchAll(/\{([a-z]+)\}/g)].map((x) => x[1]!));
  const pieces = new Set([...english.common, ...words, ...textSpeakKeys()]);
  // A child harmed by an adult in their life, told in the first person: "my stepdad ... hits me".
  const alt = (xs: string[]) => xs.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const firstPersonHarm = new RegExp(` (?:${alt(c.people.family_adults)}) (?:[a-z]+ ){0,5}(?:${alt(c.people.harm_verbs)}) (?:[a-z]+ ){0,2}(?:me|my) `);
  return {
    firstPersonHarm,
    kinds,
    cues,
    levels,
    subkinds,
    screen: new PhraseSet(screenPhrases, screenWelsh, { nouns: true }),
    screenKeys: screenWords([...screenPhrases, ...c.people.danger_unspecified], screenWelsh),
    speller: new Speller(words, new Set([...PROTECTED, ...corpusWords(), ...english.all]), pieces),
    m,
  };
}

/**
 * The abbreviations of procedures that the knowledge module expands in questions
 * (knowledge/question-terms.json: "plo" is the public law outline pre-proceedings,
 * "icpc" an initial child protection conference): a term counts when what it stands for
 * names a procedure (a conference, plan, order, enquiry, assessment, review…), not a
 * person, a harm or an agency.
 */
function procedureAbbreviations(): string[] {
  const path = fromRoot("knowledge", "question-terms.json");
  if (!existsSync(path)) return [];
  const file = JSON.parse(readFileSync(path, "utf8")) as { expansions?: Record<string, string[]> };
  const procedure = /\b(?:conference|plan|proceedings|outline|order|enquiries|assessment|review|meeting|discussion|protection|procedures?|referral|mechanism)\b/i;
  return Object.entries(file.expansions ?? {})
    .filter(([key, means]) => key.length >= 3 && means.some((x) => procedure.test(x)))
    .map(([key]) => key.replace(/[^a-z0-9 ]/gi, " ").replace(/\s+/g, " ").trim().toLowerCase())
    .filter((k) => k.length >= 3);
}

/**
 * Every word of the corpus: real English the speller must never "correct" into a
 * danger word ("showing" is one letter from "shoving").
 */
function corpusWords(): Set<string> {
  const out = new Set<string>();
  const dir = fromRoot("knowledge", "corpus");
  for (const f of readdirSync(dir)) {
    if (!f.endsWith(".txt")) continue;
    for (const w of readFileSync(join(dir, f), "utf8").toLowerCase().replace(/[\u2019']/g, "").split(/[^a-z]+/)) if (w.length >= 2) out.add(w);
  }
  return out;
}

/** The words (four letters or more) a data phrase can contain: its group alternatives and every form of its verbs. */
function vocabularyWords(phrase: string): Set<string> {
  const out = new Set<string>();
  const text = phrase.replace(/\{([a-z]+)\}/g, (_m, l: string) => verbForms(l).join(" "));
  for (const w of text.toLowerCase().split(/[^a-z]+/)) if (w.length >= 4) out.add(w);
  return out;
}

/** Every string in a cue file (phrases of every group), for the speller's vocabulary. */
function collectStrings(o: unknown): string[] {
  if (typeof o === "string") return [o];
  if (Array.isArray(o)) return o.flatMap(collectStrings);
  if (o && typeof o === "object") return Object.entries(o).flatMap(([k, v]) => (k === "summary" || k === "about" ? [] : collectStrings(v)));
  return [];
}

/**
 * The size of a compiled risk model: the phrasings its phrase sets were compiled from (every
 * alternative and verb form expanded: what a cold start spends its time expanding and inserting)
 * and its tries' nodes and bytes (the memory each thread holds and the phrase cache's size),
 * counting a trie shared by several sets once, with the `<person>` and named slots' tries.
 */
export function compiledSize(model: RiskModel): { phrasings: number; nodes: number; bytes: number; largestSet: { name: string; phrasings: number } } {
  const sets = new Map<PhraseSet["trie"], { name: string; size: number }>();
  const add = (name: string, set: PhraseSet) => {
    if (!sets.has(set.trie)) sets.set(set.trie, { name, size: set.size });
  };
  for (const s of model.subkinds) {
    for (const part of ["signs", "hazards", "exposure", "places", "conditions", "unless"] as const) add(`${s.kind}/${s.id}.${part}`, s[part]);
  }
  add("screen", model.screen);
  for (const [name, set] of Object.entries(model.m)) add(name, set);
  const tries = [...sets.keys(), ...[personSlotTrie()].filter((t) => t !== null), ...slotTrieList()];
  const largest = [...sets.values()].reduce((a, b) => (b.size > a.size ? b : a));
  return {
    phrasings: [...sets.values()].reduce((n, x) => n + x.size, 0),
    nodes: tries.reduce((n, t) => n + t.nodeCount, 0),
    bytes: tries.reduce((n, t) => n + t.byteLength, 0),
    largestSet: { name: largest.name, phrasings: largest.size },
  };
}

let cached: RiskModel | undefined;

/** Load, validate and compile the risk model (once per process). */
export function loadRiskModel(): RiskModel {
  if (!cached) {
    cached = compile(parse(KindsFileSchema, "danger-kinds.json"), parse(CuesFileSchema, "cues.json"), parse(LevelsFileSchema, "levels.json"));
    releaseCompiledKeys();
  }
  return cached;
}
