import type { TurnContext } from "botbuilder";
import { isSkip, matchChoice, type FormChoice, type FormDefinition, type FormPrompt, type FormStep } from "../core/form.js";
import { jurisdictionLabel } from "../core/jurisdiction.js";
import { opensWithQuestionWord, readYesNo } from "../core/yes-no.js";
import { t } from "../messages/index.js";
import {
  answerChoices,
  expectedAnswer,
  gradeAnswer,
  lessonById,
  lessonForTopic,
  loadWalkthroughs,
  otherItems,
  screenView,
  type AnswerItem,
  type Grade,
  type Lesson,
  type PeriodValue,
  type WalkthroughData,
} from "../procedures/walkthroughs/index.js";
import { GuidedFormDialog } from "./guided-form-dialog.js";
import type { InterruptibleDeps } from "./interruptible-dialog.js";
import type { DialogStarter } from "./responder.js";
import { presenterOf } from "./turn-keys.js";
import { expectedWords, listWords, periodWords, sourceLine } from "./walkthrough-words.js";

export type LessonMode = "teach" | "quiz";

/** Start options: the lesson asked for (or none: the user picks) and whether to teach or only quiz. */
export interface LessonOptions {
  lessonId?: string;
  mode: LessonMode;
}

/** How a question went. */
export type Mark = "right" | "partly" | "wrong" | "shown";

/** The walk through a lesson so far: plain data, kept in dialog state. */
export interface LessonState {
  lessonId: string | null;
  mode: LessonMode;
  marks: Record<string, Mark>;
}

/** The dialog's result: the lesson and the score. */
export interface LessonResult {
  lessonId: string;
  right: number;
  total: number;
}

export const LESSON_DIALOG_ID = "lessonDialog";

type Question = Lesson["questions"][number];
type Option = PeriodValue | AnswerItem;

const optionLabel = (o: Option) => ("label" in o ? o.label : periodWords(o.count, o.unit));

/** The buttons a question offers (typed answers are read too). */
function questionChoices(data: WalkthroughData, lesson: Lesson, q: Question): FormChoice[] | undefined {
  const c = answerChoices(data, lesson, q);
  return c ? c.options.map((o) => ({ value: optionLabel(o), label: optionLabel(o) })) : undefined;
}

/**
 * Mark a reply, or null when it cannot be matched to an answer. A button's label is
 * matched to its option first, so a choice is marked as chosen, not re-read from words.
 */
export function markReply(data: WalkthroughData, lesson: Lesson, q: Question, reply: string): Grade | null {
  const expected = expectedAnswer(data, q);
  const c = answerChoices(data, lesson, q);
  const chosen = c?.options.find((o) => optionLabel(o).toLowerCase() === reply.trim().toLowerCase());
  if (chosen) {
    const right = "label" in chosen ? chosen.id === c?.right : `${chosen.count}|${chosen.unit}` === c?.right;
    return { verdict: right ? "right" : "wrong", named: right && "label" in chosen ? [chosen.label] : [], missing: [] };
  }
  return gradeAnswer(expected, reply, otherItems(data, expected, lesson.jurisdiction));
}

/** The user does not know ("don't know", "not sure", "skip"): the answer is shown and not scored. */
const givesUp = (reply: string) => isSkip(reply) || readYesNo(reply)?.answer === "unsure";

/** A screen is passed with "next", "ok", "yes" or the like. */
const NEXT = /^\s*(next|more|continue|carry on|go on|got it|done|ok|okay|k|sure|fine|right|read it|onwards?)\b/i;
const passesScreen = (reply: string) => NEXT.test(reply) || readYesNo(reply)?.answer === "yes";

function screenStep(data: WalkthroughData, i: number): FormStep<LessonState> {
  const lessonOf = (s: LessonState) => (s.lessonId ? lessonById(data, s.lessonId) : undefined);
  return {
    id: `screen-${i}`,
    ask: (s): FormPrompt | null => {
      const lesson = lessonOf(s);
      const ref = s.mode === "teach" ? lesson?.screens[i] : undefined;
      if (!lesson || !ref) return null;
      const v = screenView(data, ref);
      const head = t("learn.screen", { n: i + 1, total: lesson.screens.length, title: v.title });
      return { text: [`**${head}**`, v.detail, sourceLine(v.citation)].filter(Boolean).join("\n\n"), choices: [{ value: "next", label: t("learn.next") }] };
    },
    read: (reply, s) => (passesScreen(reply) ? { ok: true, state: s } : { ok: false, retry: t("learn.nextHint") }),
  };
}

function questionStep(data: WalkthroughData, i: number): FormStep<LessonState> {
  const at = (s: LessonState) => {
    const lesson = s.lessonId ? lessonById(data, s.lessonId) : undefined;
    const q = lesson?.questions[i];
    return lesson && q ? { lesson, q } : undefined;
  };
  const prompt = (lesson: Lesson, q: Question): FormPrompt => {
    const choices = questionChoices(data, lesson, q);
    const text = t("learn.question", { n: i + 1, total: lesson.questions.length, text: q.text });
    return choices ? { text, choices } : { text: `${text}\n\n${t("learn.typeAll")}` };
  };
  return {
    id: `question-${i}`,
    ask: (s) => {
      const x = at(s);
      return x && s.marks[x.q.id] === undefined ? prompt(x.lesson, x.q) : null;
    },
    read: (reply, s) => {
      const x = at(s);
      if (!x) return { ok: true, state: s };
      const expected = expectedAnswer(data, x.q);
      const answer = expectedWords(expected);
      const source = sourceLine(expected.citation);
      if (givesUp(reply)) {
        return { ok: true, state: { ...s, marks: { ...s.marks, [x.q.id]: "shown" } }, note: `${t("learn.shown", { answer })}\n\n${source}` };
      }
      const grade = markReply(data, x.lesson, x.q, reply);
      if (!grade) return { ok: false, retry: t("learn.unclear", { question: x.q.text }) };
      const feedback =
        grade.verdict === "right"
          ? t("learn.right", { answer })
          : grade.verdict === "partly"
            ? t("learn.partly", { named: listWords(grade.named), missing: listWords(grade.missing) })
            : t("learn.wrong", { answer });
      return { ok: true, state: { ...s, marks: { ...s.marks, [x.q.id]: grade.verdict } }, note: `${feedback}\n\n${source}` };
    },
    readsSkip: true,
    // "is it 15 working days?" is an answer; "what is a core group?" is a question of its own.
    questionsAreAnswers: (reply, s) => {
      const x = at(s);
      return x !== undefined && !opensWithQuestionWord(reply) && (givesUp(reply) || markReply(data, x.lesson, x.q, reply) !== null);
    },
  };
}

/** The lessons as choices: the title, with the lesson id and its number as typed synonyms. */
function lessonChoices(data: WalkthroughData): FormChoice[] {
  return data.lessons.map((l, i) => ({ value: l.title, label: l.title, synonyms: [l.id, String(i + 1)] }));
}

/** A lesson as a form: pick one (when none was named), its screens (to teach), then its questions. */
export function lessonForm(data: WalkthroughData): FormDefinition<LessonState> {
  const screens = Math.max(...data.lessons.map((l) => l.screens.length));
  const questions = Math.max(...data.lessons.map((l) => l.questions.length));
  return {
    id: "lesson",
    doing: t("learn.doing"),
    steps: [
      {
        id: "choose",
        ask: (s) =>
          s.lessonId
            ? null
            : { text: t("learn.choose", { mode: t(s.mode === "quiz" ? "learn.modeQuiz" : "learn.modeTeach") }), choices: lessonChoices(data) },
        read: (reply, s) => {
          const lesson = lessonFromChoice(data, reply);
          if (!lesson) return { ok: false, retry: t("learn.retryChoose") };
          return { ok: true, state: { ...s, lessonId: lesson.id }, note: introFor(lesson, s.mode) };
        },
        questionsAreAnswers: (reply) => lessonFromChoice(data, reply) !== null,
      },
      ...Array.from({ length: screens }, (_, i) => screenStep(data, i)),
      ...Array.from({ length: questions }, (_, i) => questionStep(data, i)),
    ],
  };
}

function lessonFromChoice(data: WalkthroughData, reply: string): Lesson | null {
  const choice = matchChoice(reply, lessonChoices(data));
  if (choice) return data.lessons.find((l) => l.title === choice.value) ?? null;
  return lessonForTopic(data, reply);
}

function introFor(lesson: Lesson, mode: LessonMode): string {
  const values = { title: lesson.title, jurisdiction: jurisdictionLabel(lesson.jurisdiction), screens: lesson.screens.length, questions: lesson.questions.length };
  return t(mode === "quiz" ? "learn.introQuiz" : "learn.intro", values);
}


/**
 * Learning mode: a walkthrough of one part of the process, a few cited screens and then
 * short questions whose answers are read from the procedure data, with feedback and its
 * citation after each, and a score at the end. "quiz me" skips the screens.
 */
export class LessonDialog extends GuidedFormDialog<LessonState, LessonOptions> {
  static readonly id = LESSON_DIALOG_ID;

  constructor(deps: InterruptibleDeps & { data?: WalkthroughData }) {
    const data = deps.data ?? loadWalkthroughs();
    super(
      LESSON_DIALOG_ID,
      lessonForm(data),
      {
        start: async (o) => {
          const lesson = o.lessonId ? lessonById(data, o.lessonId) : undefined;
          return { state: { lessonId: lesson?.id ?? null, mode: o.mode, marks: {} }, say: lesson ? [introFor(lesson, o.mode)] : [] };
        },
        finish: async (context: TurnContext, s): Promise<LessonResult | undefined> => {
          const lesson = s.lessonId ? lessonById(data, s.lessonId) : undefined;
          if (!lesson) return undefined;
          const right = lesson.questions.filter((q) => s.marks[q.id] === "right").length;
          const total = lesson.questions.length;
          const next = lesson.next ? lessonById(data, lesson.next) : undefined;
          const more = next ? t("learn.moreNext", { title: next.title, topic: next.words[0] ?? next.id }) : t("learn.more");
          await context.sendActivity(presenterOf(context).text([t("learn.score", { right, total, title: lesson.title }), more]));
          return { lessonId: lesson.id, right, total };
        },
      },
      deps,
    );
  }
}

/** "teach me", "quiz me on ICPCs", "I want to learn about section 47" start a lesson on the topic named, if any. */
export function lessonStarter(data: () => WalkthroughData = loadWalkthroughs): DialogStarter {
  return (reading) => {
    if (reading.intent.kind !== "learn") return null;
    const lesson = reading.intent.topic ? lessonForTopic(data(), reading.intent.topic, reading.jurisdiction.value) : null;
    const options: LessonOptions = { mode: reading.intent.mode, ...(lesson ? { lessonId: lesson.id } : {}) };
    return { dialogId: LESSON_DIALOG_ID, options, private: false };
  };
}

export const startLesson: DialogStarter = lessonStarter();
