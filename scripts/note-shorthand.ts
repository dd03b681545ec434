/**
 * A strategy discussion record written as practitioners scribble it: heavy shorthand, or notes typed up
 * afterwards from handwriting. Walked shape by shape across people, decisions and actions:
 *   people: initials with the role ("JB SW"), a role with a surname ("Dr E paeds"), role/name ("SW/JB"),
 *     the chair as "(ch)" or "chair", apologies as "apols" or "x", one a line or slashed together;
 *   decisions: ticks and crosses ("s47 ✓", "LPM x"), arrows ("s47 -> agreed", "crim => pol lead",
 *     "thresh met -> s47"), "NFA", "?" for undecided ("s47 ?TM");
 *   actions: owner after the task ("medical - Dr E - 17/3"), initials as owners ("JB: HV Weds"),
 *     arrows ("chron -> SW by Fri"), dates as "17/3", "Weds", "Thurs", "tmrw", "EOW".
 * `handwriting` adds what typing up a page does: one item a line, ticks kept, "[?]" for a word not
 * read, "w/" for with, and headings in capitals or underlined with dashes.
 * The gold is the record with names as written (initials are kept as the name, as the schema says).
 */
import { addDays, dayOfWeek } from "../deadlines/index.js";
import { rolesData } from "../lexicon/index.js";
import type { Gold, GoldAttendee } from "./note-writer.js";
import { chance, pick, type Rng } from "../core/random.js";


export const SCRIBBLE_WAYS = ["shorthand", "handwriting"] as const;
export type ScribbleWay = (typeof SCRIBBLE_WAYS)[number];

const SHORT_DAYS = [["Sun"], ["Mon"], ["Tues", "Tue"], ["Weds", "Wed"], ["Thurs", "Thu"], ["Fri"], ["Sat"]];

function shortRole(r: Rng, code: string): string {
  const roles = rolesData().roles.filter((x) => x.code === code);
  const all = roles.flatMap((x) => x.aliases.map((a) => (typeof a === "string" ? a : a.text)));
  const short = all.filter((a) => /^[A-Za-z]{2,6}$/.test(a) && a.length <= 6);
  return short.length ? pick(r, short.slice(0, 3)) : (all[0] ?? code);
}

/** A name as scribbled: initials, a title and initial ("Dr E"), or a surname; the gold keeps this. */
function scribbleName(r: Rng, name: string): string {
  const parts = name.replace(/[.,()]/g, " ").split(/\s+/).filter(Boolean);
  const titled = /^(dr|dc|ds|pc|di|sgt)$/i.test(parts[0] ?? "");
  const rest = titled ? parts.slice(1) : parts.filter((p) => !/^(mr|mrs|ms|miss)$/i.test(p));
  if (rest.length < 2) return name;
  const initials = rest.map((p) => p[0]?.toUpperCase()).join("");
  if (titled) return pick(r, [`${parts[0]} ${rest[rest.length - 1]}`, name]);
  return pick(r, [initials, initials, name, rest[0] as string]);
}

function dm(iso: string, r: Rng): string {
  const d = Number(iso.slice(8, 10));
  const m = Number(iso.slice(5, 7));
  // A dotted day and month is written with its year: "3.2" alone reads as a time as easily as a date.
  return pick(r, [`${d}/${m}`, `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}`, `${d}.${m}.${iso.slice(2, 4)}`]);
}

function dueShort(r: Rng, due: string, meeting: string | null): string {
  if (meeting && due >= meeting) {
    const gap = Math.round((Date.parse(due) - Date.parse(meeting)) / 86_400_000);
    const dow = dayOfWeek(due);
    const opts: string[] = [];
    if (gap === 0) opts.push("today", "EOD");
    if (gap === 1) opts.push("tmrw");
    if (gap >= 1 && gap < 7 && dow > dayOfWeek(meeting) && dow <= 5) opts.push(pick(r, SHORT_DAYS[dow] as string[]), `by ${pick(r, SHORT_DAYS[dow] as string[])}`);
    if (dow === 5 && gap >= 1 && gap < 7) opts.push("EOW");
    if (opts.length && chance(r, 0.6)) return pick(r, opts);
  }
  return pick(r, [dm(due, r), `by ${dm(due, r)}`]);
}

function s47Text(r: Rng, v: string): string {
  if (v === "yes") return pick(r, ["s47 ✓", "s47 -> agreed", "thresh met -> s47", "S47 => yes", "s.47 ✔"]);
  if (v === "no") return pick(r, ["s47 x", "no s47 -> CIN", "s47 - NFA", "thresh not met, no s47"]);
  return pick(r, ["s47 ? - TM to decide", "s47 tbc (TM)"]);
}
function crimText(r: Rng, g: Gold): string {
  const d = g.decisions;
  if (d.criminal_investigation === "yes") return d.criminal_lead === "joint" ? pick(r, ["jt inv ✓", "joint inv -> pol lead crim"]) : pick(r, ["crim inv ✓ pol lead", "crim => police lead", "pol to investigate ✓"]);
  if (d.criminal_investigation === "no") return pick(r, ["crim inv x", "pol NFA", "no crim inv"]);
  return pick(r, ["crim inv ? - pol to decide", "crim tbc"]);
}
function legalText(r: Rng, v: string): string {
  if (v === "yes") return pick(r, ["LPM ✓", "-> LPM", "LPM req"]);
  if (v === "no") return pick(r, ["LPM x", "no LPM", "legal x"]);
  return "";
}

/** A gold record scribbled one way; returns the notes and the gold with names as written. */
export function scribbleRecord(r: Rng, g: Gold, way: ScribbleWay): { notes: string; gold: Gold } {
  const written = new Map<string, string>();
  const nameOf = (n: string) => {
    if (!written.has(n)) written.set(n, scribbleName(r, n));
    return written.get(n) as string;
  };
  const person = (a: GoldAttendee) => {
    const role = shortRole(r, a.role);
    if (!a.name) return role;
    const n = nameOf(a.name);
    if (/^(DC|DS|PC|DI)\b/i.test(n)) return n;
    return pick(r, [`${n} ${role}`, `${n} (${role})`, `${role}/${n}`, `${n} - ${role}`]);
  };
  const chairOf = (a: GoldAttendee) => g.chair !== null && a.name !== null && a.name.toLowerCase().includes(g.chair.toLowerCase().split(" ").pop() ?? "\u0000");
  const listed = (a: GoldAttendee) => `${person(a)}${chairOf(a) ? pick(r, [" (ch)", " (chair)", " - chair"]) : ""}`;
  const took = g.attendees.filter((a) => a.status === "took_part");
  const away = g.attendees.filter((a) => a.status !== "took_part");
  const statusWord = (s: string) => (s === "apologies" ? pick(r, ["apols", "apols", "x"]) : s === "invited_absent" ? pick(r, ["DNA", "not present", "no show"]) : pick(r, ["report rec'd", "sent rpt", "report only"]));
  const head = way === "handwriting" ? (h: string) => pick(r, [`${h.toUpperCase()}`, `${h}\n${"-".repeat(h.length)}`, `${h}:`]) : (h: string) => `${h}:`;
  const sep = way === "handwriting" ? "\n" : pick(r, ["; ", ", ", " / "]);
  const meet = [g.meeting.date ? dm(g.meeting.date, r) : "", g.meeting.time ? pick(r, [g.meeting.time.replace(":", ""), g.meeting.time, g.meeting.time.replace(":", ".")]) : "", g.meeting.format ? pick(r, { virtual: ["MST", "Teams", "virt"], phone: ["tel", "phone"], meeting: ["F2F", "in person"] }[g.meeting.format] ?? [""]) : ""].filter(Boolean).join(" ");
  const lines: string[] = [];
  lines.push(`${pick(r, ["SD", "Strat", "Strat disc", "Strategy"])} ${meet}${g.child_ref ? ` ${pick(r, ["ref", "Ref:", "#"])} ${g.child_ref}` : ""}${g.jurisdiction === "wales" ? ` ${pick(r, ["Cardiff", "Swansea", "SWP", "Gwent"])}` : ""}`.trim());
  if (took.length) lines.push(`${head(pick(r, ["Pres", "Present", "Attendees"]))}${way === "handwriting" ? "\n" : " "}${took.map(listed).join(sep)}`);
  if (g.chair && !g.attendees.some(chairOf)) lines.push(`${pick(r, ["Chair", "Ch"])}: ${nameOf(g.chair)}`);
  if (away.length) lines.push(`${head(pick(r, ["Apols", "Apologies", "Not present"]))}${way === "handwriting" ? "\n" : " "}${away.map((a) => `${person(a)} - ${statusWord(a.status)}`).join(sep)}`);
  if (!g.must_flag.includes("concerns")) lines.push(`${head(pick(r, ["Conc", "Concerns", "Info"]))} ${pick(r, ["6yo bruise L cheek, said dad hit her", "4mo baby bruise to ear, no expl", "10yo disc - mum's bf touched her", "2yo found alone in street 6am", "14yo missing o/n, found w/ older males"])}`);
  const dec = [s47Text(r, g.decisions.section47), crimText(r, g), legalText(r, g.decisions.legal_action)];
  if (g.must_flag.includes("decisions.section47")) dec[0] = s47Text(r, "undecided");
  if (!g.must_flag.includes("decisions.share_with_family")) dec.push(pick(r, ["mum to be told today", "parents informed by SW", "dad NOT to be told until pol spoken to him"]));
  if (!g.must_flag.includes("decisions.child_welfare")) dec.push(pick(r, ["child safe w/ gran tonight", "seen at school today - safe", "baby in hosp - safe"]));
  lines.push(`${head(pick(r, ["Dec", "Decisions", "Outcome"]))}${way === "handwriting" ? "\n" : " "}${dec.filter(Boolean).join(way === "handwriting" ? "\n" : pick(r, [". ", "; "]))}`);
  const acts = g.actions.map((a) => {
    const what = way === "handwriting" ? a.what.toLowerCase() : a.what;
    const due = a.due ? dueShort(r, a.due, g.meeting.date) : "";
    if (!a.owner) return { text: `${what}${due ? ` - ${due}` : ""}${pick(r, ["", " (owner tbc)", " - ?who"])}`, owner: null };
    const owner = nameOf(a.owner);
    const shapes = [`${what} - ${owner}${due ? ` - ${due}` : ""}`, `${owner}: ${what}${due ? ` ${due}` : ""}`, `${what} -> ${owner}${due ? ` ${due}` : ""}`, `${owner} - ${what}${due ? ` - ${due}` : ""}`, `${what} (${owner})${due ? ` ${due}` : ""}`];
    return { text: pick(r, shapes), owner };
  });
  if (acts.length) lines.push(`${head(pick(r, ["Acts", "Actions", "To do"]))}${"\n"}${acts.map((a) => `${way === "handwriting" ? pick(r, ["", "- ", "* "]) : pick(r, ["- ", "", "• "])}${a.text}`).join("\n")}`);
  if (g.recorded_by) lines.push(`mins: ${nameOf(g.recorded_by)}`);
  const gold: Gold = {
    ...g,
    chair: g.chair ? nameOf(g.chair) : null,
    recorded_by: g.recorded_by ? nameOf(g.recorded_by) : null,
    attendees: g.attendees.map((a) => ({ ...a, name: a.name ? nameOf(a.name) : null })),
    actions: g.actions.map((a, i) => ({ ...a, owner: acts[i]?.owner ?? null })),
  };
  void addDays;
  return { notes: lines.join(way === "handwriting" ? "\n\n" : "\n"), gold };
}
