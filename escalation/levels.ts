/** How urgent a message is, and so which help it is signposted to. */
export type TriageLevel = "999" | "childline" | "101_or_childrens_services" | "nspcc_advice" | "none";

/** Every level, most urgent first (the order the issue and the eval set use). */
export const LEVELS: readonly TriageLevel[] = ["999", "childline", "101_or_childrens_services", "nspcc_advice", "none"];

const RANK: Record<TriageLevel, number> = {
  "999": 4,
  childline: 3,
  "101_or_childrens_services": 2,
  nspcc_advice: 1,
  none: 0,
};

/** The more urgent of two levels: when unsure between two, triage always picks this one. */
export function moreUrgent(a: TriageLevel, b: TriageLevel): TriageLevel {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Urgency rank: 4 for 999 down to 0 for none. */
export function urgency(level: TriageLevel): number {
  return RANK[level];
}

/** True when a string (from JSON, a CLI flag) names a triage level. */
export function isTriageLevel(s: string): s is TriageLevel {
  return (LEVELS as readonly string[]).includes(s);
}
