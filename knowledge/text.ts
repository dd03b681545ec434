/** Text normalisation shared by the index, the query and the coverage test. */

/** Fold curly quotes and dashes so "child’s" and "child's" are one word. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐-―]/g, "-");
}

/** Words of a text, lower-cased, possessives dropped. */
export function words(s: string): string[] {
  return (fold(s).match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []).map((w) => w.replace(/'s$/, ""));
}

/**
 * A light English stemmer: enough to join "referrals/referral", "assessed/assessment"
 * would be too far; we only fold inflections, so distinct terms stay distinct.
 */
export function stem(w: string): string {
  let s = w.replace(/'.*$/, "");
  if (s.length <= 3 || /^\d/.test(s)) return s;
  if (s.endsWith("ies") && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith("sses")) s = s.slice(0, -2);
  else if (s.endsWith("s") && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith("ing") && s.length > 5) s = s.slice(0, -3);
  else if (s.endsWith("ed") && s.length > 4) s = s.slice(0, -2);
  if (s.endsWith("e") && s.length > 4) s = s.slice(0, -1);
  return s;
}

/** Stemmed words of a text. */
export function stems(s: string): string[] {
  return words(s).map(stem);
}

/** Normalise for "does A contain B" checks: folded, single spaces. */
export function normaliseForMatch(s: string): string {
  return fold(s).replace(/\s+/g, " ").trim();
}
