import { describe, expect, it } from "vitest";
import { normaliseSentence } from "../../escalation/normalise.js";
import { readMessage } from "../../escalation/reader.js";
import { writerClauseSpan } from "../../escalation/tense.js";
import { triageByRules } from "../../escalation/triage.js";

/**
 * A time word tells the time of the clause it stands in (round fourteen). In the writer's own question, request or
 * situation ("who should I ring now?", "I need advice now", "I'm at home now and…") it dates the asking, not a danger told
 * in another clause; a danger clause keeps its own tense and time words. Walked over every first-person question and
 * request opener × every time word × the danger's place (before or after, same sentence or the next), both sides.
 */
const OPENERS = [
  "what do I do",
  "what should I do",
  "what can we do",
  "who do I ring",
  "who should I call",
  "who should we tell",
  "how do I report it",
  "should I ring someone",
  "do I call the police",
  "can you tell me what to do",
  "could you advise me",
  "I need advice",
  "we need some guidance",
  "I need to know what to do",
  "please advise",
  "please let me know what to do",
  "I'm not sure what to do",
  "I don't know who to tell",
];
const TIMES = ["now", "right now", "at the moment", "currently", "tonight"];
/** Where the danger stands against the writer's clause. */
const PLACES: readonly [string, (danger: string, ask: string) => string][] = [
  ["after it, same sentence", (d, a) => `${a}, ${d}`],
  ["after it, next sentence", (d, a) => `${a}? ${d}.`],
  ["before it, same sentence", (d, a) => `${d}, ${a}?`],
  ["before it, previous sentence", (d, a) => `${d}. ${a}?`],
];
const grid = (dangers: readonly string[]) =>
  dangers.flatMap((d) => OPENERS.flatMap((o) => TIMES.flatMap((t) => PLACES.map(([place, put]) => [put(d, `${o} ${t}`), place] as const))));

const live = (text: string) => readMessage(text).hits.some((h) => h.live);

describe("a time word in the writer's own question or request does not make another clause's danger live", () => {
  // Past acts told by an adult about a child: without a time word of their own they are not happening now.
  const past = ["my niece's stepdad punched her", "my neighbour's boyfriend hit her little boy"];
  it.each(grid(past))("'%s' (danger %s) reads the danger as past", (text) => {
    const r = readMessage(text);
    expect(r.hits.length, text).toBeGreaterThan(0);
    expect(r.hits.some((h) => h.live), text).toBe(false);
  });
});

describe("a danger told in the present, or with a time word of its own, stays live whatever the writer asks", () => {
  const present = ["her stepdad is punching her", "he has a knife", "my son is not breathing", "her stepdad is hitting her right now", "he hit her just now"];
  it.each(grid(present))("'%s' (danger %s) is live", (text) => {
    expect(live(text), text).toBe(true);
  });

  it.each(["he is hitting her now", "she's not breathing now", "come now, he has a knife", "help me now he is hitting me", "what do i do he is hitting her now"])("'%s' is live", (text) => {
    expect(live(text), text).toBe(true);
  });

  it.each(["i need help now he is hitting me", "i need help right now my dad is hitting me", "what do i do now my dad is hitting me", "please can someone help me now he has a knife"])(
    "a child writing about themselves, '%s', is 999",
    (text) => {
      expect(triageByRules(text).level).toBe("999");
    },
  );
});

describe("an adult's own place dates the adult, not the child's danger", () => {
  it.each(TIMES.flatMap((t) => ["I'm at home", "I'm at work", "we're at home", "I'm on shift"].map((p) => `${p} ${t} and my niece told me her dad punched her`)))("'%s' reads the danger as past", (text) => {
    const r = readMessage(text);
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits.some((h) => h.live)).toBe(false);
  });

  it.each(["I'm on shift now and my niece's dad is punching her", "I'm at work right now and he has a knife"])("'%s' stays live", (text) => {
    expect(live(text)).toBe(true);
  });
});

describe("the writer's clause ends where a clause with its own subject and verb opens", () => {
  const span = (sentence: string, opener: string) => {
    const norm = normaliseSentence(sentence);
    const at = norm.indexOf(` ${opener} `);
    const s = writerClauseSpan(norm, at, opener.length + 1);
    return s && norm.slice(s[0], s[1]);
  };
  it.each([
    ["what do I do now he is hitting her", "what do i", " what do i do now "],
    ["who should I ring now my dad hit my sister", "who should i", " who should i ring now "],
    ["I need advice right now and my niece told me", "i need advice", " i need advice right now "],
    ["should I call the police tonight", "should i", " should i call the police tonight "],
  ])("in '%s' the writer's clause is '%s…'", (sentence, opener, clause) => {
    expect(span(sentence, opener)).toBe(clause);
  });

  it("an opener after 'to' is the tail of another clause, not the writer's", () => {
    expect(span("what he wants me to do i think", "do i")).toBeNull();
  });
});
