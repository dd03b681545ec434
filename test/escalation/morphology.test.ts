import { describe, expect, it } from "vitest";
import { edForm, ingForm, sForm, verbForms } from "../../escalation/morphology.js";
import { compiledKeys, PhraseSet } from "../../escalation/phrases.js";

describe("verb forms are generated, not listed", () => {
  it.each([
    ["hit", ["hit", "hits", "hitting"]],
    ["stab", ["stab", "stabs", "stabbing", "stabbed"]],
    ["choke", ["choke", "chokes", "choking", "choked"]],
    ["carry", ["carry", "carries", "carrying", "carried"]],
    ["touch", ["touch", "touches", "touching", "touched"]],
    ["take", ["take", "takes", "taking", "took", "taken"]],
    ["shake", ["shake", "shakes", "shaking", "shook", "shaken"]],
    ["lie", ["lie", "lies", "lying", "lay", "lain"]],
  ] as const)("%s", (lemma, forms) => {
    expect(verbForms(lemma)).toEqual(forms);
  });

  it("follows the spelling rules for regular verbs", () => {
    expect([ingForm("grab"), edForm("grab"), sForm("punch"), edForm("rape"), ingForm("open")]).toEqual(["grabbing", "grabbed", "punches", "raped", "opening"]);
  });
});

describe("data phrases with {lemma} slots and [a|b] groups", () => {
  it("expand into every combination, normalised", () => {
    expect([...compiledKeys("{hold} [me|her] down")].sort()).toEqual(
      ["held her down", "held me down", "hold her down", "hold me down", "holding her down", "holding me down", "holds her down", "holds me down"].sort(),
    );
  });

  it("an empty alternative leaves the word out", () => {
    expect([...compiledKeys("[|a] knife")].sort()).toEqual(["a knife", "knife"]);
  });

  it("match as whole words, longest first, without overlapping", () => {
    const set = new PhraseSet(["{kick} the door", "{kick} the door in", "door"]);
    const ms = set.matches(" someone is kicking the door in and the door is open ");
    expect(ms.map((m) => m.text)).toEqual(["kicking the door in", "door"]);
    expect(set.test(" the doorway ")).toBe(false);
    expect(set.strip(" he kicked the door and left ")).toBe(" he and left ");
  });

  it("a trailing * matches any ending and # any number", () => {
    const set = new PhraseSet(["suicid*", "# tablets"]);
    expect(set.test(" she is suicidal ")).toBe(true);
    expect(set.test(" took 20 tablets ")).toBe(true);
    expect(set.test(" took some tablets ")).toBe(false);
  });
});

describe("a <person> slot is any noun phrase naming a person (cues.json people)", () => {
  it("matches pronouns, family names and determiner + modifier + noun, and nothing else", async () => {
    const { loadRiskModel } = await import("../../escalation/risk-model.js");
    loadRiskModel();
    const set = new PhraseSet(["{knock} <person> about"]);
    for (const t of ["knocking him about", "knocked mum about", "knocking my son about", "knocking one of our young people about", "knocks his little girl about"]) {
      expect(set.test(` ${t} `), t).toBe(true);
    }
    // A bare noun other than a family's name for someone is not a person phrase; nor is a thing.
    for (const t of ["knocking parents about", "knocking the door about", "knocking about"]) expect(set.test(` ${t} `), t).toBe(false);
  });
});
