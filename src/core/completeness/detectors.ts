import type { DetectorSpec } from "../templates/sectionSchema.ts";
import { detectBeforeAfter } from "./detectBeforeAfter.ts";
import { detectBudget } from "./detectBudget.ts";
import { detectDates } from "./detectDates.ts";
import { detectEvaluation } from "./detectEvaluation.ts";
import { detectGoal } from "./detectGoal.ts";
import { detectKeywords } from "./detectKeywords.ts";
import { detectLegalBasis } from "./detectLegalBasis.ts";
import { detectNumbers } from "./detectNumbers.ts";
import type { DetectorResult } from "./detectorResult.ts";
import { detectProblem } from "./detectProblem.ts";
import { detectReplication, detectReplicationScale } from "./detectReplication.ts";
import { detectSchedule } from "./detectSchedule.ts";
import { detectStages } from "./detectStages.ts";
import { detectStakeholders } from "./detectStakeholders.ts";
import { detectUrgency } from "./detectUrgency.ts";
import { detectVideoLink } from "./detectVideoLink.ts";

export type { DetectorResult } from "./detectorResult.ts";

/** Runs one detector of a template's required element over a section's text. */
export function runDetector(spec: DetectorSpec, text: string): DetectorResult {
  switch (spec.kind) {
    case "numbers":
      return detectNumbers(text, spec.min);
    case "beforeAfter":
      return detectBeforeAfter(text);
    case "dates":
      return detectDates(text);
    case "legalBasis":
      return detectLegalBasis(text);
    case "budget":
      return detectBudget(text);
    case "stakeholders":
      return detectStakeholders(text);
    case "replication":
      return detectReplication(text);
    case "evaluation":
      return detectEvaluation(text, spec.external);
    case "videoLink":
      return detectVideoLink(text);
    case "stages":
      return detectStages(text);
    case "schedule":
      return detectSchedule(text);
    case "urgency":
      return detectUrgency(text);
    case "problem":
      return detectProblem(text);
    case "goal":
      return detectGoal(text);
    case "replicationScale":
      return detectReplicationScale(text);
    case "keywords":
      return detectKeywords(text, spec.any, spec.minMatches, spec.statedAsDone);
  }
}
