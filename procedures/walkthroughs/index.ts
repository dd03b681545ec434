/**
 * Guided walkthroughs as cited data: the referral route a Designated Safeguarding Lead
 * walks from a concern to what the guidance says to do, and the learning mode's lessons
 * with questions whose answers are read from the procedure data.
 */
export { loadWalkthroughs, personOf, stepAt, checkWalkthroughs, type WalkthroughData, type NamedPerson } from "./load.js";
export {
  routeQuestions,
  isAsked,
  nextRouteQuestion,
  routeOutcome,
  urgentRouteFor,
  routeView,
  timescaleValue,
  type RouteAnswers,
  type RouteOutcome,
  type RouteView,
  type RouteStepView,
  type ContactView,
  type TimescaleValue,
} from "./route.js";
export {
  lessonById,
  lessonForTopic,
  screenView,
  expectedAnswer,
  gradeAnswer,
  otherItems,
  answerChoices,
  readPeriod,
  namedItems,
  type Expected,
  type Grade,
  type AnswerItem,
  type ScreenView,
  type PeriodValue,
  type PeriodReply,
} from "./lessons.js";
export type { Lesson, Route, RouteQuestion, ReferralRouteData, AnswerSource, ScreenRef, Person } from "./schema.js";
