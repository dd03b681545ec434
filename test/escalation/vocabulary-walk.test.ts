import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";
import { loadRiskModel } from "../../escalation/risk-model.js";
import { fromRoot } from "../../core/paths.js";

// The risk model compiles its phrase tries once (seconds on a busy machine): not inside the first test's time.
beforeAll(() => {
  loadRiskModel();
}, 120_000);

/**
 * Round fifteen walked the risk model's vocabulary by how each danger is really told, not by failing lines: the
 * instruction told from the child's side ("he's been told to be at…", "given a burner"), someone heard inside while the
 * writer is alone, gunfire, a ligature found, the railway reached, pressure on the neck by a knee or a foot, a face held
 * into a pillow, an adult where a child sleeps away from home, a child gone in the night, an assault heard through a wall
 * or on a call, a child locked or shut in, a young child alone in a public place, and a child with the writer only over a
 * line ("on facetime with me": not the writer's company). Each class is driven both ways: told now it is 999 with a live
 * danger of its kind; told as past, over, generic, a procedure question or an everyday near miss it is not 999.
 */
interface Case { class: string; kind: string; expect: "999" | "not_999"; text: string }
const CASES: Case[] = readFileSync(fromRoot("test", "escalation", "vocabulary-walk-cases.jsonl"), "utf8")
  .split("\n").filter(Boolean).map((l) => JSON.parse(l) as Case);

describe("danger told in ways the earlier vocabulary did not walk", () => {
  it("every class is walked both ways", () => {
    const classes = new Set(CASES.map((c) => c.class));
    expect(classes.size).toBeGreaterThanOrEqual(12);
    for (const cls of classes) expect(CASES.some((c) => c.class === cls && c.expect === "999"), cls).toBe(true);
  });

  for (const c of CASES.filter((x) => x.expect === "999")) {
    it(`${c.class}, told now: 999 with a live ${c.kind} ("${c.text}")`, () => {
      const r = readMessage(c.text);
      expect(r.hits.some((h) => h.live && h.kind === c.kind), JSON.stringify(r.hits)).toBe(true);
      expect(triageByRules(c.text).level).toBe("999");
    });
  }

  for (const c of CASES.filter((x) => x.expect === "not_999")) {
    it(`${c.class}, a near miss: not 999 ("${c.text}")`, () => {
      expect(triageByRules(c.text).level).not.toBe("999");
    });
  }
});

/**
 * A long paste (a case log of more than 8,000 characters, where the middle is read only through the vocabulary's screen):
 * the latest entry decides, and a danger in it is found however it is worded; told in an earlier entry with a later
 * entry telling the child safe, it is over.
 */
const ORDINARY = [
  "The review meeting was moved to the small room.", "Attendance has been good this term and she is doing well in maths.",
  "We talked about the homework club and the bus times.", "Mum asked about the uniform grant and I gave her the form.",
  "The school nurse saw her for a routine check.", "She has made friends in the new tutor group.",
];
function log(entries: number, tail: string[]): string {
  const lines = Array.from({ length: entries }, (_, i) => `${String(1 + (i % 28)).padStart(2, "0")}/0${1 + (Math.floor(i / 28) % 9)}/2026 ${ORDINARY[i % 6]} ${ORDINARY[(i + 3) % 6]}`);
  return [...lines, ...tail].join("\n");
}
const LATEST = CASES.filter((c) => c.expect === "999").filter((_, i) => i % 4 === 0);

describe("a long paste whose latest entry tells the danger in these words", () => {
  for (const c of LATEST) {
    it(`the latest entry of a case log decides: ${c.class}`, () => {
      const now = log(150, [`27/11/2026 21:40 ${c.text}`]);
      expect(now.length).toBeGreaterThan(8000);
      expect(triageByRules(now).level, c.text).toBe("999");
      const over = log(150, [`26/11/2026 21:40 ${c.text}`, "27/11/2026 09:15 The police came, he was arrested and she is safe at her nans now."]);
      expect(triageByRules(over).level, c.text).not.toBe("999");
    });
  }
});
