import * as z from "zod";

/** Where a procedural claim comes from: the public contract's citation shape. */
export const CitationSchema = z.object({
  /** Corpus file name the passage is in (e.g. the Herefordshire pack for Working Together 2023). */
  file: z.string().min(1),
  /** Title of the document cited (its own title, not the file's). */
  title: z.string().min(1),
  /** Section path, outermost first, joined with " > ". */
  section: z.string().min(1),
  /** Numbered paragraph ("153") where the document numbers it, else null. */
  paragraph: z.string().nullable(),
  /** Verbatim quote from the document, at most about 300 characters. */
  quote: z.string().min(1).max(400),
});
export type Citation = z.infer<typeof CitationSchema>;

/** Each passage once, first mention kept: steps and deadlines often cite the same paragraph. */
export function uniqueCitations(cs: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const k = `${c.file}|${c.quote}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
