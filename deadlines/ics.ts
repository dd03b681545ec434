import { createEvents, type EventAttributes } from "ics";
import type { Clock } from "../core/clock.js";
import { AppError } from "../core/errors.js";
import { addDays, parseIso } from "./dates.js";
import type { DeadlineResult } from "./calculator.js";

export interface IcsOptions {
  /** Stamps DTSTAMP; without one the event date is used, so the file is reproducible. */
  clock?: Clock;
  /** Calendar name shown by diary apps. */
  calName?: string;
}

/**
 * The deadlines as an iCalendar file: one all-day event per deadline, with the rule,
 * its citation and the conventions in the description. No user text goes in: only
 * our own labels, dates and the guidance's words.
 */
export function toIcs(result: Pick<DeadlineResult, "event" | "event_date" | "deadlines" | "warnings">, opts: IcsOptions = {}): string {
  const stamp = opts.clock ? opts.clock.now().getTime() : Date.UTC(...ymd(result.event_date));
  const events: EventAttributes[] = result.deadlines.map((d) => {
    const cite = d.citations[0];
    const where = cite ? `${cite.title}, ${cite.section}${cite.paragraph ? `, para ${cite.paragraph}` : ""}` : "";
    const description = [
      d.explanation,
      cite ? `Source: ${where}: "${cite.quote}"` : "",
      d.calendar_confirmed ? "" : "Provisional: bank holidays for this period are not confirmed.",
    ]
      .filter(Boolean)
      .join("\n\n");
    const [y, m, day] = ymd(d.due);
    const [ey, em, eday] = ymd(addDays(d.due, 1));
    return {
      uid: `${d.rule}-${result.event}-${result.event_date}-${d.due}@safeguarding-assistant`,
      title: `${d.label} due`,
      description,
      start: [y, m + 1, day],
      end: [ey, em + 1, eday],
      timestamp: stamp,
      productId: "safeguarding-assistant/deadlines",
      calName: opts.calName ?? "Safeguarding deadlines",
      categories: ["Safeguarding deadline"],
      transp: "TRANSPARENT",
    };
  });
  if (events.length === 0) {
    // ics refuses an empty list; an empty calendar is still a valid answer (e.g. for Wales).
    return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:safeguarding-assistant/deadlines", "METHOD:PUBLISH", "END:VCALENDAR", ""].join("\r\n");
  }
  const { error, value } = createEvents(events);
  if (error || !value) throw new AppError("internal", "Could not build the calendar file.", { cause: error });
  return value;
}

/** [year, monthIndex (0-based), day] for Date.UTC and ics arrays. */
function ymd(d: string): [number, number, number] {
  const { year, month, day } = parseIso(d);
  return [year, month - 1, day];
}
