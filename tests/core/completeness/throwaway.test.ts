import { describe, expect, it } from "vitest";
import { checkSection } from "../../../src/core/completeness/checkSection.ts";
import { draft, kippSection, proposal, throwawayFixture } from "./kippFixtures.ts";

describe("throwaway answers (jawaban asal)", () => {
  const sig = kippSection("signifikansi");

  it.each([
    ["repeated-words", "repeated_chars"],
    ["keyboard-mash", "repeated_chars"],
    ["lorem-ipsum", "lorem_ipsum"],
    ["too-short", "too_short"],
    ["signifikansi.question-copied", "question_copied"],
  ])("flags the %s fixture as %s, scores it 0 and gives a tip", (name, reason) => {
    const check = checkSection(sig, throwawayFixture(name));
    expect(check.throwaway?.reason).toBe(reason);
    expect(check.mark).toBe("incomplete");
    expect(check.fulfilment).toBe(0);
    expect(check.throwaway?.tip.id).toMatch(/asal|contoh/);
    expect(check.throwaway?.tip.en.length).toBeGreaterThan(20);
  });

  it("flags a section pasted from another one and names that section", () => {
    const texts = { ...proposal("good"), kebaruan: draft("latar_belakang", "good") };
    const check = checkSection(kippSection("kebaruan"), texts.kebaruan, texts);
    expect(check.throwaway).toMatchObject({ reason: "duplicate_of_section", otherSection: "latar_belakang" });
    expect(check.fulfilment).toBe(0);
  });

  it("flags a short section copied out of a longer one, but not the longer one that quotes it", () => {
    const copied = draft("signifikansi", "good").split("\n\n")[0]!;
    const texts = { ...proposal("good"), ringkasan: copied };
    expect(checkSection(kippSection("ringkasan"), copied, texts).throwaway?.otherSection).toBe(
      "signifikansi",
    );
    expect(checkSection(sig, draft("signifikansi", "good"), texts).throwaway).toBeUndefined();
  });

  it("does not flag a real answer that starts by repeating the question", () => {
    const text = `${throwawayFixture("signifikansi.question-copied")}\n${draft("signifikansi", "good")}`;
    expect(checkSection(sig, text).throwaway).toBeUndefined();
  });

  it("does not flag long numbers, links or related sections sharing a few phrases", () => {
    const text = `${draft("sumber_daya", "good")} Rincian: Rp 100000 untuk blangko. Video: https://www.youtube.com/watch?v=aaaa1`;
    expect(checkSection(kippSection("sumber_daya"), text, proposal("good")).throwaway).toBeUndefined();
  });

  it("takes a one-line answer for an honest weak answer, not a throwaway, and a short summary sentence as short guidance", () => {
    const weak = checkSection(sig, "Dampaknya sangat besar bagi masyarakat luas.");
    expect(weak.throwaway).toBeUndefined();
    expect(weak.elements.every((e) => !e.present)).toBe(true);
    expect(weak.mark).toBe("incomplete");
    const summary = checkSection(
      kippSection("ringkasan"),
      "Cakupan KTP-el lansia naik dari 61% menjadi 93% sejak 2021 berkat layanan jemput bola.",
    );
    expect(summary.throwaway).toBeUndefined();
    expect(summary.wordStatus).toBe("short");
  });
});
