/**
 * The shared lexicon: one alias table for roles and agencies, and one table of the
 * words that place a text in Wales or England. Knowledge, escalation, procedures and
 * records read people and places through here, so each alias exists once.
 */
export { fold, words, type Word, type CaseMode } from "./text.js";
export { PhraseIndex, type PhraseEntry, type PhraseMatch } from "./phrases.js";
export {
  rolesData,
  roleEntry,
  agencyEntry,
  peopleTerms,
  readPersonTerms,
  aliasesForGroup,
  groupOf,
  type Term,
  type PersonTerms,
} from "./roles.js";
export { jurisdictionData, jurisdictionCues, readJurisdiction, mentionsWales, type JurisdictionCue, type JurisdictionReading } from "./jurisdiction.js";
export {
  AGENCY_CODES,
  ROLE_CODES,
  AgencyCodeSchema,
  RoleCodeSchema,
  MinimumGroupSchema,
  type AgencyCode,
  type RoleCode,
  type MinimumGroup,
  type AgencyEntry,
  type RoleEntry,
  type Title,
  type CueKind,
} from "./schema.js";
