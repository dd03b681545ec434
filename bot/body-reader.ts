import type { IncomingMessage } from "node:http";

/** Largest Bot Framework activity accepted: a long paste of notes fits; anything larger is refused with 413. */
export const MAX_ACTIVITY_BYTES = 1024 * 1024;
/** Deepest nesting of objects and arrays accepted; real activities (cards included) stay far below it. */
export const MAX_JSON_DEPTH = 64;

export type BodyResult<T> = { ok: true; body: T } | { ok: false; status: 400 | 413 | 415; error: string };

export interface BodyLimits {
  maxBytes: number;
}

/**
 * Read a request body, refusing it with 413 as soon as it passes `maxBytes` (from the
 * Content-Length header when there is one, before reading anything). Nothing read is
 * logged. Invalid UTF-8 becomes replacement characters, as a lenient JSON reader does.
 */
export async function readRawBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyResult<Buffer>> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limits.maxBytes) return tooLarge(limits);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limits.maxBytes) return tooLarge(limits);
      chunks.push(chunk);
    }
  } catch {
    return { ok: false, status: 400, error: "The request body could not be read." };
  }
  return { ok: true, body: Buffer.concat(chunks) };
}

/**
 * Read a JSON body within `maxBytes` and MAX_JSON_DEPTH: the depth is counted in one
 * pass over the text before it is parsed, so a request nested 10,000 levels deep is a
 * 400 here, not a stack overflow in a parser or validator further in. An empty body
 * reads as undefined (the caller says what it needed).
 */
export async function readJsonBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyResult<unknown>> {
  const type = String(req.headers["content-type"] ?? "application/json").toLowerCase();
  if (!/^application\/([\w.+-]*\+)?json\b/.test(type) && !type.startsWith("text/plain")) {
    return { ok: false, status: 415, error: "Send the request as JSON (Content-Type: application/json)." };
  }
  const raw = await readRawBody(req, limits);
  if (!raw.ok) return raw;
  const text = raw.body.toString("utf8");
  if (text.trim() === "") return { ok: true, body: undefined };
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    return { ok: false, status: 400, error: `The JSON is nested too deeply (the limit is ${MAX_JSON_DEPTH} levels).` };
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, error: "The request body is not valid JSON." };
  }
}

/** The deepest nesting of `{` and `[` outside strings; stops counting once past the limit. Pure. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
      if (max > MAX_JSON_DEPTH) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

function tooLarge(limits: BodyLimits): BodyResult<never> {
  return { ok: false, status: 413, error: `The request is too large (the limit is ${Math.round(limits.maxBytes / 1024).toLocaleString("en-GB")} KB).` };
}
