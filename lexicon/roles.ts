import { readFileSync } from "node:fs";
import { AppError, shippedData } from "../core/errors.js";
import { fromRoot } from "../core/paths.js";
import { jurisdictionData } from "./jurisdiction.js";
import { PhraseIndex, type PhraseEntry, type PhraseMatch } from "./phrases.js";
import { RolesDataSchema, type AgencyCode, type AgencyEntry, type MinimumGroup, type RoleEntry, type RolesData, type Title } from "./schema.js";
import type { CaseMode, Word } from "./text.js";

/**
 * Roles and agencies as practitioners name them ("SW", "DC", "community paeds",
 * "CAIT", "Cardiff and Vale UHB"), read from lexicon/data/roles.json. Police forces,
 * health boards and hospitals from the jurisdiction table also name their agency.
 */

/** What a phrase of the alias table stands for. */
export type Term =
  | { kind: "role"; role: RoleEntry }
  | { kind: "agency"; agency: AgencyEntry }
  | { kind: "title"; title: Title; role: RoleEntry | null };

let data: RolesData | undefined;
let index: PhraseIndex<Term> | undefined;

/** The role and agency table, validated on first use. A data error is a bug here, so it is "internal". */
export function rolesData(): RolesData {
  if (data) return data;
  const raw: unknown = JSON.parse(readFileSync(fromRoot("lexicon", "data", "roles.json"), "utf8"));
  data = shippedData(RolesDataSchema, raw, "The role and agency table");
  return data;
}

/** One role by its id ("social_worker", "idva"). */
export function roleEntry(id: string): RoleEntry | undefined {
  return rolesData().roles.find((r) => r.id === id);
}

/** One agency by its code. */
export function agencyEntry(code: AgencyCode): AgencyEntry {
  const a = rolesData().agencies.find((x) => x.code === code);
  if (!a) throw new AppError("internal", `Unknown agency ${code}.`);
  return a;
}

const aliasText = (a: string | { text: string }) => (typeof a === "string" ? a : a.text);

// Kinds of jurisdiction cue that name an agency ("South Wales Police", "Betsi Cadwaladr UHB").
const CUE_AGENCY: Partial<Record<string, AgencyCode>> = { police_force: "police", health_board: "health", hospital: "health" };

/** The phrase index of every role, agency and title alias. */
export function peopleTerms(): PhraseIndex<Term> {
  if (index) return index;
  const d = rolesData();
  const entries: PhraseEntry<Term>[] = [];
  for (const role of d.roles) {
    for (const a of role.aliases) entries.push({ text: aliasText(a), exact: typeof a !== "string", value: { kind: "role", role } });
  }
  for (const agency of d.agencies) {
    for (const a of agency.aliases) entries.push({ text: aliasText(a), exact: typeof a !== "string", value: { kind: "agency", agency } });
  }
  for (const title of d.titles) {
    entries.push({ text: title.text, exact: title.case === "exact", value: { kind: "title", title, role: title.role ? (roleEntry(title.role) ?? null) : null } });
  }
  const j = jurisdictionData();
  for (const side of [j.wales, j.england]) {
    for (const [kind, cues] of Object.entries(side)) {
      const code = CUE_AGENCY[kind];
      if (!code || !cues) continue;
      const agency = agencyEntry(code);
      for (const cue of cues) {
        for (const text of [cue.text, cue.cy, ...(cue.aliases ?? []).map(aliasText)]) {
          if (text) entries.push({ text, value: { kind: "agency", agency } });
        }
      }
    }
  }
  index = new PhraseIndex(entries);
  return index;
}

/** What some words say about a person: the role and agency they name, and the title. */
export interface PersonTerms {
  role: RoleEntry | null;
  agency: AgencyEntry | null;
  title: Title | null;
  /** Every alias found, with where it stands. */
  matches: PhraseMatch<Term>[];
}

/**
 * The role, agency and title named in `text` ("DC Patel (CAIT)", "Health - Zoe Clarke (HV)").
 * Where two roles are named the lower rank wins (a DSL who is also head of year is recorded
 * as DSL); a person named only by agency gets the agency's usual role (police → police officer).
 * `mode` "list" accepts lower-case abbreviations, as people type in chat ("sw kim, dc patel").
 */
export function readPersonTerms(text: string, mode: CaseMode = "list", ws?: Word[]): PersonTerms {
  const matches = peopleTerms().matchAll(text, mode, ws);
  const roles: RoleEntry[] = [];
  const agencies: AgencyEntry[] = [];
  let title: Title | null = null;
  for (const m of matches) {
    // Several entries can share one phrase ("DS" the title and the role); each contributes.
    for (const v of m.values) {
      if (v.kind === "role") roles.push(v.role);
      else if (v.kind === "agency") agencies.push(v.agency);
      else {
        title ??= v.title;
        if (v.role) roles.push(v.role);
      }
    }
  }
  const role = [...roles].sort((a, b) => a.rank - b.rank)[0] ?? null;
  // An agency written down is kept ("Social worker, Barnardo's"), preferring one that agrees with the role.
  const agency = agencies.find((a) => a.code === role?.agency) ?? agencies[0] ?? (role ? agencyEntry(role.agency) : null);
  const fallback = !role && agency?.default_role ? (roleEntry(agency.default_role) ?? null) : null;
  return { role: role ?? fallback, agency, title, matches };
}

/** Every alias (lower case) of the roles and agencies in a minimum-attendee group. */
export function aliasesForGroup(group: MinimumGroup): string[] {
  const d = rolesData();
  const out = new Set<string>();
  for (const r of d.roles) if (r.group === group) for (const a of r.aliases) out.add(aliasText(a).toLowerCase());
  for (const a of d.agencies) if (a.group === group) for (const x of a.aliases) out.add(aliasText(x).toLowerCase());
  return [...out];
}

/** Whether a role, with the agency it was read with, counts for a minimum-attendee group. */
export function groupOf(role: RoleEntry | null, agency: AgencyEntry | null): MinimumGroup | null {
  return role?.group ?? (role ? null : (agency?.group ?? null));
}
