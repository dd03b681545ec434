import type { DocJurisdiction } from "./documents.js";

/** The smallest piece we rank and quote: a sentence, a bullet or a footnote. */
export interface Unit {
  text: string;
  kind: "sentence" | "bullet" | "footnote";
  /** True for the second and later sentences of a long bullet: they continue its line. */
  cont?: boolean;
  /** For a bullet: index of the sentence that introduces its list ("Health practitioners should:"), if any. */
  lead?: number;
  /** The line of the chunk's text (a paragraph or a list item) the unit is in. */
  block?: number;
}

/**
 * One unit of a document as its authors structured it: a numbered paragraph with
 * everything in it (its lines and bullet lists, across page breaks), the text under
 * an unnumbered heading, a glossary term, or a footnote. `text` is the verbatim
 * cleaned text, one line per paragraph or bullet ("- ").
 */
export interface Chunk {
  id: number;
  docId: string;
  file: string;
  title: string;
  /** Section path, outermost first (the document's own title is not part of it). */
  section: string[];
  paragraph: string | null;
  jurisdiction: DocJurisdiction;
  rank: number;
  kind: "text" | "list" | "footnote";
  text: string;
  units: Unit[];
}
