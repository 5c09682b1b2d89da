import { describe, expect, it } from "vitest";
import { checkProposal } from "../../../src/core/completeness/checkProposal.ts";
import { checkSection } from "../../../src/core/completeness/checkSection.ts";
import { draft, KIPP, kippSection, proposal } from "./kippFixtures.ts";

describe("throwaway answers a reviewer would reject", () => {
  it.each(["Belum ada.", "belum ada", "Tidak ada", "Nihil.", "Blm ada data"])(
    "%j is a throwaway and shows no ✅",
    (text) => {
      const check = checkSection(kippSection("ringkasan"), text);
      expect(check.throwaway?.reason).toBe("nothing_yet");
      expect(check.elements.every((e) => !e.present)).toBe(true);
      expect(check.mark).toBe("incomplete");
    },
  );

  it("a short answer that states a fact is concise, not throwaway", () => {
    const check = checkSection(kippSection("keberlanjutan"), "Ditetapkan dengan Perbup Nomor 45 Tahun 2022.");
    expect(check.throwaway).toBeUndefined();
    expect(check.elements.find((e) => e.key === "dasar_hukum")?.present).toBe(true);
  });

  it("flags the later copies of one pasted text, not the first section holding it", () => {
    const pasted = draft("kebaruan", "good");
    const texts = { ...proposal("good"), kebaruan: pasted, adaptabilitas: pasted, keberlanjutan: pasted };
    const check = checkProposal(KIPP, texts);
    const reason = (key: string) => check.sections.find((s) => s.sectionKey === key)?.throwaway;
    expect(reason("kebaruan")).toBeUndefined();
    expect(reason("adaptabilitas")).toMatchObject({
      reason: "duplicate_of_section",
      otherSection: "kebaruan",
    });
    expect(reason("keberlanjutan")).toMatchObject({
      reason: "duplicate_of_section",
      otherSection: "kebaruan",
    });
  });
});
