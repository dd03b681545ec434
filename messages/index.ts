import { EN_GB, type MessageId } from "./en-GB.js";

export type { MessageId } from "./en-GB.js";

/** Values put into a message's `{placeholders}`; `{Name}` capitalises the value's first letter. */
export type MessageValues = Record<string, string | number>;

/**
 * The words for a message id, with its placeholders filled. Values are put in as
 * given (they may be user text, so callers that render Markdown escape them).
 */
export function t(id: MessageId, values: MessageValues = {}): string {
  return EN_GB[id].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    const v = values[key] ?? values[lower];
    if (v === undefined) return whole;
    const s = typeof v === "number" ? v.toLocaleString("en-GB") : v;
    return key === lower ? s : s.charAt(0).toUpperCase() + s.slice(1);
  });
}

/** Help: what the bot does, as separate lines (the edge decides how to lay them out). */
export function helpLines(): string[] {
  return [
    t("help.intro"),
    t("help.can"),
    t("help.ask"),
    t("help.next"),
    t("help.deadline"),
    t("help.draft"),
    t("help.route"),
    t("help.learn"),
    t("help.commands"),
    t("help.limits"),
  ];
}
