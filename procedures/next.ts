import { uniqueCitations, type Citation } from "../core/citation.js";
import type { Clock } from "../core/clock.js";
import { invalidInput, isAppError } from "../core/errors.js";
import { jurisdictionLabel, type Jurisdiction } from "../core/jurisdiction.js";
import { formatDate, isEventId, londonDate, type DeadlineCalculator } from "../deadlines/index.js";
import { getRole, getStage, listStages, loadPathway } from "./pathway.js";
import { recogniseStage } from "./recognise.js";
import type { EventId, Stage, StageId, Step } from "./schema.js";
import { readSituationDates, type SituationDate } from "./situation-dates.js";

/** One next step: the public contract (title, detail, due, citations) plus who, rule and why. */
export interface NextStep {
  title: string;
  detail: string;
  /** "YYYY-MM-DD" when the date it counts from is known; otherwise null (the timescale is in `detail`). */
  due: string | null;
  citations: Citation[];
  /** Who does it, in practitioners' words. */
  who: string[];
  /** The deadline rule, when the step has a statutory timescale we can compute. */
  rule: string | null;
  /** The timescale in words ("within 10 working days from the initial child protection conference"), or null. */
  timescale: string | null;
  /** How the due date was worked out (bank holidays skipped), when there is one. */
  due_explanation: string | null;
  /** True when the due date is before today: the step is late. */
  overdue: boolean;
  /** Stages this step can lead to. */
  next: StageId[];
}

/** The answer to `safeguard next "<where things stand>"`. */
export interface NextResult {
  stage: StageId;
  stage_title: string;
  jurisdiction: Jurisdiction;
  summary: string;
  /** How the situation was read: the stage, the phrase that decided it and any dates. */
  interpretation: string;
  /** 0–1: how sure the reading is; below 0.5 the answer says so. */
  confidence: number;
  dates: SituationDate[];
  steps: NextStep[];
  warnings: string[];
  citations: Citation[];
}

export interface WhatNextDeps {
  clock: Clock;
  calculator: DeadlineCalculator;
}

const MAX_CHARS = 4000;

const eventLabel = (id: string) => loadPathway().events.find((e) => e.id === id)?.label ?? id;

/** The list of stages shown when a description is not understood: plain words, no user text. */
export function stageGuidance(jurisdiction?: Jurisdiction): string {
  const names = (j: Jurisdiction) => listStages(j).map((s) => s.title.replace(/\s*\(Wales\)$/, "")).join("; ");
  const known = jurisdiction
    ? `Stages I know for ${jurisdictionLabel(jurisdiction)}: ${names(jurisdiction)}.`
    : `Stages I know for England: ${names("england")}. For Wales: ${names("wales")}.`;
  return `I could not tell where things stand. Describe the stage in a few words, for example "strategy discussion today, s47 agreed" or "ICPC was on 3/5/2025". ${known}`;
}


function buildStep(step: Step, dates: SituationDate[], deps: WhatNextDeps, computeDates: boolean, warnings: string[]): NextStep {
  const who = step.who.map((id) => getRole(id)?.label ?? id);
  const ts = step.timescale;
  const base: NextStep = {
    title: step.title,
    detail: step.detail,
    due: null,
    citations: uniqueCitations([...step.citations, ...(ts && "citation" in ts ? [ts.citation] : [])]),
    who,
    rule: null,
    timescale: ts ? ts.text : null,
    due_explanation: null,
    overdue: false,
    next: step.next,
  };
  if (!ts) return base;
  if (ts.kind === "none") return { ...base, detail: `${step.detail} ${ts.text}` };
  if (ts.kind === "phrase") {
    const on = ts.from ? dates.find((d) => d.events.includes(ts.from as EventId)) : undefined;
    const when = on ? ` (${eventLabel(ts.from as string).replace(/^the /, "")}: ${formatDate(on.date)})` : "";
    return { ...base, detail: `${step.detail} Timescale: ${ts.text}${when}.` };
  }
  const from = dates.find((d) => d.events.includes(ts.from));
  const withRule = { ...base, rule: ts.rule, detail: `${step.detail} Timescale: ${ts.text}.` };
  if (!computeDates) return withRule;
  if (!from) {
    // A date was given, but not for the event this step counts from: say what is missing.
    if (dates.length > 0) warnings.push(`No date was given for ${eventLabel(ts.from)}, so the steps counted from it have no due date.`);
    return withRule;
  }
  try {
    const d = deps.calculator.due(ts.rule, from.date, { jurisdiction: "england", ...(isEventId(ts.from) ? { event: ts.from } : {}) });
    if (!d.calendar_confirmed) warnings.push(`${d.label}: the bank holidays for that year are not confirmed, so the date is provisional.`);
    const overdue = d.due < londonDate(deps.clock.now());
    const when = overdue ? `Was due by ${d.due_label}, which has passed` : `Due by ${d.due_label}`;
    return { ...withRule, due: d.due, due_explanation: d.explanation, overdue, detail: `${step.detail} ${when} (${ts.text}).` };
  } catch (e) {
    if (!isAppError(e)) throw e;
    warnings.push(e.message);
    return withRule;
  }
}

/**
 * Where things stand (a stage id or a description in words) → the next steps on the
 * child protection pathway, who does them, their citations and, when a date is given,
 * their due dates. Throws invalid_input (listing the stages) when nothing is recognised.
 */
export function whatNext(situation: string, deps: WhatNextDeps, opts: { jurisdiction?: Jurisdiction } = {}): NextResult {
  const text = String(situation ?? "").slice(0, MAX_CHARS);
  if (text.trim() === "") throw invalidInput(stageGuidance(opts.jurisdiction));
  const rec = recogniseStage(text, opts);
  if (!rec) throw invalidInput(stageGuidance(opts.jurisdiction));

  const stage: Stage = getStage(rec.stage);
  const warnings: string[] = [...stage.warnings];
  const asked = opts.jurisdiction ?? rec.jurisdiction;
  if (rec.mappedFrom) {
    warnings.push(
      `You asked about Wales. The Wales sources I hold do not describe "${getStage(rec.mappedFrom).title}" as such; this is the nearest stage they do describe. England's timescales do not apply in Wales.`,
    );
  }
  // England steps shown for a Wales question keep no England due dates (see the warning above).
  const computeDates = stage.jurisdiction === "england" && asked === "england";
  if (stage.jurisdiction === "england" && asked === "wales") {
    warnings.push(`You asked about Wales, but the sources I hold describe this only for England. These are England's steps, without due dates; check the Wales Safeguarding Procedures.`);
  }
  const { dates, warnings: dateWarnings } = readSituationDates(text, stage, deps.clock);
  warnings.push(...dateWarnings);
  // An event on a weekend or bank holiday is possible but rare: query it rather than accept it silently.
  for (const d of dates) {
    const reason = deps.calculator.nonWorkingDay(d.date, stage.jurisdiction);
    if (reason) warnings.push(`${d.interpretation.split(" taken as ")[0]} is taken as ${formatDate(d.date)}, which is ${reason}. Please check the date.`);
  }
  if (stage.jurisdiction === "wales" && dates.length > 0) {
    warnings.push("The Wales sources I hold give no timescales, so I have not worked out due dates.");
  }
  if (rec.confidence < 0.5) warnings.push(`I am not sure I read that right. If "${stage.title}" is not where things stand, describe it another way or give the stage name.`);

  const steps = stage.steps.map((s) => buildStep(s, dates, deps, computeDates, warnings));
  const where = stage.title.includes("(Wales)") ? "" : ` (${jurisdictionLabel(stage.jurisdiction)})`;
  const read = `Read as: ${stage.title}${where}, from "${rec.matched}".`;
  return {
    stage: stage.id,
    stage_title: stage.title,
    jurisdiction: stage.jurisdiction,
    summary: stage.summary,
    interpretation: [read, ...dates.map((d) => `${d.interpretation}.`)].join(" "),
    confidence: rec.confidence,
    dates,
    steps,
    warnings: [...new Set(warnings)],
    citations: uniqueCitations(stage.citations),
  };
}
