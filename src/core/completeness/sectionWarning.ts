import type { Localized } from "../templates/baseSchemas.ts";

/** What a note about a section is about; stable names, used by `klinik check --jsonl`. */
export type WarningKind =
  | "length_guidance"
  | "official_limit"
  | "padding"
  | "language"
  | "abbreviation"
  | "acronym"
  | "vague_claim"
  | "consistency_problem_figure"
  | "consistency_goal_measured"
  | "consistency_start_year"
  | "consistency_summary_figure"
  | "consistency_pasted";

/** A note shown with a section's check. Only "official_limit" and "language" lower the mark. */
export interface SectionWarning {
  kind: WarningKind;
  text: Localized;
}
