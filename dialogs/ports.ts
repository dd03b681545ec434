import type { Assistant } from "../assistant/index.js";

/**
 * What dialogs need from the application, as a small interface: tests can pass a
 * fake, and the dialogs never reach past it into the domain folders' internals.
 */
export type AssistantPort = Pick<Assistant, "ask" | "next" | "deadline" | "calculator" | "clock" | "config" | "keep">;
