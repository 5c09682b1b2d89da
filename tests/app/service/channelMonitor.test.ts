import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createChannelMonitor } from "../../../src/app/service/createChannelMonitor.ts";
import { createServiceStatus } from "../../../src/app/service/createServiceStatus.ts";
import { createTelegramChannel } from "../../../src/channels/telegram/createTelegramChannel.ts";
import { createHealthChecks } from "../../../src/http/createHealthChecks.ts";
import { channelFatal, registry } from "../../../src/http/metrics.ts";
import { FakeTelegramServer } from "../../fakes/fakeTelegramServer.ts";
import { seedKipp } from "../../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";

// A second process polling the same bot makes Telegram answer 409: the channel is dead for this
// process. It must say so on /readyz, in the metrics, and to the secretariat, once.
let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
  const c = await db.prisma.competition.findFirstOrThrow({ select: { id: true } });
  for (const [id, identities] of [
    [
      "sek-both",
      [
        { channel: "telegram", externalId: "5551" },
        { channel: "whatsapp", externalId: "6281255500001@s.whatsapp.net" },
      ],
    ],
    ["sek-tg", [{ channel: "telegram", externalId: "5552" }]],
  ] as const) {
    await db.prisma.contact.create({
      data: {
        id,
        identities: { create: [...identities] },
        staffRoles: { create: { competitionId: c.id, role: "secretariat" } },
      },
    });
  }
});
afterAll(async () => {
  await db.close();
});

it("Telegram 409 from getUpdates: not ready, counted, and the secretariat told once on another channel", async () => {
  const fake = new FakeTelegramServer({ token: "7171:conflict-token-abc" });
  await fake.start();
  fake.failNext("getUpdates", {
    status: 409,
    description: "Conflict: terminated by other getUpdates request",
  });
  const status = createServiceStatus();
  const logger = pino({ level: "silent" });
  const monitor = createChannelMonitor({ db: db.prisma, status, logger });
  const report = monitor.reporter("telegram");
  const channel = createTelegramChannel({
    token: fake.token,
    apiRoot: fake.apiRoot,
    mode: { kind: "polling" },
    handler: async () => [],
    logger,
    onState: report,
  });
  const before = (await channelFatal.get()).values.find((v) => v.labels.reason === "conflict")?.value ?? 0;
  try {
    await channel.start();
    const end = Date.now() + 15_000;
    while (status.channels().get("telegram")?.state !== "fatal" && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50));
    const health = createHealthChecks({ db: db.prisma, status, maxOutboxAgeMs: 600_000 });
    expect((await health.readiness())["channel:telegram"]).toEqual({ ok: false, detail: "fatal: conflict" });
    // Told twice (another process hits the same 409): one alert.
    report({ state: "fatal", reason: "conflict" });
    const deadline = Date.now() + 10_000;
    while (
      (await db.prisma.delivery.count({ where: { announcement: { kind: "notification" } } })) < 2 &&
      Date.now() < deadline
    )
      await new Promise((r) => setTimeout(r, 50));
  } finally {
    await channel.stop();
    await fake.close();
  }
  const after = (await channelFatal.get()).values.find((v) => v.labels.reason === "conflict")?.value ?? 0;
  expect(after - before).toBe(1);
  expect(await registry.metrics()).toContain(
    'klinik_channel_fatal_total{channel="telegram",reason="conflict",app="klinik"}',
  );
  const rows = await db.prisma.delivery.findMany({
    where: { announcement: { kind: "notification" } },
    select: {
      contactId: true,
      channel: true,
      status: true,
      text: true,
      announcement: { select: { urgent: true } },
    },
    orderBy: { contactId: "asc" },
  });
  expect(rows.map((r) => [r.contactId, r.channel, r.status, r.announcement.urgent])).toEqual([
    ["sek-both", "whatsapp", "pending", true],
    ["sek-tg", "none", "skipped", true],
  ]);
  expect(rows[0]!.text).toContain("Kanal telegram bot berhenti: ada proses bot lain yang mengambil pesan");
  await new Promise((r) => setTimeout(r, 300));
  expect(await db.prisma.announcement.count({ where: { kind: "notification" } })).toBe(1);
});
