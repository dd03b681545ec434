import { urgency, type TriageLevel } from "./levels.js";
import { PhraseSet } from "./phrases.js";
import type { Fact, Reading } from "./reader.js";
import { loadRiskModel, type RiskModel } from "./risk-model.js";

/**
 * Facts of the level policy, derived from the reader's facts (levels.json reads them; the classifier does not,
 * so the shipped weights are unchanged by them):
 * - `child_writer`: positive evidence that a child writes about themselves (writer_evidence);
 * - `child_concern`: the message tells of harm or risk to a child, and is not a question about procedure;
 * - `child_told_of`: the writer tells of a child of their own life, not a child in general;
 * - `adult_unsure`: a writer who is not a professional voices doubt (whether to worry, what to do) and has not decided to report.
 */
export const POLICY_FACTS = ["child_writer", "child_concern", "child_told_of", "adult_unsure"] as const;
export type PolicyFact = (typeof POLICY_FACTS)[number];
type AnyFact = Fact | PolicyFact;

/** A rule's or safety net's condition over the reader's facts (levels.json). */
interface Condition {
  all: readonly string[];
  any: readonly string[];
  none: readonly string[];
}

/** True when the facts satisfy a condition: all of `all`, one of `any` (if given), none of `none`. */
export function holds(c: Condition, facts: ReadonlySet<string>): boolean {
  const has = (f: string) => facts.has(f);
  return c.all.every(has) && (c.any.length === 0 || c.any.some(has)) && !c.none.some(has);
}

const evidenceSets = new WeakMap<RiskModel, { child: PhraseSet; adult: PhraseSet }>();
function evidenceOf(model: RiskModel): { child: PhraseSet; adult: PhraseSet } {
  let e = evidenceSets.get(model);
  if (!e) {
    const w = model.levels.writer_evidence;
    evidenceSets.set(model, (e = { child: new PhraseSet(w.child_life.phrases, w.child_life.cy), adult: new PhraseSet(w.adult_life.phrases, w.adult_life.cy) }));
  }
  return e;
}

const derived = new WeakMap<Reading, ReadonlySet<AnyFact>>();

/**
 * The reader's facts with the level policy's own (POLICY_FACTS). Who writes is decided by evidence, not by
 * the absence of it: a child needs their own age under 18 or a child's life told in the first person, and
 * nothing of an adult's life or age; a writer the reader read as a practitioner or a parent is never a child here.
 */
export function policyFacts(reading: Reading, model: RiskModel = loadRiskModel()): ReadonlySet<AnyFact> {
  const known = derived.get(reading);
  if (known) return known;
  const f = reading.facts;
  const out = new Set<AnyFact>(f);
  const ev = evidenceOf(model);
  const text = reading.lexical;
  // A practitioner or a parent or carer, as the reader weighs who writes: their report is about a child, not from one.
  const adultSpeaker = f.has("speaker_professional") || f.has("speaker_parent_carer");
  const adultLife = f.has("adult_age") || ev.adult.test(text);
  const childLife = f.has("child_age") || ev.child.test(text) || f.has("asks_childline");
  // The reader's own weighing of who writes (first person, a child's words, harm done to the writer) counts as
  // evidence when it is sure of a child: it is what it weighs from, not the absence of an adult cue. An adult's
  // life or age, or a reading as a practitioner or parent, still rules a child out.
  const readAsChild = f.has("speaker_child") && !f.has("speaker_guessed");
  const childWriter = !f.has("adult_age") && !adultLife && !adultSpeaker && (childLife || readAsChild);
  if (childWriter) out.add("child_writer");
  // A writer harmed who says nothing of being an adult may be a child: the floor (never none) holds for them too, at the adults' levels.
  const writerMayBeAChild = f.has("speaker_child") && !adultLife && !f.has("adult_age");
  const aboutAChild = f.has("child_ref") || f.has("young_child") || f.has("particular_child") || childWriter || writerMayBeAChild;
  const harmOrRisk = f.has("concern") || f.has("danger_any") || f.has("danger_unspecified_now") || f.has("first_person_harm");
  if (aboutAChild && harmOrRisk && !f.has("framed")) out.add("child_concern");
  if ((f.has("particular_child") || (f.has("child_ref") && f.has("personal"))) && !f.has("framed")) out.add("child_told_of");
  // A professional's doubt is still a report (every professional's report is a referral): only other adults are "unsure" here.
  if (f.has("advice") && !f.has("reports_own_concern") && !f.has("speaker_professional")) out.add("adult_unsure");
  derived.set(reading, out);
  return out;
}

/** The level the rules alone give (the first rule in levels.json that holds), and its id. */
export function ruleLevel(reading: Reading, model: RiskModel = loadRiskModel()): { level: TriageLevel; rule: string } {
  for (const r of model.levels.rules) if (holds(r, reading.facts)) return { level: r.level, rule: r.id };
  return { level: "none", rule: "otherwise" };
}

/**
 * Apply the safety nets of levels.json, in order, to a proposed level: they hold
 * whatever the model said. A net with `from` acts only on those levels. Returns the
 * level and the ids of the nets that changed it.
 */
export function applySafetyNets(level: TriageLevel, reading: Reading, model: RiskModel = loadRiskModel()): { level: TriageLevel; nets: string[] } {
  const facts = policyFacts(reading, model);
  const nets: string[] = [];
  let out = level;
  for (const net of model.levels.safety_nets) {
    if (net.from.length > 0 && !net.from.includes(out)) continue;
    if (!holds(net, facts)) continue;
    const before = out;
    if (net.effect === "raise_to" && urgency(out) < urgency(net.level)) out = net.level;
    else if (net.effect === "lower_to" && urgency(out) > urgency(net.level)) out = net.level;
    else if (net.effect === "replace" && out === net.level) {
      out = net.to_if_advice && facts.has("adult_unsure") ? net.to_if_advice : (net.to ?? out);
    }
    if (out !== before) nets.push(net.id);
  }
  return { level: out, nets };
}
