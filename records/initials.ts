/**
 * People written by their initials ("Pres: AB, JC, DS PK", "Mr Q") where the notes spell the name out somewhere
 * else: beside them ("AB (Adele Burns TM)", "Mr Q (= Mr Quinton, DSL)"), on the chair's or minute taker's line
 * ("Ch Rhian Lewis TM; mins Bryn Davies SW"), or in the list itself. Shorthand and notes typed up from
 * handwriting name each person once and use initials after that, so the initials and the name are one person.
 * A set of initials that fits no name, or fits two, is left as written.
 */

const INITIALS = /^(?:(mr|mrs|ms|miss|mx|dr|ds|dc|pc|di|ps)\s+)?([A-Z]{1,3})$/i;

/** The letters a written name stands for when only initials are given: "AB" for "Adele Burns", "Q" for "Mr Quinton". */
function initialsOf(words: string[], titled: boolean): string[] {
  const first = words[0]?.charAt(0) ?? "";
  const last = words[words.length - 1]?.charAt(0) ?? "";
  const out = [`${first}${last}`.toUpperCase(), words.map((w) => w.charAt(0)).join("").toUpperCase()];
  if (titled || words.length === 1) out.push(last.toUpperCase());
  return [...new Set(out)];
}

/** Whether a name as read is initials only ("AB", "DS PK", "Mr Q"), with the letters and any title. */
export function asInitials(name: string | null): { letters: string; title: string | null } | null {
  if (!name) return null;
  const m = INITIALS.exec(name.trim());
  if (!m?.[2] || m[2] !== m[2].toUpperCase()) return null;
  // One letter is initials only with a title ("Mr Q"); two or three capitals on their own are initials ("AB").
  if (m[2].length === 1 && !m[1]) return null;
  return { letters: m[2].toUpperCase(), title: m[1] ?? null };
}

/**
 * The full name each set of initials stands for, among the names the notes spell out (`names`: the people read,
 * the chair, the minute taker, what stands in brackets beside the initials): a name whose initials match and that
 * no other name matches. A single letter ("Mr Q") matches a surname only.
 */
export function initialsTable(names: (string | null)[]): Map<string, string> {
  const table = new Map<string, string[]>();
  for (const name of names) {
    if (!name || asInitials(name)) continue;
    const words = name.trim().split(/\s+/).filter((w) => !TITLE.test(w));
    if (words.length === 0 || words.some((w) => !/^\p{Lu}/u.test(w))) continue;
    const titled = words.length < name.trim().split(/\s+/).length;
    if (words.length < 2 && !titled) continue;
    for (const k of initialsOf(words, titled)) {
      const key = k.length === 1 ? `${k}*` : k;
      const list = table.get(key) ?? [];
      // The same person written twice ("Kaye Wood", "Mrs Kaye Wood") is one candidate.
      const bare = words.join(" ").toLowerCase();
      if (!list.some((x) => x.toLowerCase().endsWith(bare) || bare.endsWith(stripTitle(x).toLowerCase()))) list.push(name.trim());
      table.set(key, list);
    }
  }
  const out = new Map<string, string>();
  for (const [k, list] of table) if (list.length === 1) out.set(k, list[0] as string);
  return out;
}

const TITLE = /^(mr|mrs|ms|miss|mx|dr|ds|dc|pc|di|ps)\.?$/i;
const stripTitle = (name: string) => name.trim().split(/\s+/).filter((w) => !TITLE.test(w)).join(" ");

/** What stands in brackets beside initials ("AB (Adele Burns TM)", "Mr Q (= Mr Quinton, DSL)"), for `initialsTable`. */
export function bracketed(source: string): string[] {
  return [...source.matchAll(/\(\s*=?\s*([^()]*)\)/g)].map((m) => m[1] ?? "").filter(Boolean);
}

/** The full name for initials as read ("AB" → "Adele Burns"), or null when none fits one person only. */
export function expandInitials(name: string | null, table: Map<string, string>): string | null {
  const i = asInitials(name);
  if (!i) return null;
  return table.get(i.letters.length === 1 ? `${i.letters}*` : i.letters) ?? null;
}

/**
 * The names a key to initials spells out ("Key: AN = Alys Norris, WH - Wyn Hartley", "JS: Jo Smith; Paul Reed (PR)"):
 * shorthand written at the meeting uses initials and the key is added when the notes are typed up. Each pair is read
 * only when the initials are the name's own, so a key can never make one person another.
 */
export function keyTable(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(/[,;\n]+/)) {
    const p = part.trim();
    const m = /^([A-Z]{2,3})\s*(?:[=:–—-]\s*|\s)((?:\p{Lu}[\p{L}'’-]*\s*){2,3})$/u.exec(p) ?? /^((?:\p{Lu}[\p{L}'’-]*\s*){2,3})\s*(?:\(\s*([A-Z]{2,3})\s*\)|[=:–—-]\s*([A-Z]{2,3}))$/u.exec(p);
    if (!m) continue;
    const [letters, name] = /^[A-Z]{2,3}$/.test(m[1] ?? "") && !(m[2] && /^[A-Z]{2,3}$/.test(m[2])) ? [m[1], m[2]] : [m[2] ?? m[3], m[1]];
    if (!letters || !name) continue;
    const words = name.trim().split(/\s+/);
    if (!initialsOf(words, false).includes(letters)) continue;
    out.set(letters, name.trim());
  }
  return out;
}
