import type { TurnContext } from "botbuilder";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { isAppError } from "../core/errors.js";
import type { FormDefinition } from "../core/form.js";
import { loadRuleBook, parseDateInput, type DeadlineQuestion } from "../deadlines/index.js";
import { t } from "../messages/index.js";
import { GuidedFormDialog } from "./guided-form-dialog.js";
import type { InterruptibleDeps } from "./interruptible-dialog.js";
import type { AssistantPort } from "./ports.js";
import type { DialogStarter } from "./responder.js";
import { presenterOf } from "./turn-keys.js";

/** Options: the deadline question as read (event, maybe the rule asked about) and its jurisdiction. */
export interface DeadlineDialogOptions {
  question: DeadlineQuestion;
  jurisdiction?: Jurisdiction;
}

interface DeadlineState {
  question: DeadlineQuestion;
}

export const DEADLINE_DIALOG_ID = "deadlineDialog";

/**
 * A deadline question whose date is missing or cannot be read: asks for the date (an
 * impossible one is explained, never rolled over), then answers exactly as
 * `safeguard ask` does, keeping the rule asked about and the jurisdiction.
 */
export class DeadlineDialog extends GuidedFormDialog<DeadlineState, DeadlineDialogOptions> {
  static readonly id = DEADLINE_DIALOG_ID;

  constructor(assistant: AssistantPort, deps: InterruptibleDeps) {
    const eventLabel = (q: DeadlineQuestion) => loadRuleBook().events.get(q.event)?.label ?? q.event.replace(/_/g, " ");
    const form: FormDefinition<DeadlineState> = {
      id: "deadline",
      doing: t("deadline.doing"),
      steps: [
        {
          id: "date",
          ask: (s) => (s.question.date ? null : { text: t("deadline.askDate", { event: eventLabel(s.question) }) }),
          read: (reply, s) => {
            try {
              return { ok: true, state: { question: { ...s.question, date: parseDateInput(reply, assistant.clock), dateError: undefined } } };
            } catch (e) {
              if (!isAppError(e)) throw e;
              return { ok: false, retry: t("deadline.retryDate", { error: e.message }) };
            }
          },
        },
      ],
    };
    super(
      DEADLINE_DIALOG_ID,
      form,
      {
        start: async (o) => ({ state: { question: o.question }, say: o.question.dateError ? [o.question.dateError] : [] }),
        finish: async (context: TurnContext, s, o) => {
          const answer = await assistant.answerDeadline(s.question, o.jurisdiction);
          if (answer) await context.sendActivity(presenterOf(context).answer({ ...answer, signpost: null }));
          return answer;
        },
      },
      deps,
    );
  }
}

/** A deadline question that asks for a calculation but has no readable date starts this dialog. */
export const startDeadline: DialogStarter = (reading) => {
  if (reading.intent.kind !== "deadline" || reading.intent.question.date) return null;
  const options: DeadlineDialogOptions = {
    question: reading.intent.question,
    ...(reading.jurisdiction.value ? { jurisdiction: reading.jurisdiction.value } : {}),
  };
  return { dialogId: DEADLINE_DIALOG_ID, options, private: false };
};
