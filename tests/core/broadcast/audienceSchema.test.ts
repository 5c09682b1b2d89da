import { describe, expect, it } from "vitest";
import {
  AudienceSpecError,
  audienceParts,
  formatAudienceSpec,
  parseAudienceSpec,
  readAudience,
} from "../../../src/core/broadcast/audienceSchema.ts";

describe("audience specs", () => {
  it("parses the CLI syntax, combinable with commas", () => {
    expect(parseAudienceSpec("all")).toEqual({ version: 1, filters: [] });
    const a = parseAudienceSpec(
      "stage:evaluasi_proposal, group:umum,region:Jawa Tengah,incomplete,channel:telegram",
    );
    expect(a.filters).toEqual([
      { kind: "stage", value: "evaluasi_proposal" },
      { kind: "group", value: "umum" },
      { kind: "region", value: "Jawa Tengah" },
      { kind: "incomplete" },
      { kind: "channel", value: "telegram" },
    ]);
    expect(formatAudienceSpec(a)).toBe(
      "stage:evaluasi_proposal,group:umum,region:Jawa Tengah,incomplete,channel:telegram",
    );
    expect(formatAudienceSpec(parseAudienceSpec("semua"))).toBe("all");
  });

  it("refuses what it does not know, naming the accepted syntax", () => {
    expect(() => parseAudienceSpec("kota:Solo")).toThrow(AudienceSpecError);
    expect(() => parseAudienceSpec("channel:sms")).toThrow(/channel:telegram\|whatsapp/);
    expect(() => parseAudienceSpec(" , ")).toThrow(/empty audience/);
  });

  it("groups filters: the same kind is an alternative, kinds combine", () => {
    const parts = audienceParts(parseAudienceSpec("stage:a,stage:b,category:x,stage:a"));
    expect(parts).toEqual({
      stages: ["a", "b"],
      groups: [],
      categories: ["x"],
      regions: [],
      channels: [],
      incomplete: false,
    });
  });

  it("reads stored audiences, refusing anything unreadable instead of widening it", () => {
    expect(readAudience({ version: 1, filters: [{ kind: "incomplete" }] })).toEqual({
      version: 1,
      filters: [{ kind: "incomplete" }],
    });
    expect(readAudience({ version: 2, filters: [] })).toBeUndefined();
    expect(readAudience({ version: 1, filters: [{ kind: "stage" }] })).toBeUndefined();
  });
});
