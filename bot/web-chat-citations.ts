import type { Entity } from "botbuilder";
import type { Citation } from "../core/citation.js";

/**
 * Citations the way Bot Framework Web Chat (4.16 and later) shows them: the answer's
 * Markdown carries a numbered marker per source and a reference-style link definition
 * `[n]: cite:n "title"` for each, and the activity's schema.org `Message` entity has one
 * `Claim` per source whose `position` is that number. Web Chat matches a definition to
 * the claim with the same position, lists the sources under the message and opens the
 * claim's `appearance.text` (the quote) when one is chosen. See Web Chat's
 * docs/CITATION.md and MarkdownTextContent.tsx.
 *
 * Teams wants a different shape (markers only, claims with a short abstract and no
 * link definitions), which `citationEntity` in presenter.ts keeps.
 */

/** Channels whose client is Web Chat with citation support: our own page, and Azure Direct Line. */
export const WEB_CHAT_CHANNELS: ReadonlySet<string> = new Set(["webchat", "directline"]);

/** A citation's heading: document, section and paragraph. */
export function citationName(c: Citation): string {
  return [c.title, c.section, c.paragraph ? `para ${c.paragraph}` : null].filter(Boolean).join(", ");
}

// A link title sits in double quotes on one line: no newlines, quotes escaped.
const linkTitle = (s: string) => s.replace(/\s+/g, " ").replace(/\\/g, "\\\\").replace(/"/g, '\\"');

/**
 * The answer text: the answer with markers `[1] [2]` (spaced, so Markdown does not read
 * `[1][2]` as a link to definition 2) and the link definitions after a blank line.
 */
export function webChatAnswerText(answer: string, citations: readonly Citation[]): string {
  if (citations.length === 0) return answer;
  const markers = citations.map((_, i) => `[${i + 1}]`).join(" ");
  const definitions = citations.map((c, i) => `[${i + 1}]: cite:${i + 1} "${linkTitle(citationName(c))}"`);
  return `${answer.trimEnd()} ${markers}\n\n${definitions.join("\n")}`;
}

/** The schema.org Message entity Web Chat reads: one Claim per source, the quote as its text. */
export function webChatCitationEntity(citations: readonly Citation[], aiGenerated: boolean): Entity {
  return {
    type: "https://schema.org/Message",
    "@type": "Message",
    "@context": "https://schema.org",
    "@id": "",
    ...(aiGenerated ? { keywords: ["AIGeneratedContent"] } : {}),
    citation: citations.map((c, i) => ({
      "@type": "Claim",
      position: i + 1,
      appearance: {
        "@type": "DigitalDocument",
        name: citationName(c),
        abstract: c.quote,
        encodingFormat: "text/markdown",
        // Shown in Web Chat's citation dialog: the verbatim quote and where it is.
        text: `> ${c.quote.replace(/\s*\n\s*/g, " ")}\n\n${citationName(c)}`,
      },
    })),
  };
}
