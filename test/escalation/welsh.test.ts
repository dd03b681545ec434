import { beforeAll, describe, expect, it } from "vitest";
import { englishWords } from "../../escalation/dictionary.js";
import { normaliseSentence } from "../../escalation/normalise.js";
import { compiledKeys, mutations } from "../../escalation/phrases.js";
import { readMessage } from "../../escalation/reader.js";
import { loadRiskModel } from "../../escalation/risk-model.js";
import { aspectAt } from "../../escalation/tense.js";
import { mutateWord, welshData, welshGloss } from "../../escalation/welsh.js";

// The risk model compiles its phrase tries once (seconds on a busy machine): not inside the first test's time.
beforeAll(() => {
  loadRiskModel();
}, 120_000);

describe("the Welsh mutations are a rule over a word's first letters (welsh.json mutations)", () => {
  it("soft, nasal and aspirate forms of each mutating initial", () => {
    expect(mutateWord("plentyn")).toEqual(["plentyn", "blentyn", "mhlentyn", "phlentyn"]);
    // "dad" is shorter than four letters (and English): the rule leaves it to the English words.
    expect(mutateWord("tad")).toEqual(["tad", "nhad", "thad"]);
    expect(mutateWord("cyllell")).toEqual(["cyllell", "gyllell", "nghyllell", "chyllell"]);
    expect(mutateWord("babi")).toEqual(["babi", "fabi", "mabi"]);
    expect(mutateWord("disgybl")).toEqual(["disgybl", "ddisgybl", "nisgybl"]);
    expect(mutateWord("gwddf")).toEqual(["gwddf", "wddf", "ngwddf"]);
    expect(mutateWord("mab")).toEqual(["mab"]);
    expect(mutateWord("llystad")).toEqual(["llystad", "lystad"]);
    expect(mutateWord("rhaff")).toEqual(["rhaff", "raff"]);
  });

  it("an already mutated initial does not mutate again, and no form shorter than four letters is made", () => {
    expect(mutateWord("chwaer")).toEqual(["chwaer"]);
    expect(mutateWord("ddoe")).toEqual(["ddoe"]);
    expect(mutateWord("gwn")).toEqual(["gwn", "ngwn"]);
  });

  it("a cy phrase of the risk model matches in the mutations of its first word, its other words as written", () => {
    expect(mutations("cyllell fawr")).toEqual(["cyllell fawr", "gyllell fawr", "nghyllell fawr", "chyllell fawr"]);
    expect(mutations("dan ni n cuddio")).toContain("dan ni yn cuddio");
    expect(compiledKeys("lladd mam", true)).toEqual(["lladd mam"]);
  });

  it("every source a rule or a gloss group cites is one the file lists", () => {
    const d = welshData();
    for (const s of [d.mutations.source, d.verbs.source, ...d.gloss.groups.map((g) => g.source)]) expect(Object.keys(d.sources)).toContain(s);
  });
});

describe("English with Welsh words in it reads the Welsh words in their English sense (welsh.json gloss)", () => {
  const english = englishWords().all;
  const entries = welshData().gloss.groups.flatMap((g) => g.words);

  it("every gloss word, in each of its mutations, in an English sentence", () => {
    for (const w of entries) {
      const written = w.cy.replace(/-/g, " ");
      const [first, ...rest] = written.split(" ");
      const forms = (w.mutate ? mutateWord(first!) : [first!]).map((f) => [f, ...rest].join(" "));
      for (const form of forms) {
        if (rest.length === 0 && english.has(form)) continue;
        const norm = normaliseSentence(`he said the ${form} was there with his friend`);
        expect(norm, `${form} -> ${w.en}`).toContain(` ${normaliseSentence(w.en).trim()} `);
      }
    }
  });

  it("a form that is also an English word stays English", () => {
    expect(welshGloss().words.has("plant")).toBe(false);
    expect(normaliseSentence("she watered the plant and the blant were asleep")).toContain(" plant and the children ");
  });

  it("mixed sentences: the people, time and danger words of the risk model", () => {
    expect(normaliseSentence("my mam's cariad is hitting the plentyn nawr")).toBe(" my mams partner is hitting the child now ");
    expect(normaliseSentence("If a disgybl discloses they are being hit")).toContain(" if a pupil discloses ");
    expect(normaliseSentence("my dad-cu has a gyllell")).toBe(" my grandad has a knife ");
    expect(normaliseSentence("the babi is with nain heno")).toBe(" the baby is with nan tonight ");
  });

  it("a sentence in Welsh is read as written: its words are the cy phrases' words", () => {
    expect(normaliseSentence("Mae Dad yn curo Mam nawr")).toBe(" mae dad yn curo mam nawr ");
    expect(normaliseSentence("Mae'r plentyn gyda'i nain heno")).toBe(" mae y plentyn gyda ei nain heno ");
  });

  it("a data phrase is never glossed, and a cy phrase is read as Welsh: 'mam' stays 'mam' as it does in a Welsh sentence", () => {
    expect(compiledKeys("[gyda|efo] ei [nain|mam gu] nawr", true)).toEqual(["gyda ei nain nawr", "gyda ei mam gu nawr", "efo ei nain nawr", "efo ei mam gu nawr"]);
  });
});

describe("when a Welsh clause happens is read from the Welsh verb system (welsh.json verbs, welsh-tense.ts)", () => {
  /** The aspect of `phrase` in `sentence`, read as the reader reads it. */
  function aspectOf(sentence: string, phrase: string): string {
    const norm = normaliseSentence(sentence);
    const at = norm.indexOf(` ${phrase} `);
    expect(at, `${phrase} in ${norm}`).toBeGreaterThanOrEqual(0);
    return aspectAt(norm, at + 1, phrase.length).aspect;
  }

  it.each([
    ["Mae e'n ei churo hi yn yr ardd", "ei churo", "progressive"],
    ["Mae ffrind Dad yn fy stafell i ac mae e'n fy nghyffwrdd i", "fy nghyffwrdd", "progressive"],
    ["Dan ni'n cuddio yn y cwpwrdd", "yn y cwpwrdd", "progressive"],
    ["Mae dyn wedi torri i mewn", "torri i mewn", "perfect"],
    ["Mae e newydd ysgwyd y babi", "ysgwyd y babi", "perfect"],
    ["Dw i wedi bod yn torri fy hun ers misoedd", "torri fy hun", "perfect_progressive"],
    ["Roedd e'n ei guro fe", "ei guro", "past_state"],
    ["Roedd e wedi ei guro fe", "ei guro", "past"],
    ["Torrodd dyn i mewn i'r tŷ", "i mewn", "past"],
    ["Clywais i nhw yn torri'r ffenest", "nhw", "past"],
    ["Cafodd hi ei tharo gan ei thad", "ei tharo", "past"],
    ["Bydd e'n ei tharo hi eto", "ei tharo", "future"],
  ])("%s: %s is %s", (sentence, phrase, aspect) => {
    expect(aspectOf(sentence, phrase)).toBe(aspect);
  });

  it("a conditional governs its clause: 'os bydd e'n ei churo'", () => {
    const norm = normaliseSentence("Os bydd e'n ei churo hi eto");
    const at = norm.indexOf(" ei churo ");
    expect(aspectAt(norm, at + 1, "ei churo".length).conditional).toBe(true);
  });

  it("an English sentence with Welsh words keeps the English reading", () => {
    expect(aspectOf("my mam's cariad was hitting the plentyn", "hitting")).toBe(aspectOf("my mum's partner was hitting the child", "hitting"));
  });

  it("through the reader: an abuser in the child's room touching them now is live, in Welsh as in English", () => {
    const cy = readMessage("Mae ffrind Dad yn y stafell ac mae e'n fy nghyffwrdd i. Dw i'n 11.");
    expect(cy.hits.some((h) => h.kind === "sexual_assault_now" && h.live)).toBe(true);
  });

  it("through the reader: a beating told in the Welsh imperfect with last year is not live", () => {
    const cy = readMessage("Roedd fy llystad yn fy nghuro i llynedd. Dw i'n 14 ac yn byw gyda nain nawr.");
    expect(cy.hits.filter((h) => h.kind === "violence_in_progress").every((h) => !h.live)).toBe(true);
  });
});
