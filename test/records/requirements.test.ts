import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../../core/paths.js";
import { strategyRecordRequirements } from "../../records/index.js";

describe("strategy discussion requirement data", () => {
  const requirements = [...strategyRecordRequirements().values()];

  it("loads every requirement the checker cites", () => {
    expect(requirements.map((r) => r.id).sort()).toEqual(
      ["actions", "child_welfare", "criminal_investigation", "icpc_timescale", "legal_action", "minimum_attendees", "reason", "record_decisions", "section47_decision", "share_with_family"].sort(),
    );
  });

  it.each(requirements.map((r) => [r.id, r] as const))("%s quotes the corpus verbatim", (_id, r) => {
    const corpus = readFileSync(fromRoot("knowledge", "corpus", r.citation.file), "utf8").replaceAll("**", "");
    expect(corpus).toContain(r.citation.quote);
    expect(r.citation.title).toBe("Working Together to Safeguard Children 2023");
  });
});
