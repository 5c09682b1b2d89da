import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sectionFeedbackSchema } from "../../src/llm/schemas.ts";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/fakeOpenAIServer.ts";
import { sectionInput, setup } from "./fixtures.ts";

let fake: FakeOpenAIServer;
beforeEach(async () => {
  fake = await startFakeOpenAIServer();
});
afterEach(async () => {
  await fake.close();
});

const good = {
  criteria: [
    {
      criterionKey: "bermanfaat",
      rating: 2,
      gap: 'Tertulis "cakupan naik" tanpa manfaat bagi warga.',
      nextStep: "Tambahkan waktu yang dihemat warga.",
    },
    {
      criterionKey: "efektif",
      rating: 3,
      gap: "Angka sebelum dan sesudah sudah ada.",
      nextStep: "Sebutkan sumber datanya.",
    },
  ],
  example: "Waktu pengurusan turun dari [angka sebelum] hari menjadi [angka sesudah] hari.",
  summary: "Tambahkan manfaat nyata bagi warga selain cakupan.",
};

describe("sectionFeedback", () => {
  it("returns one entry per expected criterion, in template order, and records token usage", async () => {
    const { coach, usage, warnings } = setup(fake);
    fake.enqueue({ kind: "json", body: good, usage: { prompt_tokens: 321, completion_tokens: 45 } });
    const fb = await coach.sectionFeedback(sectionInput());
    expect(fb).not.toBeNull();
    expect(fb!.criteria.map((c) => c.criterionKey)).toEqual(["efektif", "bermanfaat"]);
    expect(fb!.example).toBe(good.example);
    expect(usage.entries).toEqual([
      expect.objectContaining({
        contactId: "contact-1",
        competitionId: "comp-1",
        purpose: "section_feedback",
        model: "fake-model",
        promptId: "section-feedback.v1",
        promptTokens: 321,
        completionTokens: 45,
        outcome: "ok",
      }),
    ]);
    expect(warnings()).toEqual([]);

    const req = fake.requests[0]!;
    expect(req.headers.authorization).toBe("Bearer test-key");
    expect(req.body!.model).toBe("fake-model");
    const rf = req.body!.response_format!;
    expect(rf.type).toBe("json_schema");
    expect(rf.json_schema!.strict).toBe(true);
    expect(rf.json_schema!.name).toBe("section_feedback");
    expect(JSON.stringify(rf.json_schema!.schema)).toContain('"enum":["efektif","bermanfaat"]');
  });

  it("works with the fake's schema-derived answer (no body given)", async () => {
    const { coach } = setup(fake);
    const fb = await coach.sectionFeedback(sectionInput());
    expect(fb!.criteria.map((c) => c.criterionKey)).toEqual(["efektif", "bermanfaat"]);
  });

  it("uses the section itself as the only criterion when no criterion names it", async () => {
    const { coach } = setup(fake);
    const fb = await coach.sectionFeedback(sectionInput({ sectionKey: "ringkasan" }));
    expect(fb!.criteria.map((c) => c.criterionKey)).toEqual(["ringkasan"]);
    expect(fake.requests[0]!.body!.messages![0]!.content).toContain(
      "- ringkasan: Ringkasan (the section as a whole)",
    );
  });

  it("puts the rule findings, the locale's language and the section into the system prompt", async () => {
    const { coach } = setup(fake);
    await coach.sectionFeedback(
      sectionInput({ locale: "en", ruleFindings: [{ key: "before_after", present: false }] }),
    );
    const system = fake.requests[0]!.body!.messages![0]!.content;
    expect(system).toContain("- missing: Numbers before and after");
    expect(system).toContain("Write every text field in English");
    expect(system).toContain("Section: Significance (weight 60%");
    expect(system).not.toMatch(/\{\{|\}\}/);
  });

  it.each([
    [
      "malformed JSON",
      { kind: "content" as const, content: '{"criteria": [ {"criterionKey": "efektif",' },
      "invalid_json",
    ],
    [
      "prose instead of JSON",
      { kind: "content" as const, content: "Roses are red, proposals are blue." },
      "invalid_json",
    ],
    [
      "a missing criterion",
      { kind: "json" as const, body: { ...good, criteria: [good.criteria[0]] } },
      "schema_violation",
    ],
    [
      "a duplicated criterion",
      { kind: "json" as const, body: { ...good, criteria: [good.criteria[0], good.criteria[0]] } },
      "schema_violation",
    ],
    [
      "an unknown criterion key",
      {
        kind: "json" as const,
        body: { ...good, criteria: [good.criteria[0], { ...good.criteria[1], criterionKey: "lain" }] },
      },
      "schema_violation",
    ],
    [
      "a rating outside 1..3",
      {
        kind: "json" as const,
        body: { ...good, criteria: [good.criteria[0], { ...good.criteria[1], rating: 4 }] },
      },
      "schema_violation",
    ],
    ["an extra field", { kind: "json" as const, body: { ...good, officialScore: 100 } }, "schema_violation"],
    [
      "an example over 40 words",
      { kind: "json" as const, body: { ...good, example: "kata ".repeat(41) } },
      "schema_violation",
    ],
    [
      "a rewritten section as example",
      { kind: "json" as const, body: { ...good, example: "Kalimat satu.\nKalimat dua." } },
      "schema_violation",
    ],
    ["a truncated answer", { kind: "json" as const, body: good, finishReason: "length" }, "truncated"],
    ["a refusal", { kind: "refusal" as const, refusal: "I can't help with that." }, "refusal"],
  ])("returns null on %s, logs one warning and records the wasted tokens", async (_, reply, reason) => {
    const { coach, usage, warnings } = setup(fake);
    fake.enqueue(reply);
    await expect(coach.sectionFeedback(sectionInput())).resolves.toBeNull();
    expect(warnings()).toEqual([expect.objectContaining({ reason, purpose: "section_feedback" })]);
    expect(usage.entries).toEqual([expect.objectContaining({ outcome: reason })]);
    expect(fake.requests).toHaveLength(1);
  });

  it("returns null when the server answers with the wrong content type", async () => {
    const { coach, usage, warnings } = setup(fake);
    fake.enqueue({ kind: "wrongContentType" });
    await expect(coach.sectionFeedback(sectionInput())).resolves.toBeNull();
    expect(warnings()).toEqual([expect.objectContaining({ reason: "malformed_response" })]);
    expect(usage.entries).toEqual([]);
  });

  it("returns null without a request for an unknown section or an empty text", async () => {
    const { coach, warnings } = setup(fake);
    await expect(coach.sectionFeedback(sectionInput({ sectionKey: "nope" }))).resolves.toBeNull();
    await expect(coach.sectionFeedback(sectionInput({ text: "  \n" }))).resolves.toBeNull();
    expect(fake.requests).toHaveLength(0);
    expect(warnings().map((w) => w.reason)).toEqual(["unknown_section", "empty_input"]);
  });

  it("never logs the draft or the model's answer", async () => {
    const { coach, lines } = setup(fake);
    fake.enqueue({ kind: "content", content: "secret answer text" });
    await coach.sectionFeedback(sectionInput());
    const all = JSON.stringify(lines);
    expect(all).not.toContain("cakupan KTP-el");
    expect(all).not.toContain("secret answer text");
  });

  it("the schema accepts exactly the expected keys", () => {
    const schema = sectionFeedbackSchema(["efektif", "bermanfaat"]);
    expect(schema.safeParse(good).success).toBe(true);
    expect(schema.safeParse({ ...good, example: null }).success).toBe(true);
  });
});
