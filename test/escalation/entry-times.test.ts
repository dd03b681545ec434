import { beforeAll, describe, expect, it } from "vitest";
import { entryPlaces, laterEntry } from "../../escalation/dating.js";
import { splitSentences } from "../../escalation/normalise.js";
import { readMessage } from "../../escalation/reader.js";
import { loadRiskModel } from "../../escalation/risk-model.js";

// The risk model compiles its phrase tries once (seconds on a busy machine): not inside the first test's time.
beforeAll(() => {
  loadRiskModel();
}, 120_000);

/** The ways a dated stamp with a time of day opens an entry: logs, exported chats, email headers, case notes. */
const STAMPS: Record<string, (hhmm: string) => string> = {
  "an ISO log stamp": (t) => `2025-03-14 ${t} Staff:`,
  "an exported chat": (t) => `14/03/2025, ${t} - Kai:`,
  "a dotted date": (t) => `14.03.25 ${t}`,
  "a date in words": (t) => `14 March 2025 ${t}:`,
  "a weekday and a date in words": (t) => `Friday, 14 March 2025, ${t} -`,
  "a twelve-hour clock": (t) => `14/03/2025 ${Number(t.slice(0, 2)) > 12 ? `${Number(t.slice(0, 2)) - 12}:${t.slice(3)} pm` : `${t} am`}`,
};
const TIMES = ["08:30", "13:15", "21:40"];
const TEXTS = ["R up for college in good spirits.", "R not back from college and her phone is off.", "R returned home with police."];

/** For each sentence of `doc`, its entry. */
function placesOf(doc: string) {
  return entryPlaces(doc, splitSentences(doc).length);
}

describe("on one day the stamps' times order a document's entries (dating.ts laterEntry)", () => {
  for (const [form, stamp] of Object.entries(STAMPS)) {
    it(`${form}: the later time is the later entry, written oldest first or newest first`, () => {
      const lines = TIMES.map((t, i) => `${stamp(t)} ${TEXTS[i]!}`);
      for (const doc of [lines.join("\n"), [...lines].reverse().join("\n")]) {
        const p = placesOf(doc);
        const sents = splitSentences(doc);
        const at = (text: string) => p[sents.findIndex((s) => s.includes(text))]!;
        expect(at("returned home"), doc).not.toBeNull();
        expect(laterEntry(at("returned home"), at("not back")), doc).toBe(true);
        expect(laterEntry(at("not back"), at("returned home")), doc).toBe(false);
        expect(laterEntry(at("not back"), at("up for college")), doc).toBe(true);
      }
    });
  }

  it("an email chain's headers carry their times: two messages of one day, newest first", () => {
    const doc = "From: Sian\nSent: 14 March 2025 16:40\nSubject: RE: J\n\nMum says he has been arrested.\n\nFrom: Sian\nSent: 14 March 2025 09:12\nSubject: J\n\nMum rang, he is kicking the door in.";
    const p = placesOf(doc);
    const sents = splitSentences(doc);
    const at = (text: string) => p[sents.findIndex((s) => s.includes(text))]!;
    expect(laterEntry(at("arrested"), at("kicking"))).toBe(true);
  });

  it("a time with no date beside it orders nothing: a chat's 23:05 then 08:15 is the next morning", () => {
    const doc = "[21:47] Lily: he has his hands round my neck\n[23:05] Lily: police took him\n[08:15] Lily: at school now";
    const p = placesOf(doc);
    expect(laterEntry(p[2]!, p[1]!)).toBe(true);
    expect(laterEntry(p[1]!, p[0]!)).toBe(true);
  });

  it("'by' plans only before a time: 'returned home by police' opens an entry, 'review by 20/03' does not", () => {
    const entry = placesOf("2025-03-14 21:40 R returned home by police.\n2025-03-14 17:15 R not back.");
    expect(entry[0]).not.toBeNull();
    const planned = placesOf("2025-03-14 R not back.\n2025-03-20 review by 28/03 of the plan.\n2025-03-13 R at college.");
    expect(planned[1]!.date).toBe(planned[0]!.date);
  });
});

describe("through the reader: the latest entry of a log written newest first decides", () => {
  const today = Date.UTC(2025, 2, 15, 12);
  const older = "2025-03-14 08:30 Day staff: R (15) up for college, in good spirits.";
  const missing = "2025-03-14 17:15 Day staff: R not back from college. Phone off. Seen getting into a car with older men who said they were taking her to a party in another town.";

  it("the child found and brought back in the newest entry, at the top: the earlier missing is over", () => {
    const doc = ["2025-03-14 21:40 Night staff: R (15) has been found. Police brought her back to the home.", missing, older].join("\n");
    const r = readMessage(doc, undefined, today);
    expect(r.hits.filter((h) => h.kind === "missing_with_threat").every((h) => !h.live)).toBe(true);
  });

  it("the same entries written oldest first read the same", () => {
    const doc = [older, missing, "2025-03-14 21:40 Night staff: R (15) has been found. Police brought her back to the home."].join("\n");
    const r = readMessage(doc, undefined, today);
    expect(r.hits.filter((h) => h.kind === "missing_with_threat").every((h) => !h.live)).toBe(true);
  });
});
