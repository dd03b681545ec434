import { readFileSync } from "node:fs";
import { fromRoot } from "../../core/paths.js";
import { loadLabelled } from "../../escalation/labelled.js";
import { seeded as rng } from "../../core/random.js";

/**
 * The bench's traffic, drawn from the repository's own sets (never the held-out ones):
 * procedure questions (test/knowledge, test/eval), what-next situations
 * (test/procedures), deadline questions shaped like test/deadlines' cases, concerning
 * messages (escalation/data/labelled/) and strategy-discussion notes (test/records).
 * Every message is distinct: a cache of question vectors gets no free hits. Seeded, so
 * two runs (and the bot and the peer) see the same messages in the same order.
 */


function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const jsonl = (path: string) =>
  readFileSync(fromRoot(path), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** How practitioners open and close a message; each question is asked once in each of these ways at most. */
const OPENINGS = [
  (q: string) => q,
  (q: string) => `Quick question: ${q}`,
  (q: string) => `Can you tell me ${lowerFirst(q)}`,
  (q: string) => `Sorry if this is basic, ${lowerFirst(q)}`,
  (q: string) => `I'm a newly qualified social worker. ${q}`,
  (q: string) => `As a DSL, ${lowerFirst(q)}`,
  (q: string) => `Hi, ${lowerFirst(q)}`,
  (q: string) => `Could you check something for me: ${lowerFirst(q)}`,
  (q: string) => `My manager is off today. ${q}`,
  (q: string) => `I'm in a school. ${q}`,
  (q: string) => `Health visitor here. ${q}`,
  (q: string) => `Just to confirm, ${lowerFirst(q)}`,
  (q: string) => `Before I call the team: ${lowerFirst(q)}`,
  (q: string) => `Second question today. ${q}`,
  (q: string) => `For a training session: ${lowerFirst(q)}`,
  (q: string) => `I need to be sure about this. ${q}`,
];
const CLOSINGS = ["", " Thanks.", " Many thanks", " Cheers.", " Thank you!", " Ta"];

/** Every distinct phrasing of a list of base texts, interleaved so early items cover every base text. */
function phrasings(bases: string[], random: () => number): string[] {
  const out: string[] = [];
  const combos = shuffle(
    OPENINGS.flatMap((open, o) => CLOSINGS.map((close, c) => ({ open, close, key: `${o}.${c}` }))),
    random,
  );
  for (const { open, close } of combos) for (const base of shuffle(bases, random)) out.push(open(base.trim()) + close);
  return [...new Set(out)];
}

function questions(): string[] {
  const qs = [
    ...jsonl("test/knowledge/dev-questions.jsonl"),
    ...jsonl("test/knowledge/canonical-questions.jsonl"),
    ...jsonl("test/eval/qa.jsonl"),
  ].map((r) => String(r.question));
  return [...new Set(qs)];
}

function situations(): string[] {
  const cases = JSON.parse(readFileSync(fromRoot("test/procedures/recognise-cases.json"), "utf8")) as { text: string }[];
  return [...new Set(cases.map((c) => c.text))].map((s) => (/what (now|happens next)|next steps?/i.test(s) ? s : `${s}: what happens next?`));
}

function concerns(): string[] {
  return [...new Set(loadLabelled().filter((r) => r.level !== "none").map((r) => r.text))];
}

function notes(): string[] {
  const cases = JSON.parse(readFileSync(fromRoot("test/records/notes-cases.json"), "utf8")) as { notes?: string }[];
  return cases.map((c) => c.notes).filter((n): n is string => typeof n === "string" && n.length > 40);
}

const DEADLINE_TEMPLATES = [
  (d: string) => `when is the ICPC due if the strat was on ${d}?`,
  (d: string) => `Strategy meeting held on ${d} - when does the initial conference need to happen by?`,
  (d: string) => `core group deadline, ICPC was on ${d}`,
  (d: string) => `when is the first review due? ICPC held ${d}`,
  (d: string) => `next RCPC due - review conference was ${d}`,
  (d: string) => `assessment deadline, referral received ${d}`,
  (d: string) => `rapid review due, incident was on ${d}`,
  (d: string) => `When must the serious incident notification go in? We found out on ${d}.`,
];

function dateText(day: Date, style: number): string {
  const d = day.getUTCDate();
  const m = day.getUTCMonth() + 1;
  const y = day.getUTCFullYear();
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  if (style === 0) return `${d}/${m}/${y}`;
  if (style === 1) return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return `${d} ${months[m - 1]} ${y}`;
}

/** A source that never repeats a message until it has used them all (and counts any repeat). */
export class Pool {
  private i = 0;
  repeats = 0;
  constructor(readonly items: readonly string[]) {}
  next(): string {
    if (this.i >= this.items.length) this.repeats++;
    return this.items[this.i++ % this.items.length]!;
  }
}

export type Scenario = "question" | "next" | "deadline" | "concern" | "draft";

/** One conversation's messages, in order. */
export interface Conversation {
  scenario: Scenario;
  messages: string[];
}

/** The mix: what share of conversations does what (a practitioner mostly asks). */
export const MIX: Record<Scenario, number> = { question: 0.5, next: 0.15, deadline: 0.15, concern: 0.12, draft: 0.08 };

/** All the traffic sources, seeded. Each server process gets its own Workload so nothing repeats within it. */
export class Workload {
  readonly questions: Pool;
  private readonly next: Pool;
  private readonly deadlines: Pool;
  private readonly concerns: Pool;
  private readonly notes: Pool;
  private readonly pick: () => number;

  constructor(seed = 13) {
    const random = rng(seed);
    this.questions = new Pool(phrasings(questions(), random));
    this.next = new Pool(phrasings(situations(), random));
    this.concerns = new Pool(phrasings(concerns(), random));
    const start = Date.UTC(2024, 0, 1);
    const deadlineTexts: string[] = [];
    for (let day = 0; day < 900; day++) {
      const date = new Date(start + day * 86_400_000);
      DEADLINE_TEMPLATES.forEach((template, t) => deadlineTexts.push(template(dateText(date, (day + t) % 3))));
    }
    this.deadlines = new Pool(shuffle(deadlineTexts, random));
    this.notes = new Pool(notes().flatMap((n) => Array.from({ length: 400 }, (_, k) => `draft: ${n} Case ref CR-${1000 + k}.`)));
    this.pick = rng(seed + 1);
  }

  /** The next conversation of the mix (or only questions). */
  conversation(onlyQuestions = false): Conversation {
    const scenario = onlyQuestions ? "question" : this.scenario();
    switch (scenario) {
      case "question":
        return { scenario, messages: [this.questions.next()] };
      case "next":
        return { scenario, messages: [this.next.next()] };
      case "deadline":
        return { scenario, messages: [this.deadlines.next()] };
      case "concern":
        return { scenario, messages: [this.concerns.next()] };
      case "draft":
        // Paste notes, answer the first thing asked with "skip", then stop.
        return { scenario, messages: [this.notes.next(), "skip", "cancel"] };
    }
  }

  /** Messages used again because a pool ran out (0 unless the run outgrew the sets). */
  get repeats(): number {
    return this.questions.repeats + this.next.repeats + this.deadlines.repeats + this.concerns.repeats + this.notes.repeats;
  }

  private scenario(): Scenario {
    let r = this.pick();
    for (const [s, share] of Object.entries(MIX) as [Scenario, number][]) {
      if ((r -= share) < 0) return s;
    }
    return "question";
  }
}
