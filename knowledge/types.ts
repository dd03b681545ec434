import type { DocJurisdiction } from "./documents.js";

/** The smallest piece we rank and quote: a sentence, a bullet or a footnote. */
export interface Unit {
  text: string;
  kind: "sentence" | "bullet" | "footnote";
  /** True for the second and later sentences of a long bullet: they continue its line. */
  cont?: boolean;
}

/**
 * One block of a document as its authors structured it: a (numbered) paragraph,
 * a paragraph with its bullet list, or a footnote. `text` is verbatim cleaned text.
 */
export interface Chunk {
  id: number;
  docId: string;
  file: string;
  title: string;
  /** Section path, outermost first. */
  section: string[];
  paragraph: string | null;
  jurisdiction: DocJurisdiction;
  rank: number;
  kind: "text" | "list" | "footnote";
  text: string;
  units: Unit[];
  /** Index of the unit that introduces the bullets ("Health practitioners should:"), if any. */
  leadIn: number | null;
}
