import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createUpdateInbox } from "../../../src/db/queries/inboxUpdates.ts";
import { inboundMessage } from "../../fakes/fakeBaileysSocket.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { createHarness, PN } from "./harness.ts";

// Baileys receipts a message to WhatsApp before the bot sees it, so WhatsApp never sends it
// again: the bot records it in the inbox as it arrives, and a restart handles what a killed
// process left there (ADR 0007).
let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db.close());

const rows = () =>
  db.prisma.inboxUpdate.findMany({ where: { channel: "whatsapp" }, select: { updateId: true } });

it("a message the killed process had received and not answered is answered after the restart", async () => {
  let release: (() => void) | undefined;
  const first = createHarness({
    inbox: createUpdateInbox(db.prisma, "whatsapp"),
    reply: () =>
      new Promise((r) => {
        release = () => r([]);
      }),
  });
  const socket1 = await first.open();
  socket1.receive(inboundMessage({ from: PN, id: "INBOX1", text: "tolong simpan ini" }));
  await vi.waitFor(() => expect(first.calls).toHaveLength(1));
  await vi.waitFor(async () => expect(await rows()).toEqual([{ updateId: "INBOX1" }]));

  // The restarted process (the first one hangs forever, as if killed) opens its session.
  const second = createHarness({ inbox: createUpdateInbox(db.prisma, "whatsapp") });
  const socket2 = await second.open();
  await vi.waitFor(() => expect(second.texts(socket2)).toEqual(["echo: tolong simpan ini"]));
  expect(second.calls[0]).toMatchObject({ messageId: "INBOX1", chatId: PN, text: "tolong simpan ini" });
  await vi.waitFor(async () => expect(await rows()).toEqual([]));
  expect(second.errors()).toEqual([]);
  release?.();
  await first.channel.stop();
  await second.channel.stop();
});
