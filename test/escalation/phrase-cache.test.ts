import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

type Phrases = typeof import("../../escalation/phrases.js");

// Each test loads phrases.ts afresh (its word table and cache are per module instance, as they are per thread).
async function freshPhrases(): Promise<Phrases> {
  vi.resetModules();
  return import("../../escalation/phrases.js");
}

const PHRASES = ["{kick} the door [in|down|]", "{hold} [me|her|him] down", "suicid*", "# tablets", "[a|the|] knife", "{hit} [mum|my mum]"];
const WELSH = ["cyllell"];
const TEXTS = [
  " someone is kicking the door in and the door is open ",
  " he held her down and took 20 tablets ",
  " she is suicidal and has a knife ",
  " mae gyllell gyda fe ",
  " he kicked the door down then hit mum ",
  " nothing here at all ",
  " the doorway ",
];

function matchesOf(p: Phrases, set: InstanceType<Phrases["PhraseSet"]>) {
  return TEXTS.map((t) => ({ test: set.test(t), matches: set.matches(t) }));
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("compiled phrase tries are kept in a cache file and loaded instead of compiled", () => {
  it("a set loaded from the cache, in a process whose word table differs, matches exactly as one compiled afresh", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sg-phrase-cache-"));
    dirs.push(dir);
    const first = await freshPhrases();
    const compiled = new first.PhraseSet(PHRASES, WELSH, { nouns: true });
    const expected = matchesOf(first, compiled);
    first.openPhraseCache(dir);
    new first.PhraseSet(PHRASES, WELSH, { nouns: true });
    const screen = first.screenWords(PHRASES, WELSH);
    first.savePhraseCache();
    expect(readdirSync(dir).filter((f) => f.startsWith("phrase-tries-"))).toHaveLength(1);

    // A new module instance that numbers other words first: the file's words must be renumbered.
    const second = await freshPhrases();
    new second.PhraseSet(["zebra crossing", "yellow", "tablets now"]);
    second.openPhraseCache(dir);
    const loaded = new second.PhraseSet(PHRASES, WELSH, { nouns: true });
    expect(loaded.size).toBe(compiled.size);
    expect(matchesOf(second, loaded)).toEqual(expected);
    expect(second.screenWords(PHRASES, WELSH)).toEqual(screen);
    second.savePhraseCache();
  });

  it("phrases that changed are compiled, not taken from the cache", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sg-phrase-cache-"));
    dirs.push(dir);
    const first = await freshPhrases();
    first.openPhraseCache(dir);
    new first.PhraseSet(["a knife"]);
    first.savePhraseCache();
    const second = await freshPhrases();
    second.openPhraseCache(dir);
    const changed = new second.PhraseSet(["a gun"]);
    expect(changed.test(" he has a gun ")).toBe(true);
    expect(changed.test(" he has a knife ")).toBe(false);
  });

  it("a damaged cache file is compiled over and rewritten", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sg-phrase-cache-"));
    dirs.push(dir);
    const first = await freshPhrases();
    first.openPhraseCache(dir);
    new first.PhraseSet(PHRASES);
    first.savePhraseCache();
    const file = join(dir, readdirSync(dir)[0]!);
    writeFileSync(file, Buffer.from([200, 0, 0, 0, 1, 2, 3]));
    const second = await freshPhrases();
    second.openPhraseCache(dir);
    const set = new second.PhraseSet(PHRASES);
    expect(set.test(" he held me down ")).toBe(true);
    second.savePhraseCache();
    const third = await freshPhrases();
    third.openPhraseCache(dir);
    expect(new third.PhraseSet(PHRASES).test(" she is suicidal ")).toBe(true);
    expect(existsSync(file)).toBe(true);
  });
});

describe("a compiled trie's memory", () => {
  it("keeps a node that has only literal edges in 13 bytes: prefix, number, person and named slots go in rows of their own", async () => {
    const p = await freshPhrases();
    const set = new p.PhraseSet(PHRASES, WELSH, { nouns: true });
    const t = set.trie;
    const perNode = (t.lit.byteLength + t.flags.byteLength + t.litWord.byteLength + t.litNode.byteLength) / t.nodeCount;
    expect(perNode).toBeLessThan(14);
    // One row (seven fields) for each node with a prefix edge ("suicid*"), a number ("# tablets") or a slot, here the root alone.
    expect(t.extras.length / 7).toBe(1);
    expect(set.test(" she took 20 tablets ")).toBe(true);
    expect(set.test(" she is suicidal ")).toBe(true);
  });
});

describe("worker threads read the phrase cache from one shared copy", () => {
  it("tries are views of the shared bytes and match as compiled; a thread that numbers words otherwise reads a copy of its own", async () => {
    const { readPhraseCacheShared } = await import("../../escalation/phrase-cache-file.js");
    const dir = mkdtempSync(join(tmpdir(), "sg-phrase-cache-"));
    dirs.push(dir);
    const first = await freshPhrases();
    first.openPhraseCache(dir);
    const expected = matchesOf(first, new first.PhraseSet(PHRASES, WELSH, { nouns: true }));
    first.savePhraseCache();
    const bytes = readPhraseCacheShared(dir)!;
    expect(bytes).toBeInstanceOf(SharedArrayBuffer);

    const second = await freshPhrases();
    second.usePhraseCacheBytes(dir, bytes);
    second.openPhraseCache(dir);
    const shared = new second.PhraseSet(PHRASES, WELSH, { nouns: true });
    expect(shared.trie.litWord.buffer).toBe(bytes);
    expect(matchesOf(second, shared)).toEqual(expected);

    const third = await freshPhrases();
    new third.PhraseSet(["zebra crossing", "yellow", "tablets now"]);
    const before = new Uint8Array(bytes).slice();
    third.usePhraseCacheBytes(dir, bytes);
    third.openPhraseCache(dir);
    const own = new third.PhraseSet(PHRASES, WELSH, { nouns: true });
    expect(own.trie.litWord.buffer).not.toBe(bytes);
    expect(matchesOf(third, own)).toEqual(expected);
    expect(new Uint8Array(bytes)).toEqual(before);
  });
});
