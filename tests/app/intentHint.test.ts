import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createIntentHint } from "../../src/app/intent/createIntentHint.ts";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../fakes/fakeOpenAIServer.ts";
import { makeHandler, Person, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { setup } from "../llm/fixtures.ts";

let fake: FakeOpenAIServer;
beforeEach(async () => {
  fake = await startFakeOpenAIServer();
});
afterEach(async () => {
  await fake.close();
});

const ask = { locale: "id" as const, contactId: "c1" };

describe("the intent prompt for messages the rules are unsure of", () => {
  it("asks the model for a short unclear message and takes its reading", async () => {
    const { coach } = setup(fake);
    fake.enqueue({ kind: "json", body: { intent: "drafting", confidence: 0.9 } });
    const hint = createIntentHint({ coach });
    expect(await hint({ ...ask, text: "Inovasi kami?" })).toBe("draft");
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.body!.response_format!.json_schema!.name).toBe("intent");
  });

  it("does not ask about greetings, requests in words or long passages", async () => {
    const { coach } = setup(fake);
    const hint = createIntentHint({ coach });
    expect(await hint({ ...ask, text: "halo" })).toBeUndefined();
    expect(await hint({ ...ask, text: "bagaimana status proposal saya?" })).toBeUndefined();
    expect(await hint({ ...ask, text: "Kami membuka layanan jemput bola. ".repeat(6) })).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
  });

  it("keeps the rule decision when the model is slow, fails, or is unsure", async () => {
    const { coach } = setup(fake, { maxRetries: 0 });
    const hint = createIntentHint({ coach, timeoutMs: 200 });
    fake.enqueue({ kind: "hang" });
    expect(await hint({ ...ask, text: "apa maksud nilai tambah?" })).toBeUndefined();
    fake.enqueue({ kind: "status", status: 500 });
    expect(await hint({ ...ask, text: "apa maksud nilai tambah?" })).toBeUndefined();
    fake.enqueue({ kind: "json", body: { intent: "drafting", confidence: 0.3 } });
    expect(await hint({ ...ask, text: "apa maksud nilai tambah?" })).toBe("unsure");
  });
});

describe("in the dialogue", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await seedKipp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it("a message the model reads as a question is answered, and the draft is unchanged", async () => {
    const { coach } = setup(fake);
    const p = new Person(makeHandler(db, { intentHint: createIntentHint({ coach }) }));
    await p.createProposal("Uji Model Intent");
    await p.say("Warga lansia antre tiga jam di loket.");
    fake.enqueue({ kind: "json", body: { intent: "help", confidence: 0.95 } });
    const out = await p.say("Lansia itu siapa saja");
    expect(out).toContain("tidak saya masukkan ke jawaban");
    expect(out).toContain("Kembali ke Ringkasan (7 kata tertulis)");
    expect(await p.say("selesai")).toMatch(/Ringkasan · 7\/\d+ kata/);
  });
});
