import { isWelsh } from "./normalise.js";
import type { AspectReading } from "./tense.js";
import { welshData } from "./welsh.js";

interface VerbSets {
  present: ReadonlySet<string>;
  presentBeforeNi: ReadonlySet<string>;
  past: ReadonlySet<string>;
  future: ReadonlySet<string>;
  perfect: ReadonlySet<string>;
  just: ReadonlySet<string>;
  conditional: ReadonlySet<string>;
  irregular: ReadonlySet<string>;
  notPreterite: ReadonlySet<string>;
  endings: readonly string[];
  openers: ReadonlySet<string>;
  be: ReadonlySet<string>;
}

let setsCache: VerbSets | undefined;

function verbSets(): VerbSets {
  if (setsCache) return setsCache;
  const v = welshData().verbs;
  setsCache = {
    present: new Set(v.present_be),
    presentBeforeNi: new Set(v.present_be_before_ni),
    past: new Set(v.past_be),
    future: new Set(v.future_be),
    perfect: new Set(v.perfect),
    just: new Set(v.just),
    conditional: new Set(v.conditional),
    irregular: new Set(v.preterite_irregular),
    notPreterite: new Set(v.not_preterite),
    endings: v.preterite_endings,
    openers: new Set(v.clause_openers),
    be: new Set(v.verb_noun_be),
  };
  return setsCache;
}

/** A preterite: an irregular past ("aeth", "cafodd") or a regular one by its ending ("torrodd", "clywais"), not a noun that ends so. */
function isPreterite(word: string, s: VerbSets): boolean {
  if (s.irregular.has(word)) return true;
  if (word.length < 5 || s.notPreterite.has(word)) return false;
  return s.endings.some((e) => word.endsWith(e));
}

/**
 * When a danger in a Welsh sentence happens, read from the Welsh verb system (welsh.json `verbs`): Welsh puts the
 * finite verb first in its clause, so the nearest finite verb before the danger (or the aspect marker that opens
 * the danger's own phrase: "wedi", "newydd", "yn") says it. Null when the sentence is not Welsh, or when no finite
 * verb stands before the danger in its clause: the English reading (bare) then stands, as before.
 */
export function welshAspectAt(norm: string, index: number, length: number): AspectReading | null {
  if (!isWelsh(norm)) return null;
  const s = verbSets();
  const before = norm.slice(0, index).trim();
  const tokens = before === "" ? [] : before.split(" ");
  const match = norm.slice(index, index + length + 1).trim().split(" ").filter(Boolean);
  // The danger's own phrase may open with its aspect ("wedi torri i mewn", "newydd ysgwyd", "yn ei guro").
  let perfect = s.perfect.has(match[0] ?? "");
  let just = s.just.has(match[0] ?? "");
  // The clause opens at the nearest opener before the danger ("ac", "ond", "pan", "os", "fod"), else at the sentence's start.
  // "bod" after "wedi" is the verb "been" ("wedi bod yn torri": has been cutting), not "that".
  const isOpener = (k: number) => s.openers.has(tokens[k]!) && !(s.be.has(tokens[k]!) && s.perfect.has(tokens[k - 1] ?? ""));
  let open = tokens.length - 1;
  while (open >= 0 && !isOpener(open)) open--;
  const conditional = open >= 0 && s.conditional.has(tokens[open]!);
  let aspect: AspectReading["aspect"] | null = null;
  let progressiveSince = false;
  for (let k = tokens.length - 1; k > open && !aspect; k--) {
    const t = tokens[k]!;
    if (s.be.has(t) && s.perfect.has(tokens[k - 1] ?? "")) progressiveSince = true;
    else if (s.perfect.has(t)) perfect = true;
    else if (s.just.has(t)) just = true;
    else if (s.present.has(t) || (s.presentBeforeNi.has(t) && tokens[k + 1] === "ni")) aspect = progressiveSince ? "perfect_progressive" : just || perfect ? "perfect" : "progressive";
    else if (s.past.has(t)) aspect = perfect ? "past" : "past_state";
    else if (s.future.has(t)) aspect = "future";
    else if (isPreterite(t, s)) aspect = "past";
  }
  // A danger phrase may open with its own finite verb ("torrodd … i mewn", "cafodd ei tharo"): Welsh puts it first.
  const own = match[0] ?? "";
  if (!aspect && isPreterite(own, s)) aspect = "past";
  else if (!aspect && s.past.has(own)) aspect = "past_state";
  // "newydd" ("has just") is a recent perfect whatever verb stands before it, as "just" is in English.
  if (!aspect && just) aspect = "perfect";
  if (!aspect && !conditional) return null;
  // The clause runs from the space before its opener (or the sentence's start) to the next opener after the danger.
  const clauseStart = open >= 0 ? tokens.slice(0, open).join(" ").length + (open > 0 ? 1 : 0) : 0;
  let clauseEnd = norm.length;
  let at = index + length;
  for (const t of norm.slice(index + length).split(" ")) {
    if (t !== "" && s.openers.has(t)) {
      clauseEnd = at;
      break;
    }
    at += t.length + 1;
  }
  return { aspect: aspect ?? "bare", just, conditional, shared: false, clause: [clauseStart, clauseEnd] };
}
