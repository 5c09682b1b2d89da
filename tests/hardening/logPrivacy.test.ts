import pino from "pino";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { maskJid } from "../../src/channels/whatsapp/maskJid.ts";
import type { MessageHandler } from "../../src/core/messages.ts";
import { createHarness } from "../channels/whatsapp/harness.ts";
import { inboundMessage } from "../fakes/fakeBaileysSocket.ts";
import { makeHandler, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterAll(async () => {
  await db.close();
});

it("masks the phone number in a WhatsApp chat id", () => {
  expect(maskJid("6281234567890@s.whatsapp.net")).toBe("•••890@s.whatsapp.net");
  expect(maskJid("6281234567890:12@s.whatsapp.net")).toBe("•••890:12@s.whatsapp.net");
  expect(maskJid("123456789012345@lid")).toBe("•••345@lid");
});

it("logs at info level carry no message text and no phone number, even when things go wrong", async () => {
  const lines: string[] = [];
  const logger = pino({ level: "info" }, { write: (l: string) => lines.push(l) });
  const app = makeHandler(db, { logger });
  let calls = 0;
  // Every third message fails inside the app (logged with context), the rest get real answers.
  const handler: MessageHandler = async (m) => {
    if (++calls % 3 === 0) throw new Error("simulated failure");
    return app(m);
  };
  const wa = createHarness({ reply: (m) => handler(m), flood: { limit: 4, windowMs: 60_000 } });
  const socket = await wa.open();
  const secrets = ["RAHASIA-TEKS-1", "Puskesmas Rahasia Jaya", "nomor saya 081299887766"];
  for (let i = 0; i < 8; i++)
    socket.receive(
      inboundMessage({ from: "6281299887766@s.whatsapp.net", id: `L${i}`, text: secrets[i % 3]! }),
    );
  await vi.waitFor(
    () => expect(wa.logs.some((l) => l.msg === "WhatsApp inbound flood limit hit")).toBe(true),
    {
      timeout: 10_000,
    },
  );
  await vi.waitFor(() => expect(wa.logs.some((l) => l.level >= 50)).toBe(true), { timeout: 10_000 });
  const all = [...lines, ...wa.logs.map((l) => JSON.stringify(l))].join("\n");
  for (const s of secrets) expect(all).not.toContain(s);
  expect(all).not.toMatch(/8129988|81299887766/);
  await wa.channel.stop();
});
