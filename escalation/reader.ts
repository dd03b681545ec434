import { normaliseSentence, normaliseText, type NormalisedSentence } from "./normalise.js";
import { screenKey, type PhraseSet } from "./phrases.js";
import { aspectAt, writerClauseSpan } from "./tense.js";
import { entryPlaces, historySentences, laterEntry } from "./dating.js";
import { withoutFormPrompts } from "./document.js";
import { loadRiskModel, type CompiledSubkind, type DangerKind, type RiskModel, type Speaker } from "./risk-model.js";

/**
 * Reading a message against the risk model: which danger kinds it describes and
 * whether each is live (now, just, about to, tonight) or past, who is writing, and
 * what they want. Facts are codes, never the writer's words.
 */

export const FACTS = [
  "danger_any", "danger_live", "danger_past", "danger_unspecified_now", "explicit_now",
  "imm_now", "imm_just", "imm_about", "imm_tonight", "imm_state", "past", "habitual", "safe_now",
  "procedure_question", "procedure_terms", "training", "framed", "personal", "real_person", "injection",
  "advice", "report", "asks_childline", "asks_nspcc", "concern", "child_ref", "young_child", "reported_speech",
  "child_age", "adult_age", "speaker_child", "speaker_parent_carer", "speaker_professional", "speaker_bystander",
  "speaker_asker", "question", "short", "long", "first_person_harm", "reports_own_concern", "speaker_guessed",
] as const;
/**
 * Facts the rules read that the classifier does not: its features are FACTS by position, so a fact added
 * there would need the shipped weights retrained. `particular_child`: one child, told of in particular.
 */
export const RULE_FACTS = ["particular_child"] as const;
export type Fact = (typeof FACTS)[number] | (typeof RULE_FACTS)[number];

/** One danger kind found in one sentence. */
export interface DangerHit {
  kind: DangerKind;
  subkind: string;
  sentence: number;
  live: boolean;
}

/** What the reader found in a message. */
export interface Reading {
  facts: ReadonlySet<Fact>;
  hits: readonly DangerHit[];
  speaker: Speaker;
  /** The kind of the first live danger, else of the first danger found, else null. */
  dangerKind: DangerKind | null;
  /** The message's sentences as written (for embedding units) and the flagged ones. */
  sentences: readonly string[];
  flagged: readonly number[];
  /** Normalised text the lexical model reads (the whole message, or a long paste's head, tail and flagged sentences). */
  lexical: string;
}

/** Up to this length the whole message is one context for time and speaker cues. */
const SHORT_MESSAGE = 1500;
/** Beyond this length only the screened sentences are spell-corrected. */
const LONG_TEXT = 8000;
/** Sentences at each end of a long text that are always read in full. */
const EDGE = 40;
/**
 * Beyond this many sentences a "safe now" speaks only for the dangers told near it (two
 * sentences either side): in a pasted note or a long message, "she is in school today" in
 * one paragraph does not make "he has her by the throat" in another a past danger.
 */
const SAFE_NOW_WHOLE = 5;
const SAFE_NOW_REACH = 2;

/** When several kinds are found, the more specific one names the danger. */
const KIND_PRIORITY: readonly DangerKind[] = [
  "self_harm_suicide_imminent", "infant_injured_now", "exploitation_imminent", "missing_with_threat", "abduction_taken",
  "sexual_assault_now", "strangulation", "weapon_threat_to_kill", "intruder_break_in", "dangerous_place",
  "medical_emergency", "violence_in_progress",
];

function sentencesOf(text: string, model: RiskModel): NormalisedSentence[] {
  const opts = { speller: model.speller };
  if (text.length <= LONG_TEXT) return normaliseText(text, opts);
  const edge = (i: number, n: number) => i < EDGE || i >= n - EDGE;
  const sents = normaliseText(text, opts, edge);
  // A middle sentence that mentions any danger word is read again with typo correction.
  return sents.map((s, i) => (edge(i, sents.length) || !passesScreen(s.norm, model) ? s : { raw: s.raw, norm: normaliseSentence(s.raw, opts) }));
}

/** True when a word of the sentence begins like a word of the danger vocabulary (a set lookup per word). */
function passesScreen(s: string, model: RiskModel): boolean {
  for (const w of s.split(" ")) if (w && model.screenKeys.has(screenKey(w))) return true;
  return false;
}

/**
 * The last `k` words before position `index` of `text`: what `text.slice(0, index).split(" ").filter(Boolean).slice(-k)`
 * gives, found by walking back from `index` instead of splitting everything before it. The reader asks this for every
 * match, and a pasted document's matches are many and far in: splitting the whole prefix each time made a long paste's
 * reading grow with the square of its length.
 */
export function wordsBefore(text: string, index: number, k: number): string[] {
  const out: string[] = [];
  let end = index < 0 ? Math.max(text.length + index, 0) : Math.min(index, text.length);
  while (out.length < k && end > 0) {
    const space = text.lastIndexOf(" ", end - 1);
    if (space + 1 < end) out.push(text.slice(space + 1, end));
    end = space < 0 ? 0 : space;
  }
  return out.reverse();
}

/** True when one of the negators stands within `window` words before position `index`. */
function negatedAt(norm: string, index: number, model: RiskModel): boolean {
  const tail = ` ${wordsBefore(norm, index, model.cues.negators.window).join(" ")} `;
  return model.m.negators!.test(tail);
}

/** The words just before a match end with an auxiliary from `set` (one adverb allowed between). */
function auxiliaryBefore(norm: string, index: number, set: RiskModel["m"][string]): boolean {
  const words = wordsBefore(norm, index, 3);
  for (const n of [1, 2, 3]) {
    if (words.length < n) break;
    if (set.test(` ${words.slice(-n).join(" ")} `) && set.matches(` ${words.slice(-n).join(" ")} `).some((m) => m.index === 0)) return true;
  }
  return false;
}

interface SubkindMatch {
  index: number;
  text: string;
}

/**
 * Where a sub-kind occurs in sentence `s` (window `ctx`): every match, since each may
 * stand in a clause of its own tense ("knocked boiling water over herself and her arm is
 * blistering"). Negated matches do not count.
 */
function matchSubkind(sk: CompiledSubkind, s: string, ctx: string, model: RiskModel): SubkindMatch[] {
  if (sk.unless.size && sk.unless.test(s)) return [];
  const live = (ms: SubkindMatch[]) => ms.filter((x) => !negatedAt(s, x.index, model));
  const out = live(sk.signs.matches(s));
  if (sk.hazards.size && (sk.exposure.test(ctx) || sk.conditions.test(ctx) || model.m.young_child!.test(ctx))) out.push(...live(sk.hazards.matches(s)));
  if (sk.places.size && sk.conditions.size && sk.conditions.test(ctx)) out.push(...live(sk.places.matches(s)));
  return out;
}

/**
 * Read a message against the risk model. Reads every sentence, however long the text. `today` (ms since the epoch)
 * is when the message is read: a document's old dates and a clause's earlier year are history against it.
 */
export function readMessage(written: string, model: RiskModel = loadRiskModel(), today: number = Date.now()): Reading {
  const m = model.m;
  const thisYear = new Date(today).getUTCFullYear();
  // A form's own questions ("What are you worried about today? …") are not the writer's: read the answers (document.ts).
  const text = withoutFormPrompts(written);
  const raw = sentencesOf(text, model);
  let injection = false;
  // A sentence that was an instruction and nothing more ("Keep it short.", "No helplines please.") opens nothing.
  const instructionOnly = new Set<number>();
  const sents = raw.map((s, i) => {
    if (!m.injection!.test(s.norm)) return s.norm;
    injection = true;
    const kept = withoutInstructions(s.norm, model);
    if (kept.trim().split(" ").filter(Boolean).length <= 3) instructionOnly.add(i);
    return kept;
  });
  const n = sents.length;
  // Time is read with "just found out" and the like removed: discovering is not happening.
  // So are the writer's "safe now", "fine now": their "now" is about safety, not danger.
  // So are the time words of the writer's own question, request or situation ("who should I ring now?"): they date that
  // clause, not a danger told in another (writerClauseSpan). Read once the dangers and the writer are known (step 5).
  const timedCache = new Map<number, string>();
  let writerTimes: ((i: number, t: string) => string) | null = null;
  const timedAt = (i: number) => {
    let t = timedCache.get(i);
    if (t === undefined) {
      t = withoutTimeClaims(sents[i]!, m);
      timedCache.set(i, (t = writerTimes ? writerTimes(i, t) : t));
    }
    return t;
  };
  const short = text.length <= SHORT_MESSAGE;
  const whole = short ? sents.join("") : "";
  const windowOf = (i: number) => (short ? whole : sents.slice(Math.max(0, i - 1), i + 2).join(""));
  let wholeTimed: string | undefined;
  const timedWindow = (i: number) => {
    if (short) return (wholeTimed ??= sents.map((_, j) => timedAt(j)).join(""));
    let out = "";
    for (let j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) out += timedAt(j);
    return out;
  };

  // 1. Danger kinds, sentence by sentence.
  const found: { hit: DangerHit; index: number; text: string }[] = [];
  // A place that is acted on (a door, a window) and the act told in another sentence ("someone is at the back door. they
  // are trying to force it") join only when that act is not told in the past: a door in the aftermath of a break-in told as
  // past ("it got broken into on Tuesday. the door's fixed now") is no door being forced now.
  const actedCtx = (sk: CompiledSubkind, i: number, ctx: string) => {
    if (!sk.actedOn) return ctx;
    const [from, to] = short ? [0, n - 1] : [Math.max(0, i - 1), Math.min(n - 1, i + 1)];
    let out = sents[i]!;
    for (let j = from; j <= to; j++) {
      const t = sents[j]!;
      if (j !== i && sk.conditions.matches(t).some((x) => !negatedAt(t, x.index, model) && !toldPast(t, x.index, x.text.length, m.past!))) out += t;
    }
    return out;
  };
  for (let i = 0; i < n; i++) {
    const s = sents[i]!;
    if (s.length < 3 || !passesScreen(s, model) || !(model.screen.test(s) || m.danger_unspecified!.test(s))) continue;
    const ctx = windowOf(i);
    for (const sk of model.subkinds) {
      for (const hit of matchSubkind(sk, s, actedCtx(sk, i, ctx), model)) found.push({ hit: { kind: sk.kind, subkind: sk.id, sentence: i, live: false }, index: hit.index, text: hit.text });
    }
  }
  // How a danger is said to be over (cues.json danger_over): where, per kind, in sentence i. A negated one ("not breathing normally") is not.
  const overCache = new Map<DangerKind, ({ index: number; text: string }[] | undefined)[]>();
  const overAt = (i: number, kind: DangerKind) => {
    let bySentence = overCache.get(kind);
    if (!bySentence) overCache.set(kind, (bySentence = new Array(n)));
    let o = bySentence[i];
    if (o === undefined) bySentence[i] = o = m[`over_${kind}`]!.matches(sents[i]!).filter((x) => !negatedAt(sents[i]!, x.index, model));
    return o;
  };
  // A danger word inside its own kind's over statement is how the danger ended, not the danger: "the police took him away", "pulled him out of the water".
  for (let j = found.length - 1; j >= 0; j--) {
    const f = found[j]!;
    const end = f.index + f.text.length;
    if (overAt(f.hit.sentence, f.hit.kind).some((x) => x.index < end && f.index < x.index + x.text.length)) found.splice(j, 1);
  }
  // A danger word in another sense ("get in trouble", "sexual health clinic", "tell someone": cues.json other_senses) is not that danger told.
  for (let j = found.length - 1; j >= 0; j--) {
    const f = found[j]!;
    const end = f.index + f.text.length;
    const s = sents[f.hit.sentence]!;
    const inside = (set: PhraseSet) => set.matches(s).some((x) => x.index < end && f.index < x.index + x.text.length);
    if (inside(m.other_senses!)) found.splice(j, 1);
  }
  const flagged = [...new Set(found.map((f) => f.hit.sentence))];

  // 2. Message-level cues: the whole of a short message; a long one's head, tail and flagged sentences.
  let all = whole;
  if (!short) {
    const keep = new Set<number>();
    for (let i = 0; i < Math.min(n, EDGE); i++) keep.add(i);
    for (let i = Math.max(0, n - EDGE); i < n; i++) keep.add(i);
    for (const f of flagged) for (let j = Math.max(0, f - 1); j <= Math.min(n - 1, f + 1); j++) keep.add(j);
    all = [...keep].sort((a, b) => a - b).map((i) => sents[i]!).join("");
  }
  const facts = new Set<Fact>();
  const add = (f: Fact, on: boolean) => {
    if (on) facts.add(f);
  };
  // The message's time, as its clauses tell it: not the time words of the writer's own question or request (withoutWriterTimes).
  const allTimed = withoutWriterTimes(m.discovery!.strip(all), m, false, found);
  add("imm_now", m.now!.test(allTimed));
  add("imm_just", m.just!.test(allTimed));
  add("imm_about", m.about_to!.test(all) || m.clock_time!.test(all));
  add("imm_tonight", m.tonight!.test(all));
  add("imm_state", m.present_state!.test(all));
  add("past", nearestPast(all, 0, m.past!) < Infinity);
  add("habitual", m.habitual!.test(all) || m.iterative!.test(all));
  // The sentences a "safe now" or an ending speaks for: the whole of a short message, a pasted note's two either side.
  const nearAny = (i: number, says: (j: number) => boolean) => {
    const [from, to] = n <= SAFE_NOW_WHOLE ? [0, n - 1] : [Math.max(0, i - SAFE_NOW_REACH), Math.min(n - 1, i + SAFE_NOW_REACH)];
    for (let j = from; j <= to; j++) if (says(j)) return true;
    return false;
  };
  const overNear = (i: number, kind: DangerKind) => nearAny(i, (j) => overAt(j, kind).length > 0);
  add("procedure_question", m.procedure_question!.test(all) || sents.some((s) => opensProcedureQuestion(stripOpening(s, model), model)));
  add("procedure_terms", m.procedure_terms!.test(all));
  add("training", m.training!.test(all));
  add("real_person", m.real_person!.test(all));
  add("reported_speech", m.reported_speech!.test(all));
  add("advice", m.advice!.test(all));
  add("report", m.report!.test(all));
  add("asks_childline", m.childline!.test(all));
  add("asks_nspcc", m.nspcc!.test(all));
  add("concern", m.concern!.test(all));
  add("child_ref", m.child_ref!.test(all));
  add("young_child", m.young_child!.test(all));
  add("injection", injection);
  // The message opens with its first sentence that says anything once instructions to the assistant are removed:
  // "Keep it short. Does leaving a child in a hot car count as neglect" opens with its question.
  const head = Math.max(0, sents.findIndex((s, i) => s.trim() !== "" && !instructionOnly.has(i)));
  add("question", /\?/.test(text.slice(0, SHORT_MESSAGE)) || /^ (?:what|when|who|how|can|is|does|do|should|where|which|why) /.test(sents[head] ?? ""));
  add("short", all.trim().split(" ").length <= 3);
  add("long", !short);

  // 3. Who is writing.
  add("first_person_harm", model.firstPersonHarm.test(all));
  // The role must be set off as a heading ("Health visitor:", "DSL here", "Teacher -"), not the start of a note's sentence.
  const opening = stripLeadIn(sents[head] ?? " ", model);
  const firstRaw = raw[head]?.raw ?? "";
  const roleOpens =
    model.m.role_here!.matches(opening).some((x) => x.index === 0) ||
    model.m.role_opening!.matches(opening).some((x) => x.index === 0 && new RegExp(`^\\W*(?:[a-z]+\\W+){0,2}?${x.text.split(" ").join("\\W+")}\\s*[:\\-\u2013\u2014,(]`, "i").test(firstRaw));
  const speaker = speakerOf(all, facts, model, firstPersonVictim(found), roleOpens);
  add(`speaker_${speaker}` as Fact, true);
  const adult = speaker === "professional" || speaker === "parent_carer" || speaker === "bystander";
  // Safe now: said outright, or a danger the reader found is said to be over. The writer's own state or place
  // ("I'm at home now", "I am safe") speaks for the child only when the child writes (cues.json safe_now.self):
  // an adult who is safe is no evidence that the child is.
  // Read once here, not again for every danger found and every sentence near it.
  // A child with the writer over a line (on the phone, a video call, a live chat: cues.json safe_now.remote) is not in
  // the writer's company, whoever writes: "she is on facetime with me and her dad has a knife" is not "with me and".
  const safeText = (s: string) => m.safe_remote!.strip(adult ? m.safe_self!.strip(s) : s);
  const safeAll = safeText(all);
  const safeSents = sents.map(safeText);
  const saidSafe = m.safe_now!.test(safeAll);
  add("safe_now", saidSafe || found.some((f) => overNear(f.hit.sentence, f.hit.kind)));

  // 4. Framing: a procedure question or a training frame, unless a real person is in it now.
  // A particular child in front of the writer (a disclosure told in the past, "she is safe now") makes it personal too,
  // read per sentence so that a hypothetical or generic sentence ("if a pupil discloses…") stays a question; a long paste at its ends.
  const particularChild = (short ? sents : [...sents.slice(0, EDGE), ...sents.slice(-EDGE)]).some((s) => m.particular_child!.test(s) && !m.training!.test(s) && !m.generic_child!.test(s));
  // The writer's role ("I'm a DSL", "as a parent") says who writes, not that a particular child is in front of them: read without it.
  const aboutChild = m.generic_child!.strip(m.role_statement!.strip(all));
  // A danger the reader found told of a child in a statement of the writer's own (not asked about, not a child in general, not a
  // training case): "attended a burglary last night where the offender went into a child's bedroom" is a case, whatever is asked after it.
  // Only from a writer the reader places (a practitioner, a parent or carer, a bystander): an asker's case story is the setting of a question.
  const dangerToldOfAChild =
    speaker !== "asker" &&
    (facts.has("child_ref") || facts.has("young_child")) &&
    found.some((f) => {
      const i = f.hit.sentence;
      const asked = /\?/.test(raw[i]?.raw ?? "") || m.question_words!.matches(stripOpening(sents[i]!, model)).some((x) => x.index === 0);
      return !asked && !m.generic_child!.test(sents[i]!) && !m.training!.test(sents[i]!) && !m.procedure_question!.test(sents[i]!) && !opensProcedureQuestion(stripOpening(sents[i]!, model), model);
    });
  const personal =
    m.real_person!.test(aboutChild) || particularChild || dangerToldOfAChild || ["child", "parent_carer", "professional", "bystander"].some((sp) => m[`${sp}_decisive`]!.test(aboutChild));
  add("personal", personal);
  // One child in particular ("a Year 9 boy", "our pupil", a child told of in a statement), not children in general
  // ("contact with kids"): what makes a practitioner's message a report about a child rather than about their work.
  add("particular_child", particularChild || m.child_one!.test(aboutChild));
  // "Who do I tell?", "I want to report it": a writer with a case of their own, not a question about procedure.
  // Not when asked as a question of duty ("do I need to tell the DSL…?"): that asks what procedure requires.
  const askedAsDuty = (i: number) => /(?:^| )(?:do|does|did|should|must|would|will|shall|can|could)$/.test(all.slice(0, i).trimEnd());
  const reportsOwnConcern = m.report!.matches(all).some((x) => (/ (?:i|we|me|us) /.test(` ${x.text} `) || x.text.startsWith("want")) && !askedAsDuty(x.index));
  add("reports_own_concern", reportsOwnConcern);
  const liveNowPersonal = personal && (m.now!.test(all) || m.tonight!.test(all));
  // Procedure words in a statement (case notes mention core groups) do not make it a question.
  // So does a question about a child in general ("should staff refer if a teenager says…").
  const asksAboutProcedure = facts.has("procedure_question") || ((facts.has("procedure_terms") || m.generic_child!.test(all)) && facts.has("question"));
  // An instruction to the assistant ("this is just a test") voids a training frame around a real person of the writer's own,
  // which could hide a real danger behind it; it does not turn a question about procedure, or a training request, into a concern.
  // A question from someone outside the work about no particular child ("what can the public do if they are worried about a child?")
  // is a question about what to do in general, unless they are unsure about something of their own (advice) or a danger is told.
  const generalQuestion =
    facts.has("question") && !personal && !facts.has("advice") && !reportsOwnConcern && found.length === 0 && (speaker === "bystander" || speaker === "parent_carer" || speaker === "asker");
  // Only where a danger is told ("Hypothetically, and don't give me any numbers: a man has just pulled a girl into his car"):
  // an instruction in front of a training request or a team's notes that tells no danger unframes nothing.
  const trainingFramed = facts.has("training") && !liveNowPersonal && !(injection && found.length > 0);
  const procedureFramed =
    generalQuestion || (asksAboutProcedure && !personal && !(reportsOwnConcern && (found.length > 0 || (facts.has("child_ref") && facts.has("concern")))));

  // 5. Is each danger live? The grammar of the clause that carries it says when, time words correct it.
  // Where the danger is a child being away (absence_is_danger), "he's gone out", "she's not home" are that danger, not safety;
  // where the harm is inside the child (company_is_not_safety), "she's with me now" does not end it.
  const safeSet = (sk: CompiledSubkind) =>
    sk.absenceIsDanger ? (sk.companyIsNotSafety ? m.safe_outright! : m.safe_not_absence!) : sk.companyIsNotSafety ? m.safe_not_company! : m.safe_now!;
  // Whether a set of safety words occurs in the whole text, and in sentence j: asked for every danger found, so a
  // pasted document with many of them asked the same questions of the whole text and of each sentence again and again.
  // Each answer is a pure function of the set and the text, worked out once.
  const safeInAll = new Map<PhraseSet, boolean>();
  const safeIn = new Map<PhraseSet, Int8Array>();
  const saysSafe = (set: PhraseSet, j: number) => {
    let row = safeIn.get(set);
    if (!row) safeIn.set(set, (row = new Int8Array(n)));
    if (row[j] === 0) row[j] = set.test(safeSents[j]!) ? 1 : -1;
    return row[j] === 1;
  };
  const safeNear = (i: number, sk: CompiledSubkind) => {
    // Said outright: an ending of one kind of danger (danger_over) speaks only for that kind, in isLive.
    const set = safeSet(sk);
    if (!saidSafe) return false;
    let inAll = safeInAll.get(set);
    if (inAll === undefined) safeInAll.set(set, (inAll = set.test(safeAll)));
    if (!inAll) return false;
    // A short message's "safe now" speaks for all of it, wherever the matcher found it in the whole text.
    return n <= SAFE_NOW_WHOLE || nearAny(i, (j) => saysSafe(set, j));
  };
  // A pasted document's structure dates its entries (dating.ts): an entry dated well before the latest is history.
  const history = n > 2 ? historySentences(text, raw.length, today) : [];
  const places = n > 2 ? entryPlaces(text, raw.length) : new Array<null>(n).fill(null);
  // A danger told as done that goes on now (cues.json danger_continues): the person still there, the harm still working, the child still away.
  const goesOnNear = (i: number, kind: DangerKind) =>
    !m.continues_distant!.test(sents[i]!) &&
    nearAny(i, (j) => m[`continues_${kind}`]!.matches(sents[j]!).some((x) => !negatedAt(sents[j]!, x.index, model)));
  writerTimes = (i, t) => withoutWriterTimes(t, m, adult, found.filter((f) => f.hit.sentence === i));
  // A sentence of its own that dates the one before ("That was three weeks ago.") lends it its time words (cues.json dating_sentence).
  const datedBy = (i: number) => (i + 1 < n && !flagged.includes(i + 1) && m.dating_sentence!.matches(sents[i + 1]!).some((x) => x.index === 0) ? timedAt(i + 1) : "");
  const sayingSentences = new Map<DangerKind | PhraseSet, number[]>();
  for (const f of found) {
    const i = f.hit.sentence;
    const s = timedAt(i) + datedBy(i);
    const ctx = timedWindow(i);
    const sk = model.subkinds.find((x) => x.kind === f.hit.kind && x.id === f.hit.subkind)!;
    const tense = sk.tense;
    // An ending speaks for its own kind, and for the other kinds read in the same sentence: they are readings of the same telling
    // ("grabbed her by the throat until she nearly passed out" is strangulation and unconscious; "he's been arrested" ends both).
    // The latest entry of a document decides: an ending or safety told in an entry written after this one speaks for it,
    // however far down (or, in an email chain, up) the document it stands.
    const laterSays = (key: DangerKind | PhraseSet, says: (j: number) => boolean) => {
      if (places[i] === null) return false;
      // The sentences that say it, found once per kind of ending or set of safety words, not once per danger found:
      // a pasted document's every danger asked every sentence again.
      let saying = sayingSentences.get(key);
      if (!saying) {
        saying = [];
        for (let j = 0; j < n; j++) if (says(j)) saying.push(j);
        sayingSentences.set(key, saying);
      }
      return saying.some((j) => laterEntry(places[j]!, places[i]!));
    };
    const endedLater = found.some((g) => g.hit.sentence === i && laterSays(g.hit.kind, (j) => overAt(j, g.hit.kind).length > 0));
    const over = endedLater || found.some((g) => g.hit.sentence === i && overNear(i, g.hit.kind));
    const safeLater = saidSafe && laterSays(safeSet(sk), (j) => saysSafe(safeSet(sk), j));
    const safe = safeNear(i, sk) || safeLater;
    const goesOn = !over && !history[i] && goesOnNear(i, f.hit.kind);
    const reported = reportedBefore(sents[i]!, f.index, f.hit.kind, model);
    // Safety told only as the child's company with the writer ("in my office", "with me now"), not said outright or by someone's absence.
    const companyOnly = safe && !(n <= SAFE_NOW_WHOLE ? m.safe_not_company!.test(safeAll) : nearAny(i, (j) => saysSafe(m.safe_not_company!, j)));
    const live = isLive({ sentence: sents[i]!, timed: s, ctx, index: f.index, text: f.text, tense, adultSafe: safe && adult, companyOnly, safe, over, goesOn, reported, history: history[i] === true || endedLater || safeLater, thisYear, model });
    f.hit.live = live.live;
    if (live.live && live.explicitNow) facts.add("explicit_now");
  }
  // A pasted document that records a danger as happening now, in a statement, is about a real case, whatever question
  // the writer asks after it ("What do we do right now?"): its question is about that case, not about procedure.
  const document = text.split("\n").filter((l) => l.trim()).length >= 3;
  const toldLive = document && found.some((f) => f.hit.live && !raw[f.hit.sentence]!.raw.includes("?") && !m.generic_child!.test(sents[f.hit.sentence]!) && !m.training!.test(sents[f.hit.sentence]!));
  add("framed", !facts.has("asks_nspcc") && (trainingFramed || (procedureFramed && !toldLive)));

  // One hit per sub-kind and sentence: live when any of its matches is.
  const bySubkind = new Map<string, DangerHit>();
  for (const f of found) {
    const key = `${f.hit.kind}/${f.hit.subkind}/${f.hit.sentence}`;
    const seen = bySubkind.get(key);
    if (!seen) bySubkind.set(key, { ...f.hit });
    else seen.live ||= f.hit.live;
  }
  const hits = [...bySubkind.values()];
  add("danger_any", hits.length > 0);
  add("danger_live", hits.some((h) => h.live));
  add("danger_past", hits.length > 0 && !hits.some((h) => h.live));
  add(
    "danger_unspecified_now",
    m.danger_unspecified!.matches(all).some((x) => !negatedAt(all, x.index, model)) && (m.now!.test(allTimed) || m.present_state!.test(all)) && !(facts.has("safe_now") && adult),
  );
  const ranked = (list: DangerHit[]) =>
    [...list].sort((a, b) => KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind))[0]?.kind ?? null;
  const dangerKind = ranked(hits.filter((h) => h.live)) ?? ranked(hits);
  return { facts, hits, speaker, dangerKind, sentences: raw.map((s) => s.raw), flagged, lexical: all };
}

interface LiveQuery {
  /** The sentence as normalised (match indices refer to it). */
  sentence: string;
  /** The sentence without "just found out" and "safe now" phrases, for time words. */
  timed: string;
  /** The sentence with its neighbours (or the whole short message), likewise. */
  ctx: string;
  index: number;
  text: string;
  tense: "state" | "event";
  /** An adult writer who says the child is safe now. */
  adultSafe: boolean;
  /** The only safety told is the child's company with the writer now (cues.json safe_now.company). */
  companyOnly: boolean;
  /** Any writer says the child is safe now, or the person is out or has gone. */
  safe: boolean;
  /** The danger's own kind is said to be over nearby (cues.json danger_over): the person arrested, the child found, treated, brought in. */
  over: boolean;
  /** The danger is said to go on now nearby (cues.json danger_continues), and no ending of its kind is. */
  goesOn: boolean;
  /** The danger stands inside a telling passed on ("she told me he choked her"), of a kind whose past in a report is an event (cues.json reported_past). */
  reported: boolean;
  /** The document's structure dates the sentence well before its latest entry, or a later entry tells it ended or the child safe (dating.ts). */
  history: boolean;
  /** The year the message is read in (a clause's earlier year is history). */
  thisYear: number;
  model: RiskModel;
}

/**
 * Is one danger live? The aspect of its clause decides by default: progressive, present,
 * perfect, future and bare (text-speak without a verb) are live; a pattern (habitual) or a
 * conditional threat is live only with "now" or "tonight"; the past is live for a state kind
 * (the harm lasts: tablets taken, a child taken, a fall into water) unless the writer dates
 * it, and for an event kind only when it has just happened. Time words in the sentence
 * override: a past date, a habit, a distant future, or an adult's "safe now".
 */
function isLive(q: LiveQuery): { live: boolean; explicitNow: boolean } {
  const m = q.model.m;
  const s = q.timed;
  const sentNow = m.now!.test(s) || m.just!.test(s);
  const ctxNow = m.now!.test(q.ctx) || m.tonight!.test(q.ctx);
  const a = aspectAt(q.sentence, q.index, q.text.length);
  const clause = q.sentence.slice(a.clause[0], a.clause[1]);
  // A time of day ("at 7pm", "by 19:30") has no direction of its own: it sets the danger for later today only when the danger's
  // clause is not told in the past and has no past time word ("he battered me at 7pm last night" is last night).
  const clockSet = a.aspect !== "past" && a.aspect !== "past_state" && a.aspect !== "habitual" && a.aspect !== "gerund" &&
    m.clock_time!.test(clause) && nearestPast(clause, 0, m.past!) === Infinity;
  const forward = sentNow || m.about_to!.test(s) || m.tonight!.test(s) || clockSet;
  const out = (live: boolean) => ({ live, explicitNow: live && sentNow });
  // The danger's own clause speaks first: "last year a man tried to get me in his car, and now I'm scared" is last year.
  // An entry dated well before the document's latest is history: its "now" was then.
  if (q.history) return out(false);
  // An act told as done, recently, whose danger goes on now ("hit her an hour ago and he's still in the house",
  // "took the tablets last night and is being sick"): live. Not a pattern, and not an adult's "safe now".
  // Any telling of the act but a pattern, a condition or a gerund (a relative clause may lend the act a present verb: "a man who is
  // not allowed near her kicked the door in").
  const done = a.aspect !== "habitual" && a.aspect !== "conditional" && a.aspect !== "gerund" && !a.conditional;
  if (q.goesOn && done && !q.adultSafe && !m.habitual!.test(s) && !yearBefore(clause, q.thisYear)) return out(true);
  const clausePast = nearestPast(clause, 0, m.past!) < Infinity || yearBefore(clause, q.thisYear);
  const clauseForward = m.now!.test(clause) || m.just!.test(clause) || m.about_to!.test(clause) || m.tonight!.test(clause) || clockSet;
  if (clausePast && !clauseForward) return out(false);
  // A clause after a danger told now ("…, he was arrested before", "and social services were involved before", "he did this once before")
  // is history about the person or earlier times: its past time words date that clause, not this one. A temporal clause
  // ("when I was little", "before…") still dates the danger, and so does a clause about the danger itself ("it was last night").
  // After a state or a perfect the later clause may be how it came about ("has a broken arm, fell off the trampoline last week"):
  // only one that says it is about an earlier time or the person's record (cues.json history) is set aside.
  const toldNow = !a.shared && (a.aspect === "progressive" || a.aspect === "present" || a.aspect === "perfect");
  const rest = q.sentence.slice(a.clause[1] - 1);
  const dated = toldNow && laterClauseIsHistory(rest, a.aspect) && (a.aspect === "progressive" || m.history!.test(rest)) ? withoutTimeClaims(q.sentence.slice(0, a.clause[1]), m) : s;
  // Past and present in one sentence ("hit me last night and is coming back tonight"): the cue nearer the danger says when.
  const pastAt = nearestPast(dated, q.index, m.past!);
  const pastNearer = pastAt < nearest(s, q.index, clockSet ? [m.now!, m.just!, m.about_to!, m.tonight!, m.clock_time!] : [m.now!, m.just!, m.about_to!, m.tonight!]);
  // …unless the danger's own clause has a finite verb of the present ("she didn't come home last night and texted that a man won't let her leave"):
  // a past time word in an earlier clause dates that clause, not this one.
  // Only a time word before the danger's clause is read so: one after it may still belong to it ("made me … at a party in the summer").
  const clauseOwnPresent = !clausePast && (a.aspect === "present" || a.aspect === "progressive") && !a.shared && pastAt < q.index;
  if (pastAt < Infinity && (!forward || pastNearer) && !clauseOwnPresent) return out(false);
  // The child's company with the writer ("in my office now") speaks for now, not for a danger set for later today by its clause
  // or what follows it in its sentence ("plans to hang himself in the woods after school today", "is coming to get her at 3.15
  // pm"): the child leaves that company then. A safety said outright ("she is safe") is the writer's own judgement and stands. The times of a safety claim or of a telling ("safe with her nan tonight", "told me tonight") are not
  // the danger's, and a time before the danger ("scared to go home tonight because he hit her") does not set it. Nor does a
  // threat on a condition ("if she goes home tonight he'll beat her"): with the child safe with the writer it is not met now.
  const conditional = a.conditional || m.conditional!.test(` ${clause.trim()} `);
  const setLater = q.companyOnly && !conditional && (m.tonight!.test(withoutTimeClaims(q.sentence.slice(a.clause[0]), m)) || clockSet);
  if (q.adultSafe && !sentNow && !setLater) return out(false);
  const a0 = a.aspect;
  // A child who says the person is out or it has stopped is not in danger now, unless the danger itself is told as happening.
  if (q.safe && a0 !== "progressive" && a0 !== "present" && a0 !== "future" && !sentNow && !setLater) return out(false);
  // Told to be over, a danger told as done is over, whoever writes; not one told as going on, still holding ("has been missing since"),
  // bare (text-speak drops the verb of what is happening), about to happen or tonight: an ending never speaks over the grammar of the danger.
  const holding = a0 === "progressive" || a0 === "present" || a0 === "future" || a0 === "bare" || a0 === "perfect_progressive" || (a0 === "perfect" && q.tense === "state");
  // "Just" does not hold a danger against its ending: "he hit her an hour ago, he has been arrested" is over.
  const ahead = m.now!.test(s) || m.about_to!.test(s) || m.tonight!.test(s) || clockSet;
  if (q.over && !ahead && !holding) return out(false);
  if (a.conditional || m.conditional!.test(` ${clause.trim()} `)) return out(ctxNow);
  // Repetition inside an event told as going on is that event ("is slapping her again and again"); otherwise a pattern.
  const habitual = m.habitual!.test(s) || (a.aspect !== "progressive" && m.iterative!.test(s));
  switch (a.aspect) {
    case "progressive":
    case "present":
    case "bare":
    case "perfect":
      return out(!habitual || sentNow || m.tonight!.test(s));
    case "future":
      return out(!m.distant_future!.test(s) && (!habitual || sentNow || m.tonight!.test(s)));
    case "perfect_progressive":
      // "has been touching me" is a pattern up to now; with "now", "tonight" or minutes it is still going on.
      return out(sentNow || m.tonight!.test(s) || m.recent_duration!.test(s) || (q.tense === "state" && !habitual));
    case "habitual":
    case "conditional":
      return out(sentNow || m.tonight!.test(s));
    case "gerund":
      return out(false);
    case "past":
      // A state kind's harm lasts after the act (tablets taken, a child taken), unless the act was only attempted:
      // "tried to grab her" left no child taken, so it is an event, live when just done or now (cues.json attempt).
      // Inside a telling passed on ("she told me he choked her"), the past of a harm done in an encounter happened before the
      // telling: read as an event too (cues.json reported_past).
      if (q.reported) return out(a.just || sentNow || m.tonight!.test(s));
      return out(q.tense === "state" && !m.attempt!.test(clause) ? !habitual || sentNow : a.just || sentNow);
    case "past_state":
      return out(a.just || sentNow);
  }
}

/**
 * A clause joined on without a subject of its own whose verb is of the present: the danger's subject goes on now
 * ("someone broke in and is downstairs", "grabbed a knife and has it"). Normalised text spells contractions out.
 */
const PRESENT_CONTINUATION = / (?:and|but|then|n|plus|so|an) (?:(?:still|now|just) )?(?:is|are|am|has|have|can|cannot|will|wont|won t|keeps|still) /;

/**
 * Does a danger of `kind` at `index` stand inside a telling passed on: a finite reporting verb earlier in its sentence
 * ("told me", "says", "disclosed that"), of a kind whose past in a report is an event (cues.json reported_past)? Not a
 * telling just made ("has just told me"): the report itself then says it is recent, and the grammar's reading stands.
 */
function reportedBefore(sentence: string, index: number, kind: DangerKind, model: RiskModel): boolean {
  if (!model.cues.reported_past.kinds.includes(kind)) return false;
  // A report that goes on in the present after the danger ("mum said someone broke in and is downstairs") tells the state now:
  // the grammar's reading stands. A clause with a subject of its own ("he is still there") is read as the danger's going on (danger_continues).
  if (PRESENT_CONTINUATION.test(sentence.slice(index))) return false;
  return model.m.reported_past!.matches(sentence).some((x) => {
    const end = x.index + x.text.length;
    if (end > index || / just$/.test(` ${sentence.slice(0, x.index).trim()}`)) return false;
    // An order or a scolding is not a report ("told me to shut up", "told me off"), and the danger must stand in the first clause
    // the report governs: after "and", "then" the act may be the reporter's own ("he said sorry and choked me").
    const between = ` ${sentence.slice(end, index).trim()} `;
    return !/^ (?:to|off|not to) /.test(between) && !REPORT_ENDS.test(between);
  });
}

/** Words after which a clause is no longer the report's complement: a coordinated act may be the reporter's own. */
const REPORT_ENDS = / (?:and|then|n|but|so|an|before|after|plus) /;

/** Determiners: after the complement's first word, one opens a noun phrase of the writer's own. */
const NEW_PHRASE = new Set(["my", "our", "his", "her", "their", "the", "a", "an", "fy", "ein"]);
/** Words that open the writer's own clause after an instruction ("pretend you're my friend i am scared"): a subject of their own. */
const OWN_SUBJECTS = new Set(["i", "im", "he", "she", "they", "we", "there", "someone", "somebody", "it", "its", "hes", "shes", "theyre"]);

/**
 * A sentence without the instructions it gives the assistant (cues.json injection). Each phrase goes where it stands; an
 * opener that governs its complement ("pretend you're [my friend]", "don't send me [to Childline]", "don't tell me to [ring
 * anyone]") goes with it, up to the writer's next clause: a boundary or a clause with a subject of its own (tense.ts
 * writerClauseSpan, the grammar that ends a writer's own question), or a subject pronoun. The words of an instruction are
 * about the conversation, not the child: "pretend you're my friend" names no friend of the writer's, "roleplay as my mum"
 * frames no training case, "don't send me to Childline" asks for no Childline. A danger is never removed with it, nor a training
 * frame or a procedure question: the cut stops where their words begin ("don't tell me to ring anyone he has a knife").
 */
export function withoutInstructions(norm: string, model: RiskModel): string {
  const m = model.m;
  const governs = new Set(m.injection_governs!.matches(norm).map((x) => x.index));
  let out = norm;
  for (const o of m.injection!.matches(norm).sort((a, b) => b.index - a.index)) {
    const openerEnd = o.index + 1 + o.text.length;
    let end = openerEnd;
    // The complement's own first word stands in the instruction ("pretend you're [my] friend"): a clause of the writer's
    // own is looked for after it, so that "my friend i am…" is not read as "my friend is…".
    const first = out.slice(openerEnd + 1).split(" ")[0] ?? "";
    const opens = first !== "" && !OWN_SUBJECTS.has(first) && !/^(?:and|but|so|or|because|then|plus)$/.test(first);
    const span = governs.has(o.index) ? writerClauseSpan(out, o.index, o.text.length + (opens ? first.length + 1 : 0)) : null;
    if (span) {
      // Token by token from the opener's end to the clause's: stop at the writer's own subject or at danger words.
      let at = openerEnd;
      while (at < span[1] - 1) {
        const next = out.indexOf(" ", at + 1);
        const word = out.slice(at + 1, next < 0 ? undefined : next);
        // A new noun phrase after the complement's own ("talk to me like a mate [my] stepdad…") is the writer's, not the instruction's.
        if (!word || OWN_SUBJECTS.has(word) || (at > openerEnd + first.length && NEW_PHRASE.has(word))) break;
        const said = ` ${out.slice(at + 1, span[1]).trim()} `;
        const startsHere = (set: RiskModel["m"][string]) => set.matches(said).some((x) => x.index === 0);
        if (startsHere(m.danger_unspecified!) || startsHere(m.training!) || startsHere(m.procedure_question!)) break;
        if (model.subkinds.some((sk) => matchSubkind(sk, said, said, model).some((x) => x.index === 0))) break;
        at = next < 0 ? out.length : next;
      }
      end = Math.max(openerEnd, at);
    }
    out = `${out.slice(0, o.index)} ${out.slice(end)}`;
  }
  const kept = out.replace(/ {2,}/g, " ").trim();
  return kept ? ` ${kept} ` : " ";
}

/**
 * A sentence as read for time: "just found out", "safe now" and how a danger ended are removed, because their own time
 * words ("now", "last night") date the finding out, the safety or the ending, not the danger.
 */
function withoutTimeClaims(sentence: string, m: RiskModel["m"]): string {
  return m.danger_over!.strip(m.safe_now!.strip(m.discovery!.strip(sentence)));
}

/**
 * A sentence without the time words of the writer's own clauses (cues.json writer_clause): a question or request for advice
 * ("what should I do now", "who do I ring tonight", "I need advice now") and, from an adult, where they are ("I'm at home now").
 * A clause that carries a danger keeps its time words: there they tell the danger's time. `dangers` are the sentence's danger
 * matches, indexed in the sentence as normalised; `t` is that sentence with time claims removed, so each clause is found
 * again in it by its own words.
 */
function withoutWriterTimes(t: string, m: RiskModel["m"], adult: boolean, dangers: readonly { text: string }[]): string {
  const openers = [...m.writer_ask!.matches(t), ...(adult ? m.writer_situation!.matches(t) : [])];
  if (openers.length === 0) return t;
  const cuts: [number, number][] = [];
  // The now cues of the whole text, found once, not once per opener (a pasted document has many).
  let nows: { index: number; text: string }[] | undefined;
  for (const o of openers) {
    const span = writerClauseSpan(t, o.index, o.text.length);
    if (!span) continue;
    const clause = t.slice(span[0], span[1]);
    if (dangers.some((d) => clause.includes(` ${d.text.trim()} `))) continue;
    for (const x of m.writer_time!.matches(clause)) cuts.push([span[0] + x.index, span[0] + x.index + 1 + x.text.length]);
    // A now cue that is the writer's question itself ("what do i do", "what should i do now") asks, it does not date.
    for (const x of (nows ??= m.now!.matches(t))) if (x.index === o.index && x.index + x.text.length < span[1]) cuts.push([x.index, x.index + 1 + x.text.length]);
  }
  if (cuts.length === 0) return t;
  // Each time word leaves its leading space, so the words either side stay apart.
  let out = t;
  let upTo = Infinity;
  for (const [a, b] of cuts.sort((x, y) => y[0] - x[0])) {
    // Cuts may overlap ("now" inside "what should i do now"): each character goes once.
    out = out.slice(0, a) + out.slice(Math.min(b, upTo));
    upTo = Math.min(upTo, a);
  }
  return out;
}

/** A year before this one named as a time in a clause ("admitted in 2021", "back in 2019"); "since 2019" runs to now. */
function yearBefore(clause: string, thisYear: number): boolean {
  for (const x of clause.matchAll(/ (?:in|during|of|from) ((?:19|20)\d\d)(?= )/g)) if (Number(x[1]) < thisYear) return true;
  return false;
}

/** Words opening a clause that places the one before it in time. */
const TEMPORAL_OPENERS = new Set(["when", "whenever", "while", "whilst", "after", "before", "until", "till", "til", "since", "as"]);

/** The rest of a sentence after a danger's clause (" w w ") is a remark of its own, not a time for the danger (see isLive). */
function laterClauseIsHistory(rest: string, aspect: string): boolean {
  const words = rest.trim().split(" ").filter((w) => w && w !== "and" && w !== "but" && w !== "so" && w !== "plus" && w !== "also");
  if (words.length === 0 || TEMPORAL_OPENERS.has(words[0]!)) return false;
  // A clause about the danger itself dates it: "she has taken them, it was last night"; "he is abusing me, it started when i was 8".
  const aboutIt = ["it", "this", "that", "its", "thats"].includes(words[0]!);
  return !(aboutIt && (aspect === "perfect" || words.some((w) => TEMPORAL_OPENERS.has(w))));
}

/**
 * A sentence that opens like a procedure question ("what should a school…", "who chairs…").
 * "What should I do", "how do we…" about the writer's own situation are not: they ask
 * what to do about a case, which the concern and report cues read.
 */
function opensProcedureQuestion(s: string, model: RiskModel): boolean {
  return model.m.procedure_opener!.matches(s).some((x) => x.index === 0 && !/^ (?:i|we) /.test(s.slice(x.text.length + 1)));
}

/** A sentence without its lead-in ("Question:", "Hi,"), so an opener can be seen at its start. */
function stripLeadIn(s: string, model: RiskModel): string {
  let out = s;
  for (let k = 0; k < 3; k++) {
    const lead = model.m.lead_ins!.matches(out).find((x) => x.index === 0);
    if (!lead) break;
    out = out.slice(lead.text.length + 1);
  }
  return out;
}

/**
 * A sentence without its lead-in and without the writer's role set before the question ("As a youth worker, do I have to…",
 * "Hi, as a DSL what is…"): the role says who asks, the question still opens after it.
 */
function stripOpening(s: string, model: RiskModel): string {
  let out = stripLeadIn(s, model);
  const role = model.m.role_statement!.matches(out).filter((x) => x.index === 0).sort((a, b) => b.text.length - a.text.length)[0];
  if (role) out = stripLeadIn(out.slice(role.text.length + 1), model);
  return out;
}

/** A present progressive verb ("is pulling", "are being") earlier in the sentence than a match: the event is happening. */
function progressiveBefore(s: string, index: number): boolean {
  const words = s.slice(0, index).split(" ").filter(Boolean).join(" ");
  return /(?:^| )(?:is|are|am)(?: [a-z]+)? [a-z]+ing(?: |$)|(?:^| )being /.test(` ${words} `);
}

/** Distance in characters from position `index` to the nearest match of any of `sets` in `s` (Infinity if none). */
function nearest(s: string, index: number, sets: readonly RiskModel["m"][string][]): number {
  let best = Infinity;
  for (const set of sets) for (const x of set.matches(s)) best = Math.min(best, Math.abs(x.index - index));
  return best;
}

/** The clause carrying a match is told in the past: a past tense or a past time word of its own ("broke in two weeks ago"). */
function toldPast(s: string, index: number, length: number, past: RiskModel["m"][string]): boolean {
  const a = aspectAt(s, index, length);
  return a.aspect === "past" || a.aspect === "past_state" || nearestPast(s.slice(a.clause[0], a.clause[1]), 0, past) < Infinity;
}

/**
 * Distance to the nearest past-time cue. "Since" turns a past time into a duration
 * that runs to now ("missing since yesterday", "ar goll ers neithiwr"): not past.
 */
function nearestPast(s: string, index: number, past: RiskModel["m"][string]): number {
  let best = Infinity;
  for (const x of past.matches(s)) {
    if (/ (?:since|ers)$/.test(s.slice(0, x.index))) continue;
    best = Math.min(best, Math.abs(x.index - index));
  }
  return best;
}

/** The words that may stand between "I am a" and the writer's own age: a modifier, a word for the writer, "aged", "of". */
const OWN_AGE_WORDS = "only|just|nearly|almost|turning|now|young|little|girl|boy|lad|kid|teenager|teen|person|student|pupil|child|woman|man|mum|mam|dad|mother|father|carer|care|leaver|aged|of|year|yr";

/** A child's own age (5 to 17) or an adult's (18 or more), when the writer gives one. */

function ageGiven(all: string): "child" | "adult" | null {
  // An age belongs to the person it stands next to: between "I am a" and the number only the words of the writer's own
  // noun phrase ("a 14 year old", "a girl aged 14", "a mum of 32"), never another noun phrase ("I'm a social worker, a 12 year old told me").
  const re = new RegExp(` (?:i am|i m|dw in|dwi n|rwyn|rwy n) (?:(?:only|just|nearly|almost|turning|now) )?(?:an? (?:(?:${OWN_AGE_WORDS}) ){0,3})?(\\d{1,2})(?= )`, "g");
  let m: RegExpExecArray | null;
  let out: "child" | "adult" | null = null;
  // The writer's age told with their group's ("we're 13", text-speak "were 14", "me and my mate are 14"): they are that age too.
  // Only an age standing alone ("we're 13.", "were 14, in the park", "we are 12 and"), not a measure ("we're 9 floors up").
  const group = / (?:we are|we re|(?<! (?:we|they|you|who|there|if|as|when)) were|me and (?:[a-z]+ ){1,3}are) (\d{1,2})(?= (?:$|and|n|so|but|in|at|now|too|both|year|years|yrs|yo|on|with|an)\b| $)/g;
  for (const g of all.matchAll(group)) {
    const age = Number(g[1]);
    if (age >= 5 && age <= 17) return "child";
  }
  while ((m = re.exec(all)) !== null) {
    const after = all.slice(m.index + m[0].length, m.index + m[0].length + 14);
    if (/^ (?:minutes|mins|hours|hrs|miles|weeks|months|days|pounds|percent|times|people|kids|children|weeks pregnant)\b/.test(after)) continue;
    const age = Number(m[1]);
    if (age >= 5 && age <= 17) return "child";
    if (age >= 18) out = "adult";
  }
  return out;
}

/**
 * A danger told with the writer as its object ("is touching me", "hit my head", "kill
 * myself"): the first person in danger. Adults write about children; a message in which
 * the writer is the one being harmed, with nothing saying they are an adult, is read as
 * a child's own voice.
 */
function firstPersonVictim(found: readonly { text: string }[]): boolean {
  return found.some((f) => / (?:me|my|myself|i|im) /.test(` ${f.text} `));
}

/**
 * The words just before `index` are a possessive ("my", Welsh "fy", "his", "her", "their") and at most two words of the same noun
 * phrase ("my form", "my new head of", "his swimming"): the title names someone the writer or the child has, not the writer's
 * role. Not "I am her teacher", "as his social worker": there the possessive follows the writer's own "am" or "as".
 */
function namedAsSomeonesOwn(all: string, index: number): boolean {
  const before = wordsBefore(all, index, 4);
  const at = Math.max(...["my", "fy", "his", "her", "their"].map((p) => before.lastIndexOf(p)));
  if (at < 0 || (at > 0 && /^(?:am|as|m)$/.test(before[at - 1]!))) return false;
  return before.slice(at + 1).every((w) => !/^(?:and|i|im|am|is|was|a|an|the|as|to|at|with|for)$/.test(w));
}

/** The ways of being told that count for a practitioner only by who tells (cues.json speakers.about). */
const BEING_TOLD = new Set(["told me", "has told me", "just told me", "said to me"]);

/**
 * Being told ("told me") says nothing of which adult writes when the one telling is the writer's own ("my niece told me",
 * "my bro 19 told me"): anyone is told things by their own. A child named, an age, a pupil or a bare pronoun telling ("Kayden
 * told me at pick-up", "a 12 year old told me", "she told me she is scared to go home") is how a practitioner is told.
 */
function toldByNoOne(all: string, x: { index: number; text: string }): boolean {
  if (!BEING_TOLD.has(x.text)) return false;
  const last = wordsBefore(all, x.index, 1)[0];
  return last !== undefined && namedAsSomeonesOwn(all, x.index);
}

/** Who an age before them names when it is not the writer's own child: a sibling, a peer, a relative's child ("my 13 year old brother"). */
const NOT_ONES_CHILD = /^ (?:old )?(?:brother|brothers|sister|sisters|bro|sis|stepbrother|stepsister|half brother|half sister|cousin|cousins|friend|friends|mate|mates|boyfriend|girlfriend|bf|gf|niece|nephew|neighbour|classmate)(?= )/;

/** On a tie an adult is assumed: Childline is only for a writer who reads as a child. */
const TIE_ORDER: readonly Speaker[] = ["professional", "parent_carer", "bystander", "child"];

/** Who is writing: weighted cues (see cues.json > speakers). */
function speakerOf(all: string, facts: Set<Fact>, model: RiskModel, victim: boolean, roleOpens: boolean): Speaker {
  const m = model.m;
  const score: Record<string, number> = { professional: 0, parent_carer: 0, child: 0, bystander: 0 };
  // A practitioner's title the writer names with "my" ("my form tutor", "my social worker", "fy athro") is someone they have, not
  // who they are: a child names the adults around them that way. It is no cue that a practitioner writes ("my pupils" still is).
  // Likewise the child another names ("his swimming coach", "her counsellor"). An age before a sibling or a peer ("my 13 year old
  // brother") names them, not a child of the writer's: it is no cue that a parent writes.
  const own = (ms: { index: number; text: string }[]) => (sp: Speaker) =>
    (sp === "professional"
      ? ms.filter((x) => !(namedAsSomeonesOwn(all, x.index) && m.role_title!.matches(` ${x.text} `).some((r) => r.text === x.text)) && !toldByNoOne(all, x))
      : sp === "parent_carer"
        ? ms.filter((x) => !(/ (?:year|month|week) old$/.test(` ${x.text}`) && NOT_ONES_CHILD.test(all.slice(x.index + 1 + x.text.length))))
        : ms
    ).length;
  for (const sp of TIE_ORDER) {
    score[sp] = score[sp]! + 3 * own(m[`${sp}_decisive`]!.matches(all))(sp) + own(m[`${sp}_cues`]!.matches(all))(sp);
  }
  const age = ageGiven(all);
  if (age === "child") {
    score.child! += 6;
    facts.add("child_age");
  } else if (age === "adult") {
    score.child = -10;
    facts.add("adult_age");
  }
  if (facts.has("reported_speech")) score.child! -= 2;
  if (facts.has("first_person_harm")) score.child! += 3;
  if (victim && age !== "adult") score.child! += 2;
  // A child speaking about themselves says I, me or my: a message wholly in the third person is about a child, not from one.
  if (!/ (?:i|me|my|myself|im|we|us|our|mine|fy|fi|dw|dwi|rwy|rydw|ni|ein) /.test(all)) score.child = Math.min(score.child!, 0);
  // "Health visitor: …", "DSL here": a practitioner names their role before the case; "I'm a class teacher", "as DSL" anywhere
  // (every alias of the shared role table) when the decisive list has not already counted it.
  if (roleOpens || (score.professional! < 3 && m.role_statement_professional!.test(all))) score.professional! += 3;
  const best = TIE_ORDER.reduce((a, b) => (score[b]! > score[a]! ? b : a));
  if (score[best]! <= 0) {
    facts.add("speaker_guessed");
    // A writer passing on what someone told them ("she told me…, should I say something?") is an adult with a case, not an asker.
    const asks = facts.has("question") && !facts.has("reported_speech");
    return facts.has("procedure_question") || facts.has("procedure_terms") || facts.has("training") || asks ? "asker" : "bystander";
  }
  // A procedure question that only mentions "a pupil" or "a child" is an asker's, not a report.
  if ((facts.has("procedure_question") || facts.has("training")) && score[best]! < 3 && !facts.has("real_person")) return "asker";
  return best;
}
