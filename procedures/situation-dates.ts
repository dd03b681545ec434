import type { Clock } from "../core/clock.js";
import { findDateInText, formatDate, parseDateInput, type IsoDate } from "../deadlines/index.js";
import { loadPathway } from "./pathway.js";
import type { EventId, Stage } from "./schema.js";
import { findPhrase, tokens } from "./text.js";

/** A date found in the situation and the event(s) it was taken to mean. */
export interface SituationDate {
  events: EventId[];
  date: IsoDate;
  /** 'ICPC taken as Mon 22 Jun 2026 ("yesterday", counted from Tue 23 Jun 2026)'. */
  interpretation: string;
  /** True when words next to the date named the event; false when the stage's default was used. */
  named: boolean;
}

const MAX_DATES = 6;
// A clause ends at . , ; ! ? or a new line followed by a space, so "s.47" and "3.5.2025" do
// not end one; practitioners' shorthand runs clauses together with commas ("strat done, s47
// agreed, ICPC booked for 5th Jan"), and a date belongs to the event named in its own clause.
const BOUNDARY = /[.,;!?\n](?=\s|$)|\s[-–—]\s/g;

/** Events a stage's steps count from, plus its default date meanings: dates are tied to these first. */
function eventsOf(stage: Stage): Set<EventId> {
  const ids = new Set<EventId>(stage.dateMeans);
  for (const s of stage.steps) if (s.timescale?.kind === "rule") ids.add(s.timescale.from);
  return ids;
}

/** The event named nearest to a date: the last one before it in the sentence, else the first after it. */
function namedEvent(before: string, after: string, preferred: Set<EventId>): EventId | undefined {
  const p = loadPathway();
  const pick = (text: string, nearestLast: boolean, only?: Set<EventId>): EventId | undefined => {
    const words = tokens(text, p.spellings);
    let best: { id: EventId; pos: number; len: number } | undefined;
    for (const ev of p.events) {
      if (only && !only.has(ev.id)) continue;
      for (const alias of ev.aliases) {
        const aw = tokens(alias, p.spellings);
        for (const start of findPhrase(words, aw)) {
          const pos = nearestLast ? start + aw.length : -start;
          if (!best || pos > best.pos || (pos === best.pos && aw.length > best.len)) best = { id: ev.id, pos, len: aw.length };
        }
      }
    }
    return best?.id;
  };
  return pick(before, true, preferred) ?? pick(after, false, preferred) ?? pick(before, true) ?? pick(after, false);
}

/**
 * Whether a clause puts its event in the past or the future, from the pathway's tense
 * cues ("the ICPC was 3rd Jan", "ICPC booked for 3rd Jan"); null when it does not say.
 */
export function tenseOf(clause: string): "past" | "future" | null {
  const p = loadPathway();
  const words = tokens(clause, p.spellings);
  const has = (cues: string[]) => cues.some((c) => findPhrase(words, tokens(c)).length > 0);
  const past = has(p.language.past);
  const future = has(p.language.future);
  if (past === future) return null;
  return past ? "past" : "future";
}

const labelOf = (id: EventId) => loadPathway().events.find((e) => e.id === id)?.label ?? id;
const capital = (s: string) => s.replace(/^the /, "").replace(/^./, (c) => c.toUpperCase());

/**
 * Find the dates in a description of where things stand ("ICPC was yesterday", "strat on
 * 3/5/2025") and tie each to the event it is about, using the words around it or, when
 * none, what a date means at `stage`. Problems come back as warnings in plain words.
 */
export function readSituationDates(text: string, stage: Stage, clock: Clock): { dates: SituationDate[]; warnings: string[] } {
  const found: { index: number; end: number; date?: IsoDate; interpretation?: string; ambiguous?: string; error?: string }[] = [];
  // "on Saturday 23 August 2025" is one date; without this, "on Saturday" alone is read first.
  let masked = text.replace(/\bon(\s+)(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)/gi, (m) => " ".repeat(m.length));
  for (let i = 0; i < MAX_DATES; i++) {
    const f = findDateInText(masked, clock);
    if (!f) break;
    const index = masked.indexOf(f.dateText);
    if (index < 0) break;
    masked = masked.slice(0, index) + " ".repeat(f.dateText.length) + masked.slice(index + f.dateText.length);
    found.push({ index, end: index + f.dateText.length, date: f.parsed?.date, interpretation: f.parsed?.interpretation, ambiguous: f.parsed?.ambiguous, error: f.error });
  }
  found.sort((a, b) => a.index - b.index);

  const boundaries = [...text.matchAll(BOUNDARY)].map((m) => m.index ?? 0);
  const preferred = eventsOf(stage);
  const dates: SituationDate[] = [];
  const warnings: string[] = [];
  found.forEach((f, i) => {
    if (f.error || !f.date || !f.interpretation) {
      warnings.push(`${f.error ?? "I could not read one of the dates."} No due date was worked out from it.`);
      return;
    }
    const prevEnd = i > 0 ? (found[i - 1]?.end ?? 0) : 0;
    const nextStart = found[i + 1]?.index ?? text.length;
    const start = Math.max(prevEnd, ...boundaries.filter((b) => b < f.index).map((b) => b + 1));
    const stop = Math.min(nextStart, ...boundaries.filter((b) => b >= f.end));
    // A date with no year is read as the last such date when its clause is in the past
    // tense ("ICPC was 3rd Jan", asked in November, is last January, not next).
    const tense = tenseOf(text.slice(start, stop));
    if (tense && f.interpretation?.includes("no year given")) {
      const again = parseDateInput(text.slice(f.index, f.end), clock, { prefer: tense });
      f.date = again.date;
      f.interpretation = again.interpretation;
    }
    const named = namedEvent(text.slice(start, f.index), text.slice(f.end, stop), preferred);
    const events = named ? [named] : stage.dateMeans;
    if (events.length === 0) {
      warnings.push(`I could not tell which event the date ${formatDate(f.date)} is for, so no due date was worked out from it. Name the event, for example "ICPC on 3/5/2025".`);
      return;
    }
    if (events.some((e) => dates.some((d) => d.events.includes(e)))) {
      warnings.push(`More than one date was given for ${labelOf(events[0] as EventId)}; I used the first.`);
      return;
    }
    if (f.ambiguous) warnings.push(f.ambiguous);
    dates.push({
      events,
      date: f.date,
      interpretation: `${capital(events.map(labelOf).join(" and "))} taken as ${f.interpretation}`,
      named: Boolean(named),
    });
  });
  return { dates, warnings };
}
