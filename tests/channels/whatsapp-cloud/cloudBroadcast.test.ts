import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadAnnouncementReport } from "../../../src/app/broadcast/announcementReport.ts";
import { createAnnouncement } from "../../../src/app/broadcast/createAnnouncement.ts";
import { EVERYONE } from "../../../src/core/broadcast/audienceSchema.ts";
import { touchWindow } from "../../../src/db/queries/conversationWindows.ts";
import { saveCloudTemplates } from "../../../src/db/queries/whatsAppTemplates.ts";
import { seedKipp } from "../../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { type CloudHarness, startCloudHarness, until } from "./harness.ts";

let db: TestDb;
let h: CloudHarness | undefined;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(async () => {
  await db.close();
});

/** `n` people on WhatsApp; the first `inWindow` wrote to the bot an hour ago. */
async function seedRecipients(n: number, inWindow: number, prefix: string) {
  const contacts = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    displayName: `Peserta ${i}`,
    waId: `62${prefix}${String(i).padStart(7, "0")}`,
  }));
  await db.prisma.contact.createMany({
    data: contacts.map((c) => ({ id: c.id, displayName: c.displayName })),
  });
  await db.prisma.channelIdentity.createMany({
    data: contacts.map((c) => ({
      contactId: c.id,
      channel: "whatsapp",
      externalId: `${c.waId}@s.whatsapp.net`,
    })),
  });
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const c of contacts.slice(0, inWindow)) {
    await touchWindow(db.prisma, "whatsapp", `${c.waId}@s.whatsapp.net`, hourAgo);
    h!.fake.openWindow(c.waId, hourAgo.getTime());
  }
  return contacts;
}

/** Enough to see the pace over several seconds on a loaded 2-core machine. */
const RECIPIENTS = 1_200;

describe("WhatsApp Cloud API announcements", () => {
  it("1,200 recipients: paced at the configured throughput, a template for those outside the 24-hour window, delivered and read counted from status webhooks", async () => {
    const perSecond = 250;
    h = await startCloudHarness(db, { perSecond, fake: { statuses: { read: true } } });
    const comp = await db.prisma.competition.findFirstOrThrow({
      select: { id: true, slug: true, name: true },
    });
    h.fake.templates.push({
      name: "pengumuman_klinik",
      language: "id",
      status: "APPROVED",
      body: "Pengumuman {{1}}: {{2}}",
    });
    await saveCloudTemplates(db.prisma, comp.slug, {
      announcement: { name: "pengumuman_klinik", language: "id", params: 2 },
    });
    const people = await seedRecipients(RECIPIENTS, RECIPIENTS / 2, "81");
    const text = "Batas unggah proposal 6 Mei pukul 23.59 WIB.\nLengkapi bagian yang masih kosong.";
    const a = await createAnnouncement(db.prisma, {
      competitionId: comp.id,
      timezone: "Asia/Jakarta",
      audience: EVERYONE,
      text,
      recipients: people.map((p) => ({
        contactId: p.id,
        channel: "whatsapp" as const,
        externalId: `${p.waId}@s.whatsapp.net`,
        optedOut: false,
        locale: "id" as const,
        proposalIds: [],
      })),
      scheduledAt: new Date(),
      quiet: null,
    });
    expect(a.queued).toBe(RECIPIENTS);
    h.app.worker.start();
    await until(
      async () => (await loadAnnouncementReport(db.prisma, a.id))?.counts.sent === RECIPIENTS,
      "2,000 sent",
      60_000,
    );

    const sent = h.fake.sent;
    expect(new Set(sent.map((s) => s.to)).size).toBe(RECIPIENTS);
    expect(sent).toHaveLength(RECIPIENTS);
    // Never faster than configured: at most `perSecond` in any one-second window (10% for timer slack).
    const times = sent.map((s) => s.at).sort((x, y) => x - y);
    let peak = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 1000) j++;
      peak = Math.max(peak, i - j + 1);
    }
    expect(peak).toBeLessThanOrEqual(Math.ceil(perSecond * 1.1));
    const inWindow = new Set(people.slice(0, RECIPIENTS / 2).map((p) => p.waId));
    for (const s of sent) {
      if (inWindow.has(s.to)) {
        expect(s.type).toBe("text");
        expect((s.body as { text: { body: string } }).text.body).toContain("Batas unggah proposal 6 Mei");
      } else {
        expect(s.type).toBe("template");
        const params = (
          s.body as { template: { components: { parameters: { text: string }[] }[] } }
        ).template.components[0]!.parameters.map((p) => p.text);
        expect(params).toEqual([
          comp.name,
          "Batas unggah proposal 6 Mei pukul 23.59 WIB. · Lengkapi bagian yang masih kosong.",
        ]);
      }
    }
    expect(h.fake.rejected.filter((r) => r.code === 131047)).toHaveLength(0);

    await h.fake.settle();
    const report = await until(
      async () => {
        const r = await loadAnnouncementReport(db.prisma, a.id);
        return r && r.counts.read === RECIPIENTS ? r : undefined;
      },
      "read receipts",
      60_000,
    );
    expect(report.counts.delivered).toBe(RECIPIENTS);
    expect(report.counts.failed).toBe(0);
  }, 120_000);

  it("outside the window with no template configured, the delivery fails with a reason instead of being refused by WhatsApp", async () => {
    h = await startCloudHarness(db);
    const comp = await db.prisma.competition.findFirstOrThrow({ select: { id: true, slug: true } });
    await saveCloudTemplates(db.prisma, comp.slug, {});
    const [p] = await seedRecipients(1, 0, "82");
    const a = await createAnnouncement(db.prisma, {
      competitionId: comp.id,
      timezone: "Asia/Jakarta",
      audience: EVERYONE,
      text: "Pengumuman uji.",
      recipients: [
        {
          contactId: p!.id,
          channel: "whatsapp",
          externalId: `${p!.waId}@s.whatsapp.net`,
          optedOut: false,
          locale: "id",
          proposalIds: [],
        },
      ],
      scheduledAt: new Date(),
      quiet: null,
    });
    h.app.worker.start();
    const r = await until(async () => {
      const x = await loadAnnouncementReport(db.prisma, a.id);
      return x?.counts.failed === 1 ? x : undefined;
    }, "failure recorded");
    expect(r.failures[0]!.lastError).toMatch(/24-hour window.*template/);
    expect(h.fake.sent).toHaveLength(0);
    expect(h.fake.rejected).toHaveLength(0);
  });

  it("when WhatsApp answers 'rate limit hit' (130429) the lane slows down; nothing is lost or sent twice", async () => {
    h = await startCloudHarness(db, { perSecond: 120, fake: { perSecondLimit: 40 } });
    const comp = await db.prisma.competition.findFirstOrThrow({ select: { id: true } });
    const people = await seedRecipients(200, 200, "83");
    const a = await createAnnouncement(db.prisma, {
      competitionId: comp.id,
      timezone: "Asia/Jakarta",
      audience: EVERYONE,
      text: "Pengumuman uji laju.",
      recipients: people.map((p) => ({
        contactId: p.id,
        channel: "whatsapp" as const,
        externalId: `${p.waId}@s.whatsapp.net`,
        optedOut: false,
        locale: "id" as const,
        proposalIds: [],
      })),
      scheduledAt: new Date(),
      quiet: null,
    });
    h.app.worker.start();
    const r = await until(
      async () => {
        const x = await loadAnnouncementReport(db.prisma, a.id);
        return x?.counts.sent === 200 ? x : undefined;
      },
      "200 sent despite rate limits",
      60_000,
    );
    expect(h.fake.rejected.filter((x) => x.code === 130429).length).toBeGreaterThan(0);
    expect(h.fake.sent).toHaveLength(200);
    expect(new Set(h.fake.sent.map((s) => s.to)).size).toBe(200);
    expect(r.counts.failed).toBe(0);
  }, 90_000);
});
