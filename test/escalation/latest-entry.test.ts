import { beforeAll, describe, expect, it } from "vitest";
import { entryPlaces, laterEntry } from "../../escalation/dating.js";
import { splitSentences } from "../../escalation/normalise.js";
import { readMessage } from "../../escalation/reader.js";
import { loadRiskModel } from "../../escalation/risk-model.js";
import { triageByRules } from "../../escalation/triage.js";

// The risk model compiles its phrase tries once (seconds on a busy machine): not inside the first test's time.
beforeAll(() => {
  loadRiskModel();
}, 120_000);

/** The entry of each sentence, by its text. */
function placesOf(doc: string): { text: string; seq: number | null }[] {
  const sents = splitSentences(doc);
  const p = entryPlaces(doc, sents.length);
  return sents.map((text, i) => ({ text, seq: p[i]?.seq ?? null }));
}

const DANGER = "Her stepdad punched her mum in the face and threw a chair at the wall while she hid under the table.";
const ENDING = "Police attended and the stepdad was arrested and is in custody.";
const FILLER = ["Mum rang the office.", "Attendance is good this term.", "She went to football club.", "Nothing else of note."];

/** Each document type, with its entries in the order they were written (earliest first). */
const documents: Record<string, (entries: string[]) => string> = {
  "a child's chat": (e) => e.map((x, i) => `${["Mon", "Mon", "Tue", "Tue"][i]} 2${i}:1${i} me: ${x}`).join("\n"),
  "a timed log": (e) => e.map((x, i) => `1${i}:0${i} ${x}`).join("\n"),
  "dated case notes": (e) => e.map((x, i) => `0${i + 1}/10/2025 ${x}`).join("\n"),
  "an email chain, newest first": (e) =>
    e
      .map((x, i) => `On Monday, ${i + 10} October 2025, at 09:00, Sam wrote:\n> ${x}`)
      .reverse()
      .join("\n"),
};

describe("the latest entry of a document decides (dating.ts entryPlaces)", () => {
  it("stamped lines open entries: a chat's or log's time, a day and month, a weekday heading; a sentence about a day does not", () => {
    const chat = placesOf("Mon 21:14 me: he hit mum\nMon 21:15 Jess: omg\nTue 16:05 me: hes gone now");
    expect(chat.map((x) => x.seq)).toEqual([1, 2, 3]);
    const log = placesOf("Sat 11/10 night shift: went out.\nStaff informed.\nTuesday: quiet day.");
    expect(log.map((x) => x.seq)).toEqual([1, 1, 2]);
    expect(placesOf("Monday was fine.\nTuesday was not.\nShe is in school.").every((x) => x.seq === null)).toBe(true);
  });

  it("an email chain's newest message is the later entry, though it stands first", () => {
    const doc = documents["an email chain, newest first"]!(["First.", "Second."]);
    const sents = splitSentences(doc);
    const p = entryPlaces(doc, sents.length);
    const first = sents.findIndex((s) => s.includes("First"));
    const second = sents.findIndex((s) => s.includes("Second"));
    expect(laterEntry(p[second]!, p[first]!)).toBe(true);
    expect(laterEntry(p[first]!, p[second]!)).toBe(false);
  });

  it("an email chain's messages without a date are ordered against none: an old quoted 'safe' never ends the newest message's danger", () => {
    const doc = [
      "---------- Forwarded message ---------",
      "Subject: FW: Tyler",
      "Mum has rung again: her partner is punching her in the kitchen right now and Tyler is in there with her.",
      "Thanks, Sam.",
      "Designated Safeguarding Lead.",
      "This email is confidential.",
      "-----Original Message-----",
      "> Police attended and the stepdad was arrested and is in custody.",
      "> Tyler is safe with his nan.",
    ].join("\n");
    expect(triageByRules(doc).level).toBe("999");
  });

  for (const [type, compose] of Object.entries(documents)) {
    it(`${type}: a danger told in an earlier entry and ended in a later one, however far apart, is over`, () => {
      const doc = compose([DANGER, ...FILLER.slice(0, 2), ENDING]);
      const r = readMessage(doc);
      expect(r.hits.some((h) => h.kind === "violence_in_progress")).toBe(true);
      expect(r.facts.has("danger_live")).toBe(false);
    });

    it(`${type}: an ending in an earlier entry does not end a danger told in the latest`, () => {
      const doc = compose([ENDING, ...FILLER.slice(0, 2), "He is punching her mum in the kitchen right now."]);
      expect(readMessage(doc).facts.has("danger_live")).toBe(true);
      expect(triageByRules(doc).level).toBe("999");
    });
  }
});

describe("a document that records a danger now is about a real case", () => {
  it("a school log of a child being taken minutes ago, then 'what do we do right now?', is 999, not a procedure question", () => {
    const doc = [
      "School office, pasting the log:",
      "14:02 Father of Y1 pupil arrived at the gate and asked to see his daughter. Refused.",
      "14:08 Father climbed the fence, grabbed the child and put her in his van.",
      "14:10 Van drove off towards the bypass.",
      "What do we do right now?",
    ].join("\n");
    expect(triageByRules(doc).level).toBe("999");
  });

  it("a question about procedure that tells of no danger as happening stays a question", () => {
    const doc = ["Quick one for the team:", "Our policy says one thing and the LADO guidance another.", "What should a school do when a parent refuses consent to share?"].join("\n");
    expect(triageByRules(doc).level).toBe("none");
  });
});
