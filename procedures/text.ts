/**
 * Text normalisation and phrase matching shared by the stage recogniser and the date
 * reader: lowercase words, practitioners' shorthand unified ("s.47" → "s47"), known
 * misspellings replaced, and a one-letter slip forgiven in longer words.
 */

/** Lowercase word tokens of `text`, with `spellings` applied word for word. */
export function tokens(text: string, spellings: Record<string, string> = {}): string[] {
  const t = text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, "s")
    .replace(/'/g, "")
    .replace(/&/g, " and ")
    .replace(/\b(?:s|sec|section)\s*\.?\s*(17|46|47|76|130)\b/g, (m, n: string) => (m.startsWith("section") ? `section ${n}` : `s${n}`))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (t === "") return [];
  return t.split(" ").flatMap((w) => (spellings[w] ?? w).split(" ")).filter((w) => w !== "");
}

/** Whether a typed word stands for an alias word: exact, a plural, or one slip in a long word. */
export function sameWord(typed: string, alias: string): boolean {
  if (typed === alias) return true;
  if (typed.length === alias.length + 1 && typed.endsWith("s") && typed.startsWith(alias)) return true;
  if (alias.length < 5 || /\d/.test(alias) || Math.abs(typed.length - alias.length) > 1) return false;
  return editDistance(typed, alias, alias.length >= 9 ? 2 : 1) <= (alias.length >= 9 ? 2 : 1);
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Start indexes in `words` where the phrase `phrase` (already tokenised) occurs. */
export function findPhrase(words: string[], phrase: string[]): number[] {
  const hits: number[] = [];
  if (phrase.length === 0) return hits;
  for (let i = 0; i + phrase.length <= words.length; i++) {
    let ok = true;
    for (let k = 0; k < phrase.length && ok; k++) ok = sameWord(words[i + k] ?? "", phrase[k] ?? "");
    if (ok) hits.push(i);
  }
  return hits;
}
