import { describe, expect, it } from "vitest";
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Definition, LinkReference, Node, Parent } from "mdast";
import type { AskResult } from "../../assistant/index.js";
import type { Citation } from "../../core/citation.js";
import { ChannelPresenter, type Surface } from "../../bot/presenter.js";

// How an answer's citations are shaped for Teams and for Bot Framework Web Chat. Web
// Chat's rule (MarkdownTextContent.tsx) is read with the Markdown parser Web Chat itself
// uses: a link definition matches the Message entity's Claim whose position equals the
// definition's identifier.

const CITATIONS: Citation[] = [
  {
    file: "herefordshire-cyp-scrutiny-2024-07-30-with-working-together-2023.txt",
    title: "Working Together to Safeguard Children 2023",
    section: "Chapter 4 > Strategy discussion > Attendees",
    paragraph: "4.2",
    quote:
      "A local authority social worker, health practitioners and a police representative should, as a minimum, be involved in the strategy discussion.",
  },
  {
    file: "cascade-wales-multi-agency-meetings.txt",
    title: 'Multi-agency meetings ("strategy meetings")',
    section: "Section 47 strategy meetings",
    paragraph: null,
    quote: "The strategy meeting should be convened by the local authority children's services.",
  },
];

const ANSWER: AskResult = {
  answer: "In England, a social worker, health and the police should be involved as a minimum.",
  jurisdiction: "england",
  covered: true,
  citations: CITATIONS,
  signpost: null,
};

const surface = (channelId: string, extra: Partial<Surface> = {}): Surface => ({ channelId, teamsChannel: false, ...extra });

type Claim = { "@type": string; position: number; appearance: { name: string; abstract: string; text?: string; url?: string } };
const messageEntity = (a: { entities?: unknown[] }) =>
  (a.entities ?? []).find((e) => (e as { type?: string }).type === "https://schema.org/Message") as
    | { "@id": string; "@context": string; citation: Claim[]; keywords?: string[]; additionalType?: string[] }
    | undefined;

function nodesOf<T extends Node>(tree: Node, type: string): T[] {
  const out: T[] = [];
  const walk = (n: Node) => {
    if (n.type === type) out.push(n as T);
    for (const c of (n as Parent).children ?? []) walk(c);
  };
  walk(tree);
  return out;
}

describe("citations in Bot Framework Web Chat", () => {
  const reply = new ChannelPresenter(surface("webchat")).answer(ANSWER);
  const tree = fromMarkdown(String(reply.text));

  it("each source has a reference-style link definition `[n]: cite:n` that Web Chat matches to the claim at position n", () => {
    const definitions = nodesOf<Definition>(tree, "definition");
    const claims = messageEntity(reply)?.citation ?? [];
    expect(definitions.map((d) => [d.identifier, d.url])).toEqual([
      ["1", "cite:1"],
      ["2", "cite:2"],
    ]);
    for (const d of definitions) {
      const claim = claims.find((c) => String(c.position) === d.identifier);
      expect(claim?.appearance.text).toContain(CITATIONS[Number(d.identifier) - 1]?.quote);
      // No URL: Web Chat then opens the quote itself rather than a link.
      expect(claim?.appearance.url).toBeUndefined();
    }
  });

  it("the markers in the answer are one reference each, not `[1][2]` read as a link to source 2", () => {
    const refs = nodesOf<LinkReference>(tree, "linkReference");
    expect(refs.map((r) => r.identifier)).toEqual(["1", "2"]);
    expect(refs.every((r) => r.referenceType === "shortcut")).toBe(true);
  });

  it("a title with quotation marks survives as the definition's title, and the claim names document, section and paragraph", () => {
    const [first, second] = nodesOf<Definition>(tree, "definition");
    expect(first?.title).toBe("Working Together to Safeguard Children 2023, Chapter 4 > Strategy discussion > Attendees, para 4.2");
    expect(second?.title).toBe('Multi-agency meetings ("strategy meetings"), Section 47 strategy meetings');
    expect(messageEntity(reply)?.citation[0]?.appearance.name).toBe(first?.title);
  });

  it("the Message entity is the root of the activity graph Web Chat looks for, and the spoken words leave the markers out", () => {
    const entity = messageEntity(reply);
    expect(entity?.["@id"]).toBe("");
    expect(entity?.["@context"]).toBe("https://schema.org");
    expect(reply.speak).toBe(ANSWER.answer);
  });

  it("an answer phrased by the optional LLM carries the AI-generated keyword", () => {
    const ai = new ChannelPresenter(surface("webchat")).answer({ ...ANSWER, ai_generated: true });
    expect(messageEntity(ai)?.keywords).toContain("AIGeneratedContent");
  });

  it("an answer with no sources has no definitions and no entity", () => {
    const bare = new ChannelPresenter(surface("webchat")).answer({ ...ANSWER, citations: [], covered: false });
    expect(bare.text).toBe(ANSWER.answer);
    expect(bare.entities).toBeUndefined();
  });
});

describe("citations in a Teams chat (the Teams shape is unchanged)", () => {
  const reply = new ChannelPresenter(surface("msteams")).answer(ANSWER);

  it("the text has position markers and no link definitions; each claim has a position, a title under 80 and a short abstract", () => {
    expect(reply.text).toBe(`${ANSWER.answer} [1][2]`);
    expect(nodesOf<Definition>(fromMarkdown(String(reply.text)), "definition")).toEqual([]);
    const claims = messageEntity(reply)?.citation ?? [];
    expect(claims.map((c) => c.position)).toEqual([1, 2]);
    for (const c of claims) {
      expect(c["@type"]).toBe("Claim");
      expect(c.appearance.name.length).toBeLessThanOrEqual(80);
      expect(c.appearance.abstract.length).toBeLessThanOrEqual(480);
      expect(c.appearance.text).toBeUndefined();
    }
    expect(reply.channelData).toEqual({ feedbackLoopEnabled: true });
  });

  it("the AI label is Teams' additionalType", () => {
    const ai = new ChannelPresenter(surface("msteams")).answer({ ...ANSWER, ai_generated: true });
    expect(messageEntity(ai)?.additionalType).toEqual(["AIGeneratedContent"]);
  });
});

describe("choice buttons", () => {
  const prompt = {
    text: "Did the local authority decide to start section 47 enquiries?",
    choices: [
      { value: "Yes", label: "Yes" },
      { value: "Not decided yet", label: "Not decided yet" },
    ],
  };
  const actions = (channelId: string) =>
    ((new ChannelPresenter(surface(channelId)).prompt(prompt).attachments?.[0]?.content as { actions: { type: string; title: string; data: Record<string, unknown> }[] })
      .actions);

  it("in Teams a button is a messageBack that shows the choice as if typed", () => {
    const [yes] = actions("msteams");
    expect(yes?.type).toBe("Action.Submit");
    expect(yes?.data).toMatchObject({ answer: "Yes", msteams: { type: "messageBack", displayText: "Yes", text: "Yes" } });
  });

  it("in Web Chat a button is Web Chat's own card action, an imBack of the choice", () => {
    const [, notYet] = actions("webchat");
    expect(notYet?.data).toMatchObject({
      answer: "Not decided yet",
      __isBotFrameworkCardAction: true,
      cardAction: { type: "imBack", value: "Not decided yet" },
    });
    expect(notYet?.data.msteams).toBeUndefined();
  });
});
