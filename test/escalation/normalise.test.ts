import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { foldText, normaliseSentence, normaliseText, splitSentences, Speller } from "../../escalation/normalise.js";
import { loadRiskModel } from "../../escalation/risk-model.js";
import { triageByRules } from "../../escalation/triage.js";
import { readMessage } from "../../escalation/reader.js";

const model = loadRiskModel();
const opts = { speller: model.speller };

describe("foldText: what a filter-evader changes but a reader does not see", () => {
  it.each([
    ["zero-width space inside a word", "k\u200bnife", "knife"],
    ["zero-width joiner and non-joiner", "st\u200dab\u200cbing", "stabbing"],
    ["soft hyphen", "over\u00addose", "overdose"],
    ["word joiner and BOM", "\ufeffchok\u2060ing", "choking"],
    ["bidi marks and isolates", "\u202astran\u200fgling\u2069", "strangling"],
    ["variation selector", "kni\ufe0ffe", "knife"],
    ["fullwidth letters", "\uff4b\uff4e\uff49\uff46\uff45", "knife"],
    ["mathematical bold letters", "\ud835\udc24\ud835\udc27\ud835\udc22\ud835\udc1f\ud835\udc1e", "knife"],
    ["Cyrillic look-alikes", "kn\u0456f\u0435", "knife"],
    ["Greek look-alikes", "\u03bfverd\u03bfse", "overdose"],
    ["accents", "kn\u00eff\u00e9", "knife"],
    ["digits for letters inside a word", "k1ll", "kill"],
    ["symbols for letters inside a word", "st@bb1ng", "stabbing"],
  ])("%s", (_name, input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it("leaves numbers, ages and times alone", () => {
    expect(foldText("my 14yo left at 11pm on the m25")).toBe("my 14yo left at 11pm on the m25");
  });

  it("an obfuscated emergency is still an emergency", () => {
    expect(triageByRules("my dad has a k\u200bn\u0456fe and says he will k1ll us tonight").level).toBe("999");
  });
});

describe("normaliseSentence", () => {
  it.each([
    ["HELLPPP my bro is chokingg rn", " help my brother is choking right now "],
    ["plz hlp im 14", " please help i am 14 "],
    ["he's got a kinfe", " he has got a knife "],
    ["my sis took an od", " my sister took an overdose "],
    ["she's unconcious", " she is unconscious "],
    ["a 15yo in y9", " a 15 year old in year 9 "],
    ["sum1 is stabbin a boy", " someone is stabbing a boy "],
  ])("%s → %j", (input, expected) => {
    expect(normaliseSentence(input, opts)).toBe(expected);
  });

  it("does not turn ordinary words into danger words", () => {
    expect(normaliseSentence("she was showing people and sitting and cooking", opts)).toBe(" she was showing people and sitting and cooking ");
    expect(normaliseSentence("my sisters are breeding rabbits", opts)).toContain(" sisters are breeding ");
  });
});

describe("Speller", () => {
  it("corrects a one-letter slip in a vocabulary word and leaves inflections and protected words", () => {
    const s = new Speller(["strangling", "unconscious", "sister"], new Set(["sitting"]));
    expect(s.correct("stranglng")).toBe("strangling");
    expect(s.correct("unconcious")).toBe("unconscious");
    expect(s.correct("sisters")).toBe("sisters");
    expect(s.correct("sitting")).toBe("sitting");
  });
});

describe("splitSentences / normaliseText", () => {
  it("keeps every sentence of the input, in order", () => {
    const text = "First one. Second one! Third one?\nFourth; fifth - sixth";
    expect(splitSentences(text)).toEqual(["First one.", "Second one!", "Third one?", "Fourth", "fifth", "sixth"]);
    expect(normaliseText(text).map((s) => s.raw)).toEqual(splitSentences(text));
  });
});

describe("registers: text-speak, contractions without apostrophes, misspellings by sound, words run together", () => {
  it.each([
    ["the text-speak table", "wot r u doin 2nite", " what are you doing tonight "],
    ["a person's 's before a participle is has", "my dads got a knife", " my dad has got a knife "],
    ["a person's 's before anything else is is", "my babys not breathing", " my baby is not breathing "],
    ["a pronoun's 's before a participle is has", "shes been sick", " she has been sick "],
    ["we're is not were", "we're hiding", " we are hiding "],
    ["i'll is not ill", "i'll kill myself", " i will kill myself "],
    ["'d before a participle is had", "she'd gone", " she had gone "],
    ["2 before a verb is to", "hes trying 2 get in", " he is trying to get in "],
    ["a dropped g", "hes hittin me", " he is hitting me "],
    ["silent letters and doubled letters by sound", "he has a nife and is beeting her", " he has a knife and is beating her "],
    ["vowels by sound", "strangleing suiside screeming", " strangling suicide screaming "],
    ["repeated letters", "pleeeease helllp", " please help "],
    ["words run together", "hesgot a knife helpme", " he has got a knife help me "],
    ["split words joined", "my step dad hurt my self", " my stepdad hurt myself "],
    ["a real word for the danger word it sounds like, in its place", "some one is braking in", " someone is breaking in "],
  ])("%s: %s", (_name, input, expected) => {
    expect(normaliseSentence(input, opts)).toBe(expected);
  });

  it("never changes an English word, a place name or a Welsh sentence", () => {
    expect(normaliseSentence("took the whole hole in Swansea", opts)).toBe(" took the whole hole in swansea ");
    expect(normaliseSentence("mae fy merch ar goll ers amser cinio", opts)).toBe(" mae fy merch ar goll ers amser cinio ");
  });

  it("Welsh clitics are words of their own, and a Welsh sentence's function words are not English text-speak", () => {
    expect(normaliseSentence("Mae hi'n ddiogel yn yr ysgol nawr", opts)).toBe(" mae hi yn ddiogel yn y ysgol nawr ");
    expect(normaliseSentence("plentyn yn dringo dros reiliau'r balconi", opts)).toBe(" plentyn yn dringo dros reiliau y balconi ");
    expect(normaliseSentence("mae'r plant yn cuddio", opts)).toBe(" mae y plant yn cuddio ");
    // English text-speak is still read as English.
    expect(normaliseSentence("u r a liar n i h8 u", opts)).toBe(" you are a liar and i hate you ");
  });

  it("a Welsh phrase matches the text whether the clitic is written with its apostrophe or not", () => {
    expect(readMessage("Mae hi'n ddiogel gyda'i nain nawr").facts.has("safe_now")).toBe(true);
    expect(readMessage("Dan ni'n cuddio yn y llofft").facts.has("imm_state")).toBe(true);
  });

  it("an emergency in any register is 999", () => {
    for (const t of ["hes touchin me rn", "hesgot a nife", "my babys not breathin", "ive took a hole packet of pils", "im on the roof n cant get down", "sum1 is braking in"]) {
      expect(triageByRules(t).level, t).toBe("999");
    }
  });
});

describe("a person's 's after a preposition of place names their home", () => {
  const data = JSON.parse(readFileSync(new URL("../../escalation/data/text-speak.json", import.meta.url), "utf8")) as {
    persons: string[];
    persons_then: { is: string[]; has: string[] };
    place_possessive: { prepositions: string[]; determiners: string[] };
  };
  const people = ["nan", "dad", "mum", "aunt", "cousin", "stepdad"].filter((p) => data.persons.includes(p));
  const after = ["now", "still", "tonight"].filter((w) => data.persons_then.is.includes(w) || w === "tonight");

  it("every preposition, with each determiner or none, keeps 'X's' as the place it is", () => {
    for (const prep of data.place_possessive.prepositions) {
      for (const det of [...data.place_possessive.determiners, ""]) {
        for (const p of people) {
          for (const w of after) {
            const norm = normaliseText(`im ${prep} ${det ? det + " " : ""}${p}s ${w}`)[0]!.norm;
            expect(norm, `${prep} ${det} ${p}s ${w}`).toContain(` ${p}s ${w} `);
            expect(norm).not.toContain(` ${p} is `);
          }
        }
      }
    }
  });

  it("a child who says they are at a relative's now is read as safe there, typed with or without the apostrophe", () => {
    for (const place of ["im at my nans now", "im at my nan's now", "im staying at my aunts now"]) {
      const t = `my dad hit me last night and pushed me down the stairs. ${place}`;
      expect(triageByRules(t).level, t).not.toBe("999");
    }
    expect(triageByRules("im at my nans now and my dad is outside banging on the door with a knife").level).toBe("999");
  });

  it("the same person's 's anywhere else is still 'is' or 'has'", () => {
    for (const p of people) {
      expect(normaliseText(`my ${p}s still hitting me`)[0]!.norm).toContain(` ${p} is still hitting `);
      expect(normaliseText(`and my ${p}s got a knife`)[0]!.norm).toContain(` ${p} has got `);
      expect(normaliseText(`im at home and my ${p}s outside`)[0]!.norm).toContain(` ${p} is outside `);
    }
  });
});
