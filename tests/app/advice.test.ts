import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdvice } from "../../src/app/advice/createAdvice.ts";
import { createCompetitionCache } from "../../src/app/competitionCache.ts";
import { followUpOf, plainText } from "../../src/core/messages.ts";
import { createPrismaAiUseLog, createPrismaLlmUsageStore } from "../../src/db/llmStores.ts";
import { createLlmCoach } from "../../src/llm/createLlmCoach.ts";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/fakeOpenAIServer.ts";
import { fixture, makeHandler, Person, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

let db: TestDb;
let llm: FakeOpenAIServer;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
  llm = await startFakeOpenAIServer();
});
afterAll(async () => {
  await llm.close();
  await db.close();
});

function withCoach() {
  const competitions = createCompetitionCache(db.prisma, { ttlMs: 0 });
  const coach = createLlmCoach({
    apiKey: "test-key",
    baseURL: llm.baseURL,
    model: "fake-model",
    timeoutMs: 2_000,
    usage: createPrismaLlmUsageStore(db.prisma),
    logger: pino({ level: "silent" }),
  });
  const advice = createAdvice({ db: db.prisma, competitions, coach, aiLog: createPrismaAiUseLog(db.prisma) });
  return makeHandler(db, { competitions, listeners: [advice.listener!], routes: [advice.route] });
}

describe("LLM coaching in the dialogue", () => {
  it("the rule check comes at once; the model's advice follows as a second message and is logged as AI use", async () => {
    const handler = withCoach();
    const p = new Person(handler);
    const code = /kode (KP-[A-Z0-9]{10})/.exec(await p.createProposal("Inovasi Uji Saran"))![1]!;
    await p.say(fixture("ringkasan", "good"));
    const before = llm.requests.length;
    const replies = await handler(p.message("selesai"));
    expect(plainText(replies[0]!.text)).toContain("Ringkasan ·");
    const later = await followUpOf(replies);
    expect(llm.requests.length).toBe(before + 1);
    expect(later).toHaveLength(1);
    expect(plainText(later[0]!.text)).toContain("Saran tambahan (AI)");
    expect(plainText(later[0]!.text)).toContain("bukan nilai resmi");
    const proposal = await db.prisma.proposal.findUniqueOrThrow({ where: { code }, select: { id: true } });
    const logged = await db.prisma.aiSuggestion.findMany({ where: { proposalId: proposal.id } });
    expect(logged.map((l) => l.sectionKey)).toEqual(["ringkasan"]);
    expect(await db.prisma.llmUsage.count()).toBeGreaterThan(0);
  });

  it("a broken model answer leaves the rule feedback and no follow-up, never an error", async () => {
    const handler = withCoach();
    const p = new Person(handler);
    await p.createProposal("Inovasi Uji Rusak");
    await p.say(fixture("ringkasan", "bad"));
    llm.enqueue({ kind: "content", content: "{not json" });
    const replies = await handler(p.message("selesai"));
    expect(plainText(replies[0]!.text)).toContain("Ringkasan ·");
    expect(await followUpOf(replies)).toEqual([]);
  });

  it("/saran asks again for the current section; /cek is followed by a whole-proposal review", async () => {
    const handler = withCoach();
    const p = new Person(handler);
    await p.createProposal("Inovasi Uji Ulang");
    await p.say(fixture("ringkasan", "good"));
    await p.say("selesai");
    expect(await p.say("/saran")).toContain("Saran tambahan (AI)");
    const replies = await handler(p.message("/cek"));
    expect(plainText(replies[0]!.text)).toContain("Pemeriksaan proposal");
    const later = await followUpOf(replies);
    expect(plainText(later[0]!.text)).toContain("Tinjauan seluruh proposal (AI)");
  });

  it("without a model: no LLM call, no mention of AI, and /saran gives rule-based advice", async () => {
    const competitions = createCompetitionCache(db.prisma, { ttlMs: 0 });
    const advice = createAdvice({ db: db.prisma, competitions });
    expect(advice.listener).toBeUndefined();
    const handler = makeHandler(db, { competitions, routes: [advice.route] });
    const p = new Person(handler);
    await p.createProposal("Inovasi Tanpa Model");
    await p.say(fixture("signifikansi", "good").slice(0, 300));
    const before = llm.requests.length;
    const replies = await handler(p.message("selesai"));
    expect(await followUpOf(replies)).toEqual([]);
    const saran = await p.say("/saran");
    expect(saran).toContain("Saran berdasarkan kriteria penilaian");
    expect(saran).not.toMatch(/\bAI\b/);
    expect(llm.requests.length).toBe(before);
  });
});
