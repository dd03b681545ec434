import { readFileSync } from "node:fs";
import { fromRoot } from "../../core/paths.js";

/** The table of cases a test walks, one JSON object per line in test/escalation/NAME (blank lines skipped). */
export function readCases<T>(name: string): T[] {
  return readFileSync(fromRoot("test", "escalation", name), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}
