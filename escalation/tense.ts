import { IRREGULAR_BASES, IRREGULAR_PAST, sForm } from "./morphology.js";
import { welshAspectAt } from "./welsh-tense.js";

/**
 * When is a danger happening? Read from the grammar of the clause that carries it,
 * not from a list of "now" words: people in danger write in the present ("he's hitting
 * her", "she won't wake up", "im on the roof", "theyre making me carry it tonight").
 *
 * `aspectAt` finds the finite verb that governs a match (scanning back through its
 * clause, and across "and"/"or"/"but" when the subject is shared: "he is drunk and
 * hitting her") and says what it makes of the match: progressive, present, perfect,
 * future, past, a past state, habitual, conditional, or bare (no finite verb at all,
 * as text-speak drops it: "dad hitting mum"). The reader turns that into live or not
 * with the kind's own nature and the message's time cues.
 */
export type Aspect =
  | "progressive"
  | "present"
  | "perfect"
  | "perfect_progressive"
  | "future"
  | "past"
  | "past_state"
  | "habitual"
  | "conditional"
  | "gerund"
  | "bare";

export interface AspectReading {
  aspect: Aspect;
  /** Character span of the clause that carries the match (from the boundary before it to the one after). */
  clause: [number, number];
  /** "just" stands with the verb group or the match ("has just", "just hit"). */
  just: boolean;
  /** The clause is governed by a conditional ("if I tell, he'll…", "…unless I go"). */
  conditional: boolean;
  /** The finite verb was found in an earlier clause joined by and/or/but (shared subject). */
  shared: boolean;
}

/** Words that open a new clause: the governing verb is not looked for beyond them. */
/** Verbs whose "to be …" / "to get …" is an event on its way, not a proposition ("going to be hurt"). */
const INFINITIVE_GOVERNORS = new Set(["going", "gonna", "about", "bout", "want", "wants", "wanted", "trying", "tries", "tried", "threatening", "threatens", "threatened", "has", "have", "had", "got", "need", "needs", "is", "are", "am", "was", "were"]);
const BOUNDARY = new Set([
  "and", "but", "so", "because", "then", "when", "whenever", "while", "whilst", "if", "unless", "until", "till", "til",
  "or", "after", "before", "though", "although", "who", "which", "that", "where", "coz", "plus", "also", "now",
]);
/** Words (not boundaries) that make the clause after them part of the one before: "is abusing me since i was 8". */
const SUBORDINATORS = new Set(["since", "as", "before", "after", "until", "till", "til", "than"]);
/** Coordinators across which a clause without its own subject shares the earlier verb. */
const COORDINATORS = new Set(["and", "or", "but", "then", "plus", "also", "now"]);
/** Subjects: a clause that has one of its own does not borrow the earlier clause's verb. */
const SUBJECTS = new Set(["i", "he", "she", "they", "we", "you", "it", "someone", "somebody", "everyone", "nobody", "there", "who", "people", "men"]);
/** Words that may stand between an auxiliary and its verb. */
const ADVERBS = new Set([
  "just", "still", "now", "really", "literally", "actually", "already", "always", "never", "constantly", "currently",
  "again", "also", "even", "right", "all", "not", "so", "being", "been", "proper", "properly", "badly", "like", "totally",
  "completely", "seriously", "physically", "clearly", "probably", "definitely", "only", "ever",
]);

/** Adverbs that stand between a subject and its finite verb without changing its tense ("she nearly passed out"). */
const MID_ADVERBS = new Set([
  "nearly", "almost", "suddenly", "finally", "eventually", "apparently", "allegedly", "accidentally", "actually", "literally", "really",
  "just", "already", "once", "deliberately", "purposely", "basically", "possibly", "probably", "definitely", "supposedly",
]);

const BE_PRESENT = new Set(["am", "is", "are"]);
const BE_PAST = new Set(["was", "were"]);
const MODAL_PRESENT = new Set(["can", "cannot"]);
const MODAL_CONDITIONAL = new Set(["would", "could", "might", "should", "may"]);
const MODAL_FUTURE = new Set(["will", "shall"]);
const NEGATION = new Set(["not", "never"]);
/** Verbs that mark a pattern when finite: "keeps hitting", "he always…". */
const HABITUAL_VERBS = new Set(["keeps", "keep", "tends", "used"]);

/** Prepositions: an -ing word right after one is a noun ("a conviction for hurting a child"), not a verb happening. */
const PREPOSITIONS = new Set(["for", "of", "about", "after", "before", "without", "by", "from", "at", "into", "than", "since", "upon", "despite", "besides", "against", "towards", "regarding"]);

/** Verb lemmas of the risk model's data, so their -s forms are read as finite verbs ("touches me", "makes me"). */
const LEMMAS = new Set<string>();

/** Tell the tense reader the verbs the risk model uses ({lemma} slots of the data). */
export function addVerbLemmas(lemmas: Iterable<string>): void {
  for (const l of lemmas) LEMMAS.add(l);
}

/** Is a word the -s form of a known verb? */
function isSForm(w: string): boolean {
  if (S_FORMS.has(w)) return true;
  if (!w.endsWith("s") || w.length < 4) return false;
  return LEMMAS.has(w.slice(0, -1)) || (w.endsWith("es") && LEMMAS.has(w.slice(0, -2))) || (w.endsWith("ies") && LEMMAS.has(`${w.slice(0, -3)}y`));
}

/** -ing words that are not verbs. */
const NOT_ING = new Set([
  "thing", "things", "something", "anything", "nothing", "everything", "morning", "evening", "ceiling", "during",
  "wedding", "pudding", "sibling", "siblings", "darling", "clothing", "building", "buildings", "ring", "king", "string",
  "spring", "wing", "sing", "bring", "swing", "sting", "sling", "cling", "fling", "ping", "bling", "ding", "skiing",
  "awning", "railing", "railings", "landing", "earring", "earrings", "parking", "stuffing", "icing", "timing", "meaning",
  "feeling", "feelings", "warning", "warnings", "meeting", "meetings", "booking", "training", "nursing", "housing",
  "funding", "planning", "setting", "settings", "listing", "hearing", "sibling", "ending", "beginning", "opening",
]);
/** -ed words that are not past verbs. */
const NOT_ED = new Set([
  "bed", "red", "need", "needed", "feed", "seed", "speed", "shed", "hundred", "sacred", "naked", "wicked", "ragged",
  "rugged", "crooked", "wretched", "beloved", "wed", "ted", "ned", "fred", "ed", "med", "bred", "sled", "fled", "led",
  "shred", "breed", "greed", "weed", "deed", "reed", "indeed", "proceed", "succeed", "exceed", "freed", "agreed",
  "embed", "infrared", "kindred", "sled", "biped", "bled", "sped",
]);

/** Common verbs whose -s form is read as a finite present (a pattern for an event: "he hits me"). */
const COMMON_VERBS = [
  "hit", "touch", "hurt", "beat", "kick", "punch", "slap", "smack", "grab", "push", "shove", "drag", "throw", "choke",
  "strangle", "rape", "abuse", "attack", "threaten", "scare", "frighten", "lock", "make", "force", "take", "come", "go",
  "get", "say", "tell", "want", "try", "start", "let", "leave", "hold", "send", "sell", "give", "put", "keep", "call",
  "shout", "scream", "follow", "bring", "pick", "collect", "drink", "drive", "use", "film", "show", "stay", "sleep",
  "look", "watch", "wait", "hide", "feel", "need", "live", "walk", "run", "stab", "cut", "burn", "shake", "drop",
];
const S_FORMS: ReadonlySet<string> = new Set([...COMMON_VERBS, ...IRREGULAR_BASES].map(sForm).filter((s) => s !== "is" && s !== "has"));

function isIng(w: string): boolean {
  return w.length >= 5 && w.endsWith("ing") && !NOT_ING.has(w);
}

/** A past participle: irregular, or a regular -ed. */
function isParticiple(w: string): boolean {
  if (IRREGULAR_PAST.has(w)) return true;
  return w.length >= 4 && w.endsWith("ed") && !NOT_ED.has(w);
}

/** A past simple form: irregular past, or a regular -ed (read as past only after a subject). */
function isPastForm(w: string): boolean {
  const irregular = IRREGULAR_PAST.get(w);
  if (irregular) return irregular === "past";
  return isParticiple(w);
}

const DETERMINERS = new Set(["my", "his", "her", "their", "our", "your", "the", "a", "an", "another", "this", "that", "these", "those", "some", "mums", "dads"]);

const OBJECTS = new Set(["me", "him", "her", "us", "them", "my", "his", "their", "our"]);
const POSSESSIVES = new Set(["my", "his", "her", "their", "our", "your", "mums", "dads"]);

/** Words after which a noun phrase can open a clause as its subject. */
const CLAUSE_OPENERS = new Set(["think", "thought", "says", "said", "know", "knew", "reckon", "believe", "saw", "see", "heard", "hear", "found"]);

/**
 * Does token k stand right after a subject ("he hit", "my dad hit", "the man took")?
 * A noun phrase is a subject only where a clause can begin: at the start, after a
 * clause boundary or a verb of saying or seeing. "There is a baby locked in a car" has
 * no subject before "locked": it describes the baby, it does not narrate.
 */
function afterSubject(tokens: readonly string[], k: number): boolean {
  // An adverb of degree or manner may stand between a subject and its verb ("she nearly passed out", "he suddenly grabbed her"):
  // the verb still has that subject. Step back over it.
  while (k > 1 && MID_ADVERBS.has(tokens[k - 1]!)) k--;
  const prev = tokens[k - 1];
  if (prev === undefined) return false;
  if (SUBJECTS.has(prev)) return true;
  for (let j = k - 2; j >= Math.max(0, k - 4); j--) {
    const t = tokens[j]!;
    if (DETERMINERS.has(t)) {
      if (BOUNDARY.has(prev) || ADVERBS.has(prev)) return false;
      // A possessive noun phrase before a verb is its subject wherever it stands ("tell someone my uncle touched me").
      const possessive = POSSESSIVES.has(t);
      // Nothing verb-like inside the noun phrase ("my daughter is bing punched" is not "daughter punched").
      for (let x = j + 1; x < k; x++) if (BE_PRESENT.has(tokens[x]!) || BE_PAST.has(tokens[x]!) || tokens[x] === "has" || tokens[x] === "have" || tokens[x] === "had") return false;
      const before = tokens[j - 1];
      return possessive || before === undefined || BOUNDARY.has(before) || CLAUSE_OPENERS.has(before);
    }
    if (BOUNDARY.has(t)) return false;
  }
  return false;
}

type Finite =
  | { kind: "be_pres" | "be_past" | "have_pres" | "have_past" | "do_pres" | "do_past" | "can" | "will" | "cond" | "keep" | "future" | "pres_s" | "past_simple"; at: number }
  | null;

/**
 * The finite verb of which the noun phrase in tokens [start, end) is the subject: the next word (after adverbs) when
 * it is finite and the phrase holds no verb of its own. "now" is a time word, not an adverb of the verb here.
 */
function subjectVerbAfter(tokens: readonly string[], start: number, end: number): Finite {
  for (let k = start; k < end; k++) {
    const w = tokens[k]!;
    if (isIng(w) || isParticiple(w) || isPastForm(w) || isSForm(w) || BE_PRESENT.has(w) || BE_PAST.has(w) || w === "has" || w === "have" || w === "had") return null;
  }
  let k = end;
  while (k < tokens.length && ADVERBS.has(tokens[k]!) && tokens[k] !== "now") k++;
  if (k >= tokens.length || BOUNDARY.has(tokens[k]!)) return null;
  // The verb's subject is the phrase itself: finiteAt reads a past or -s form only after a subject, so it is asked as after "he".
  const f = finiteAt(["he", ...tokens.slice(k)], 1);
  return f ? { ...f, at: k } : null;
}

/** The finite verb at token k, if there is one. */
function finiteAt(tokens: readonly string[], k: number): Finite {
  const t = tokens[k];
  // Past the last word (a subject and adverbs ending the message: "…, he always"), there is no verb.
  if (t === undefined) return null;
  const next = tokens[k + 1];
  // An infinitive is not finite: "pressuring me to have sex", "trying to get in".
  if (tokens[k - 1] === "to" && t !== "going") return null;
  // "do" is an auxiliary only with a negation or right after its subject ("makes me do things" is not "do").
  if ((t === "do" || t === "does") && !NEGATION.has(next ?? "") && !SUBJECTS.has(tokens[k - 1] ?? "")) return null;
  if (BE_PRESENT.has(t)) return { kind: "be_pres", at: k };
  if (BE_PAST.has(t)) return { kind: "be_past", at: k };
  if (t === "has" || t === "have") return { kind: "have_pres", at: k };
  if (t === "had") return { kind: "have_past", at: k };
  if (t === "do" || t === "does") return { kind: "do_pres", at: k };
  if (t === "did") return { kind: "do_past", at: k };
  if (MODAL_PRESENT.has(t)) return { kind: "can", at: k };
  if (MODAL_FUTURE.has(t)) return { kind: "will", at: k };
  if (MODAL_CONDITIONAL.has(t)) return { kind: "cond", at: k };
  if ((t === "going" || t === "about" || t === "bout") && next === "to") return { kind: "future", at: k };
  if (HABITUAL_VERBS.has(t)) return t === "used" ? (next === "to" ? { kind: "past_simple", at: k } : null) : { kind: "keep", at: k };
  if (t === "kept") return { kind: "past_simple", at: k };
  // A known verb's -s form with a subject before it, or an object after it ("makes me", "touches her").
  if (isSForm(t) && (SUBJECTS.has(tokens[k - 1] ?? "") || OBJECTS.has(next ?? "") || afterSubject(tokens, k))) return { kind: "pres_s", at: k };
  if (isPastForm(t) && afterSubject(tokens, k)) return { kind: "past_simple", at: k };
  return null;
}

/** Read the aspect of the words between a finite verb and the head of the match. */
function aspectFrom(f: NonNullable<Finite>, tokens: readonly string[], head: number): Aspect {
  const between = tokens.slice(f.at + 1, Math.max(f.at + 1, head + 1));
  const verbAfter = between.find((w) => !ADVERBS.has(w) || w === "being" || w === "been");
  const hasIng = between.some((w) => isIng(w));
  const goingTo = between.some((w, i) => (w === "going" || w === "about") && between[i + 1] === "to");
  switch (f.kind) {
    case "be_pres":
      if (goingTo) return "future";
      if (between.includes("being") || hasIng) return "progressive";
      return "present";
    case "be_past":
      return verbAfter !== undefined && (isParticiple(verbAfter) || isIng(verbAfter) || verbAfter === "being") ? "past" : "past_state";
    case "have_pres": {
      if (between[0] === "got" || between[0] === "gotten" || (between[0] === "just" && between[1] === "got" && !isParticiple(between[2] ?? ""))) return "present";
      if (between.includes("been")) return hasIng ? "perfect_progressive" : "perfect";
      if (verbAfter !== undefined && isParticiple(verbAfter)) return "perfect";
      // "has a knife", "have no food": possession holds now.
      return "present";
    }
    case "have_past":
      // "had taken" is a past event; "had a knife" a past state.
      return verbAfter !== undefined && isParticiple(verbAfter) ? "past" : "past_state";
    case "do_pres":
      return "present";
    case "do_past":
      return "past";
    case "can":
      return hasIng ? "progressive" : "present";
    case "will":
      // "won't wake up", "will not stop", "won't let me leave": a refusal that holds now.
      return NEGATION.has(tokens[f.at + 1] ?? "") ? "present" : "future";
    case "cond":
      // "wouldn't let me leave", "couldn't breathe": a past state.
      return NEGATION.has(tokens[f.at + 1] ?? "") ? "past" : "conditional";
    case "keep":
      return "habitual";
    case "future":
      return "future";
    case "pres_s":
      return goingTo ? "future" : "habitual";
    case "past_simple":
      return "past";
  }
}

/**
 * The aspect of the clause that carries a match in a normalised sentence (" w w w "),
 * the match starting at character `index` (its leading space) and `length` long.
 */
export function aspectAt(norm: string, index: number, length: number): AspectReading {
  // A Welsh sentence is read by the Welsh verb system, which puts the finite verb first (welsh-tense.ts).
  const cy = welshAspectAt(norm, index, length);
  if (cy) return cy;
  const before = norm.slice(0, index).trim();
  const tokensBefore = before === "" ? [] : before.split(" ");
  const matchTokens = norm.slice(index, index + length + 1).trim().split(" ").filter(Boolean);
  const tokens = [...tokensBefore, ...norm.slice(index).trim().split(" ").filter(Boolean)];
  const start = tokensBefore.length;
  const end = start + matchTokens.length;
  // The head: the first verb of the match, or its start when the match is a noun phrase.
  let head = start;
  let finite: Finite = null;
  // The danger verb itself in its -s form opens the match: "touches me", "makes me do stuff" (a pattern).
  if (isSForm(tokens[start]!) && !BE_PRESENT.has(tokens[start]!) && tokens[start] !== "has") finite = { kind: "pres_s", at: start };
  for (let k = start; k < end && !finite; k++) {
    const f = finiteAt(tokens, k);
    if (f) {
      finite = f;
      head = k;
      break;
    }
    if (isIng(tokens[k]!) || isParticiple(tokens[k]!)) {
      head = k;
      break;
    }
  }
  // "just" in the danger's own clause ("has just hit her"), not in another ("my parents just laugh when he hits me").
  let from = start;
  while (from > 0 && start - from < 4 && !BOUNDARY.has(tokens[from - 1]!)) from--;
  let just = tokens.slice(from, end).includes("just");
  // "a conviction for hurting a child", "worried about him cutting": a gerund names the act, it does not place it now.
  if (!finite && isIng(tokens[head]!) && PREPOSITIONS.has(tokens[head - 1] ?? "")) {
    return { aspect: "gerund", just, conditional: false, shared: false, clause: clauseSpan(tokens, start, end) };
  }
  let shared = false;
  if (!finite) {
    let ownSubject = false;
    for (let k = head - 1; k >= 0; k--) {
      const t = tokens[k]!;
      // A passive infinitive that names the act as a proposition ("is it normal for a child to be smacked",
      // "ok for him to get hit") does not place it now; "going to be hurt", "trying to get him" do.
      if ((t === "be" || t === "get") && tokens[k - 1] === "to" && k === head - 1 && !INFINITIVE_GOVERNORS.has(tokens[k - 2] ?? "")) {
        return { aspect: "gerund", just, conditional: false, shared: false, clause: clauseSpan(tokens, start, end) };
      }
      const f = finiteAt(tokens, k);
      if (f) {
        finite = f;
        break;
      }
      if (BOUNDARY.has(t)) {
        // "he is drunk and hitting her": no subject of its own, the clause shares the verb before.
        if (COORDINATORS.has(t) && !ownSubject) {
          shared = true;
          continue;
        }
        break;
      }
      if (SUBJECTS.has(t)) ownSubject = true;
    }
  }
  // "has had", "have taken": the auxiliary before a participle is the finite verb.
  if (finite && (finite.kind === "have_past" || finite.kind === "past_simple") && ["has", "have"].includes(tokens[finite.at - 1] ?? "")) {
    finite = { kind: "have_pres", at: finite.at - 1 };
  }
  // "keeps following me and just tried to pull me in": a verb in the past joined to a pattern has a tense of its own. The
  // shared verb lends its subject, not its habit; only an auxiliary (is, has, will) governs the verbs after it.
  if (finite && shared && (finite.kind === "keep" || finite.kind === "pres_s") && isPastForm(tokens[head]!)) finite = { kind: "past_simple", at: head };
  let aspect: Aspect = finite ? aspectFrom(finite, tokens, Math.max(head, finite.at)) : "bare";
  // A danger named by a noun phrase ("the baby", "someone", "the back door") that is the subject of the verb after it
  // ("the baby was shaken", "someone got in last week", "the chair said"): that verb tells when. Text-speak that drops
  // the verb ("someone in the house", "baby not breathing") stays bare.
  // Not a pattern or a condition ("someone keeps trying the door"): repetition told of a danger's noun may be going on as the
  // writer types, and the reader reads it so only with a time word; such a danger stays as it was read, bare.
  const after = finite ? null : subjectVerbAfter(tokens, start, end);
  const afterAspect = after ? aspectFrom(after, tokens, Math.min(tokens.length - 1, after.at + 3)) : null;
  const subjectOf = afterAspect && afterAspect !== "habitual" && afterAspect !== "conditional" ? after : null;
  if (subjectOf && afterAspect) {
    aspect = afterAspect;
    if (tokens.slice(end, subjectOf.at + 2).includes("just")) just = true;
  }
  // No finite verb in the clause, but a past verb earlier in the sentence ("found a 15 year old in a trap house"): a past report.
  const pastVerb = (w: string, prev: string | undefined) => (IRREGULAR_PAST.get(w) === "past" || (isPastForm(w) && prev !== undefined && SUBJECTS.has(prev))) && !["has", "have", "is", "are", "am", "being", "been", "get", "gets", "got"].includes(prev ?? "");
  if (!finite && !subjectOf && tokens.slice(Math.max(0, start - 10), start).some((w, i, a) => pastVerb(w, a[i - 1] ?? tokens[Math.max(0, start - 10) - 1]))) aspect = "past";
  // …or after it, in a clause of its own with a subject ("threatening to batter him when they got home").
  if (!finite && !subjectOf && tokens.slice(end, end + 8).some((w, i, a) => SUBJECTS.has(a[i - 1] ?? "") && pastVerb(w, a[i - 1]))) aspect = "past";
  // A danger clause with its verb ends where the next clause's subject and verb begin: commas are gone from the
  // normalised text ("he is shaking the baby, the boyfriend was arrested before"), so a new finite verb marks them.
  const cut = finite ? nextClauseAt(tokens, end) : undefined;
  return { aspect, just, conditional: governedByConditional(tokens, start, end), shared: shared && finite !== null, clause: clauseSpan(tokens, start, end, cut) };
}

/** The token where a clause with its own finite verb opens after `end` (at its subject), if one does before the next boundary. */
function nextClauseAt(tokens: readonly string[], end: number): number | undefined {
  for (let k = end + 1; k < tokens.length; k++) {
    if (BOUNDARY.has(tokens[k]!)) return undefined;
    // "…, another kid went through there once": a noun phrase opening a clause of its own, its verb within three words.
    if (DETERMINERS.has(tokens[k]!) && !SUBORDINATORS.has(tokens[k - 1]!)) {
      for (let x = k + 1; x <= Math.min(tokens.length - 1, k + 3) && !BOUNDARY.has(tokens[x]!); x++) if (finiteAt(["he", ...tokens.slice(x)], 1)) return k;
    }
    // "he always does this": a subject, adverbs, then the verb.
    let v = k;
    if (SUBJECTS.has(tokens[k]!)) while (v + 1 < tokens.length && ADVERBS.has(tokens[v + 1]!)) v++;
    const finite = v > k ? finiteAt([tokens[k]!, ...tokens.slice(v + 1)], 1) : finiteAt(tokens, k);
    if (!finite) continue;
    let at = v > k ? k : k - 1;
    if (v === k && !SUBJECTS.has(tokens[k - 1]!)) for (let j = k - 1; j >= Math.max(end, k - 3); j--) if (DETERMINERS.has(tokens[j]!)) at = j;
    // "since i was 8", "as she was": a clause that hangs on the danger's is part of it.
    return at > end && SUBORDINATORS.has(tokens[at - 1]!) ? undefined : Math.max(at, end);
  }
  return undefined;
}

/** The character span (in " w w " text) of the clause around tokens [start, end): between the nearest boundaries (or `cut`, where a new clause opens). */
function clauseSpan(tokens: readonly string[], start: number, end: number, cut?: number): [number, number] {
  let a = start;
  while (a > 0 && !BOUNDARY.has(tokens[a - 1]!)) a--;
  let b = end;
  while (b < tokens.length && b !== cut && !BOUNDARY.has(tokens[b]!)) b++;
  // Offsets: the text is " " + tokens.join(" ") + " "; token i starts at 1 + sum of earlier lengths + i.
  let offset = 0;
  let from = 0;
  let to = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === a) from = offset;
    if (i === b) to = offset;
    if (i < tokens.length) offset += tokens[i]!.length + 1;
  }
  return [from, to + 1];
}

/** Is the clause with tokens [start, end) inside or after an if/unless clause of the same sentence, or followed by one? */
function governedByConditional(tokens: readonly string[], start: number, end: number): boolean {
  // "he will kill me if I tell", "or they'll hurt my mum": the condition follows.
  for (let k = end; k < Math.min(tokens.length, end + 6); k++) {
    if (tokens[k] === "if" || tokens[k] === "unless") return true;
    if (BOUNDARY.has(tokens[k]!)) break;
  }
  // "if I tell he will kill me": the nearest opener before the match is "if" with one clause between at most.
  for (let k = start - 1, clauses = 0; k >= 0 && clauses <= 1; k--) {
    const t = tokens[k]!;
    if (t === "if" || t === "unless") return true;
    if (BOUNDARY.has(t)) clauses++;
  }
  return false;
}

/**
 * Where the writer's own clause ends: `norm` is a normalised sentence (" w w ") and `index`/`length` an opener of the
 * writer's question, request or situation ("who should i", "i need advice", "i am at home"), as cues.json writer_clause
 * lists them. The clause runs on from the opener to the next clause boundary or to where a clause with a subject and
 * finite verb of its own opens ("what do i do now he is hitting her": "he is…" is the danger's clause, with its own time).
 * A "now" straight after the writer's words closes their clause ("who do i ring now"), it does not open the next.
 * Returns the character span of the writer's clause, or null when the opener is no clause of the writer's own: after "to"
 * ("what he wants me to do i…") it is the tail of another clause.
 */
export function writerClauseSpan(norm: string, index: number, length: number): [number, number] | null {
  const before = norm.slice(0, index).trim();
  const tokensBefore = before === "" ? [] : before.split(" ");
  if (tokensBefore[tokensBefore.length - 1] === "to") return null;
  // Split without dropping empty words, so token offsets stay character offsets where a removal left two spaces.
  const tokens = [...tokensBefore, ...norm.slice(index).trim().split(" ")];
  const start = tokensBefore.length;
  const openerEnd = start + norm.slice(index, index + length + 1).trim().split(" ").length;
  let end = openerEnd;
  for (let k = openerEnd; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t === "now" && k === end) {
      end = k + 1;
      continue;
    }
    // An empty word is where two sentences were joined (or a phrase was removed): the clause ends there.
    if (t === "" || BOUNDARY.has(t)) break;
    if (opensClause(tokens, k)) break;
    end = k + 1;
  }
  // Offsets in " w w " text: token i starts after the lengths and spaces of the tokens before it.
  const offset = (i: number) => tokens.slice(0, i).reduce((n, w) => n + w.length + 1, 0);
  return [offset(start), offset(end) + 1];
}

/** A clause with a subject and finite verb of its own opens at token k: "he is…", "he always does…", "my dad hit…". */
function opensClause(tokens: readonly string[], k: number): boolean {
  const t = tokens[k]!;
  if (SUBJECTS.has(t)) {
    let v = k + 1;
    while (v < tokens.length && ADVERBS.has(tokens[v]!) && tokens[v] !== "now") v++;
    return v < tokens.length && finiteAt([t, ...tokens.slice(v)], 1) !== null;
  }
  if (DETERMINERS.has(t)) {
    for (let x = k + 1; x <= Math.min(tokens.length - 1, k + 3) && !BOUNDARY.has(tokens[x]!); x++) if (finiteAt(["he", ...tokens.slice(x)], 1)) return true;
  }
  return false;
}
