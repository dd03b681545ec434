import { z } from "zod";

/** Agency codes of a record's attendees (the notes gold schema's `agency`). */
export const AGENCY_CODES = ["social_care", "police", "health", "education", "youth_justice", "probation", "voluntary", "other"] as const;
export const AgencyCodeSchema = z.enum(AGENCY_CODES);
export type AgencyCode = z.infer<typeof AgencyCodeSchema>;

/** Role codes of a record's attendees (the notes gold schema's `role`). */
export const ROLE_CODES = [
  "social_worker", "team_manager", "police_officer", "detective", "paediatrician", "health_visitor", "school_nurse", "gp", "midwife", "nurse",
  "dsl", "teacher", "head_teacher", "senco", "youth_justice_worker", "iro", "lado", "probation_officer", "early_help_worker", "other",
] as const;
export const RoleCodeSchema = z.enum(ROLE_CODES);
export type RoleCode = z.infer<typeof RoleCodeSchema>;

/** The minimum-attendee groups of a strategy discussion (Working Together 2023). */
export const MinimumGroupSchema = z.enum(["social_work", "health", "police"]);
export type MinimumGroup = z.infer<typeof MinimumGroupSchema>;

const Alias = z.union([z.string().min(1), z.object({ text: z.string().min(1), case: z.literal("exact") })]);

export const AgencyEntrySchema = z.object({
  code: AgencyCodeSchema,
  label: z.string().min(1),
  group: MinimumGroupSchema.nullable(),
  /** The role of someone named only by their agency ("police" → a police officer), if there is one. */
  default_role: z.string().nullable(),
  aliases: z.array(Alias).min(1),
});
export type AgencyEntry = z.infer<typeof AgencyEntrySchema>;

export const RoleEntrySchema = z.object({
  id: z.string().min(1),
  code: RoleCodeSchema,
  label: z.string().min(1),
  agency: AgencyCodeSchema,
  group: MinimumGroupSchema.nullable(),
  /** Lower wins when one entry names two roles ("Head of Year / DSL"). */
  rank: z.number().int().min(1),
  aliases: z.array(Alias).min(1),
});
export type RoleEntry = z.infer<typeof RoleEntrySchema>;

/**
 * A title written before a name ("Dr", "DC", "Sister"). `case: "exact"` for a title that is also an everyday word in
 * lower case ("Sister" before a nurse's name, "sister" the child's); `note` says where the title comes from.
 */
export const TitleSchema = z.object({
  text: z.string().min(1),
  role: z.string().nullable(),
  case: z.literal("exact").optional(),
  note: z.string().min(1).optional(),
});
export type Title = z.infer<typeof TitleSchema>;

export const RolesDataSchema = z
  .object({
    agencies: z.array(AgencyEntrySchema).min(1),
    roles: z.array(RoleEntrySchema).min(1),
    titles: z.array(TitleSchema),
  })
  .superRefine((d, ctx) => {
    const ids = new Set(d.roles.map((r) => r.id));
    if (ids.size !== d.roles.length) ctx.addIssue({ code: "custom", message: "role ids must be unique" });
    for (const a of d.agencies) {
      if (a.default_role && !ids.has(a.default_role)) ctx.addIssue({ code: "custom", message: `agency ${a.code}: unknown default_role ${a.default_role}` });
    }
    for (const t of d.titles) {
      if (t.role && !ids.has(t.role)) ctx.addIssue({ code: "custom", message: `title ${t.text}: unknown role ${t.role}` });
    }
    const codes = new Set(d.agencies.map((a) => a.code));
    for (const code of AGENCY_CODES) if (!codes.has(code)) ctx.addIssue({ code: "custom", message: `agency ${code} has no entry` });
    for (const code of ROLE_CODES) {
      if (!d.roles.some((r) => r.code === code)) ctx.addIssue({ code: "custom", message: `role ${code} has no entry` });
    }
  });
export type RolesData = z.infer<typeof RolesDataSchema>;

export const CUE_KINDS = ["law", "council", "police_force", "health_board", "service", "hospital", "place", "language"] as const;
export const CueKindSchema = z.enum(CUE_KINDS);
export type CueKind = z.infer<typeof CueKindSchema>;

const CueAlias = z.union([z.string().min(1), z.object({ text: z.string().min(1), ambiguous: z.boolean() })]);
const Cue = z.object({
  text: z.string().min(1),
  /** The Welsh name, where it differs. */
  cy: z.string().min(1).optional(),
  aliases: z.array(CueAlias).optional(),
  /** A word that is also a surname or a place elsewhere: counts only beside another cue. */
  ambiguous: z.boolean().optional(),
});
const Cues = z.partialRecord(CueKindSchema, z.array(Cue));

export const JurisdictionDataSchema = z.object({
  weights: z.record(CueKindSchema, z.number().positive()),
  wales: Cues,
  england: Cues,
});
export type JurisdictionData = z.infer<typeof JurisdictionDataSchema>;
