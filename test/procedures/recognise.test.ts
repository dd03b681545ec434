import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import type { Jurisdiction } from "../../core/jurisdiction.js";
import { recogniseStage, mentionsWales } from "../../procedures/index.js";

interface Case {
  text: string;
  stage: string;
  jurisdiction?: Jurisdiction;
}
const cases = JSON.parse(readFileSync(fromRoot("test", "procedures", "recognise-cases.json"), "utf8")) as Case[];

describe("recogniseStage", () => {
  it.each(cases.map((c) => [c.text, c.jurisdiction ?? "(from the words)", c] as const))(
    'when the situation is "%s" in %s, it is read as the right stage',
    (_t, _j, c) => {
      const r = recogniseStage(c.text, c.jurisdiction ? { jurisdiction: c.jurisdiction } : {});
      expect(r?.stage).toBe(c.stage);
      expect(r?.confidence).toBeGreaterThan(0);
    },
  );

  it("when nothing in the words is about the pathway, it returns null", () => {
    expect(recogniseStage("what is the weather like")).toBeNull();
    expect(recogniseStage("")).toBeNull();
  });

  it("when a stage id is given exactly, it is read with full confidence", () => {
    expect(recogniseStage("s47_not_substantiated")).toMatchObject({ stage: "s47_not_substantiated", confidence: 1 });
  });

  it("when an England stage is asked about in Wales, it is mapped to the nearest Wales stage and says so", () => {
    const r = recogniseStage("icpc", { jurisdiction: "wales" });
    expect(r).toMatchObject({ stage: "wales_child_protection_plan", jurisdiction: "wales", mappedFrom: "icpc" });
  });

  it("a Welsh place or Welsh law in the words puts the situation in Wales; an English county does not", () => {
    expect(mentionsWales("strat in Wrexham")).toBe(true);
    expect(mentionsWales("under the Social Services and Well-being (Wales) Act")).toBe(true);
    expect(mentionsWales("strat in Herefordshire")).toBe(false);
  });

  it("a very long message is still read quickly", () => {
    const long = "home visit completed, no new concerns noted. ".repeat(200) + "ICPC was yesterday";
    const t = performance.now();
    expect(recogniseStage(long)?.stage).toBe("icpc");
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
