import { fold, rolesData } from "../lexicon/index.js";

/**
 * The titles people put before a name ("Dr", "DC", "Sgt", "Mrs"), read once from the shared lexicon
 * (lexicon/data/roles.json) so every part of the notes reader knows the same ones. One-word titles only:
 * a title of two words ("Ch Insp") is read by the lexicon's phrase matching, not here.
 */
let cache: { written: string[]; folded: Set<string>; exact: Set<string> } | null = null;

function titles(): { written: string[]; folded: Set<string>; exact: Set<string> } {
  if (!cache) {
    const one = rolesData().titles.filter((t) => /^\p{L}+$/u.test(t.text));
    const written = one.map((t) => t.text).sort((a, b) => b.length - a.length);
    // A title that is an everyday word in lower case ("Sister") is a title only as written.
    const exact = new Set(one.filter((t) => t.case === "exact").map((t) => t.text));
    cache = { written, folded: new Set(one.filter((t) => t.case !== "exact").map((t) => fold(t.text))), exact };
  }
  return cache;
}

/** Whether one word is a title before a name, in any case, with or without its full stop ("dr", "Sgt."); "Sister" only so written. */
export function isTitle(word: string): boolean {
  const bare = word.replace(/\.$/, "");
  return titles().folded.has(fold(bare)) || titles().exact.has(bare);
}

/** The titles as a regular-expression alternation, longest first, as the lexicon writes them ("DCI|Prof|...|Dr"). */
export function titleAlternation(): string {
  return titles().written.join("|");
}
