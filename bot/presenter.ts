import { ActivityTypes, type Activity, type Attachment, type Entity, type TurnContext } from "botbuilder";
import type { AskResult, DeadlineView, DraftView, NextView } from "../assistant/index.js";
import { uniqueCitations, type Citation } from "../core/citation.js";
import { jurisdictionLabel } from "../core/jurisdiction.js";
import type { FormPrompt } from "../core/form.js";
import { formatNextText } from "../procedures/index.js";
import { gapsOrNone, renderMarkdown } from "../records/index.js";
import { recordView, TITLE, GAPS_HEADING } from "../records/view.js";
import { helpLines } from "../messages/index.js";
import type { Presenter } from "../dialogs/ports.js";
import { adaptiveCard, choiceCard, citationLine, heading, sourcesBlock, textBlock, type CardElement } from "./cards.js";
import { WEB_CHAT_CHANNELS, webChatAnswerText, webChatCitationEntity } from "./web-chat-citations.js";

/** What decides how a reply looks: the channel, and whether others can see the conversation. */
export interface Surface {
  channelId: string;
  /** A Teams channel: no citation pills, AI label or feedback buttons there. */
  teamsChannel: boolean;
  /** A link to download a drafted record as Word, when the server offers one. */
  recordLink?: (draft: DraftView) => string | null;
}

export function surfaceOf(context: TurnContext, recordLink?: Surface["recordLink"]): Surface {
  return {
    channelId: context.activity.channelId ?? "",
    teamsChannel: context.activity.channelId === "msteams" && context.activity.conversation?.conversationType === "channel",
    ...(recordLink ? { recordLink } : {}),
  };
}

/** Citation abstracts Teams shows in its pop-up are short; the full quote stays in the text. */
const ABSTRACT_CHARS = 160;

// Paragraph breaks survive Markdown in Teams and Web Chat; single newlines collapse.
const paragraphs = (ps: readonly string[]) => ps.filter((p) => p.trim() !== "").join("\n\n");
const message = (text: string, extra: Partial<Activity> = {}): Partial<Activity> => ({
  type: ActivityTypes.Message,
  text,
  textFormat: "markdown",
  ...extra,
});
const withCard = (card: Attachment, summary: string): Partial<Activity> => ({
  type: ActivityTypes.Message,
  attachments: [card],
  summary,
  speak: summary,
});

/** The schema.org Message entity with Teams citations (and the AI label when an LLM phrased the text). */
export function citationEntity(citations: readonly Citation[], aiGenerated: boolean): Entity {
  return {
    type: "https://schema.org/Message",
    "@type": "Message",
    "@context": "https://schema.org",
    "@id": "",
    ...(aiGenerated ? { additionalType: ["AIGeneratedContent"] } : {}),
    citation: citations.map((c, i) => ({
      "@type": "Claim",
      position: i + 1,
      appearance: {
        "@type": "DigitalDocument",
        name: `${c.title}${c.paragraph ? `, para ${c.paragraph}` : ""}`.slice(0, 80),
        abstract: c.quote.length > ABSTRACT_CHARS ? `${c.quote.slice(0, ABSTRACT_CHARS - 1)}…` : c.quote,
        keywords: c.section.split(" > ").slice(-3).map((k) => k.slice(0, 28)),
      },
    })),
  };
}

/**
 * Replies in each channel's own formats: answers as Markdown text with numbered
 * citation markers and the citations as Teams citation entities (a sources list in
 * the text where pills do not show), feedback buttons in Teams chats; what happens
 * next, deadlines, records, choices and signposts as Adaptive Cards.
 */
export class ChannelPresenter implements Presenter {
  constructor(private readonly surface: Surface) {}

  private get teamsChat(): boolean {
    return this.surface.channelId === "msteams" && !this.surface.teamsChannel;
  }

  /** Bot Framework Web Chat (our page, Azure Direct Line): its own citation shape and card actions. */
  private get webChat(): boolean {
    return WEB_CHAT_CHANNELS.has(this.surface.channelId);
  }

  text(ps: string | readonly string[]): Partial<Activity> {
    return message(paragraphs(typeof ps === "string" ? ps.split(/\n{2,}/) : ps));
  }

  help(greeting?: string): Partial<Activity> {
    const [intro, can, ...rest] = helpLines();
    const items = rest.slice(0, -2);
    const tail = rest.slice(-2);
    const first = greeting ? `${greeting} ${intro ?? ""}` : (intro ?? "");
    return message(paragraphs([first, `${can}\n${items.map((i) => `- ${i}`).join("\n")}`, ...tail]));
  }

  answer(r: AskResult): Partial<Activity> {
    const markers = r.citations.map((_, i) => `[${i + 1}]`).join("");
    const body = markers ? `${r.answer.trimEnd()} ${markers}` : r.answer;
    if (this.teamsChat) {
      return message(body, {
        entities: r.citations.length > 0 || r.ai_generated ? [citationEntity(r.citations, Boolean(r.ai_generated))] : [],
        channelData: { feedbackLoopEnabled: true },
      });
    }
    if (this.webChat) {
      return message(webChatAnswerText(r.answer, r.citations), {
        speak: r.answer,
        ...(r.citations.length > 0 || r.ai_generated ? { entities: [webChatCitationEntity(r.citations, Boolean(r.ai_generated))] } : {}),
      });
    }
    const sources = r.citations.length > 0 ? [`Sources:\n${r.citations.map((c, i) => `${i + 1}. ${citationLine(c)}`).join("\n")}`] : [];
    return message(paragraphs([body, ...sources]), r.citations.length > 0 ? { entities: [citationEntity(r.citations, Boolean(r.ai_generated))] } : {});
  }

  next(r: NextView): Partial<Activity> {
    const steps: CardElement[] = r.steps.map((s, i) => ({
      type: "Container",
      separator: i > 0,
      spacing: "Medium",
      items: [
        textBlock(`${i + 1}. ${s.title}`, { weight: "Bolder" }),
        {
          type: "FactSet",
          facts: [
            { title: "Who", value: s.who.join("; ") },
            ...(s.due ? [{ title: "Due", value: s.due }] : s.timescale ? [{ title: "Timescale", value: s.timescale }] : []),
          ],
        },
        textBlock(s.detail, { spacing: "Small" }),
      ],
    }));
    const citations = uniqueCitations(r.steps.flatMap((s) => s.citations));
    const body: CardElement[] = [
      heading(`What happens next (${jurisdictionLabel(r.jurisdiction)}): ${r.stage_title}`),
      textBlock(r.interpretation, { isSubtle: true, size: "Small" }),
      ...steps,
      ...(r.warnings.length > 0
        ? [{ type: "Container", style: "emphasis", spacing: "Medium", items: r.warnings.map((w) => textBlock(w)) }]
        : []),
      ...sourcesBlock(citations),
    ];
    const summary = `What happens next: ${r.stage_title}`;
    return withCard(adaptiveCard(body, { fallback: formatNextText(r) }), summary);
  }

  deadline(r: DeadlineView): Partial<Activity> {
    const body: CardElement[] = [
      heading(`Deadlines from the ${r.event.replace(/_/g, " ")} on ${r.event_date_label}`),
      textBlock(`Date read as ${r.event_date_interpretation}.${r.event_date_ambiguous ? ` ${r.event_date_ambiguous}` : ""}`, { isSubtle: true, size: "Small" }),
      ...r.deadlines.map((d) => textBlock(d.explanation, { separator: true })),
      ...r.warnings.map((w) => textBlock(w, { weight: "Bolder" })),
      ...(r.deadlines.length > 0 ? [textBlock(`How I count: ${r.conventions}`, { size: "Small", isSubtle: true })] : []),
      ...sourcesBlock(uniqueCitations(r.deadlines.flatMap((d) => d.citations))),
    ];
    const fallback = [`Date read as ${r.event_date_interpretation}.`, ...r.deadlines.map((d) => d.explanation), ...r.warnings].join("\n\n");
    return withCard(adaptiveCard(body, { fallback }), `Deadlines from the ${r.event.replace(/_/g, " ")}`);
  }

  record(r: DraftView): Partial<Activity> {
    const v = recordView(r);
    const table = (t: { header: string[]; rows: string[][] }): CardElement =>
      t.rows.length === 0
        ? textBlock("Not recorded")
        : {
            type: "Table",
            gridStyle: "default",
            firstRowAsHeader: true,
            columns: t.header.map(() => ({ width: 1 })),
            rows: [t.header, ...t.rows].map((cells) => ({
              type: "TableRow",
              cells: cells.map((c) => ({ type: "TableCell", items: [textBlock(c, { size: "Small" })] })),
            })),
          };
    const facts = (pairs: [string, string][]): CardElement => ({ type: "FactSet", facts: pairs.map(([title, value]) => ({ title, value })) });
    const link = this.surface.recordLink?.(r) ?? null;
    const body: CardElement[] = [
      heading(TITLE),
      {
        type: "Container",
        style: "emphasis",
        items: [textBlock(GAPS_HEADING, { weight: "Bolder" }), ...gapsOrNone(v).map((g) => textBlock(`• ${g}`, { size: "Small" }))],
      },
      ...(v.warnings.length ? [textBlock("Check how the notes were read", { weight: "Bolder" }), ...v.warnings.map((w) => textBlock(`• ${w}`, { size: "Small" }))] : []),
      facts(v.details),
      textBlock("Reason for the discussion", { weight: "Bolder", separator: true }),
      textBlock(v.concerns),
      textBlock("Who took part", { weight: "Bolder", separator: true }),
      table(v.attendees),
      textBlock("Decisions", { weight: "Bolder", separator: true }),
      facts(v.decisions),
      textBlock("Actions", { weight: "Bolder", separator: true }),
      table(v.actions),
      ...(v.deadlines.length ? [textBlock("Deadlines", { weight: "Bolder", separator: true }), ...v.deadlines.map((d) => textBlock(d))] : []),
    ];
    const actions = link ? [{ type: "Action.OpenUrl", title: "Download as Word", url: link }] : [];
    const missing = v.gaps.length + v.notRecorded.length;
    const summary = `${TITLE}: ${missing} thing${missing === 1 ? "" : "s"} missing`;
    return withCard(adaptiveCard(body, { fallback: renderMarkdown(r), actions }), summary);
  }

  prompt(p: FormPrompt): Partial<Activity> {
    if (p.choices && p.choices.length > 0) return withCard(choiceCard(p, this.webChat ? "webchat" : "teams"), p.text);
    return this.text(p.text);
  }
}

