import type { Attendee, AttendeeCategory } from "./model.js";

/**
 * Attendee parsing: one line of "who took part" → people, with the role and agency
 * worked out from the abbreviations practitioners use (SW, HV, DC, DSL, YOT...).
 * Whether someone counts as involved is decided here, once: invitees, apologies and
 * "did not attend" never count towards the minimum attendees.
 */

interface RoleRule {
  pattern: RegExp;
  role: string | null;
  agency: string;
  category: AttendeeCategory;
}

// First match wins, so specific phrases ("school nurse", "MASH police") come before
// the general ones ("school", "MASH"). Upper-case abbreviations are matched case-sensitively
// so that ordinary words ("pc", "ds") are not mistaken for titles.
const ROLE_RULES: RoleRule[] = [
  { pattern: /\bschool nurse\b/i, role: "School nurse", agency: "Health", category: "health" },
  { pattern: /\bnamed (nurse|doctor|professional)\b/i, role: "Named safeguarding professional", agency: "Health", category: "health" },
  { pattern: /\bdesignated (nurse|doctor|professional)\b/i, role: "Designated safeguarding professional", agency: "Health", category: "health" },
  { pattern: /\bBTP\b|british transport police/i, role: "British Transport Police representative", agency: "British Transport Police", category: "police" },
  { pattern: /\b(DCI|DI|DS|DC|PC|PS|Sgt|Insp|PCSO)\b/, role: "Police officer", agency: "Police", category: "police" },
  { pattern: /\b(police|constable|sergeant|inspector|detective|PPU|CAIT|MASH police|public protection|CID|child abuse investigation)\b/i, role: "Police representative", agency: "Police", category: "police" },
  { pattern: /\b(YOT|YJS|youth (justice|offending)( team| service)?)\b/i, role: "Youth justice practitioner", agency: "Youth justice", category: "other" },
  { pattern: /\byouth worker\b/i, role: "Youth worker", agency: "Youth service", category: "other" },
  { pattern: /\bHV\b|health visit(or|ing)/i, role: "Health visitor", agency: "Health", category: "health" },
  { pattern: /\bGP\b|general practi(ce|tioner)/i, role: "GP", agency: "Health", category: "health" },
  { pattern: /\bpa?edi?(s|atric\w*|iatric\w*)?\b/i, role: "Paediatrician", agency: "Health", category: "health" },
  { pattern: /\b(midwife|midwifery|MW)\b/i, role: "Midwife", agency: "Health", category: "health" },
  { pattern: /\b(CAMHS|CPN|FNP|family nurse)\b/i, role: "Health practitioner", agency: "Health", category: "health" },
  { pattern: /\b(nurse|doctor|consultant|hospital|A&E|NHS|health|ICB|safeguarding nurse|Dr)\b/i, role: "Health practitioner", agency: "Health", category: "health" },
  { pattern: /\b(DSL|DDSL)\b|designated safeguarding lead/i, role: "Designated safeguarding lead", agency: "Education", category: "education" },
  { pattern: /\b(head ?teacher|teacher|SENCO|school|nursery|college|academy|education|EWO)\b/i, role: null, agency: "Education", category: "education" },
  { pattern: /\b(IDVA|domestic abuse|substance misuse|drug|alcohol|adult mental health|probation|housing|early help|family support)\b/i, role: null, agency: "Other agency", category: "other" },
  { pattern: /\b(SSW|SW|CSW|TM|ATM|CSC|MASH|LA|LADO)\b/, role: "Social worker", agency: "Children's social care", category: "social_work" },
  { pattern: /\b(social work(er)?|social care|children'?s services|local authority|team manager|practice manager|duty worker|IRO)\b/i, role: "Social worker", agency: "Children's social care", category: "social_work" },
];

// Words that mean the person did not take part. "Invited" alone is not involvement.
const NOT_ATTENDED =
  /\b(apolog(y|ies|ised)|sent apologies|did ?n[o']t (attend|join|dial)|not (attend|present|available|able)|unable to (attend|join)|unavailable|declined|absent|dna|no show|invited(?! and (attended|joined))|no (one|reply|response) from|tbc|to be confirmed|not confirmed|unknown|awaiting|expected)\b/i;
const ROLE_WORDS_FOR_NAME =
  /\b(SW|SSW|CSW|TM|HV|GP|DSL|DDSL|YOT|CSC|MASH|IDVA|LA|social worker|health visitor|paediatrician|paed|midwife|teacher|school nurse|named nurse|police|health|school|nursery)\b/gi;

/** Which category and which role/agency words a piece of text implies. */
export function classify(text: string): { role: string | null; agency: string | null; category: AttendeeCategory } {
  for (const rule of ROLE_RULES) {
    if (rule.pattern.test(text)) return { role: rule.role, agency: rule.agency, category: rule.category };
  }
  return { role: null, agency: null, category: "other" };
}

/** Whether an attendance phrase ("invited - did not attend", "apologies") means the person took part. */
export function attendedFrom(note: string | null | undefined): boolean {
  if (!note) return true;
  const t = note.trim().toLowerCase();
  if (/^(yes|y|true|attended|present|joined|in attendance|dialled in|by phone|virtual)$/.test(t)) return true;
  if (/^(no|n|false)$/.test(t)) return false;
  return !NOT_ATTENDED.test(t);
}

function clean(s: string): string {
  return s.replace(/\s+/g, " ").replace(/^[\s\-–—•*:,.]+|[\s\-–—•*:,.]+$/g, "").trim();
}

/** Split a list of people on commas, semicolons, "and", bullets and line breaks (not inside brackets). */
export function splitList(text: string): string[] {
  // A list written one person per line keeps commas inside the line ("Sarah Khan, social worker, CSC").
  const perLine = text.split(/\n|•/).filter((l) => l.trim().length > 0).length >= 2;
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(" || ch === "[") depth++;
    if ((ch === ")" || ch === "]") && depth > 0) depth--;
    if (depth === 0 && ((ch === "," && !perLine) || ch === ";" || ch === "\n" || ch === "•")) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts
    .flatMap((p) => p.split(/(?<!\b(?:[A-Z]|Dr|Mr|Mrs|Ms|Miss|DC|DS|PC|Sgt|St))\.\s+(?=[A-Z])/))
    .flatMap((p) => p.split(/\s+(?:and|&)\s+(?=[A-Z])/))
    .map(clean)
    .filter((p) => p.length > 0);
}

/**
 * One person from a fragment such as "Jo Smith SW (CSC)", "DC Patel (police) - apologies"
 * or "no police available". `defaultAttended` is false for an "Apologies:" list.
 */
export function parseAttendee(fragment: string, defaultAttended: boolean, defaultNote = "did not take part"): Attendee | null {
  // One person's entry is short; the cap keeps the bracket patterns cheap on hostile input.
  const raw = clean(fragment.slice(0, 300));
  if (!raw) return null;
  const bracket = [...raw.matchAll(/\(([^)]*)\)/g)].map((m) => (m[1] ?? "").trim());
  const outside = clean(raw.replace(/\([^)]*\)/g, " "));
  // Attendance words may sit in brackets or after a dash: "(apologies)", "- did not attend".
  const attendanceBits = [...bracket, ...(/[-–—:]\s*(.+)$/.exec(outside)?.slice(1) ?? [])].filter((b) => NOT_ATTENDED.test(b) || /\b(attended|present|joined)\b/i.test(b));
  const noOne = /^(no|nobody from|none from|no one from)\b/i.test(outside);
  let attended = defaultAttended;
  let note: string | null = defaultAttended ? null : defaultNote;
  if (noOne || NOT_ATTENDED.test(outside) || attendanceBits.some((b) => NOT_ATTENDED.test(b))) {
    attended = false;
    note = attendanceBits.find((b) => NOT_ATTENDED.test(b)) ?? (noOne ? "not involved" : (NOT_ATTENDED.exec(outside)?.[0] ?? note));
  }
  const agencyBits = bracket.filter((b) => !attendanceBits.includes(b));
  const cls = classify(`${outside} ${agencyBits.join(" ")}`);
  const nameText = clean(
    outside
      .replace(/[-–—:]\s*.+$/, (m) => (NOT_ATTENDED.test(m) || /\b(attended|present|joined)\b/i.test(m) ? "" : m))
      .replace(NOT_ATTENDED, " ")
      .replace(/^(no|nobody from|none from|no one from)\b/i, " ")
      .replace(ROLE_WORDS_FOR_NAME, " "),
  );
  // The name is the run of capitalised words at the start ("DS Kerr gave input by phone" → "DS Kerr");
  // words like "from" or "rep" left over are not names.
  const words: string[] = [];
  for (const w of nameText.split(/\s+/)) {
    if (!/^[A-Z][\w.'’-]*$/.test(w) || /^(Rep|Representative|Available|From|The|By|Via)$/.test(w)) break;
    words.push(w);
  }
  const name = words.length > 0 ? words.join(" ").replace(/[,.]+$/, "") : null;
  const agency = agencyBits.length > 0 && agencyBits.join(", ").length <= 80 ? agencyBits.join(", ") : cls.agency;
  return { name, role: cls.role, agency, attended, attendance_note: attended ? null : note, category: cls.category };
}

/** Everyone in a "Present:" / "Apologies:" list. */
export function parseAttendeeList(text: string, defaultAttended: boolean, defaultNote?: string): Attendee[] {
  const people: Attendee[] = [];
  for (const fragment of splitList(text)) {
    const a = parseAttendee(fragment, defaultAttended, defaultNote);
    if (!a) continue;
    const prev = people[people.length - 1];
    // "DS Murray (CAIT) - invited, did not attend": the words after the comma are about DS Murray.
    if (prev && a.name === null && a.role === null && a.agency === null && NOT_ATTENDED.test(fragment)) {
      prev.attended = false;
      prev.attendance_note = [prev.attendance_note, clean(fragment)].filter(Boolean).join(", ");
      continue;
    }
    // "Jo Smith, social worker": a role with no name belongs to the name before it.
    if (prev && a.name === null && prev.role === null && prev.agency === null && prev.category === "other") {
      Object.assign(prev, { role: a.role, agency: a.agency, category: a.category, attended: prev.attended && a.attended, attendance_note: prev.attendance_note ?? a.attendance_note });
      continue;
    }
    // "Dr Shah, named doctor": an unnamed role of the same group describes the person before it.
    if (prev && a.name === null && prev.name !== null && a.category === prev.category && a.attended === prev.attended) {
      prev.role = a.role ?? prev.role;
      continue;
    }
    people.push(a);
  }
  return people;
}
