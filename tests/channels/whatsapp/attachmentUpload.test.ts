import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAttachmentRoutes } from "../../../src/app/attachments/createAttachmentRoutes.ts";
import { createCompetitionCache } from "../../../src/app/competitionCache.ts";
import { inboundMessage } from "../../fakes/fakeBaileysSocket.ts";
import { makeHandler, Person, seedKipp } from "../../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { createHarness, PN } from "./harness.ts";

// The real Baileys adapter (fake socket), the app's attachment route and a real database.
let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterAll(async () => {
  await db.close();
});

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6, 0xff, 0xd9]);

describe("sending the SK on WhatsApp", () => {
  it("a photo with a caption is asked about as a numbered list; replying 1 attaches it as the SK", async () => {
    const competitions = createCompetitionCache(db.prisma, { ttlMs: 0 });
    const handler = makeHandler(db, {
      competitions,
      middleware: [
        createAttachmentRoutes({ db: db.prisma, competitions, logger: pino({ level: "silent" }) }),
      ],
    });
    const h = createHarness({ reply: (m) => handler(m), downloadMedia: async () => JPEG });
    const socket = await h.open();
    socket.receive(inboundMessage({ from: PN, id: "W1", text: "halo" }));
    await vi.waitFor(() => expect(h.calls).toHaveLength(1));
    // Register the proposal as the same person, then send the photo through the socket.
    const first = h.calls[0]!;
    const p = new Person(handler, first.userId, "whatsapp");
    const code = /kode (KP-[A-Z0-9]+)/.exec(await p.createProposal("Inovasi Lewat WhatsApp"))![1]!;
    const sentBefore = socket.sent.length;
    socket.receive(
      inboundMessage({
        from: PN,
        id: "W2",
        message: { imageMessage: { mimetype: "image/jpeg", caption: "ini SK tim kami" } },
      }),
    );
    await vi.waitFor(() => expect(socket.sent.length).toBeGreaterThan(sentBefore));
    const question = h.texts(socket).at(-1)!;
    expect(question).toContain(`diterima untuk proposal ${code}`);
    expect(question).toContain("1. SK Tim Inovator");
    socket.receive(inboundMessage({ from: PN, id: "W3", text: "1" }));
    await vi.waitFor(() => expect(h.texts(socket).at(-1)).toContain("tersimpan bersama proposal"));
    const rows = await db.prisma.proposalAttachment.findMany({
      where: { proposal: { code } },
      select: { kind: true, mime: true, bytes: true },
    });
    expect(rows.map((r) => [r.kind, r.mime])).toEqual([["sk", "image/jpeg"]]);
    expect(new Uint8Array(rows[0]!.bytes)).toEqual(JPEG);
  });
});
