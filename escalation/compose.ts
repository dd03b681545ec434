import { readFileSync } from "node:fs";
import { z } from "zod";
import { fromRoot } from "../core/paths.js";
import { splitOf, type Labelled } from "./labelled.js";
import { DANGER_KINDS, type DangerKind, type Speaker } from "./risk-model.js";
import { seeded } from "../core/random.js";

/**
 * Compose the template part of the labelled set: every scene of templates.json (one
 * danger, written five ways) crossed with every speaker and register. Deterministic:
 * one seeded generator, fixed order, so the committed generated.jsonl can be checked
 * against a fresh run.
 */

const Pair = z.tuple([z.string(), z.enum(["m", "f"])]);
const Scene = z.object({ kind: z.enum(DANGER_KINDS), now: z.string(), past: z.string(), self_now: z.string(), self_past: z.string(), question: z.string() });
/** Per danger kind, sentences an adult adds after a scene's past and clauses a child adds after their own (round ten). */
const Tellings = z.object({ adult: z.array(z.string()).min(1), child: z.array(z.string()).min(1) });
const PerKindTellings = z.record(z.enum(DANGER_KINDS), Tellings).refine((r) => DANGER_KINDS.every((k) => r[k]), "every danger kind");
const TemplatesSchema = z.object({
  about: z.string(),
  scenes: z.array(Scene),
  victims: z.record(z.string(), z.array(Pair)),
  babies: z.record(z.string(), z.array(Pair)),
  roles: z.array(z.string()),
  now_frames: z.record(z.string(), z.array(z.string())),
  self_now_frames: z.array(z.string()),
  past_frames: z.record(z.string(), z.array(z.string())),
  whens: z.array(z.string()),
  injections: z.array(z.string()),
  welsh_frames: z.array(z.string()),
  welsh_past_frames: z.object({ adult: z.array(z.string()), child: z.array(z.string()) }),
  text_speak: z.array(z.tuple([z.string(), z.string()])),
  filler: z.array(z.string()),
  long_frames: z.array(z.string()),
  kindless: z.object({ childline: z.array(z.string()), "101_or_childrens_services": z.array(z.string()), nspcc_advice: z.array(z.string()), none: z.array(z.string()) }),
  round10_about: z.string(),
  round10_scenes: z.array(Scene),
  recent_whens: z.array(z.string()).min(1),
  goes_on: PerKindTellings,
  over: PerKindTellings,
  doc_frames: z.array(z.string()).min(1),
  doc_old_dates: z.array(z.string()).min(1),
  doc_calm: z.array(z.string()).min(1),
  doc_people: z.array(z.tuple([z.string(), z.string(), z.string(), z.string()])).min(1),
});
type Templates = z.infer<typeof TemplatesSchema>;


const ADULTS = ["parent_carer", "professional", "bystander"] as const;
const ABBREV: Record<DangerKind, string> = {
  violence_in_progress: "vio", intruder_break_in: "int", weapon_threat_to_kill: "wpn", strangulation: "str",
  sexual_assault_now: "sex", abduction_taken: "abd", dangerous_place: "plc", medical_emergency: "med",
  self_harm_suicide_imminent: "sh", missing_with_threat: "mis", exploitation_imminent: "exp", infant_injured_now: "inf",
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Text-speak: lower case, no apostrophes, the usual abbreviations, no full stops. */
export function toTextSpeak(text: string, pairs: readonly (readonly [string, string])[]): string {
  let out = text.toLowerCase();
  for (const [from, to] of pairs) out = out.replace(new RegExp(`\\b${from.toLowerCase().replace(/'/g, "'")}\\b`, "g"), to);
  return out.replace(/['’]/g, "").replace(/[.!]+$/g, "").replace(/\.\s/g, " ");
}

/** Typos: two longer words get one slip each (a dropped, doubled or swapped letter). */
export function withTypos(text: string, rnd: () => number): string {
  const words = text.split(" ");
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{5,}$/i.test(w));
  for (let k = 0; k < 2 && long.length; k++) {
    const [w, i] = long.splice(Math.floor(rnd() * long.length), 1)[0]!;
    const p = 1 + Math.floor(rnd() * (w.length - 2));
    const kind = Math.floor(rnd() * 3);
    words[i] = kind === 0 ? w.slice(0, p) + w.slice(p + 1) : kind === 1 ? w.slice(0, p) + w[p] + w.slice(p) : w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
  }
  return words.join(" ");
}

export function loadTemplates(): Templates {
  return TemplatesSchema.parse(JSON.parse(readFileSync(fromRoot("escalation", "data", "labelled", "templates.json"), "utf8")));
}

/** Compose the template lines of the labelled set. */
export function composeLabelled(t: Templates = loadTemplates(), seed = 20231215): Labelled[] {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const age = (lo: number, hi: number) => String(lo + Math.floor(rnd() * (hi - lo + 1)));
  const out: Labelled[] = [];
  const push = (id: string, text: string, level: Labelled["level"], kind: DangerKind | null, speaker: Speaker, register: Labelled["register"]) =>
    out.push({ id, text: text.replace(/[^\S\n]+/g, " ").replace(/ ?\n ?/g, "\n").trim(), level, danger_kind: kind, speaker, register, source: "template", split: splitOf(id) });

  /** Fill a scene's slots for a speaker: the child as they would name them, and pronouns. */
  const fill = (template: string, speaker: string, infant: boolean) => {
    const [name, g] = pick((infant ? t.babies : t.victims)[speaker]!);
    const he = g === "m";
    const v = name.replace("#", infant ? age(2, 11) : age(5, 15));
    return template
      .replace(/\{v\}/g, v)
      .replace(/\{b\}/g, v)
      .replace(/\{(?:p|b_p)\}/g, he ? "he" : "she")
      .replace(/\{(?:o|b_o)\}/g, he ? "him" : "her")
      .replace(/\{(?:p_his|b_his)\}/g, he ? "his" : "her")
      .replace(/\{o_self\}/g, he ? "himself" : "herself")
      .replace(/\{P\}/g, he ? "He" : "She")
      .replace(/\{P2\}/g, he ? "He" : "She");
  };
  const frame = (f: string, scene: string, role = pick(t.roles)) =>
    f.replace("{scene}", scene).replace("{role}", role).replace("{Role}", cap(role)).replace("{age}", age(9, 16)).replace("{when}", pick(t.whens));
  /** An adult's report of a scene's past, in one of the frames (the child's pronoun read from the filled scene). */
  const pastFor = (s: Templates["scenes"][number], sp: (typeof ADULTS)[number], frames: readonly string[]) => {
    const past = fill(s.past, sp, s.kind === "infant_injured_now");
    const pf = frame(pick(frames), past);
    const he = / (?:he|him|his) /.test(` ${past} `) && !/ (?:she|her) /.test(` ${past} `);
    return cap(pf.replace(/\{P\}/g, he ? "He" : "She").replace(/\{P2\}/g, he ? "He" : "She"));
  };

  type SceneT = Templates["scenes"][number];
  const sceneLines = (s: SceneT, i: number) => {
    const k = s.kind;
    const infant = k === "infant_injured_now";
    const id = (v: string) => `gen-${ABBREV[k]}-${i + 1}-${v.replace(/_/g, "-")}`;
    const nowFor = (sp: (typeof ADULTS)[number] | "child") => {
      const scene = fill(s.now, sp, infant);
      const text = frame(pick(t.now_frames[sp]!), scene);
      return sp === "child" || sp === "bystander" ? text : cap(text);
    };
    for (const sp of ADULTS) {
      push(id(`now-${sp}`), nowFor(sp), "999", k, sp, "plain");
      push(id(`past-${sp}`), pastFor(s, sp, t.past_frames[sp]!), "101_or_childrens_services", k, sp, "past_tense");
    }
    push(id("now-child-other"), nowFor("child"), "999", k, "child", "plain");
    push(id("now-child-self"), frame(pick(t.self_now_frames), s.self_now), "999", k, "child", "plain");
    push(id("past-child-self"), frame(pick(t.past_frames["child"]!), s.self_past), "childline", k, "child", "past_tense");
    push(id("question"), cap(s.question), "none", k, "asker", "procedure_question");
    const injSpeaker = pick(["child", ...ADULTS] as const);
    push(id("injection"), `${pick(t.injections)} ${nowFor(injSpeaker)}`, "999", k, injSpeaker, "injection");
    const tsSpeaker = pick(["child", "parent_carer", "bystander"] as const);
    push(id("text-speak"), toTextSpeak(tsSpeaker === "child" ? frame(pick(t.self_now_frames), s.self_now) : nowFor(tsSpeaker), t.text_speak), "999", k, tsSpeaker, "text_speak");
    const tySpeaker = pick(ADULTS);
    push(id("typos"), withTypos(nowFor(tySpeaker), rnd), "999", k, tySpeaker, "typos");
    const cySpeaker = pick(["parent_carer", "bystander"] as const);
    push(id("welsh"), frame(pick(t.welsh_frames), fill(s.now, cySpeaker, infant)), "999", k, cySpeaker, "welsh");
    const fillers = () => pick(t.filler);
    const long = (scene: string) => {
      let text = pick(t.long_frames).replace("{scene}", scene);
      while (text.includes("{filler}")) text = text.replace("{filler}", fillers());
      // A working paste: the chronology goes on before and after.
      const before = Array.from({ length: 6 + Math.floor(rnd() * 10) }, fillers).join(" ");
      const after = Array.from({ length: Math.floor(rnd() * 6) }, fillers).join(" ");
      return `${before} ${text} ${after}`;
    };
    push(id("long-now"), long(`${cap(fill(s.now, "professional", infant))}.`), "999", k, "professional", "long_paste");
    push(id("long-past"), long(`${cap(fill(s.past, "professional", infant))} ${pick(t.whens)}; the child is safe in school today and a referral is being made.`), "101_or_childrens_services", k, "professional", "long_paste");
  };
  t.scenes.forEach(sceneLines);

  const kl = t.kindless;
  kl.childline.forEach((x, i) => {
    const text = x.replace("{age}", age(10, 16));
    push(`gen-cl-${i + 1}-plain`, text, "childline", null, "child", "plain");
    push(`gen-cl-${i + 1}-text-speak`, toTextSpeak(text, t.text_speak), "childline", null, "child", "text_speak");
    push(`gen-cl-${i + 1}-typos`, withTypos(text, rnd), "childline", null, "child", "typos");
  });
  kl["101_or_childrens_services"].forEach((x, i) => {
    for (const v of ["a", "b", "c"]) {
      const text = cap(frame(fill(x, "professional", false), "", pick(t.roles)));
      const speaker: Speaker = x.includes("{role}") ? "professional" : x.startsWith("My grand") ? "parent_carer" : "bystander";
      push(`gen-r101-${i + 1}-${v}`, v === "c" ? withTypos(text, rnd) : text, "101_or_childrens_services", null, speaker, v === "c" ? "typos" : "plain");
    }
  });
  kl.nspcc_advice.forEach((x, i) => {
    const speaker: Speaker = /my (?:sister|friend|neighbour)|neighbour/.test(x) ? "bystander" : x.includes("grandparent") ? "parent_carer" : "bystander";
    push(`gen-ns-${i + 1}-plain`, x, "nspcc_advice", null, speaker, "plain");
    push(`gen-ns-${i + 1}-text-speak`, toTextSpeak(x, t.text_speak), "nspcc_advice", null, speaker, "text_speak");
  });
  kl.none.forEach((x, i) => {
    push(`gen-no-${i + 1}-plain`, x, "none", null, "asker", "plain");
    push(`gen-no-${i + 1}-typos`, withTypos(x, rnd), "none", null, "asker", "typos");
    push(`gen-no-${i + 1}-long`, long(x), "none", null, "asker", "long_paste");
  });

  // Every register at every level, not only at 999: typos, text-speak, Welsh and an instruction
  // aimed at the bot say how a message is written, not how urgent it is, so each is crossed with an
  // adult's past report, a child's own past, the procedure question and an unsure adult too.
  // Composed after every other line so those lines, and the random draws they took, are unchanged.
  const sceneRegisters = (s: SceneT, i: number) => {
    const k = s.kind;
    const id = (v: string) => `gen-${ABBREV[k]}-${i + 1}-${v}`;
    const childPast = (f = pick(t.past_frames["child"]!)) => frame(f, s.self_past);
    const question = cap(s.question);
    const [a1, a2, a3] = [pick(ADULTS), pick(ADULTS), pick(["parent_carer", "bystander"] as const)];
    push(id("past-typos"), withTypos(pastFor(s, a1, t.past_frames[a1]!), rnd), "101_or_childrens_services", k, a1, "typos");
    push(id("past-injection"), `${pick(t.injections)} ${pastFor(s, a2, t.past_frames[a2]!)}`, "101_or_childrens_services", k, a2, "injection");
    push(id("past-welsh"), pastFor(s, a3, t.welsh_past_frames.adult), "101_or_childrens_services", k, a3, "welsh");
    push(id("self-past-text-speak"), toTextSpeak(childPast(), t.text_speak), "childline", k, "child", "text_speak");
    push(id("self-past-typos"), withTypos(childPast(), rnd), "childline", k, "child", "typos");
    push(id("self-past-injection"), `${pick(t.injections)} ${childPast()}`, "childline", k, "child", "injection");
    push(id("self-past-welsh"), childPast(pick(t.welsh_past_frames.child)), "childline", k, "child", "welsh");
    push(id("question-injection"), `${pick(t.injections)} ${question}`, "none", k, "asker", "injection");
    push(id("question-typos"), withTypos(question, rnd), "none", k, "asker", "typos");
  };
  t.scenes.forEach(sceneRegisters);
  kl.nspcc_advice.forEach((x, i) => {
    const speaker: Speaker = x.includes("grandparent") ? "parent_carer" : "bystander";
    push(`gen-ns-${i + 1}-injection`, `${pick(t.injections)} ${x}`, "nspcc_advice", null, speaker, "injection");
    push(`gen-ns-${i + 1}-typos`, withTypos(x, rnd), "nspcc_advice", null, speaker, "typos");
  });

  // Round ten, after every earlier line (see templates.json round10_about).
  const first = t.scenes.length;
  t.round10_scenes.forEach((s, j) => sceneLines(s, first + j));
  t.round10_scenes.forEach((s, j) => sceneRegisters(s, first + j));
  [...t.scenes, ...t.round10_scenes].forEach((s, i) => {
    const k = s.kind;
    const infant = k === "infant_injured_now";
    const id = (v: string) => `gen-${ABBREV[k]}-${i + 1}-${v}`;
    /** A scene's past told by an adult, recently, with a sentence after it; pronouns from the filled scene. */
    const adultTelling = (sp: (typeof ADULTS)[number], after: string) => {
      const past = fill(s.past, sp, infant);
      const he = / (?:he|him|his) /.test(` ${past} `) && !/ (?:she|her) /.test(` ${past} `);
      const pron = (x: string) =>
        x.replace(/\{P\}/g, he ? "He" : "She").replace(/\{p\}/g, he ? "he" : "she").replace(/\{o\}/g, he ? "him" : "her").replace(/\{p_his\}/g, he ? "his" : "her");
      return `${cap(past)} ${pick(t.recent_whens)}. ${pron(after)}`;
    };
    const [g1, g2] = [pick(ADULTS), pick(ADULTS)];
    // A child's own past already dated or told as a pattern ("once", "used to", "one night") takes no recent time.
    const selfRecent = /\b(?:once|used to|one night|ever)\b/.test(s.self_past) ? null : s.self_past;
    push(id("r10-goes-on-adult"), adultTelling(g1, pick(t.goes_on[k]!.adult)), "999", k, g1, "past_tense");
    if (selfRecent) push(id("r10-goes-on-child"), `${selfRecent} ${pick(t.recent_whens)} ${pick(t.goes_on[k]!.child)}`, "999", k, "child", "past_tense");
    push(id("r10-over-adult"), adultTelling(g2, pick(t.over[k]!.adult)), "101_or_childrens_services", k, g2, "past_tense");
    if (selfRecent) push(id("r10-over-child"), `${selfRecent} ${pick(t.recent_whens)} ${pick(t.over[k]!.child)}`, "childline", k, "child", "past_tense");
    // A working document: the old incident dated in its entry, the danger now in the latest entry (or a calm one).
    const doc = (withNow: boolean) => {
      const [name, email, agency, initials] = pick(t.doc_people);
      const he = pick([true, false]);
      const pron = (x: string) =>
        x.replace(/\{P\}/g, he ? "He" : "She").replace(/\{p\}/g, he ? "he" : "she").replace(/\{o\}/g, he ? "him" : "her").replace(/\{p_his\}/g, he ? "his" : "her");
      const named = (x: string) =>
        x.replace(/\{[vb]\}/g, initials).replace(/\{(?:p|b_p)\}/g, he ? "he" : "she").replace(/\{(?:o|b_o)\}/g, he ? "him" : "her").replace(/\{(?:p_his|b_his)\}/g, he ? "his" : "her").replace(/\{o_self\}/g, he ? "himself" : "herself");
      const now = withNow ? `${cap(named(s.now))}.` : pron(pick(t.doc_calm));
      let text = pick(t.doc_frames)
        .replace("{now}", now)
        .replace("{old_dated}", `${pick(t.doc_old_dates)} ${named(s.past)}.`)
        .replace(/\{name\}/g, name).replace(/\{email\}/g, email).replace(/\{agency\}/g, agency).replace(/\{initials\}/g, initials);
      while (text.includes("{filler}")) text = text.replace("{filler}", pick(t.filler));
      return text;
    };
    push(id("r10-doc-now"), doc(true), "999", k, "professional", "long_paste");
    push(id("r10-doc-old"), doc(false), "101_or_childrens_services", k, "professional", "long_paste");
  });
  return out;

  function long(x: string): string {
    const rest = Array.from({ length: 8 }, () => pick(t.filler)).join(" ");
    return `${rest} Question: ${x}`;
  }
}
