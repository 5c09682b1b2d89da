import { describe, expect, it } from "vitest";
import { detectUrgency } from "../../../src/core/completeness/detectUrgency.ts";

describe("detectUrgency: a consequence with a horizon", () => {
  it.each([
    "Pada 2026 diperkirakan 900 kasus baru bila tidak ditangani.",
    "Jika dibiarkan, dalam 3 tahun angka stunting akan meningkat menjadi 30%.",
    "Tanpa inovasi, dalam 1–2 tahun ribuan lansia terancam kehilangan bantuan sosial.",
    "Bila tidak ditangani, antrean akan mencapai 500 pemohon per hari dalam dua tahun ke depan.",
  ])("counts %j", (text) => {
    expect(detectUrgency(text).present).toBe(true);
  });

  it("does not take the unit's intention for urgency", () => {
    expect(detectUrgency("Kami akan terus berupaya meningkatkan pelayanan.").present).toBe(false);
  });

  it("asks for the horizon when a consequence has none", () => {
    const r = detectUrgency("Jika dibiarkan, angka stunting akan terus meningkat.");
    expect(r).toMatchObject({ present: false, rejected: { reason: "no_horizon" } });
  });
});
