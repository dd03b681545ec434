/**
 * The team's gold note sets rendered as chat transcripts: a strategy discussion held over a
 * Teams chat or call and pasted as the chat log. Each gold record is played out as the
 * conversation its attendees would have had (the chair opens with the child's reference and
 * says who is chairing, each person says who they are, decisions and actions follow, people
 * take on tasks in the first person) and written in one of the ways chat logs are pasted.
 * The gold record is the team's, adjusted only where the transcript itself says more or less:
 * the date where the style carries one (the first message's, or a day divider), the first message's time as the
 * meeting's (the discussion began when it was first written in), and the format (virtual).
 *
 * Styles walk how chats are copied: Teams desktop ("Name 10:02" then the message), "[10:02]
 * Name: message", "Name, 10:02 AM", meeting chat ("From Name to Everyone 10:02:"), Teams
 * meeting chat export with dates, WhatsApp ("26/11/2025, 10:02 - Name: message") and names
 * with their role and agency in brackets. Chance adds "(edited)", reactions, system lines
 * ("joined the meeting", "was added to the chat", "left the chat") and replies quoting an
 * earlier message. The words are the generator's own, not the reader's vocabulary.
 */
import { addDays } from "../deadlines/index.js";
import { readJurisdiction, rolesData } from "../lexicon/index.js";
import { fixedClock } from "../core/clock.js";
import { chance, pick, seeded, type Rng } from "../core/random.js";
import { parseNotes } from "../records/index.js";
import type { NoteCase } from "./eval-records.js";


export const CHAT_STYLES = ["teams_desktop", "bracket_time", "name_comma_ampm", "meeting_chat", "teams_export", "whatsapp", "role_suffix"] as const;
export type ChatStyle = (typeof CHAT_STYLES)[number];

type GoldAttendee = NoteCase["gold"]["attendees"][number];

/** The everyday short forms and words of a role, from the lexicon (its first, plainest aliases). */
function roleWords(id: string): string[] {
  const role = rolesData().roles.find((r) => r.id === id);
  const all = (role?.aliases ?? []).map((a) => (typeof a === "string" ? a : a.text)).filter((a) => !/['’/()]/.test(a) && a.length <= 25);
  // A person says their own role in the singular ("HV", not "HVs").
  const singular = all.filter((a) => !all.some((b) => b !== a && `${b}s`.toLowerCase() === a.toLowerCase()));
  return singular.slice(0, 4).length > 0 ? singular.slice(0, 4) : [id.replace(/_/g, " ")];
}

const AGENCY_WORDS: Record<string, string[]> = {
  social_care: ["CSC", "children's services", "social care"],
  police: ["police", "CAIT", "PPU"],
  health: ["health", "NHS"],
  education: ["school", "education"],
  youth_justice: ["YOT", "youth justice"],
  probation: ["probation"],
  voluntary: ["voluntary sector"],
  other: [""],
};

const VERBS = /^(see|visit|arrange|share|complete|request|refer|send|speak|talk|interview|update|check|make|contact|book|chase|do|undertake|carry|hold|convene|seize|download|inform|tell|write|liaise|review|attend|obtain|provide|lead|explore|notify|ask|call|ring|phone|email|e-mail|follow|discuss|agree|plan|set|start|conduct|search|begin|return|get|give|take|pass|forward|add|apply|consider|gather|collate|draft|run|put|identify|confirm|meet|offer|support|monitor|ensure|record|trace|locate|find|look|open|close|progress|escalate|report|feed|invite|organise|organize|screen|assess|examine|photograph|secure|safeguard|transfer|let|keep|stay|remain|walk|drive|bring|collect|prepare|submit|re-?visit|re-?interview|liase)\b/i;
const TITLES = /^(dr|dc|ds|di|pc|ps|sgt|mr|mrs|ms|miss)\.?\s+/i;

interface Message { sender: string | null; text: string; minute: number; system?: boolean }

/** The gold owner's sender, when the owner is someone who wrote in the chat. */
function senderFor(owner: string | null, senders: GoldAttendee[]): GoldAttendee | undefined {
  if (!owner) return undefined;
  const o = owner.toLowerCase().replace(TITLES, "");
  return senders.find((s) => {
    const n = (s.name ?? "").toLowerCase().replace(TITLES, "");
    return n === o || n.split(/\s+/).includes(o) || o.split(/\s+/).every((w) => n.split(/\s+/).includes(w));
  });
}

/** "17/03", or "17/03/2025" with its year: a date as chat messages type it. */
export function dm(iso: string, year: boolean): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}${year ? `/${iso.slice(0, 4)}` : ""}`;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function ampm(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  return `${h % 12 === 0 ? 12 : h % 12}:${String(minutes % 60).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}

const S47 = { yes: ["S47 agreed, threshold met", "agreed s47", "we're agreed this meets s47", "Decision: section 47 enquiries to start"], no: ["s47 not agreed - threshold not met, CIN assessment", "NFA s47"], undecided: ["s47 decision to be made by the TM tomorrow"] };
const CRIM = {
  police: ["Police will lead the criminal investigation", "crim investigation - police lead"],
  joint: ["joint investigation, police leading the criminal side", "jt investigation agreed, police lead crim"],
  yes: ["criminal investigation agreed"],
  no: ["no criminal investigation from police", "police NFA"],
  undecided: ["police to decide on a criminal investigation after scoping"],
};
const LEGAL = { yes: ["LPM to be requested", "we need a legal planning meeting"], no: ["no legal action at this stage"], undecided: ["legal planning to be reviewed at the next discussion"] };

/** One gold note played out as a chat and pasted in one style; null when nobody named took part (nobody to write). */
export function chatCase(c: NoteCase, style: ChatStyle, r: Rng, extra: { concerns?: string | null; share?: string | null; welfare?: string | null } = {}): NoteCase | null {
  // Chat programs show the directory's name, capitalised, whatever the notes wrote ("mr ward" is "Mr Ward").
  const cap = (n: string | null) => n && n.replace(/(^|[\s.'-])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
  const gold = { ...c.gold, attendees: c.gold.attendees.map((a) => ({ ...a, name: a.status === "took_part" ? cap(a.name) : a.name })) };
  const senders = gold.attendees.filter((a) => a.status === "took_part" && a.name);
  if (senders.length === 0) return null;
  const g = gold;
  const chair = (g.chair ? senders.find((s) => senderFor(g.chair, [s])) : undefined) ?? senders[0]!;
  const dated = ["teams_export", "whatsapp"].includes(style) || (style === "meeting_chat" && chance(r, 0.3));
  // Copied from a chat window, messages show only their time, under a day divider ("Wednesday 14 May 2025") when it was copied with them.
  const divider = !dated && g.meeting.date !== null && chance(r, 0.6);
  // A meeting chat saved with seconds on its times ("10:02:13 From ... to Everyone:") carries no date in its lines.
  const seconds = style === "meeting_chat" && dated;
  const date = dated && !seconds ? (g.meeting.date ?? c.today) : divider ? g.meeting.date : null;
  const start = g.meeting.time ? Number(g.meeting.time.slice(0, 2)) * 60 + Number(g.meeting.time.slice(3, 5)) : 9 * 60 + Math.floor(r() * 300);
  const fmt = (iso: string) => dm(iso, true);
  const msgs: Message[] = [];
  let minute = start;
  const say = (sender: GoldAttendee | null, text: string) => msgs.push({ sender: sender?.name ?? null, text, minute: (minute += chance(r, 0.5) ? 1 : 0) });
  const system = (text: string) => msgs.push({ sender: null, text, minute, system: true });
  const jur = readJurisdiction(c.notes).evidence.filter((e) => e.jurisdiction === g.jurisdiction).map((e) => e.words);

  if (style === "meeting_chat" || style === "teams_export") for (const s of senders) if (chance(r, 0.5)) system(`${s.name} joined the meeting`);
  if (style === "whatsapp" && chance(r, 0.4)) system(`${chair.name} added ${senders.filter((s) => s !== chair).map((s) => s.name).join(", ")}`);
  if (style === "teams_desktop" && chance(r, 0.4)) system(`${chair.name} added ${senders.filter((s) => s !== chair).map((s) => s.name).join(", ")} to the chat.`);
  const agencyOf = (a: GoldAttendee) => pick(r, AGENCY_WORDS[a.agency] ?? [""]);
  const roleOf = (a: GoldAttendee) => pick(r, roleWords(a.role));
  const suffix = new Map(senders.map((s) => [s.name, `${roleOf(s)}${jur.length && s.agency === "social_care" ? `, ${jur[0]}` : `, ${agencyOf(s)}`}`.replace(/, $/, "")]));

  // The chair opens: the child, the place, who chairs.
  const opening = [
    pick(r, ["Morning all,", "Hi all,", "Thanks for joining,", "Afternoon everyone -"]),
    pick(r, ["strategy discussion", "strat discussion", "this is the strategy discussion"]),
    g.child_ref ? pick(r, [`re child ref ${g.child_ref}`, `for ${g.child_ref}`, `ref ${g.child_ref}`]) : "",
    jur.length > 0 ? `(${jur.join(", ")})` : "",
  ].filter(Boolean).join(" ");
  const chairSays = g.chair ? pick(r, [". I'll chair.", ". I'm chairing today.", `. ${chair.name} chairing.`]) : ".";
  say(chair, `${opening}${chairSays}`);
  // Each says who they are (in brackets after the name in role_suffix style, mostly not said again).
  for (const s of senders) {
    const first = (s.name ?? "").replace(TITLES, "").split(/\s+/)[0];
    if (style === "role_suffix" && chance(r, 0.7)) {
      say(s, pick(r, ["Morning", "Hi all", "Here", "Joined"]));
      continue;
    }
    const role = roleOf(s);
    const agency = agencyOf(s);
    say(s, pick(r, [`${first} here, ${role}${agency ? ` ${agency}` : ""}`, `Hi, ${s.name}, ${role}${agency ? `, ${agency}` : ""}`, `${role} - ${s.name} here`]));
  }
  const other = g.attendees.filter((a) => !senders.includes(a));
  for (const a of other) {
    const who = `${a.name ? `${a.name} (${roleOf(a)})` : roleOf(a)}`;
    const said: Record<string, string[]> = {
      took_part: [`${who} is also on the call`, `${who} dialled in too`],
      apologies: [`Apologies from ${who}`, `${who} sends apologies`],
      invited_absent: [`${who} was invited but hasn't joined`, `${who} invited, did not attend`],
      sent_report: [`${who} has sent a report`, `${who} couldn't attend, sent a report`],
    };
    say(chair, pick(r, said[a.status] ?? said.took_part!));
  }
  if (g.recorded_by) say(chair, `Minutes taken by ${g.recorded_by}`);
  let quoted: string | null = null;
  if (extra.concerns) {
    say(chair, `Concerns: ${extra.concerns}`);
    quoted = extra.concerns;
  }
  const others = senders.filter((s) => s !== chair);
  const responder = others[0] ?? chair;
  if (quoted && chance(r, 0.4)) {
    const q = quoted.slice(0, 40);
    say(responder, style === "whatsapp" ? `> ${q}\nThat matches what we know` : `${chair.name}\n${q}…\nThat matches what we know`);
    // Teams pastes a quoted reply as the quoted sender and words above the reply.
    if (style !== "whatsapp") msgs[msgs.length - 1]!.text = `Replying to ${chair.name}: "${q}…"\nThat matches what we know`;
  }
  const d = g.decisions;
  const decisions: string[] = [];
  if (d.section47 in S47) decisions.push(pick(r, S47[d.section47 as keyof typeof S47]));
  const crimKey = d.criminal_investigation === "yes" ? (d.criminal_lead ?? "yes") : d.criminal_investigation;
  if (crimKey in CRIM) decisions.push(pick(r, CRIM[crimKey as keyof typeof CRIM]));
  if (d.legal_action in LEGAL && !g.must_flag.includes("decisions.legal_action")) decisions.push(pick(r, LEGAL[d.legal_action as keyof typeof LEGAL]));
  for (const text of decisions) say(chair, text);
  if (decisions.length > 0 && style !== "whatsapp" && chance(r, 0.5)) system(pick(r, ["👍 3", "2 Like reactions.", "Like 👍 4"]));
  if (extra.share) say(chair, `Sharing with family: ${extra.share}`);
  if (extra.welfare) say(chair, `Child's welfare: ${extra.welfare}`);
  for (const a of g.actions) {
    const due = a.due ? pick(r, [`by ${fmt(a.due)}`, `${fmt(a.due)}`, ...(date && a.due === addDays(date, 1) ? ["tomorrow"] : []), ...(date && a.due === date ? ["today"] : [])]) : "";
    const owner = senderFor(a.owner, senders);
    if (owner) {
      // A task written as a thing ("CP medical") is said with a verb in the first person ("I'll do the CP medical").
      const task = VERBS.test(a.what) ? a.what : `${pick(r, ["do the", "sort the", "arrange the"])} ${a.what}`;
      say(owner, pick(r, [`I'll ${task} ${due}`, `I will ${task} ${due}`, `I can ${task} ${due}`, `I'm happy to ${task} ${due}`]).trim());
      if (chance(r, 0.25)) msgs[msgs.length - 1]!.text += " (edited)";
    } else if (a.owner) say(chair, pick(r, [`${a.owner} to ${a.what} ${due}`, `Action: ${a.owner} - ${a.what} ${due}`]).trim());
    else say(chair, pick(r, [`Who can ${a.what}? Needs doing ${due}`, `Still need someone to ${a.what} ${due}`]).trim());
  }
  say(chair, pick(r, ["Thanks all", "Thanks everyone, I'll circulate", "Cheers all"]));
  if (style !== "whatsapp" && chance(r, 0.5)) system(`${pick(r, senders).name} left the chat.`);

  const days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const day = date ? new Date(`${date}T12:00:00Z`) : null;
  const dividerLine = divider && day ? pick(r, [`${days[day.getUTCDay()]} ${day.getUTCDate()} ${months[day.getUTCMonth()]} ${day.getUTCFullYear()}`, `${day.getUTCDate()} ${months[day.getUTCMonth()]} ${day.getUTCFullYear()}`, dm(date!, true)]) : null;
  const notes = `${dividerLine ? `${dividerLine}\n` : ""}${render(msgs, style, date, suffix, r, seconds)}`;
  const started = msgs.find((m) => !m.system);
  return {
    ...c,
    id: `${c.id}-${style}`,
    format: style,
    notes,
    gold: {
      ...g,
      // The discussion began when its first message was sent: the log states no other time for it.
      meeting: { date, time: started ? hhmm(started.minute) : null, format: "virtual" },
      must_flag: date ? g.must_flag.filter((f) => f !== "date") : [...new Set([...g.must_flag, "date"])],
      must_not_flag: date ? [...new Set([...g.must_not_flag, "date"])] : g.must_not_flag.filter((f) => f !== "date"),
    },
  };
}

function render(msgs: Message[], style: ChatStyle, date: string | null, suffix: Map<string | null, string>, r: Rng, seconds: boolean): string {
  const lines: string[] = [];
  const ymd = (m: Message) => `${date ? dm(date, true) : ""}`;
  for (const m of msgs) {
    const t = hhmm(m.minute);
    if (m.system) {
      lines.push(style === "whatsapp" ? `${ymd(m)}, ${t} - ${m.text}` : m.text);
      continue;
    }
    const name = style === "role_suffix" ? `${m.sender} (${suffix.get(m.sender)})` : (m.sender as string);
    switch (style) {
      case "teams_desktop":
        lines.push(`${name} ${t}`, m.text, "");
        break;
      case "bracket_time":
      case "role_suffix":
        lines.push(`[${t}] ${name}: ${m.text}`);
        break;
      case "name_comma_ampm":
        lines.push(`${name}, ${ampm(m.minute)}`, m.text);
        break;
      case "meeting_chat":
        lines.push(seconds ? `${t}:${String(Math.floor(r() * 10) + 10).padStart(2, "0")} From ${name} to Everyone:` : `From ${name} to Everyone ${t}:`, m.text);
        break;
      case "teams_export":
        lines.push(`[${ymd(m)} ${t}] ${name}`, m.text);
        break;
      case "whatsapp":
        lines.push(`${ymd(m)}, ${t} - ${name}: ${m.text}`);
        break;
    }
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

/** Every note of the given sets as a chat in every style (seeded by position), with its concerns and family and welfare decisions as the notes give them. */
export function chatCases(cases: NoteCase[], styles: readonly ChatStyle[] = CHAT_STYLES): NoteCase[] {
  const out: NoteCase[] = [];
  for (const [i, c] of cases.entries()) {
    const { record } = parseNotes(c.notes, fixedClock(`${c.today}T12:00:00Z`));
    const extra = {
      concerns: c.gold.must_flag.includes("concerns") ? null : record.concerns,
      share: c.gold.must_flag.includes("decisions.share_with_family") ? null : record.decisions.share_with_family,
      welfare: c.gold.must_flag.includes("decisions.child_welfare") ? null : record.decisions.child_welfare,
    };
    for (const [k, style] of styles.entries()) {
      const chat = chatCase(c, style, seeded(i * 100 + k + 1), extra);
      if (chat) out.push(chat);
    }
  }
  return out;
}
