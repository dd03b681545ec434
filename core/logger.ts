import { pino, type Logger, type DestinationStream } from "pino";

export type { Logger } from "pino";

/**
 * Keys whose values may hold what a user typed or personal data. They are censored
 * unless an operator turns on LOG_USER_TEXT. Keep this list broad: a leak of a
 * child's details into logs is far worse than a less useful log line.
 */
export const REDACTED_PATHS = [
  "text",
  "*.text",
  "*.*.text",
  "question",
  "*.question",
  "notes",
  "*.notes",
  "situation",
  "*.situation",
  "body",
  "*.body",
  "record",
  "*.record",
  "value",
  "*.value",
  "attachments",
  "*.attachments",
  "from.name",
  "*.from.name",
  "user",
  "*.user",
  "name",
  "*.name",
  "email",
  "*.email",
  "phone",
  "*.phone",
  "child",
  "*.child",
];

/**
 * Escape anything that could break a log into several lines or drive a terminal:
 * CR, LF, other C0/C1 controls, ANSI escapes, Unicode line separators and lone
 * surrogates. JSON already escapes most of these; this makes it true for every
 * transport and for values that end up in non-JSON viewers.
 */
export function escapeForLog(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => {
      if (c === "\n") return "\\n";
      if (c === "\r") return "\\r";
      if (c === "\t") return "\\t";
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
    },
  );
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return escapeForLog(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value instanceof Error) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[escapeForLog(k)] = scrub(v, depth + 1);
  return out;
}

export interface LoggerOptions {
  level?: string;
  /** Operator opt-in to log user text; off by default. */
  userText?: boolean;
  /** Where to write (tests pass a stream to read the lines back). */
  destination?: DestinationStream;
}

/** The structured logger: JSON lines, user text redacted, strings escaped. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { service: "safeguarding-assistant" },
      redact: options.userText ? [] : { paths: REDACTED_PATHS, censor: "[redacted]" },
      formatters: {
        log: (obj) => scrub(obj) as Record<string, unknown>,
      },
      hooks: {
        // The message string itself is ours, but escape it too in case a caller interpolated input.
        logMethod(args, method) {
          const escaped = args.map((a) => (typeof a === "string" ? escapeForLog(a) : a));
          return method.apply(this, escaped as Parameters<typeof method>);
        },
      },
      serializers: {
        err: pino.stdSerializers.err,
      },
    },
    options.destination,
  );
}

/** A short, non-identifying description of user text, safe to log. */
export function describeText(text: string | undefined): { chars: number } {
  return { chars: text?.length ?? 0 };
}
