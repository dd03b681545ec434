import type { Activity } from "botbuilder";
import type { Dialog } from "botbuilder-dialogs";
import { DialogTestClient } from "botbuilder-testing";
import { Assistant, readMessage } from "../../assistant/index.js";
import { TurnReader } from "../../bot/turn-reader.js";
import { fixedClock, type Clock } from "../../core/clock.js";
import { parseConfig } from "../../core/config.js";
import { triageByRules } from "../../escalation/index.js";

/**
 * The real assistant with its triage replaced by the rules alone, so dialog tests run
 * offline and fast: reading, deadlines and what happens next are the real ones.
 * Answers from the corpus are replaced only where a test passes `answer`.
 */
export function testAssistant(now: string, overrides: Partial<Assistant> = {}): Assistant {
  const clock: Clock = fixedClock(now);
  const assistant = new Assistant({ config: parseConfig({}), clock });
  assistant.read = async (raw: string, opts = {}) =>
    readMessage(raw, raw.trim() === "" ? null : triageByRules(raw), { clock, maxChars: 8000, jurisdiction: opts.jurisdiction });
  return Object.assign(assistant, overrides);
}

/** A dialog under test with the bot's own edge (mention removal, one reading, signpost first) in front of it. */
export function dialogClient(dialog: Dialog, assistant: Pick<Assistant, "read">, options?: object, channelId = "test"): DialogTestClient {
  return new DialogTestClient(channelId, dialog, options, [new TurnReader(assistant, { debugTraces: false })]);
}

/** Every word a reply shows: its text, and its card's text blocks, facts and button titles. */
export function activityText(a: Partial<Activity>): string {
  const out: string[] = [];
  if (typeof a.text === "string" && a.text) out.push(a.text);
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (n.type === "TextBlock" && typeof n.text === "string") out.push(n.text);
    if (typeof n.title === "string" && typeof n.value === "string") out.push(`${n.title}: ${n.value}`);
    else if (typeof n.title === "string" && typeof n.type === "string" && n.type.startsWith("Action.")) out.push(n.title);
    for (const v of Object.values(n)) {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") walk(v);
    }
  };
  for (const att of a.attachments ?? []) walk(att.content);
  // Citations travel as entities (Teams pills, Web Chat's citation dialog): their quotes are shown too.
  for (const e of a.entities ?? []) {
    for (const claim of ((e as { citation?: unknown[] }).citation ?? []) as { appearance?: { abstract?: string; text?: string } }[]) {
      const shown = claim.appearance?.text ?? claim.appearance?.abstract;
      if (shown) out.push(shown);
    }
  }
  return out.join("\n");
}
