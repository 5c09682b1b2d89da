import { afterAll, beforeAll, expect, it } from "vitest";
import { pruneExpired } from "../../src/app/pruneExpired.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.close();
});

it("forgets old message ids, stale import previews, unanswered file uploads and expired link codes, and keeps recent ones", async () => {
  const now = new Date("2026-11-29T03:00:00Z");
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
  await db.prisma.processedUpdate.createMany({
    data: [
      { channel: "telegram", updateId: "old", createdAt: ago(8) },
      { channel: "telegram", updateId: "new", createdAt: ago(1) },
    ],
  });
  const contact = await db.prisma.contact.create({ data: { displayName: "Ani" } });
  await db.prisma.pendingImport.create({
    data: { contactId: contact.id, proposalId: "p", fileName: "draf.docx", preview: {}, createdAt: ago(2) },
  });
  const file = { proposalId: "p", fileName: "sk.pdf", mime: "application/pdf", size: 3, sha256: "x" };
  await db.prisma.pendingUpload.createMany({
    data: [
      { contactId: contact.id, ...file, bytes: new Uint8Array([1, 2, 3]), createdAt: ago(2) },
      { contactId: "someone-else", ...file, bytes: new Uint8Array([1, 2, 3]), createdAt: ago(0.1) },
    ],
  });
  await db.prisma.linkCode.createMany({
    data: [
      { code: "111111", contactId: contact.id, expiresAt: ago(0.01) },
      { code: "222222", contactId: contact.id, expiresAt: new Date(now.getTime() + 600_000) },
    ],
  });
  await db.prisma.conversationWindow.createMany({
    data: [
      { channel: "whatsapp", externalId: "6281100000001@s.whatsapp.net", lastInboundAt: ago(3) },
      { channel: "whatsapp", externalId: "6281100000002@s.whatsapp.net", lastInboundAt: ago(0.5) },
    ],
  });
  await db.prisma.codeAttempt.createMany({
    data: [
      { accountKey: "k", kind: "daftar", createdAt: new Date(now.getTime() - 3_700_000) },
      { accountKey: "k", kind: "daftar", createdAt: new Date(now.getTime() - 60_000) },
    ],
  });
  await db.prisma.dashboardLoginToken.createMany({
    data: [
      { tokenHash: "old-link", contactId: contact.id, expiresAt: ago(0.01) },
      { tokenHash: "live-link", contactId: contact.id, expiresAt: new Date(now.getTime() + 600_000) },
    ],
  });
  await db.prisma.dashboardSession.create({
    data: { tokenHash: "old-session", contactId: contact.id, csrfToken: "x", expiresAt: ago(0.5) },
  });
  expect(await pruneExpired(db.prisma, now)).toEqual({
    processedUpdates: 1,
    pendingImports: 1,
    linkCodes: 1,
    conversationWindows: 1,
    codeAttempts: 1,
    pendingUploads: 1,
    dashboardSignIns: 2,
  });
  expect((await db.prisma.conversationWindow.findMany()).map((w) => w.externalId)).toEqual([
    "6281100000002@s.whatsapp.net",
  ]);
  expect((await db.prisma.pendingUpload.findMany()).map((u) => u.contactId)).toEqual(["someone-else"]);
  expect((await db.prisma.processedUpdate.findMany()).map((u) => u.updateId)).toEqual(["new"]);
  expect((await db.prisma.linkCode.findMany()).map((c) => c.code)).toEqual(["222222"]);
  expect(await pruneExpired(db.prisma, now)).toEqual({
    processedUpdates: 0,
    pendingImports: 0,
    linkCodes: 0,
    conversationWindows: 0,
    codeAttempts: 0,
    pendingUploads: 0,
    dashboardSignIns: 0,
  });
});
