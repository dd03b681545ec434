import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { compiledKeys } from "../../escalation/phrases.js";
import { compiledSize, loadRiskModel } from "../../escalation/risk-model.js";

/*
 * The risk model's compiled size, bounded about 15% over what ships (round sixteen, after the
 * vocabulary walk was written with slots: 692,171 phrasings, 1,355,807 nodes, 17.8 MB of tries;
 * its largest danger phrase 8,320 phrasings, its largest cue phrase 28,350).
 * Round fifteen's walk wrote a few patterns as cross-products (a verb x whose x face x into x
 * what: 1.5 million phrasings for one phrase) and multiplied the tries 3.6 times: a cold compile
 * went from 3.7 to 16 s, the light assistant's first turn ran past its 10 s budget and CI failed.
 * These bounds fail here instead. When one fails, write the crossed place or object as a slot
 * (danger-kinds.json `slots`, `<name>` in a phrase) rather than raise the bound; raise it only
 * for vocabulary that really is that much larger, and say so in the commit.
 */
const MAX_PHRASINGS = 800_000; // every alternative and verb form expanded: what a cold start spends its time on
const MAX_NODES = 1_560_000;
const MAX_BYTES = 20_500_000; // the tries each thread holds, and most of the phrase cache file
const MAX_DANGER_PHRASE = 9_600;
const MAX_CUE_PHRASE = 32_600;

/** Every phrase of a data file: its strings, without the prose fields. */
function phrasesOf(file: string): string[] {
  const prose = new Set(["about", "summary", "slots_about", "remote_summary", "basis", "quote", "policy", "meaning"]);
  const walk = (o: unknown, key: string): string[] => {
    if (typeof o === "string") return prose.has(key) ? [] : [o];
    if (Array.isArray(o)) return o.flatMap((x) => walk(x, key));
    if (o && typeof o === "object") return Object.entries(o).flatMap(([k, v]) => walk(v, k));
    return [];
  };
  return walk(JSON.parse(readFileSync(fromRoot("escalation", "data", file), "utf8")), "");
}

function largestPhrases(file: string, max: number): { phrasings: number; phrase: string }[] {
  return phrasesOf(file)
    .map((phrase) => ({ phrasings: compiledKeys(phrase).length, phrase: phrase.slice(0, 120) }))
    .filter((x) => x.phrasings > max);
}

describe("the risk model's compiled phrase tries stay small", () => {
  it("the phrasings compiled and the tries' nodes and bytes stay within 15% of what ships", () => {
    const size = compiledSize(loadRiskModel());
    expect(size.phrasings, `phrasings (largest set: ${size.largestSet.name}, ${size.largestSet.phrasings})`).toBeLessThanOrEqual(MAX_PHRASINGS);
    expect(size.nodes).toBeLessThanOrEqual(MAX_NODES);
    expect(size.bytes).toBeLessThanOrEqual(MAX_BYTES);
    // The bounds are near what ships: a test that bounds nothing guards nothing.
    expect(size.nodes).toBeGreaterThan(MAX_NODES / 2);
  });

  it("no single phrase is a cross-product larger than the largest that ships: a crossed place or object is a slot", () => {
    expect(largestPhrases("danger-kinds.json", MAX_DANGER_PHRASE)).toEqual([]);
    expect(largestPhrases("cues.json", MAX_CUE_PHRASE)).toEqual([]);
  });

  it("a slot holds its phrases once: the patterns that name one compile to a fraction of their written-out size", () => {
    const kinds = JSON.parse(readFileSync(fromRoot("escalation", "data", "danger-kinds.json"), "utf8")) as { slots: Record<string, { phrases: string[] }> };
    const slotted = phrasesOf("danger-kinds.json").filter((p) => /<(?!person>)[a-z]+>/.test(p));
    expect(slotted.length).toBeGreaterThanOrEqual(Object.keys(kinds.slots).length);
    // Written out, each slot would multiply its phrase by the slot's own phrasings.
    const slotPhrasings = (name: string) => kinds.slots[name]!.phrases.reduce((n, p) => n + compiledKeys(p).length, 0);
    const writtenOut = (p: string) => [...p.matchAll(/<(?!person>)([a-z]+)>/g)].reduce((n, m) => n * slotPhrasings(m[1]!), compiledKeys(p).length);
    const asSlots = slotted.reduce((n, p) => n + compiledKeys(p).length, 0);
    const expanded = slotted.reduce((n, p) => n + writtenOut(p), 0);
    expect(asSlots * 20).toBeLessThan(expanded);
  });
});
