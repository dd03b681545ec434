import { AsyncLocalStorage } from "node:async_hooks";
import { AppError } from "./errors.js";

/**
 * The turn a piece of work belongs to, carried implicitly through every await, so
 * that work queued for a turn whose client has gone (or whose time budget ran out)
 * is dropped wherever it waits, without threading a signal through every interface.
 */
interface TurnScope {
  readonly signal: AbortSignal;
}

const scope = new AsyncLocalStorage<TurnScope>();

/** Why a turn was abandoned: the caller went away, or the turn outran its time budget. */
export type AbandonReason = "client_gone" | "budget";

/** Thrown into work that belongs to an abandoned turn. Never shown to anyone: nobody is waiting. */
export class TurnAbandoned extends AppError {
  constructor(readonly reason: AbandonReason) {
    super("internal", reason === "budget" ? "The turn ran out of time." : "The caller went away.");
    this.name = "TurnAbandoned";
  }
}

/** Whether `e` is (or wraps, as botbuilder-dialogs' DialogContextError does) a TurnAbandoned. */
export function isTurnAbandoned(e: unknown): e is TurnAbandoned {
  return rootCause(e) instanceof TurnAbandoned;
}

/**
 * The error underneath wrappers: botbuilder-dialogs wraps what a dialog throws in a
 * DialogContextError (`.error`); other layers use `cause`.
 */
export function rootCause(e: unknown): unknown {
  let current = e;
  for (let i = 0; i < 5 && current instanceof Error; i++) {
    // An AppError's cause is detail behind a meaningful error, not the error itself.
    const inner = (current as { error?: unknown }).error ?? (current instanceof AppError ? undefined : current.cause);
    if (!(inner instanceof Error)) break;
    current = inner;
  }
  return current;
}

/** Run `fn` as part of a turn that `signal` can abandon. */
export function withTurnSignal<T>(signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
  return scope.run({ signal }, fn);
}

/** The signal of the turn the caller is running in, if any. */
export function turnSignal(): AbortSignal | undefined {
  return scope.getStore()?.signal;
}

/** The reason carried by an aborted turn signal. */
export function abandonReason(signal: AbortSignal): AbandonReason {
  return signal.reason === "budget" ? "budget" : "client_gone";
}

/** Throw TurnAbandoned when the current turn has been abandoned; call it between stages of work. */
export function throwIfAbandoned(signal: AbortSignal | undefined = turnSignal()): void {
  if (signal?.aborted) throw new TurnAbandoned(abandonReason(signal));
}
