import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

type Phrases = typeof import("../../escalation/phrases.js");

// Each test loads phrases.ts afresh: its word table, slots and cache are per module instance, as they are per thread.
async function freshPhrases(): Promise<Phrases> {
  vi.resetModules();
  return import("../../escalation/phrases.js");
}

const SHUT_IN = ["[the|a|my|her|his|our] [room|bedroom|cupboard|cupboard under the stairs|shed|garage|car boot|boot|cellar|loft]"];
const HELD_INTO = ["[the|a|her|his|my] [pillow|mattress|cushion|bath|water|sink]"];
const FACE = ["[my|her|his|the] [|babys|sisters|little brothers] [face|head]"];
/** Each pattern written with slots, and the same pattern with the slots' phrases written out in place. */
const PATTERNS: [string, string][] = [
  ["[{lock}|{shut}|{keep}] <person> [in|inside|into] <shutin>", `[{lock}|{shut}|{keep}] <person> [in|inside|into] ${SHUT_IN[0]}`],
  ["[{hold}|{push}|{press}] <face> [into|under|against] <heldinto>", `[{hold}|{push}|{press}] ${FACE[0]} [into|under|against] ${HELD_INTO[0]}`],
];
const TEXTS = [
  " he has locked her in the cupboard under the stairs and taken the keys ",
  " they keep him inside the shed all day ",
  " she locked me in my room ",
  " he locked the car and went ",
  " locked in the garden ",
  " he is holding her face into the pillow ",
  " he pushed the babys head under the water ",
  " dad held my little brothers face against the mattress ",
  " she held his hand in the bath ",
  " he is holding her face ",
  " the shed is locked ",
];

function setUp(p: Phrases): void {
  p.setPersonPhrases(["me", "her", "him", "[the|my] [baby|child]"]);
  p.setSlotPhrases("shutin", SHUT_IN);
  p.setSlotPhrases("heldinto", HELD_INTO);
  p.setSlotPhrases("face", FACE);
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("a phrase that names a slot matches any of the slot's phrases in its place", () => {
  it("matches exactly what the pattern with the slot written out matches, in a trie a fraction of the size", async () => {
    const p = await freshPhrases();
    setUp(p);
    const slotted = new p.PhraseSet(PATTERNS.map(([s]) => s));
    const written = new p.PhraseSet(PATTERNS.map(([, w]) => w));
    expect(TEXTS.map((t) => slotted.matches(t))).toEqual(TEXTS.map((t) => written.matches(t)));
    expect(TEXTS.map((t) => slotted.test(t))).toEqual([true, true, true, false, false, true, true, true, false, false, false]);
    expect(slotted.matches(TEXTS[0]!)[0]!.text).toBe("locked her in the cupboard under the stairs");
    expect(slotted.trie.nodeCount * 5).toBeLessThan(written.trie.nodeCount);
  });

  it("a slot's phrases count once however many paths lead to it: a longer verb list does not multiply them", async () => {
    const p = await freshPhrases();
    setUp(p);
    const few = new p.PhraseSet(["[{lock}] <person> in <shutin>"]).trie.nodeCount;
    const many = new p.PhraseSet(["[{lock}|{shut}|{keep}|{trap}|{chain}] <person> in <shutin>"]).trie.nodeCount;
    const slotNodes = new p.PhraseSet(SHUT_IN).trie.nodeCount;
    // Five verbs of about five forms each add their forms' nodes, not five copies of the places.
    expect(many - few).toBeLessThan(slotNodes);
  });

  it("the long-paste screen of a phrase of stop words and slots is the slot's own screen, not every 'in' and 'with'", async () => {
    const p = await freshPhrases();
    setUp(p);
    const screen = p.screenWords(["[is|are] in <shutin> with <person>"]);
    expect(screen.has("in")).toBe(false);
    expect(screen.has("cupbo")).toBe(true);
    expect(screen.has("shed")).toBe(true);
  });

  it("a phrase naming a slot no vocabulary sets fails when it is compiled, and a slot is named in letters only", async () => {
    const p = await freshPhrases();
    expect(() => new p.PhraseSet(["{lock} <person> in <nowhere>"])).toThrow(/nowhere/);
    expect(() => p.setSlotPhrases("shut_in", SHUT_IN)).toThrow(/letters/);
  });

  it("a set naming slots, loaded from the cache by a process that numbers words otherwise, matches as compiled", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sg-phrase-slots-"));
    dirs.push(dir);
    const first = await freshPhrases();
    first.openPhraseCache(dir);
    setUp(first);
    const compiled = new first.PhraseSet(PATTERNS.map(([s]) => s));
    const expected = TEXTS.map((t) => compiled.matches(t));
    first.savePhraseCache();

    const second = await freshPhrases();
    new second.PhraseSet(["zebra crossing", "yellow", "pillow fight"]);
    second.openPhraseCache(dir);
    setUp(second);
    const loaded = new second.PhraseSet(PATTERNS.map(([s]) => s));
    expect(TEXTS.map((t) => loaded.matches(t))).toEqual(expected);
    second.savePhraseCache();
  });
});
