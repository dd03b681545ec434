import { urgency, type TriageLevel } from "./levels.js";
import type { Fact, Reading } from "./reader.js";
import { loadRiskModel, type RiskModel } from "./risk-model.js";

/** A rule's or safety net's condition over the reader's facts (levels.json). */
interface Condition {
  all: readonly string[];
  any: readonly string[];
  none: readonly string[];
}

/** True when the facts satisfy a condition: all of `all`, one of `any` (if given), none of `none`. */
export function holds(c: Condition, facts: ReadonlySet<Fact>): boolean {
  const has = (f: string) => facts.has(f as Fact);
  return c.all.every(has) && (c.any.length === 0 || c.any.some(has)) && !c.none.some(has);
}

/** The level the rules alone give (the first rule in levels.json that holds), and its id. */
export function ruleLevel(reading: Reading, model: RiskModel = loadRiskModel()): { level: TriageLevel; rule: string } {
  for (const r of model.levels.rules) if (holds(r, reading.facts)) return { level: r.level, rule: r.id };
  return { level: "none", rule: "otherwise" };
}

/**
 * Apply the safety nets of levels.json, in order, to a proposed level: they hold
 * whatever the model said. Returns the level and the ids of the nets that changed it.
 */
export function applySafetyNets(level: TriageLevel, reading: Reading, model: RiskModel = loadRiskModel()): { level: TriageLevel; nets: string[] } {
  const nets: string[] = [];
  let out = level;
  for (const net of model.levels.safety_nets) {
    if (!holds(net, reading.facts)) continue;
    const before = out;
    if (net.effect === "raise_to" && urgency(out) < urgency(net.level)) out = net.level;
    else if (net.effect === "lower_to" && urgency(out) > urgency(net.level)) out = net.level;
    else if (net.effect === "replace" && out === net.level) {
      out = net.to_if_advice && reading.facts.has("advice") ? net.to_if_advice : (net.to ?? out);
    }
    if (out !== before) nets.push(net.id);
  }
  return { level: out, nets };
}
