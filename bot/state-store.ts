import type { Storage } from "botbuilder";
import { AppError } from "../core/errors.js";

/**
 * Conversation state as the bot keeps it: botbuilder's Storage contract with its
 * optimistic concurrency honoured (a write whose eTag no longer matches is refused,
 * so two turns of one conversation cannot silently overwrite each other), and a
 * health the server reports on /readyz.
 *
 * eTags: "*" (or none) writes unconditionally; NEW_ITEM_ETAG writes only if nothing is
 * stored yet; any other value only if it is the stored item's current eTag. After a
 * successful write the store puts the new eTag on the item it was given.
 */
export interface StateStore extends Storage {
  /** "memory" or "redis": named in logs and on /readyz. */
  readonly name: string;
  health(): StoreHealth;
  close(): Promise<void>;
}

export interface StoreHealth {
  ready: boolean;
  /** Why not, in an operator's words (never user data). */
  error?: string;
}

/** The eTag a turn writes with when it read nothing: the item must still not exist. */
export const NEW_ITEM_ETAG = "new";

/** Another turn of the same conversation wrote first: re-read and redo the turn. */
export class StateConflict extends Error {
  constructor(readonly key: string) {
    super("Conversation state changed during the turn (eTag mismatch).");
    this.name = "StateConflict";
  }
}

/** The store cannot be reached: fail the turn fast with a plain message. */
export class StateUnavailable extends AppError {
  constructor(readonly store: string, cause?: unknown) {
    super("not_available", `The conversation store (${store}) cannot be reached.`, { cause });
    this.name = "StateUnavailable";
  }
}

export function isStateConflict(e: unknown): e is StateConflict {
  return e instanceof StateConflict || (e instanceof Error && /eTag conflict/i.test(e.message));
}

export function isStateUnavailable(e: unknown): e is StateUnavailable {
  return e instanceof StateUnavailable;
}

/** Whether a write with `expected` may replace an item whose current eTag is `current` (undefined: none stored). */
export function eTagAllows(expected: string | undefined, current: string | undefined): boolean {
  if (expected === undefined || expected === "*") return true;
  if (expected === NEW_ITEM_ETAG) return current === undefined;
  return current !== undefined && current === expected;
}
