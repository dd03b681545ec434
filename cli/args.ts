import { parseArgs } from "node:util";
import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import { JurisdictionSchema, type Jurisdiction } from "../core/jurisdiction.js";

export const COMMANDS = ["ask", "next", "deadline", "triage", "draft", "index", "help"] as const;
export type Command = (typeof COMMANDS)[number];

export const FORMATS = ["json", "md", "html", "docx"] as const;
export type Format = (typeof FORMATS)[number];

/** Parsed command line: one subcommand, its positionals and the shared options. */
export interface CliArgs {
  command: Command;
  positionals: string[];
  json: boolean;
  jurisdiction?: Jurisdiction;
  batch?: string;
  today?: string;
  format?: Format;
  out?: string;
  notes?: string;
  ics?: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parse argv (without node and script). Throws invalid_input with a one-line
 * message naming what is wrong; the CLI prints it and exits 2.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean", default: false },
        jurisdiction: { type: "string", short: "j" },
        batch: { type: "string" },
        today: { type: "string" },
        format: { type: "string", short: "f" },
        out: { type: "string", short: "o" },
        notes: { type: "string", short: "n" },
        ics: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    throw invalidInput(firstLine(e instanceof Error ? e.message : String(e)));
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  if (values.help || first === undefined) return { command: "help", positionals: [], json: values.json ?? false };
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw invalidInput(`Unknown command "${first.slice(0, 40)}". Commands: ${COMMANDS.join(", ")}.`);
  }
  let jurisdiction: Jurisdiction | undefined;
  if (values.jurisdiction !== undefined) {
    const j = readJurisdiction(values.jurisdiction);
    if (j === "invalid") throw invalidInput(`--jurisdiction must be england, wales or either, not "${values.jurisdiction.slice(0, 40)}".`);
    jurisdiction = j;
  }
  let format: Format | undefined;
  if (values.format !== undefined) {
    const f = z.enum(FORMATS).safeParse(values.format.toLowerCase());
    if (!f.success) throw invalidInput(`--format must be one of ${FORMATS.join(", ")}.`);
    format = f.data;
  }
  if (values.today !== undefined && !ISO_DAY.test(values.today)) {
    throw invalidInput("--today must be a date in the form YYYY-MM-DD.");
  }
  return {
    command: first as Command,
    positionals: rest,
    json: values.json ?? false,
    jurisdiction,
    batch: values.batch,
    today: values.today,
    format,
    out: values.out,
    notes: values.notes,
    ics: values.ics,
  };
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

/**
 * A jurisdiction as callers write it: "england"/"wales" in any case, or a word for
 * "no preference" ("either", "both", "any", "") which leaves the choice to the question.
 */
const NO_PREFERENCE = new Set(["", "either", "both", "any", "none", "null", "england and wales", "england or wales"]);
export function readJurisdiction(value: string): Jurisdiction | undefined | "invalid" {
  const v = value.trim().toLowerCase();
  if (NO_PREFERENCE.has(v)) return undefined;
  const j = JurisdictionSchema.safeParse(v);
  return j.success ? j.data : "invalid";
}

/** What one line of a `--batch` file holds, per subcommand. */
const jurisdictionField = z
  .string()
  .nullable()
  .optional()
  .transform((v, ctx) => {
    const j = v == null ? undefined : readJurisdiction(v);
    if (j === "invalid") {
      ctx.addIssue({ code: "custom", message: "must be england, wales or either" });
      return z.NEVER;
    }
    return j;
  });
const id = z.union([z.string(), z.number()]);
export const BatchLineSchemas = {
  ask: z.object({ id, question: z.string(), jurisdiction: jurisdictionField }),
  next: z.object({ id, situation: z.string(), jurisdiction: jurisdictionField }),
  deadline: z.object({ id, event: z.string(), event_date: z.string(), jurisdiction: jurisdictionField }),
  triage: z.object({ id, text: z.string() }),
  // A record may come as "notes" (text or JSON) or, as the adversarial samples write it, as "record".
  draft: z
    .object({
      id,
      notes: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
      record: z.record(z.string(), z.unknown()).optional(),
      jurisdiction: jurisdictionField,
    })
    .transform((line, ctx) => {
      const notes = line.notes ?? line.record;
      if (notes === undefined) {
        ctx.addIssue({ code: "custom", path: ["notes"], message: "is required (the notes as text, or a record as JSON)" });
        return z.NEVER;
      }
      return { id: line.id, notes, jurisdiction: line.jurisdiction };
    }),
} as const;
export type BatchCommand = keyof typeof BatchLineSchemas;
