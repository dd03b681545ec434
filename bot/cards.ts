import { CardFactory, type Attachment } from "botbuilder";
import type { SignpostView } from "../assistant/index.js";

const HEADINGS: Record<SignpostView["level"], string> = {
  "999": "A child may be in immediate danger",
  childline: "You can talk to someone now",
  "101_or_childrens_services": "Report this concern",
  nspcc_advice: "Advice is available",
};

/**
 * The signpost as an Adaptive Card that stands out (attention style). Version 1.4
 * renders in Teams, Web Chat and the Emulator alike.
 */
export function signpostCard(s: SignpostView): Attachment {
  const urgent = s.level === "999";
  return CardFactory.adaptiveCard({
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.4",
    speak: s.text,
    body: [
      {
        type: "Container",
        style: urgent ? "attention" : "warning",
        bleed: true,
        items: [
          { type: "TextBlock", text: HEADINGS[s.level], weight: "Bolder", size: "Large", wrap: true, color: urgent ? "Attention" : "Warning" },
          { type: "TextBlock", text: s.text, wrap: true, weight: "Bolder" },
        ],
      },
    ],
  });
}
