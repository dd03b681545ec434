import type { ZodType } from "zod";

/** Codes an application error can carry; the CLI and bot map them to exit codes and replies. */
export type AppErrorCode =
  | "invalid_input" // the user's input is wrong: say what and carry on
  | "not_available" // a capability is not built or not configured
  | "config" // an operator's configuration is wrong: stop start-up
  | "internal"; // a bug or a failing dependency

/**
 * The one error type of the application. `message` is safe to show a practitioner:
 * it never contains user text or stack traces; `cause` keeps the detail for logs.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }
}

export function invalidInput(message: string, cause?: unknown): AppError {
  return new AppError("invalid_input", message, { cause });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * Data the project ships (vocabularies, cue tables, the pathway), checked against its schema when first read. A file that
 * fails is a bug in the release, not the user's doing, so it is "internal": `what` names it in the message ("The notes
 * vocabulary"), and each failing field goes in the cause for the logs.
 */
export function shippedData<T>(schema: ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new AppError("internal", `${what} is invalid.`, { cause: new Error(detail) });
  }
  return parsed.data;
}
