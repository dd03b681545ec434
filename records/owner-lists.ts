import type { RecordAction } from "./model.js";
import { saysNoOwner, surelyOwner, type OwnerContext } from "./actions.js";
import { squash } from "./text.js";
import { key } from "./vocabulary.js";

/**
 * One person's list of tasks. Working Together 2023 (ch. 3) has the strategy discussion agree "who will do what by when",
 * and practitioners often write that one person at a time: the person as the line's label with their tasks after it
 * ("Sioned: visit Ruby today; call school; update chrono", "DC Vine – ABE 26/11; seize phone → 27/11"), or the person as
 * a heading with their tasks under it. A task there with no doer of its own is that person's. Nowhere else: in "SW to
 * visit child today; share chronology; police to check PNC" the line is a list of the meeting's tasks, and "share
 * chronology" has no owner (a gap the record must raise). A task given an owner the notes do not give hides that gap,
 * which is worse than asking, so a list with any other doer in it gives nobody its owner.
 */

/** Bullets and numbering opening a line, as readAction strips them. */
const MARK = /^(?:[\s\-*•\d).]|[–—](?=\s))+(?=\S)/;
/** A label's end: a colon, a spaced dash, an arrow. */
const LABEL_END = /^(.{1,60}?)\s*(?::|\s[-–—]|\s?(?:->|=>|→))\s*(?=\S)/;

/**
 * The person a line is labelled with, as one person's list opens ("Sioned: visit; call school", "DC Vine – ABE 26/11"):
 * the words before a colon, a spaced dash or an arrow, when they surely name someone (a person the notes name, the writer,
 * a title and name, a role). "SW to visit child today" opens with its doer, not a label, and is no list of one person's.
 */
export function listLabel(line: string, ctx: OwnerContext): string | null {
  const t = squash(line).replace(MARK, "");
  const m = LABEL_END.exec(t);
  const head = m?.[1]?.trim() ?? "";
  return head && !/\d/.test(head) && surelyOwner(head, ctx, true) ? head : null;
}

/**
 * A line that is a person and nothing else, heading the tasks under it ("Sioned:", "DC Hall –"): with a colon or dash
 * closing it, or written plain above bulleted lines. Null for anything with a task in it.
 */
export function personHeading(line: string, next: { bullet?: boolean } | undefined, bullet: boolean, ctx: OwnerContext): string | null {
  if (!next) return null;
  const t = squash(line).replace(MARK, "");
  const m = /^(.{1,60}?)\s*([:\-–—]?)\s*$/.exec(t);
  const head = m?.[1]?.trim() ?? "";
  if (!head || /\d/.test(head) || !surelyOwner(head, ctx, true)) return null;
  return m?.[2] || (!bullet && next.bullet) ? head : null;
}

/** A task read from a person's list: whether it may take the list's owner (joined to it, not said to have no owner). */
export interface ListedTask {
  action: RecordAction & { source: string };
  /** Part of the person's list: under their heading, or after their label at semicolons. */
  listed: boolean;
  /** The clause the task was read from, for words saying it has no owner yet ("owner TBC", "?who"). */
  clause: string;
}

/**
 * The tasks of one person's list with that person as the owner of each listed task that names no doer and is not said to
 * have none. When any task in the list has a doer other than the person, the list is the meeting's, not theirs, and no
 * task is given an owner: a hidden owner gap is the worse failure.
 */
export function ownersOfList(tasks: ListedTask[], owner: string): (RecordAction & { source: string })[] {
  const k = key(owner);
  const mixed = tasks.some((t) => t.action.owner !== null && key(t.action.owner) !== k);
  return tasks.map((t) => (!mixed && t.listed && t.action.owner === null && !saysNoOwner(t.clause) ? { ...t.action, owner } : t.action));
}
