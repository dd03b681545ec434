import { readFile, writeFile } from "node:fs/promises";
import { loadConfig, type Config } from "../core/config.js";
import { fixedClock, systemClock, type Clock } from "../core/clock.js";
import { AppError, invalidInput, isAppError } from "../core/errors.js";
import { embeddingsOnOwnThread } from "../core/worker-pool.js";
import { createAssistant, type Assistant } from "../assistant/index.js";
import { presentAsk, presentDeadline, presentNext, presentTriage } from "../assistant/present.js";
import { BatchLineSchemas, parseCliArgs, type BatchCommand, type CliArgs } from "./args.js";
import { runIndex } from "./index-command.js";

/** Where the CLI writes; tests pass buffers, the bin passes process streams. */
export interface CliIO {
  stdout(s: string | Uint8Array): void;
  stderr(s: string): void;
  readStdin(): Promise<string>;
}

export interface CliDeps {
  config?: Config;
  assistant?: Assistant;
}

/** Exit codes: the contract says 2 for invalid input, 3 for a capability not available. */
export const EXIT = { ok: 0, internal: 1, invalid: 2, notAvailable: 3 } as const;

const USAGE = `Usage: safeguard <command> [options]

Commands:
  ask "<question>"            answer a procedure question from the corpus, with citations
  next "<where things stand>" what happens next on the child protection pathway
  deadline <event> <date>     statutory deadlines an event starts (working days, bank holidays)
  triage "<text>"             which help to signpost (999, 101/children's services, NSPCC, Childline)
  draft --notes <file|->      draft a strategy discussion record and flag what is missing
  index                       build the retrieval index (run after adding local procedures)

Options:
  --json                      print one JSON object
  --jurisdiction england|wales
  --batch <file.jsonl|->      one JSON object per line, each with an "id"; one JSON result per line
  --today YYYY-MM-DD          the date that "today", "yesterday" and "next Monday" count from
  --format json|md|html|docx  (draft) output format;  --out <file> write it to a file
  --ics <file>                (deadline) also write the deadlines as an iCalendar file`;

/** Run the command line; returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIO, deps: CliDeps = {}): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    return fail(io, e);
  }
  if (args.command === "help") {
    io.stdout(USAGE + "\n");
    return EXIT.ok;
  }
  try {
    const config = deps.config ?? loadConfig();
    const clock: Clock = args.today ? fixedClock(`${args.today}T12:00:00Z`) : systemClock;
    if (args.command === "index") return await runIndex(config, io, args.json);
    // The model loads on a thread of its own while this one reads the index and the risk model (cold start).
    const assistant = deps.assistant ?? (await createAssistant({ config, clock, embeddingsThread: embeddingsOnOwnThread() }));
    if (args.batch !== undefined) return await runBatch(args.command as BatchCommand, args.batch, assistant, io);
    return await runSingle(args, assistant, io);
  } catch (e) {
    return fail(io, e);
  }
}

async function runSingle(args: CliArgs, assistant: Assistant, io: CliIO): Promise<number> {
  const opts = { jurisdiction: args.jurisdiction };
  const text = args.positionals.join(" ");
  switch (args.command) {
    case "ask": {
      const r = await assistant.ask(requireText(text, 'a question, e.g. safeguard ask "who must attend a strategy discussion?"'), opts);
      io.stdout(args.json ? json(r) : presentAsk(r) + "\n");
      return EXIT.ok;
    }
    case "next": {
      const r = await assistant.next(requireText(text, 'where things stand, e.g. safeguard next "strategy discussion done, s47 agreed"'), opts);
      io.stdout(args.json ? json(r) : presentNext(r) + "\n");
      return EXIT.ok;
    }
    case "triage": {
      const r = await assistant.triage(requireText(text, 'the message to check, e.g. safeguard triage "..."'));
      io.stdout(args.json ? json(r) : presentTriage(r) + "\n");
      return EXIT.ok;
    }
    case "deadline": {
      const [event, ...dateWords] = args.positionals;
      if (!event || dateWords.length === 0) {
        throw invalidInput("deadline needs an event and a date, e.g. safeguard deadline strategy_discussion 2025-04-10");
      }
      const r = await assistant.deadline(event, dateWords.join(" "), opts);
      if (args.ics) {
        const { toIcs } = await import("../deadlines/index.js");
        await writeFile(args.ics, toIcs(r));
      }
      io.stdout(args.json ? json(r) : presentDeadline(r) + "\n");
      return EXIT.ok;
    }
    case "draft": {
      const source = args.notes ?? (text || undefined);
      if (source === undefined) throw invalidInput("draft needs --notes <file> (or - for standard input).");
      const notes = source === "-" ? await io.readStdin() : await readNotesFile(source);
      const draft = await assistant.draft(notes, opts);
      const format = args.format ?? (args.json ? "json" : "md");
      const { renderRecord } = await import("../records/index.js");
      const rendered = format === "json" ? json(draft) : await renderRecord(draft, format);
      if (args.out) {
        await writeFile(args.out, rendered);
        if (args.json && format !== "json") io.stdout(json({ ...draft, written: args.out }));
      } else {
        io.stdout(typeof rendered === "string" && !rendered.endsWith("\n") ? rendered + "\n" : rendered);
      }
      return EXIT.ok;
    }
    default:
      throw invalidInput(`Unknown command.`);
  }
}

async function readNotesFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch {
    throw invalidInput(`Cannot read the notes file "${path.slice(0, 200)}".`);
  }
}

function requireText(text: string, what: string): string {
  if (text.trim() === "") throw invalidInput(`Please give ${what}.`);
  return text;
}

/**
 * Batch mode: one JSON object per line in, one JSON result per line out, same ids.
 * A bad line gets {"id","error"} and the run carries on, so evaluations finish.
 */
async function runBatch(command: BatchCommand, source: string, assistant: Assistant, io: CliIO): Promise<number> {
  if (!(command in BatchLineSchemas)) throw invalidInput(`--batch is not available for ${command}.`);
  let input: string;
  try {
    input = source === "-" ? await io.readStdin() : await readFile(source, "utf8");
  } catch {
    throw invalidInput(`Cannot read the batch file "${source.slice(0, 200)}".`);
  }
  const lines = input.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    let id: unknown = null;
    try {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw invalidInput(`Line ${i + 1} is not valid JSON.`);
      }
      if (raw && typeof raw === "object" && "id" in raw) id = (raw as { id: unknown }).id;
      const result = await runBatchLine(command, raw, assistant, i + 1);
      io.stdout(JSON.stringify({ id, ...result }) + "\n");
    } catch (e) {
      io.stdout(JSON.stringify({ id, error: safeMessage(e) }) + "\n");
    }
  }
  return EXIT.ok;
}

async function runBatchLine(command: BatchCommand, raw: unknown, assistant: Assistant, lineNo: number): Promise<object> {
  const parsed = BatchLineSchemas[command].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(`Line ${lineNo}: ${issue ? `${issue.path.join(".") || "line"} ${issue.message}` : "invalid"}.`);
  }
  const line = parsed.data as Record<string, unknown>;
  const opts = { jurisdiction: (line.jurisdiction ?? undefined) as "england" | "wales" | undefined };
  switch (command) {
    case "ask":
      return assistant.ask(line.question as string, opts);
    case "next":
      return assistant.next(line.situation as string, opts);
    case "deadline":
      return assistant.deadline(line.event as string, line.event_date as string, opts);
    case "triage":
      return assistant.triage(line.text as string);
    case "draft": {
      const notes = typeof line.notes === "string" ? line.notes : JSON.stringify(line.notes);
      return assistant.draft(notes, opts);
    }
  }
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

/** A one-line message safe to print: our own words, never a stack. */
export function safeMessage(e: unknown): string {
  if (isAppError(e)) return e.message.split("\n")[0] ?? e.message;
  return "Something went wrong inside the assistant (an internal error).";
}

function fail(io: CliIO, e: unknown): number {
  io.stderr(`safeguard: ${safeMessage(e)}\n`);
  if (!isAppError(e)) {
    // Internal errors keep their detail for the operator, on stderr only.
    if (e instanceof Error && e.stack) io.stderr(e.stack.split("\n").slice(0, 6).join("\n") + "\n");
    return EXIT.internal;
  }
  return exitCodeFor(e);
}

function exitCodeFor(e: AppError): number {
  switch (e.code) {
    case "invalid_input":
      return EXIT.invalid;
    case "not_available":
      return EXIT.notAvailable;
    case "config":
      return EXIT.invalid;
    default:
      return EXIT.internal;
  }
}
