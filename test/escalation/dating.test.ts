import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { historySentences, openingDate } from "../../escalation/dating.js";
import { withoutFormPrompts } from "../../escalation/document.js";
import { splitSentences } from "../../escalation/normalise.js";
import { readMessage } from "../../escalation/reader.js";
import { DANGER_KINDS } from "../../escalation/risk-model.js";
import { triageByRules } from "../../escalation/triage.js";

/** Which sentences of a document are history, by their text. */
function historyOf(doc: string): string[] {
  const sents = splitSentences(doc);
  const h = historySentences(doc, sents.length);
  return sents.filter((_, i) => h[i]);
}

/** One "now" danger per kind, from the templates the labelled set is composed from, with a boy named Sam. */
const scenes = (JSON.parse(readFileSync(fromRoot("escalation", "data", "labelled", "templates.json"), "utf8")) as { scenes: { kind: string; now: string }[] }).scenes;
const dangerNow = DANGER_KINDS.map((kind) => {
  const now = scenes.find((s) => s.kind === kind)!.now;
  const text = now.replace(/\{v\}/g, "Sam").replace(/\{p_his\}/g, "his").replace(/\{o_self\}/g, "himself").replace(/\{o\}/g, "him").replace(/\{p\}/g, "he").replace(/\{b\}/g, "the baby");
  return [kind, `${text[0]!.toUpperCase()}${text.slice(1)}.`] as const;
});

describe("a document's dates (dating.ts)", () => {
  it("reads the dates an entry opens with, after a quote mark, a number or a field label", () => {
    expect(openingDate("12/01/2025 Home visit.")).not.toBeNull();
    expect(openingDate("> On 3 Feb 2025, at 16:02, Janet wrote:")).not.toBeNull();
    expect(openingDate("2. Background: March 2023: the ex-partner broke in")).not.toBeNull();
    expect(openingDate("2021 | Police attended | NFA")).not.toBeNull();
    expect(openingDate("Sent: Monday, 10 March 2025 09:14")).not.toBeNull();
    expect(openingDate("She has 2 brothers")).toBeNull();
  });

  it("case notes: an entry dated weeks before the latest is history, the latest is not", () => {
    const doc = "12/01/2025 Home visit. Mum said the house was cold.\n02/02/2025 Call with school. Attendance is good.\n10/03/2025 Mum rang the office.";
    expect(historyOf(doc)).toEqual(["12/01/2025 Home visit.", "Mum said the house was cold.", "02/02/2025 Call with school.", "Attendance is good."]);
  });

  it("an email chain: the quoted message is dated by its 'wrote:' line, the top message by its header", () => {
    const doc = "Sent: Monday, 10 March 2025 09:14\nSubject: Sam\nPlease see below.\n\nOn 3 Feb 2025, Janet Price wrote:\n> He was crying in class.";
    expect(historyOf(doc)).toEqual(["On 3 Feb 2025, Janet Price wrote:", "> He was crying in class."]);
  });

  it("a planned date (the next meeting, a review) is not the document's now", () => {
    const doc = "1. Concerns: 10/03/2025 mum rang.\n2. Background: 02/02/2025 school call.\n3. Date of next meeting: 7 April 2025.";
    expect(historyOf(doc)).toEqual(["2.", "Background: 02/02/2025 school call."]);
  });

  it("a document with one date dates by the clock: two months gone is history, last week is not", () => {
    const at = (d: string) => {
      const doc = `${d} Mum rang.\nShe said he had gone.\nWe will visit.`;
      return historySentences(doc, splitSentences(doc).length, Date.UTC(2025, 2, 10));
    };
    expect(at("10/12/2024")).toEqual([true, false, false]);
    expect(at("03/03/2025")).toEqual([false, false, false]);
    expect(historyOf("Mum rang.\nShe said he had gone.\nWe will visit.")).toEqual([]);
  });

  it.each(dangerNow)("%s told now in an old entry of a chronology is history; in the latest entry it is 999: %s", (kind, danger) => {
    const rows = (old: string, latest: string) =>
      ["Chronology", "Date | Event | Source", `14/05/2019 | Birth | Midwife`, `19/01/2025 | ${old} | Police`, `02/02/2025 | School attendance 94% | School`, `10/03/2025 | ${latest} | School`].join("\n");
    const inOld = readMessage(rows(danger, "Sam is in school today and settled."));
    expect(inOld.hits.some((h) => h.kind === kind)).toBe(true);
    expect(inOld.hits.some((h) => h.live)).toBe(false);
    expect(triageByRules(rows("School attendance 94%", danger)).level).toBe("999");
  });

  it("a year named in the danger's clause dates it: 'admitted in 2021 after an overdose'", () => {
    const r = readMessage("Previous involvement: she took an overdose in 2021 and was admitted.");
    expect(r.facts.has("danger_live")).toBe(false);
    expect(readMessage("She has taken an overdose, she has been known to us since 2021.").facts.has("danger_live")).toBe(true);
  });

  it("a clause's year is history against the day the message is read, not the machine's clock", () => {
    const text = "He hit her in 2026 and he is still in the house.";
    // Read in 2026 the year is this year: the act is recent and its danger goes on.
    expect(readMessage(text, undefined, Date.UTC(2026, 10, 27)).facts.has("danger_live")).toBe(true);
    // Read in 2027 the same words tell of an earlier year.
    expect(readMessage(text, undefined, Date.UTC(2027, 1, 1)).facts.has("danger_live")).toBe(false);
  });
});

describe("a pasted form's own questions (document.ts)", () => {
  const form = (answer: string) =>
    ["REQUEST FOR SUPPORT FORM", "Initials: K.T.", "Date of birth: 02/06/2013", "Referrer: Jo Marsh, Brookside Academy", `What are you worried about today? ${answer}`, "Parents aware: Yes"].join("\n");

  it("sets aside a prompt the line answers, only in a document of field lines", () => {
    expect(withoutFormPrompts(form("He has a bruise."))).toContain("\nHe has a bruise.\n");
    expect(withoutFormPrompts("What is the threshold? She told me he hits her")).toBe("What is the threshold? She told me he hits her");
  });

  it.each(dangerNow)("%s written as the answer to a form's question is 999, not a question about procedure: %s", (_kind, danger) => {
    expect(triageByRules(form(danger)).level).toBe("999");
  });

  it("initials are not the end of a sentence: 'a man near L.M. kicked the door in' is one sentence", () => {
    expect(splitSentences("In 2021 a man near L.M. kicked the door in. So did I. Next")).toEqual(["In 2021 a man near L.M. kicked the door in.", "So did I.", "Next"]);
  });
});
