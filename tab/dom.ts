import type { Citation } from "../core/citation.js";

type Child = Node | string | null | undefined | false;

/** Make an element with attributes and children. Text is always text (never parsed as HTML). */
export function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A citation as a short quoted source: document, section, paragraph, and the words quoted. */
export function citationBlock(c: Citation): HTMLElement {
  const where = [c.title, c.section, c.paragraph ? `paragraph ${c.paragraph}` : null].filter(Boolean).join(", ");
  return h("figure", { class: "citation" }, h("blockquote", {}, c.quote), h("figcaption", {}, where));
}

/** Citations under a small heading, or nothing. */
export function sources(citations: readonly Citation[], level: "h4" | "h5" = "h4"): HTMLElement | null {
  if (citations.length === 0) return null;
  return h("div", { class: "sources" }, h(level, {}, citations.length === 1 ? "Source" : "Sources"), ...citations.map(citationBlock));
}
