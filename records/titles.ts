import { fold, rolesData } from "../lexicon/index.js";

/**
 * The titles people put before a name ("Dr", "DC", "Sgt", "Mrs"), read once from the shared lexicon
 * (lexicon/data/roles.json) so every part of the notes reader knows the same ones. One-word titles only:
 * a title of two words ("Ch Insp") is read by the lexicon's phrase matching, not here.
 */
let cache: { written: string[]; folded: Set<string> } | null = null;

function titles(): { written: string[]; folded: Set<string> } {
  if (!cache) {
    const written = rolesData()
      .titles.map((t) => t.text)
      .filter((t) => /^\p{L}+$/u.test(t))
      .sort((a, b) => b.length - a.length);
    cache = { written, folded: new Set(written.map(fold)) };
  }
  return cache;
}

/** Whether one word is a title before a name, in any case, with or without its full stop ("dr", "Sgt."). */
export function isTitle(word: string): boolean {
  return titles().folded.has(fold(word.replace(/\.$/, "")));
}

/** The titles as a regular-expression alternation, longest first, as the lexicon writes them ("DCI|Prof|...|Dr"). */
export function titleAlternation(): string {
  return titles().written.join("|");
}
