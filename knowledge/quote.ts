/** Longest quote shown with a citation. */
export const MAX_QUOTE = 300;

/**
 * A verbatim quote of at most ~300 characters: whole if it fits, else cut at the
 * last sentence or clause boundary before the limit, marked with "…" where cut.
 */
export function trimQuote(text: string, max = MAX_QUOTE): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const head = t.slice(0, max);
  const cut = Math.max(head.lastIndexOf(". "), head.lastIndexOf("; "), head.lastIndexOf(", "), head.lastIndexOf(": "));
  const end = cut > max * 0.4 ? cut + 1 : head.lastIndexOf(" ");
  return `${t.slice(0, end > 0 ? end : max).replace(/[,;:]$/, "").trimEnd()}…`;
}

/** The quote without its cut marks: what must be found verbatim in the document. */
export function quoteCore(quote: string): string {
  return quote.replace(/^…/, "").replace(/…$/, "");
}

const TIME_EXPRESSION =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty[- ]five)\s+(working\s+)?(days?|weeks?|months?|hours?|years?)\b|\bimmediately\b|\bas soon as possible\b|\bwithout delay\b|\bbefore the start of the next school day\b|\bby the end of \w+\b|\bwithin (a|one|the) \w+/i;

/** Whether a text states a timescale. */
export function hasTimeExpression(text: string): boolean {
  return TIME_EXPRESSION.test(text);
}

/** Every numeric timescale stated in a text ("15 working days", "three months"), normalised. */
export function timescales(text: string): string[] {
  const re = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty[- ]five)\s+(working\s+)?(days?|weeks?|months?|hours?|years?)\b/gi;
  return [...text.matchAll(re)].map((m) => `${m[1]!.toLowerCase()} ${(m[2] ?? "").toLowerCase()}${m[3]!.toLowerCase().replace(/s$/, "")}`);
}
