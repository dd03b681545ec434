import type { TurnContext } from "botbuilder";
import type { Citation } from "../core/citation.js";
import { isSkip, matchChoice, type FormChoice, type FormDefinition, type FormReply, type FormStep } from "../core/form.js";
import { jurisdictionLabel, type Jurisdiction } from "../core/jurisdiction.js";
import { opensWithQuestionWord, readYesNo, type YesNoReading } from "../core/yes-no.js";
import { t } from "../messages/index.js";
import {
  isAsked,
  loadWalkthroughs,
  routeOutcome,
  urgentRouteFor,
  type RouteAnswers,
  type RouteOutcome,
  type RouteQuestion,
  type WalkthroughData,
} from "../procedures/walkthroughs/index.js";
import { jurisdictionFromWords } from "../assistant/reading.js";
import { GuidedFormDialog } from "./guided-form-dialog.js";
import type { InterruptibleDeps } from "./interruptible-dialog.js";
import type { DialogStarter } from "./responder.js";
import { presenterOf } from "./turn-keys.js";
import { routeSummary, sourceLine, yesNoWords } from "./walkthrough-words.js";

/** Start options: the jurisdiction the message was read in, if any (otherwise the walk asks). */
export interface ReferralRouteOptions {
  jurisdiction?: Jurisdiction;
}

/** The walk so far: kept in dialog state, so it is plain data. */
export interface RouteState {
  jurisdiction: Jurisdiction | null;
  answers: RouteAnswers;
}

export const REFERRAL_ROUTE_DIALOG_ID = "referralRouteDialog";

const yesNoChoices = (): FormChoice[] => [
  { value: t("walk.yes"), label: t("walk.yes") },
  { value: t("walk.no"), label: t("walk.no") },
  { value: t("walk.notSure"), label: t("walk.notSure") },
];

/** Read a reply to a route question: yes, no or not sure; "skip" and "don't know" are "not sure". */
export function readRouteAnswer(reply: string): YesNoReading | null {
  return readYesNo(reply) ?? (isSkip(reply) ? { answer: "unsure", hedged: false } : null);
}

/** Read "England" or "Wales" (or words that place the child in Wales). */
export function readJurisdictionReply(reply: string): Jurisdiction | null {
  const choice = matchChoice(reply, [
    { value: "england", label: "England", synonyms: ["english", "eng"] },
    { value: "wales", label: "Wales", synonyms: ["welsh", "cymru"] },
  ]);
  if (choice) return choice.value as Jurisdiction;
  if (jurisdictionFromWords(reply) === "wales") return "wales";
  return /\b(england|english)\b/i.test(reply) ? "england" : null;
}

/** One step per route question: asked in its jurisdiction when the earlier answers leave it open. */
function questionStep(data: WalkthroughData, q: RouteQuestion): FormStep<RouteState> {
  const open = (s: RouteState) => s.jurisdiction === q.jurisdiction && s.answers[q.id] === undefined && isAsked(q, s.answers);
  return {
    id: q.id,
    ask: (s) => (open(s) ? { text: `${q.text}\n\n${sourceLine(q.citation)}`, choices: yesNoChoices() } : null),
    read: (reply, s): FormReply<RouteState> => {
      const read = readRouteAnswer(reply);
      if (!read) return { ok: false, retry: t("route.unclear", { question: q.text }) };
      const heard = read.answer === "unsure" ? t("route.unsureNoted") : read.hedged ? t("route.takenAs", { answer: yesNoWords(read.answer).toLowerCase() }) : null;
      // Immediate danger is acted on now, not after the last question.
      const urgent = urgentRouteFor(data, q, read.answer);
      const first = urgent?.steps[0];
      const now = first ? [t("route.now", { step: first.text }), sourceLine(first.citations[0] as Citation), t("route.nowCarryOn")] : [];
      const note = [heard, ...now].filter(Boolean).join("\n\n");
      return { ok: true, state: { ...s, answers: { ...s.answers, [q.id]: read.answer } }, ...(note ? { note } : {}) };
    },
    readsSkip: true,
    // "yes?" answers the question; "what counts as significant harm?" is a question of its own.
    questionsAreAnswers: (reply) => !opensWithQuestionWord(reply) && readRouteAnswer(reply) !== null,
  };
}

/** The walk as a form: the jurisdiction when unknown, then the route questions in order. */
export function referralRouteForm(data: WalkthroughData): FormDefinition<RouteState> {
  return {
    id: "referral-route",
    doing: t("route.doing"),
    steps: [
      {
        id: "jurisdiction",
        ask: (s) =>
          s.jurisdiction
            ? null
            : {
                text: t("route.askJurisdiction"),
                choices: (["england", "wales"] as const).map((j) => ({ value: jurisdictionLabel(j), label: jurisdictionLabel(j) })),
              },
        read: (reply, s) => {
          const j = readJurisdictionReply(reply);
          return j ? { ok: true, state: { ...s, jurisdiction: j } } : { ok: false, retry: t("route.retryJurisdiction") };
        },
        readsSkip: true,
        questionsAreAnswers: (reply) => readJurisdictionReply(reply) !== null,
      },
      ...data.route.questions.map((q) => questionStep(data, q)),
    ],
  };
}

/**
 * The referral route for a Designated Safeguarding Lead: a short walk, one cited question
 * at a time, from a concern to the route the guidance gives (England or Wales), ending
 * with a summary to copy: the routes, their steps, who to call and what to record.
 */
export class ReferralRouteDialog extends GuidedFormDialog<RouteState, ReferralRouteOptions> {
  static readonly id = REFERRAL_ROUTE_DIALOG_ID;

  constructor(deps: InterruptibleDeps & { data?: WalkthroughData }) {
    const data = deps.data ?? loadWalkthroughs();
    super(
      REFERRAL_ROUTE_DIALOG_ID,
      referralRouteForm(data),
      {
        start: async (o) => {
          const jurisdiction = o.jurisdiction ?? null;
          const where = jurisdiction ? t("route.where", { jurisdiction: jurisdictionLabel(jurisdiction) }) : "";
          return { state: { jurisdiction, answers: {} }, say: [t("route.intro", { where })] };
        },
        finish: async (context: TurnContext, s): Promise<RouteOutcome> => {
          const outcome = routeOutcome(data, s.jurisdiction ?? "england", s.answers);
          await context.sendActivity(presenterOf(context).text(routeSummary(outcome)));
          return outcome;
        },
      },
      deps,
    );
  }
}

/**
 * A request for the route ("I'm the DSL, what's the route for…", "what do I do, a year 9
 * boy is carrying cash") starts the walk, in a private chat: it is about a child. A child
 * writing about themselves is not walked through a practitioners' route.
 */
export const startReferralRoute: DialogStarter = (reading) => {
  if (reading.intent.kind !== "route" || reading.triage?.level === "childline") return null;
  const options: ReferralRouteOptions = reading.jurisdiction.value ? { jurisdiction: reading.jurisdiction.value } : {};
  return { dialogId: REFERRAL_ROUTE_DIALOG_ID, options, private: true };
};
