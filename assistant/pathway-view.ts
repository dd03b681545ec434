import type { Citation } from "../core/citation.js";
import type { Jurisdiction } from "../core/jurisdiction.js";
import { EVENT_IDS, loadRuleBook, type EventId } from "../deadlines/index.js";
import { getRole, listStages, type Timescale } from "../procedures/index.js";

/** One step of a stage, as shown at a glance: who does it, when, and where the guidance says so. */
export interface PathwayStepView {
  title: string;
  who: string[];
  detail: string;
  /** The timescale in the guidance's words, or null where the sources give none. */
  timescale: string | null;
  citations: Citation[];
}

export interface PathwayStageView {
  id: string;
  title: string;
  summary: string;
  warnings: string[];
  steps: PathwayStepView[];
  citations: Citation[];
}

/** The child protection pathway for one jurisdiction, stage by stage, from the cited procedure data. */
export interface PathwayView {
  jurisdiction: Jurisdiction;
  stages: PathwayStageView[];
}

function timescaleText(t: Timescale | undefined): string | null {
  if (!t || t.kind === "none") return null;
  return t.text;
}

/** The pathway at a glance (the tab shows it): every stage of the jurisdiction in pathway order. Pure. */
export function pathwayView(jurisdiction: Jurisdiction): PathwayView {
  return {
    jurisdiction,
    stages: listStages(jurisdiction).map((s) => ({
      id: s.id,
      title: s.title,
      summary: s.summary,
      warnings: s.warnings,
      citations: s.citations,
      steps: s.steps.map((step) => ({
        title: step.title,
        who: step.who.map((id) => getRole(id)?.label ?? id),
        detail: step.detail,
        timescale: timescaleText(step.timescale),
        citations: [...step.citations, ...(step.timescale && "citation" in step.timescale ? [step.timescale.citation] : [])].filter(
          (c, i, all) => all.findIndex((o) => o.file === c.file && o.quote === c.quote) === i,
        ),
      })),
    })),
  };
}

/** The events a deadline can be counted from, with their plain names, for a picker. */
export function deadlineEvents(): { id: EventId; label: string }[] {
  const events = loadRuleBook().events;
  return EVENT_IDS.map((id) => ({ id, label: events.get(id)?.label ?? id.replace(/_/g, " ") }));
}
