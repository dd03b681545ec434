/**
 * Domain code never reads the wall clock: it is given a Clock, so that "today",
 * "yesterday" and "next Monday" are testable and reproducible.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at an instant (ISO string or Date); for tests and reference dates. */
export function fixedClock(at: string | Date): Clock {
  const d = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) throw new Error(`fixedClock: not a date: ${String(at)}`);
  return { now: () => new Date(d.getTime()) };
}
