import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHIPPED_DIR } from "../../knowledge/shipped-vectors.js";
import { nationalTexts, textHash } from "../../knowledge/store.js";

describe("the shipped vectors (knowledge/vectors/)", () => {
  it("cover every text the index embeds for the national corpus and the banks, so a fresh install embeds nothing of them (else: npm run vectors)", () => {
    const shipped = new Set((JSON.parse(readFileSync(join(SHIPPED_DIR, "use-lite-512.json"), "utf8")) as { hashes: string[] }).hashes);
    const missing = nationalTexts().filter((t) => !shipped.has(textHash(t)));
    expect(missing.slice(0, 5)).toEqual([]);
  });
});
