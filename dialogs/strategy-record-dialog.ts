import type { TurnContext } from "botbuilder";
import type { Clock } from "../core/clock.js";
import { isAppError } from "../core/errors.js";
import type { FormDefinition, FormStep } from "../core/form.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import type { DeadlineCalculator } from "../deadlines/index.js";
import { t } from "../messages/index.js";
import {
  completeDraft,
  emptyRecord,
  missingFields,
  parseAction,
  readNotes,
  recordField,
  recordMessage,
  type DraftResult,
  type RecordFieldId,
  type StrategyRecord,
} from "../records/index.js";
import {
  applyActionFixes,
  describeAttendees,
  describeCategories,
  incompleteActions,
  missingMinimum,
  parseAttendeesReply,
  parseMeetingDate,
  section47FromChoice,
} from "../records/answers.js";
import { GuidedFormDialog } from "./guided-form-dialog.js";
import type { InterruptibleDeps } from "./interruptible-dialog.js";
import type { AssistantPort } from "./ports.js";
import type { DialogStarter } from "./responder.js";
import { presenterOf } from "./turn-keys.js";

/** Start options: notes pasted with the request ("draft: ...") skip to the missing parts. */
export interface StrategyRecordDialogOptions {
  notes?: string;
  jurisdiction?: Jurisdiction;
}
/** The dialog's result: the draft, or undefined when the user cancelled. */
export type StrategyRecordDialogResult = DraftResult;

interface RecordState {
  record: StrategyRecord;
  warnings: string[];
  fromNotes: boolean;
  actionsAsked: number;
}

export const STRATEGY_RECORD_DIALOG_ID = "strategyRecordDialog";
const SKIP_HINT = 'Type "skip" to leave it for now, or "cancel" to stop.';

/** Whether the record still lacks a field: the same list the draft shows as missing, so the dialog asks exactly that. */
function lacks(s: RecordState, id: RecordFieldId): boolean {
  return missingFields(s.record).some((m) => m.field === id);
}

/** A step for one field of the record (records/fields.ts), asked only while the record lacks it. */
function fieldStep(id: RecordFieldId, clock: Clock): FormStep<RecordState> {
  const f = recordField(id);
  const choices = f.choices?.map((c) => ({ value: c.value, label: recordMessage(c.label), synonyms: [...c.synonyms] }));
  return {
    id,
    ask: (s) => (lacks(s, id) ? { text: `${recordMessage(f.prompt)} ${SKIP_HINT}`, ...(choices ? { choices } : {}) } : null),
    read: (reply, s) => {
      const r = f.read(reply, s.record, { clock });
      if (!r.ok) return { ok: false, retry: `${recordMessage(r.error)} ${SKIP_HINT}` };
      s.record = r.record;
      return { ok: true, state: s };
    },
  };
}

function recordForm(clock: Clock): FormDefinition<RecordState> {
  const today = () => clock.now().toISOString().slice(0, 10);
  const text = (id: string, ask: FormStep<RecordState>["ask"], apply: (s: RecordState, reply: string) => void): FormStep<RecordState> => ({
    id,
    ask,
    read: (reply, s) => {
      apply(s, reply);
      return { ok: true, state: s };
    },
  });
  return {
    id: "strategy-record",
    doing: t("record.doing"),
    steps: [
      {
        id: "date",
        ask: (s) => (lacks(s, "date") ? { text: recordMessage("record.prompt.date") } : null),
        read: (reply, s) => {
          try {
            const date = parseMeetingDate(reply, clock);
            if (!date) return { ok: false, retry: "I could not read that as a date. Please give it like 14/05/2025 (or type skip)." };
            s.record.date = date;
            return { ok: true, state: s };
          } catch (e) {
            if (!isAppError(e)) throw e;
            return { ok: false, retry: `${e.message} Please give the date again (or type skip).` };
          }
        },
      },
      fieldStep("time", clock),
      fieldStep("format", clock),
      fieldStep("child_ref", clock),
      {
        id: "attendees",
        ask: (s) =>
          s.fromNotes && s.record.attendees.length > 0
            ? null
            : { text: "Who took part? List them with their role or agency, for example: \"Jo Smith SW (CSC), DC Patel (police), HV Ann Lee. Apologies: school\"." },
        read: (reply, s) => {
          s.record.attendees.push(...parseAttendeesReply(reply));
          return { ok: true, state: s, ...(s.record.attendees.length ? { note: `I have:\n${describeAttendees(s.record.attendees)}` } : {}) };
        },
      },
      text(
        "missing-attendees",
        (s) => {
          const missing = missingMinimum(s.record);
          const understood = s.record.attendees.length > 0 ? `I have:\n${describeAttendees(s.record.attendees)}\n\n` : "";
          return missing.length === 0
            ? null
            : {
                text:
                  understood +
                  "Working Together 2023 expects a local authority social worker, health practitioners and a police representative to be involved as a minimum. " +
                  `Nobody is recorded as taking part for ${describeCategories(missing)}. Who took part for them (name and role)? Type "none" if nobody did: I will flag it.`,
              };
        },
        (s, reply) => {
          if (!/^\s*(none|no one|nobody)\s*\.?$/i.test(reply)) s.record.attendees.push(...parseAttendeesReply(reply));
        },
      ),
      fieldStep("concerns", clock),
      fieldStep("information_shared", clock),
      {
        id: "section47",
        ask: (s) =>
          !lacks(s, "section47")
            ? null
            : {
                text: "Did the local authority decide to start section 47 enquiries?",
                choices: [
                  { value: "Yes", label: "Yes", synonyms: ["y", "yes s47", "s47", "section 47", "agreed"] },
                  { value: "No", label: "No", synonyms: ["n", "nfa", "no further action", "section 17", "s17"] },
                  { value: "Not decided yet", label: "Not decided yet", synonyms: ["not decided", "undecided", "tbc", "pending", "not yet"] },
                ],
              },
        read: (reply, s) => {
          const choice = ["yes", "no", "not decided yet"].includes(reply.trim().toLowerCase()) ? reply.trim() : null;
          const matched = choice ?? matchS47(reply);
          if (!matched) return { ok: false, retry: "Please answer Yes, No or Not decided yet." };
          s.record.decisions.section47 = section47FromChoice(matched);
          return { ok: true, state: s };
        },
      },
      fieldStep("criminal_investigation", clock),
      fieldStep("legal_action", clock),
      {
        id: "actions",
        repeat: true,
        ask: (s) =>
          s.fromNotes && s.record.actions.length > 0 && s.actionsAsked === 0
            ? null
            : {
                text:
                  s.actionsAsked === 0
                    ? 'What actions were agreed? Send one at a time as "who will do what by when", for example "SW to visit the child today". Type "done" when finished.'
                    : 'Next action, or "done".',
              },
        read: (reply, s) => {
          if (/^\s*(done|finished|none|no more)\s*\.?$/i.test(reply)) return { ok: true, state: s, done: true };
          s.actionsAsked += 1;
          const action = parseAction(reply, s.record.date ?? today());
          if (!action) return { ok: true, state: s };
          s.record.actions.push(action);
          const missing = [action.owner ? null : "who will do it", action.due ? null : "when by"].filter(Boolean);
          return { ok: true, state: s, ...(missing.length ? { note: `Noted. It has no ${missing.join(" or ")}: I will flag that.` } : {}) };
        },
      },
      text(
        "action-fixes",
        (s) => {
          const incomplete = s.fromNotes ? incompleteActions(s.record) : "";
          return incomplete
            ? { text: `Some actions have no owner or no date:\n${incomplete}\n\nReply with who and when, one per line, for example "2: HV by 16/05/2025". ${SKIP_HINT}` }
            : null;
        },
        (s, reply) => void applyActionFixes(s.record, reply, s.record.date ?? today()),
      ),
      fieldStep("share_with_family", clock),
      fieldStep("child_welfare", clock),
      fieldStep("next_steps", clock),
      fieldStep("recorded_by", clock),
    ],
  };
}

function matchS47(reply: string): string | null {
  const r = reply.trim().toLowerCase();
  if (/^(y|yes|agreed|s47|section 47|yes s47)\b/.test(r)) return "Yes";
  if (/^(n|no|nfa|no further action|s17|section 17)\b/.test(r)) return "No";
  if (/^(not decided|undecided|tbc|pending|not yet)/.test(r)) return "Not decided yet";
  return null;
}

/**
 * Drafts a strategy discussion record by asking for each part in turn, or, when
 * started with notes, by asking only for what the notes left out. Ends with the draft
 * (gaps and ICPC due date included) as its result. Nothing is stored or logged.
 */
export class StrategyRecordDialog extends GuidedFormDialog<RecordState, StrategyRecordDialogOptions> {
  static readonly id = STRATEGY_RECORD_DIALOG_ID;

  constructor(deps: { clock: Clock; calculator: DeadlineCalculator; assistant: AssistantPort }, ui: InterruptibleDeps) {
    super(
      STRATEGY_RECORD_DIALOG_ID,
      recordForm(deps.clock),
      {
        start: async (o) => {
          const notes = o.notes?.trim();
          const state: RecordState = { record: emptyRecord(), warnings: [], fromNotes: false, actionsAsked: 0 };
          if (!notes) return { state, say: [`I will ask about the strategy discussion one part at a time. ${SKIP_HINT}`] };
          try {
            const parsed = deps.assistant.readNotes
              ? await deps.assistant.readNotes(notes, { now: deps.clock.now().toISOString(), impossibleDate: "gap" })
              : readNotes(notes, deps.clock, { impossibleDate: "gap" });
            return {
              state: { ...state, record: parsed.record, warnings: parsed.warnings, fromNotes: true },
              say: ["I have read your notes. I will ask only about what they leave out.", ...parsed.warnings],
            };
          } catch (e) {
            if (!isAppError(e)) throw e;
            return { state, say: [`${e.message} I will ask the questions instead.`] };
          }
        },
        finish: async (context: TurnContext, s, o) => {
          const draft = completeDraft(s.record, deps, { jurisdiction: o.jurisdiction }, s.warnings);
          await context.sendActivity(presenterOf(context).record({ ...draft, signpost: null }));
          if (await deps.assistant.keep(draft)) await context.sendActivity(presenterOf(context).text(t("record.kept")));
          return draft;
        },
      },
      ui,
    );
  }
}

/** "draft a strategy record" (with or without notes) starts this dialog; it is private work. */
export const startStrategyRecord: DialogStarter = (reading) => {
  if (reading.intent.kind !== "draft") return null;
  const options: StrategyRecordDialogOptions = {
    ...(reading.intent.notes ? { notes: reading.intent.notes } : {}),
    ...(reading.jurisdiction.value ? { jurisdiction: reading.jurisdiction.value } : {}),
  };
  return { dialogId: STRATEGY_RECORD_DIALOG_ID, options, private: true };
};
