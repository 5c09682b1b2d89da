import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/fakeOpenAIServer.ts";
import { draft, setup, template } from "./fixtures.ts";

let fake: FakeOpenAIServer;
beforeEach(async () => {
  fake = await startFakeOpenAIServer();
});
afterEach(async () => {
  await fake.close();
});

describe("classifyIntent", () => {
  it("returns the parsed intent and records usage without a competition", async () => {
    const { coach, usage } = setup(fake);
    fake.enqueue({ kind: "json", body: { intent: "status", confidence: 0.92 } });
    const intent = await coach.classifyIntent({
      locale: "id",
      text: "status proposal kami gimana?",
      contactId: "c1",
    });
    expect(intent).toEqual({ intent: "status", confidence: 0.92 });
    expect(usage.entries).toEqual([
      expect.objectContaining({ purpose: "intent", competitionId: null, promptId: "intent.v1" }),
    ]);
    const body = fake.requests[0]!.body!;
    expect(body.response_format!.json_schema!.name).toBe("intent");
    expect(body.messages![1]!.content).toContain("status proposal kami gimana?");
  });

  it.each([
    [{ intent: "poem", confidence: 0.5 }],
    [{ intent: "status", confidence: 1.5 }],
    [{ intent: "status" }],
  ])("returns null for %j", async (body) => {
    const { coach, warnings } = setup(fake);
    fake.enqueue({ kind: "json", body });
    await expect(coach.classifyIntent({ locale: "en", text: "hi", contactId: "c1" })).resolves.toBeNull();
    expect(warnings()).toEqual([expect.objectContaining({ reason: "schema_violation", purpose: "intent" })]);
  });
});

describe("proposalReview", () => {
  const texts = { ringkasan: draft, signifikansi: `${draft} Waktu tunggu turun.`, unknown_key: "ignored" };

  it("sends each filled section as its own delimited block and returns the review", async () => {
    const { coach, usage } = setup(fake);
    const review = await coach.proposalReview({
      locale: "en",
      template,
      texts,
      contactId: "c1",
      competitionId: "k1",
    });
    expect(review).toEqual({
      consistency: { problemStrategyResult: expect.any(Number), comment: expect.any(String) },
      ringkasanMatchesBody: true,
      comment: expect.any(String),
      topSuggestions: [expect.any(String)],
    });
    const [system, user] = fake.requests[0]!.body!.messages!.map((m) => m.content) as [string, string];
    const nonce = /<<<DRAFT ringkasan (\S+)>>>/.exec(user)?.[1];
    expect(nonce).toBeDefined();
    expect(user).toContain(`<<<END DRAFT signifikansi ${nonce}>>>`);
    expect(user).not.toContain("latar_belakang");
    expect(user).not.toContain("ignored");
    expect(system).toContain("- latar_belakang: Background and Goals (weight 40%) — no text yet");
    expect(system).toContain("summary section ringkasan (Summary)");
    expect(usage.entries).toEqual([
      expect.objectContaining({ purpose: "proposal_review", competitionId: "k1" }),
    ]);
  });

  it("rejects more than three suggestions", async () => {
    const { coach } = setup(fake);
    fake.enqueue({
      kind: "json",
      body: {
        consistency: { problemStrategyResult: 2, comment: "c" },
        ringkasanMatchesBody: false,
        comment: "c",
        topSuggestions: ["a", "b", "c", "d"],
      },
    });
    await expect(
      coach.proposalReview({ locale: "id", template, texts, contactId: "c1", competitionId: "k1" }),
    ).resolves.toBeNull();
  });

  it("returns null without a request when every section is empty", async () => {
    const { coach } = setup(fake);
    await expect(
      coach.proposalReview({
        locale: "id",
        template,
        texts: { ringkasan: " " },
        contactId: "c1",
        competitionId: "k1",
      }),
    ).resolves.toBeNull();
    expect(fake.requests).toHaveLength(0);
  });
});
