import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Clock } from "../core/clock.js";
import { AppError } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import { findDateInText, type ParsedDate } from "./date-input.js";
import { EVENT_IDS, RULE_IDS, isRuleId, loadRuleBook, rulesStartedBy, type EventId, type RuleId } from "./rules.js";

/** What a deadline question in words asks: the event the date belongs to, maybe one deadline, and the date. */
export interface DeadlineQuestion {
  event: EventId;
  rule?: RuleId;
  date?: ParsedDate;
  /** The date phrase as typed, even when it could not be read. */
  dateText?: string;
  /** Why the date phrase is not a real date (safe to show; no user text). */
  dateError?: string;
}

const SynonymsSchema = z.object({
  concepts: z.array(
    z.object({
      id: z.string(),
      event: z.enum(EVENT_IDS).optional(),
      rules: z.array(z.enum(RULE_IDS)),
      terms: z.array(z.string().min(1)).min(1),
    }),
  ),
  due_cues: z.array(z.string().min(1)),
  not_deadline_cues: z.array(z.string().min(1)),
  future_cues: z.array(z.string().min(1)),
});
type Synonyms = z.infer<typeof SynonymsSchema>;
type Concept = Synonyms["concepts"][number];

interface Mention {
  concept: Concept;
  index: number;
  end: number;
}

let cached: { data: Synonyms; terms: { term: RegExp; length: number; concept: Concept }[] } | undefined;

function synonyms(): NonNullable<typeof cached> {
  if (cached) return cached;
  const path = fromRoot("deadlines", "data", "synonyms.json");
  const parsed = SynonymsSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new AppError("internal", `Deadline synonyms file ${path} is malformed.`);
  const terms = parsed.data.concepts
    .flatMap((concept) => concept.terms.map((t) => ({ concept, length: t.length, term: wordRegex(t) })))
    .sort((a, b) => b.length - a.length);
  cached = { data: parsed.data, terms };
  return cached;
}

function wordRegex(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\w&-])${escaped}(?![\\w&-])`, "gi");
}

/** Every concept mentioned, longest phrase first so "first review" is not also read as "review". */
function mentions(text: string): Mention[] {
  const found: Mention[] = [];
  for (const { term, concept } of synonyms().terms) {
    term.lastIndex = 0;
    for (let m = term.exec(text); m; m = term.exec(text)) {
      const [index, end] = [m.index, m.index + m[0].length];
      if (!found.some((f) => index < f.end && end > f.index)) found.push({ concept, index, end });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function hasCue(text: string, cues: string[]): boolean {
  const lower = ` ${text.toLowerCase().replace(/\s+/g, " ")} `;
  return cues.some((c) => wordRegex(c.trim()).test(lower));
}

/** Text right after a mention asks about it as a deadline: "the ICPC due", "ICPC deadline". */
function askedAsDeadline(text: string, m: Mention): boolean {
  const after = text.slice(m.end, m.end + 30).toLowerCase();
  const before = text.slice(Math.max(0, m.index - 25), m.index).toLowerCase();
  return /^\W*(?:(?:is|be)\s+)?(due|deadline|by\b|needs?\s+to|should|must|have\s+to|date\b)/.test(after) || /(when\s+(is|are|must|should|does|do|will|has|can)|when's|deadline\s+for|due\s+date\s+for|date\s+for)\s+(the\s+|an?\s+|our\s+|my\s+)?$/.test(before);
}

/** The event a whole phrase names exactly ("strat", "RCPC", "initial conference"), if any. */
export function eventFromWords(text: string): EventId | undefined {
  const phrase = String(text ?? "").trim().toLowerCase().replace(/[\s_-]+/g, " ");
  const concept = synonyms().data.concepts.find((c) => c.event && c.terms.some((t) => t.toLowerCase().replace(/[\s_-]+/g, " ") === phrase));
  return concept?.event;
}

/**
 * Recognise a deadline question in words and say which event, deadline and date it
 * is about, e.g. "when is the ICPC due if the strat was on 3/5/2025" gives event
 * strategy_discussion, rule icpc. Returns null for text that is not about deadlines.
 */
export function parseDeadlineQuestion(text: string, clock: Clock): DeadlineQuestion | null {
  const input = String(text ?? "");
  if (input.trim() === "" || input.length > 2000) return null;
  const { data } = synonyms();
  const found = mentions(input);
  if (found.length === 0) return null;
  const due = hasCue(input, data.due_cues);
  const dateFound = findDateInText(input, clock, { prefer: hasCue(input, data.future_cues) ? "future" : "past" });
  if (!due && (!dateFound || hasCue(input, data.not_deadline_cues))) return null;

  const roles = assignRoles(input, found, dateFound ? dateFound.index : -1, due);
  if (!roles) return null;
  return {
    ...roles,
    ...(dateFound?.parsed ? { date: dateFound.parsed } : {}),
    ...(dateFound ? { dateText: dateFound.dateText } : {}),
    ...(dateFound?.error ? { dateError: dateFound.error } : {}),
  };
}

function assignRoles(text: string, found: Mention[], datePos: number, due: boolean): { event: EventId; rule?: RuleId } | null {
  const distance = (m: Mention) => (datePos < 0 ? 0 : Math.min(Math.abs(m.index - datePos), Math.abs(m.end - datePos)));
  // A deadline mention and a different event mention it can be counted from: the event is the one nearest the date.
  const pairs: { rule: RuleId; event: EventId; eventMention: Mention }[] = [];
  for (const r of found) {
    for (const e of found) {
      if (r === e || !e.concept.event) continue;
      const rule = r.concept.rules.find((id) => loadRuleBook().rules.get(id)?.from.includes(e.concept.event as EventId));
      if (rule) pairs.push({ rule, event: e.concept.event, eventMention: e });
    }
  }
  if (pairs.length) {
    const best = pairs.reduce((a, b) => (distance(b.eventMention) < distance(a.eventMention) ? b : a));
    return { event: best.event, rule: best.rule };
  }
  // One thing mentioned that can be an event: it is the event, unless the text asks for it as a deadline.
  const eventMentions = found.filter((m) => m.concept.event);
  const ruleMentions = found.filter((m) => m.concept.rules.length > 0);
  const asked = ruleMentions.find((m) => askedAsDeadline(text, m));
  if (asked && (!asked.concept.event || eventMentions.length === 1)) {
    const rule = asked.concept.rules[0] as RuleId;
    const def = loadRuleBook().rules.get(rule);
    const event = asked.concept.event && def?.from.includes(asked.concept.event) ? asked.concept.event : def?.from[0];
    if (event) return { event, rule };
  }
  if (eventMentions.length) {
    const nearest = eventMentions.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    const event = nearest.concept.event as EventId;
    // "When must the serious incident notification go in?": the event starts just the one deadline asked about.
    const started = rulesStartedBy(event).map((r) => r.id);
    const only = started.length === 1 && due && nearest.concept.rules.includes(started[0] as RuleId) ? started[0] : undefined;
    return only ? { event, rule: only } : { event };
  }
  // Only a deadline is named ("core group due?"): count from its usual event, if the text asks about a deadline.
  const only = ruleMentions[0];
  const rule = only?.concept.rules[0];
  const from = rule ? loadRuleBook().rules.get(rule)?.from[0] : undefined;
  return due && rule && from ? { event: from, rule } : null;
}

const COUNT_WORDS: Record<string, number> = {
  one: 1, three: 3, five: 5, six: 6, ten: 10, fifteen: 15, "forty-five": 45, "forty five": 45,
};

/**
 * Which rule a short description names, among those `event` starts: "ICPC within 15
 * working days of the strategy discussion" gives icpc. Also accepts a rule id. Used to
 * match rule descriptions (such as the evaluation's) to rule ids.
 */
export function ruleFromText(text: string, event?: EventId): RuleId | null {
  const trimmed = String(text ?? "").trim();
  if (isRuleId(trimmed)) return trimmed;
  const allowed: RuleId[] = event ? rulesStartedBy(event).map((r) => r.id) : [...RULE_IDS];
  if (allowed.length === 1) return allowed[0] ?? null;
  for (const m of mentions(trimmed)) {
    const hit = m.concept.rules.find((r) => allowed.includes(r));
    if (hit) return hit;
  }
  // Fall back on the period: "within 45 working days" can only be one of the event's rules.
  const period = new RegExp(`(\\d+|${Object.keys(COUNT_WORDS).join("|")})\\s+(working\\s+days?|months?)`, "i").exec(trimmed);
  if (period) {
    const word = (period[1] ?? "").toLowerCase();
    const count = COUNT_WORDS[word] ?? Number(word);
    const unit = /month/i.test(period[2] ?? "") ? "months" : "working_days";
    const hits = allowed.filter((id) => {
      const p = loadRuleBook().rules.get(id)?.period;
      return p?.count === count && p.unit === unit;
    });
    if (hits.length === 1) return hits[0] ?? null;
  }
  return null;
}
