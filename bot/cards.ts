import { CardFactory, type Attachment } from "botbuilder";
import type { SignpostView } from "../assistant/index.js";
import type { Citation } from "../core/citation.js";
import type { FormPrompt } from "../core/form.js";
import { t } from "../messages/index.js";

/**
 * Adaptive Cards (schema 1.5, what Teams renders) for every kind of reply that is
 * better as a card than as text. Every card carries `fallbackText` and a `speak`, and
 * the activity that sends it a `summary`, so chat lists and screen readers have words.
 * Text uses the host's default colours inside styled containers: a warning-coloured
 * heading on a warning container fails contrast in Teams' themes.
 */

export type CardElement = Record<string, unknown>;

export interface CardOptions {
  /** Plain words for clients that cannot show the card, the chat list and screen readers. */
  fallback: string;
  actions?: CardElement[];
}

export function adaptiveCard(body: CardElement[], opts: CardOptions): Attachment {
  return CardFactory.adaptiveCard({
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    fallbackText: opts.fallback,
    speak: opts.fallback,
    body,
    ...(opts.actions && opts.actions.length > 0 ? { actions: opts.actions } : {}),
  });
}

export const textBlock = (text: string, extra: CardElement = {}): CardElement => ({ type: "TextBlock", text, wrap: true, ...extra });
export const heading = (text: string): CardElement => textBlock(text, { weight: "Bolder", size: "Medium", style: "heading" });

/** A short citation line: document, section, paragraph and the quote. */
export function citationLine(c: Citation, n?: number): string {
  const where = [c.title, c.section, c.paragraph ? `para ${c.paragraph}` : null].filter(Boolean).join(", ");
  return `${n !== undefined ? `[${n}] ` : ""}${where}: "${c.quote}"`;
}

/** Sources as small text at the foot of a card. */
export function sourcesBlock(citations: readonly Citation[]): CardElement[] {
  if (citations.length === 0) return [];
  return [
    textBlock("Sources", { weight: "Bolder", size: "Small", spacing: "Medium", separator: true }),
    ...citations.map((c, i) => textBlock(citationLine(c, i + 1), { size: "Small", isSubtle: true, spacing: "Small" })),
  ];
}

const SIGNPOST_HEADINGS: Record<SignpostView["level"], string> = {
  "999": "A child may be in immediate danger",
  childline: "You can talk to someone now",
  "101_or_childrens_services": "Report this concern",
  nspcc_advice: "Advice is available",
};

/** Tap-to-call and web actions for each level: the numbers are the ones in the signpost wording. */
const SIGNPOST_ACTIONS: Record<SignpostView["level"], { title: string; url: string }[]> = {
  "999": [
    { title: "Call 999", url: "tel:999" },
    { title: "Call the police on 101", url: "tel:101" },
  ],
  childline: [
    { title: "Call Childline 0800 1111", url: "tel:08001111" },
    { title: "Chat at childline.org.uk", url: "https://www.childline.org.uk/" },
    { title: "Call 999", url: "tel:999" },
  ],
  "101_or_childrens_services": [
    { title: "Call the police on 101", url: "tel:101" },
    { title: "Call 999 if in danger now", url: "tel:999" },
  ],
  nspcc_advice: [
    { title: "Call the NSPCC 0808 800 5000", url: "tel:08088005000" },
    { title: "NSPCC reporting advice", url: "https://www.nspcc.org.uk/keeping-children-safe/reporting-abuse/" },
    { title: "Call 999 if in danger now", url: "tel:999" },
  ],
};

export function signpostHeading(level: SignpostView["level"]): string {
  return SIGNPOST_HEADINGS[level];
}

/**
 * The signpost: attention style for 999, warning style otherwise, with the host's
 * default text colour (WCAG AA in light, dark and high-contrast themes), and actions
 * to call or open the service.
 */
export function signpostCard(s: SignpostView): Attachment {
  const urgent = s.level === "999";
  return adaptiveCard(
    [
      {
        type: "Container",
        style: urgent ? "attention" : "warning",
        bleed: true,
        items: [
          textBlock(SIGNPOST_HEADINGS[s.level], { weight: "Bolder", size: "Large", style: "heading" }),
          textBlock(s.text, { weight: "Bolder" }),
        ],
      },
    ],
    {
      fallback: `${SIGNPOST_HEADINGS[s.level]}. ${s.text}`,
      actions: SIGNPOST_ACTIONS[s.level].map((a) => ({ type: "Action.OpenUrl", title: a.title, url: a.url })),
    },
  );
}

/** How a card button carries its answer: Teams' messageBack, or Web Chat's card action. */
export type ChoiceActionStyle = "teams" | "webchat";

/**
 * A question with buttons (Action.Submit carrying the answer), usable in every scope;
 * the typed answer is still accepted. In Teams, `msteams.type: messageBack` shows the
 * chosen answer in the conversation as if typed; Web Chat does the same with its own
 * card action (`__isBotFrameworkCardAction`, an imBack of the answer). Both keep
 * `answer` in the data for any other client that posts the data back as the value.
 */
export function choiceCard(p: FormPrompt, style: ChoiceActionStyle = "teams"): Attachment {
  const choices = p.choices ?? [];
  return adaptiveCard([textBlock(p.text), textBlock(t("choice.typed"), { size: "Small", isSubtle: true })], {
    fallback: `${p.text} (${choices.map((c) => c.label).join(" / ")})`,
    actions: choices.map((c) => ({
      type: "Action.Submit",
      title: c.label,
      data:
        style === "teams"
          ? { answer: c.value, msteams: { type: "messageBack", displayText: c.label, text: c.value } }
          : { answer: c.value, __isBotFrameworkCardAction: true, cardAction: { type: "imBack", title: c.label, value: c.value } },
    })),
  });
}
