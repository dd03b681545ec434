import { describe, expect, it } from "vitest";
import { MIX, Workload } from "../../scripts/bench/workload.js";

// `npm run bench` must run in any clone: its workload reads the repository's own sets, so a
// moved or renamed file breaks this test rather than the bench an operator runs later.
describe("bench workload", () => {
  it("builds every scenario of the mix from files the repository carries, without repeats early on", () => {
    const w = new Workload(7);
    const seen = new Set<string>();
    const scenarios = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const c = w.conversation();
      scenarios.add(c.scenario);
      expect(c.messages.length).toBeGreaterThan(0);
      for (const m of c.messages) expect(m.trim().length).toBeGreaterThan(0);
      if (c.scenario !== "draft") seen.add(c.messages[0]!);
    }
    expect([...scenarios].sort()).toEqual(Object.keys(MIX).sort());
    expect(w.repeats).toBe(0);
    expect(seen.size).toBeGreaterThan(300);
  });
});
