import type { TurnContext } from "botbuilder";
import type { MessageReading } from "../assistant/index.js";
import { isAppError } from "../core/errors.js";
import { t } from "../messages/index.js";
import { bareCommand } from "./commands.js";
import type { AssistantPort } from "./ports.js";
import { presenterOf } from "./turn-keys.js";

/** A multi-turn dialog a message asks to start, with its start options. */
export interface DialogRequest {
  dialogId: string;
  options: object;
  /** Private work (a record about a child): never done in a group or channel. */
  private: boolean;
}

/** What the responder did with a message: answered it, or found a dialog to start. */
export type Routed = { kind: "answered"; result?: unknown } | { kind: "begin"; request: DialogRequest };

/** Finds which multi-turn dialog, if any, a reading asks for; dialogs register themselves here. */
export type DialogStarter = (reading: MessageReading) => DialogRequest | null;

/**
 * One-shot replies: the same use cases the CLI calls (answer, what next, a deadline
 * with its date), shown by the presenter. The main dialog routes through it, and the
 * interruption handler uses it to answer a question asked in the middle of a dialog.
 */
export class Responder {
  constructor(
    private readonly assistant: AssistantPort,
    private readonly starters: readonly DialogStarter[],
  ) {}

  /** The dialog this reading asks to start, if any. */
  dialogFor(reading: MessageReading): DialogRequest | null {
    for (const start of this.starters) {
      const request = start(reading);
      if (request) return request;
    }
    return null;
  }

  async respond(context: TurnContext, reading: MessageReading): Promise<Routed> {
    const request = this.dialogFor(reading);
    if (request) return { kind: "begin", request };
    const command = bareCommand(reading.text);
    if (command?.bare) {
      await context.sendActivity(presenterOf(context).text(t(command.bare)));
      return { kind: "answered" };
    }
    switch (reading.intent.kind) {
      case "help":
        await context.sendActivity(presenterOf(context).help());
        return { kind: "answered" };
      case "cancel":
        await context.sendActivity(presenterOf(context).text(t("dialog.nothingToCancel")));
        return { kind: "answered" };
      case "start_again":
        await context.sendActivity(presenterOf(context).text(t("dialog.startAgain")));
        await context.sendActivity(presenterOf(context).help());
        return { kind: "answered" };
      case "resume":
        await context.sendActivity(presenterOf(context).text(t("dialog.nothingToResume")));
        return { kind: "answered" };
      case "next":
        try {
          const next = await this.assistant.nextFor(reading);
          await context.sendActivity(presenterOf(context).next(next));
          return { kind: "answered", result: next };
        } catch (e) {
          // Not a recognisable stage: answer it as a question instead of failing.
          if (!isAppError(e) || e.code !== "invalid_input") throw e;
        }
        break;
      default:
        break;
    }
    return { kind: "answered", result: await this.ask(context, reading) };
  }

  /** Answer from the corpus (or a calculated deadline), as `safeguard ask` does. */
  async ask(context: TurnContext, reading: MessageReading): Promise<unknown> {
    const answer = await this.assistant.answer(reading);
    // The edge has already shown the signpost first; the answer does not repeat it. After
    // an urgent signpost (999, Childline), "the documents don't cover this" only distracts.
    const shown = reading.triage?.level;
    if (answer.covered || !(shown === "999" || shown === "childline")) {
      await context.sendActivity(presenterOf(context).answer({ ...answer, signpost: null }));
    }
    return answer;
  }
}
