import { beforeAll, describe, expect, it } from "vitest";
import { readMessage } from "../../escalation/reader.js";
import { triageByRules } from "../../escalation/triage.js";

/*
 * An injury seen is not an attack happening (cues.json injury_site). The forms are walked from how an injury is written (a body
 * map's type of injury, then its site; or the site as a noun before the injury) and from the English noun phrase, not copied from
 * any message. The act behind the injury, when it is told, is read in its own clause and time: dated in the past it is history,
 * told as happening it is 999, and a harm that goes on (can hardly swallow) or the person still there keeps it live.
 */

// The risk model compiles once, on first use: not inside one case's time.
beforeAll(() => {
  readMessage("warm up");
}, 180_000);

const strangulationLive = (text: string) => readMessage(text).hits.some((h) => h.kind === "strangulation" && h.live);

const injuries = ["marks", "red marks", "finger marks", "bruising", "bruises", "a faint red mark", "scratches", "petechiae", "a ligature mark", "swelling"];
const sites = ["on her neck", "round his neck", "around her throat", "to the left side of her neck", "on both sides of her neck", "across his throat"];
// The act, told and dated in the past, in a clause or sentence of its own.
const pastActs = ["Her boyfriend choked her on Saturday.", "She says he grabbed her by the throat last week.", "He strangled her at the weekend."];

describe("an injury seen at the site of a danger's place is not the danger now (cues.json injury_site)", () => {
  it.each(injuries.flatMap((inj) => sites.map((site) => [inj, site] as const)))("%s %s, with the act dated last week, is not live", (inj, site) => {
    for (const act of pastActs) {
      const text = `A girl of 14 came to see me today with ${inj} ${site}. ${act}`;
      expect(strangulationLive(text)).toBe(false);
    }
  });

  it.each(["neck marks", "neck bruising", "throat injuries"])("the site before the injury (%s) is the same", (compound) => {
    expect(strangulationLive(`She came in this morning with ${compound}. She says her ex put his hands round her neck on Saturday night.`)).toBe(false);
  });

  it("the Welsh order, injury then colour then site, is the same", () => {
    expect(strangulationLive("Mae marciau coch ar ei gwddf hi. Mae hi'n dweud bod ei chariad wedi ei thagu nos Sadwrn.")).toBe(false);
  });
});

describe("beside the same injury, strangulation told as happening or going on stays 999", () => {
  it.each([
    "He has his hands round her neck right now and there are marks on her neck.",
    "He is strangling her, there are marks all over her neck.",
    "He grabbed her by the throat ten minutes ago, there are red marks on her neck and she can hardly swallow.",
    "There are finger marks round her neck, he choked her and he is still here.",
    "She has marks on her neck and can't breathe properly.",
  ])("%s", (text) => {
    expect(triageByRules(text).level).toBe("999");
  });
});

describe("a place in a clause of its own is not an injury's site", () => {
  it("a clause between the injury and the place (a new subject and verb) does not make the place a site", () => {
    expect(strangulationLive("She had bruises on her arm and he is squeezing her neck now.")).toBe(true);
  });
});
