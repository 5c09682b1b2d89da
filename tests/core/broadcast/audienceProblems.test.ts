import { expect, it } from "vitest";
import { audienceProblems } from "../../../src/core/broadcast/audienceProblems.ts";
import { parseAudienceSpec } from "../../../src/core/broadcast/audienceSchema.ts";
import { loadTemplateFile } from "../../../src/core/templates/loadTemplates.ts";

const KIPP = loadTemplateFile("prompts/templates/kipp-2023-umum.json");

it("a stage, group or category the template does not have is a problem naming the valid keys", () => {
  expect(audienceProblems(parseAudienceSpec("stage:nope"), KIPP)).toEqual([
    `stage "nope" is not in this competition; valid: ${KIPP.stages.map((s) => s.key).join(", ")}`,
  ]);
  expect(audienceProblems(parseAudienceSpec(`stage:${KIPP.stages[0]!.key},region:Bali`), KIPP)).toEqual([]);
  expect(audienceProblems(parseAudienceSpec("group:zzz"), KIPP)[0]).toMatch(
    /^group "zzz" is not in this competition; valid: /,
  );
});
