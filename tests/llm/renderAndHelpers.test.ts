import { describe, expect, it } from "vitest";
import { feedbackTexts } from "../../src/core/i18n/feedbackTexts.ts";
import { createInMemoryAiUseLog } from "../../src/llm/aiUseLog.ts";
import { dayStart } from "../../src/llm/dayStart.ts";
import { renderSectionFeedback } from "../../src/llm/renderSectionFeedback.ts";
import type { SectionFeedback } from "../../src/llm/schemas.ts";
import { intentSchema, proposalReviewSchema, sectionFeedbackSchema } from "../../src/llm/schemas.ts";
import { createSemaphore } from "../../src/llm/semaphore.ts";
import { toStrictJsonSchema } from "../../src/llm/strictJsonSchema.ts";
import { sampleFromSchema } from "../fakes/fakeOpenAIServer.ts";
import { template } from "./fixtures.ts";

const feedback: SectionFeedback = {
  criteria: [
    { criterionKey: "efektif", rating: 3, gap: "Angka sudah ada.", nextStep: "Sebutkan sumber data." },
    {
      criterionKey: "bermanfaat",
      rating: 1,
      gap: 'Hanya "cakupan naik".',
      nextStep: "Tambahkan manfaat bagi warga.",
    },
  ],
  example: "Waktu tunggu turun dari [angka sebelum] menjadi [angka sesudah] menit.",
  summary: "Tambahkan manfaat bagi warga.",
};

describe("renderSectionFeedback", () => {
  it("renders Indonesian lines with criterion names, rating words and the AI label", () => {
    const lines = renderSectionFeedback(feedback, { locale: "id", template, sectionKey: "signifikansi" });
    expect(lines).toEqual([
      "Saran tambahan (AI)",
      "Tambahkan manfaat bagi warga.",
      "✅ Efektif: sudah kuat",
      "   Yang kurang: Angka sudah ada.",
      "   Langkah berikut: Sebutkan sumber data.",
      "⬜ Bermanfaat: belum terlihat",
      '   Yang kurang: Hanya "cakupan naik".',
      "   Langkah berikut: Tambahkan manfaat bagi warga.",
      `${feedbackTexts("id").example}: "${feedback.example}"`,
      feedbackTexts("id").adviceOnly,
    ]);
  });

  it("renders English, names a pseudo-criterion by its section and omits an absent example", () => {
    const lines = renderSectionFeedback(
      { criteria: [{ criterionKey: "ringkasan", rating: 2, gap: "g", nextStep: "n" }], summary: "s" },
      { locale: "en", template, sectionKey: "ringkasan" },
    );
    expect(lines[0]).toBe("Additional suggestions (AI)");
    expect(lines).toContain("⚠️ Summary: partly there");
    expect(lines.some((l) => l.startsWith(feedbackTexts("en").example))).toBe(false);
  });

  it("every text has Indonesian and English", () => {
    expect(Object.keys(feedbackTexts("en"))).toEqual(Object.keys(feedbackTexts("id")));
    for (const v of Object.values(feedbackTexts("en"))) expect(v).not.toBe("");
  });
});

describe("aiUseLog (in memory)", () => {
  it("records what was shown", async () => {
    const log = createInMemoryAiUseLog();
    const createdAt = new Date();
    await log.record({
      contactId: "c",
      kind: "section_feedback",
      sectionKey: "signifikansi",
      suggestion: "x",
      createdAt,
    });
    expect(log.entries).toEqual([
      { contactId: "c", kind: "section_feedback", sectionKey: "signifikansi", suggestion: "x", createdAt },
    ]);
  });
});

describe("dayStart", () => {
  it("is local midnight of the zone", () => {
    expect(dayStart(new Date("2025-05-01T16:59:59Z"), "Asia/Jakarta").toISOString()).toBe(
      "2025-04-30T17:00:00.000Z",
    );
    expect(dayStart(new Date("2025-05-01T17:00:00Z"), "Asia/Jakarta").toISOString()).toBe(
      "2025-05-01T17:00:00.000Z",
    );
    expect(dayStart(new Date("2025-05-01T23:30:00Z"), "UTC").toISOString()).toBe("2025-05-01T00:00:00.000Z");
    expect(dayStart(new Date("2025-05-01T15:30:00Z"), "Asia/Jayapura").toISOString()).toBe(
      "2025-05-01T15:00:00.000Z",
    );
  });
});

describe("semaphore", () => {
  it("queues beyond the limit and lets an aborted waiter leave the queue", async () => {
    const s = createSemaphore(1);
    const release = await s.acquire();
    const ctrl = new AbortController();
    const waiting = s.acquire(ctrl.signal);
    const next = s.acquire();
    expect(s.waiting).toBe(2);
    ctrl.abort(new Error("deadline"));
    await expect(waiting).rejects.toThrow("deadline");
    expect(s.waiting).toBe(1);
    release();
    const r2 = await next;
    expect(s.active).toBe(1);
    r2();
    r2(); // releasing twice is harmless
    expect(s.active).toBe(0);
  });
});

describe("strict JSON schemas", () => {
  it("are strict-mode compatible and the fake's samples validate against the zod schemas", () => {
    const keys = ["efektif", "bermanfaat"] as const;
    for (const schema of [sectionFeedbackSchema(keys), proposalReviewSchema, intentSchema]) {
      const json = toStrictJsonSchema(schema);
      expect(JSON.stringify(json)).not.toMatch(/"\$schema"|minLength|maxLength/);
      expect(schema.safeParse(sampleFromSchema(json)).success).toBe(true);
    }
  });
});
