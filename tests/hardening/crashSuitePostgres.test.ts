import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../../src/db/generated/client.ts";
import { FakeTelegramServer } from "../fakes/fakeTelegramServer.ts";
import { createTestDb } from "../helpers/testDb.ts";
import { type CrashTarget, queueAnnouncement, runCrashScenario, seedRecipients } from "./crashScenario.ts";
import { postgresFleetTarget, postgresPollingTarget } from "./crashTargets.ts";
import { soakReport, soakSize } from "./soakReport.ts";

// The crash suite on PostgreSQL (TEST_DATABASE_URL; CI's second pass runs it): one bot process
// in polling mode, and two processes in webhook mode behind a load balancer, SIGKILLed at random
// while people draft proposals and an announcement goes out. Every message answered once.
const PG = Boolean(process.env.TEST_DATABASE_URL);
const DIALOGUES = soakSize(60, 6);
const KILLS = soakSize(10, 2);
const RECIPIENTS = soakSize(600, 120);
const report = soakReport("crash suite (PostgreSQL)");

async function crashOn(
  token: string,
  make: (
    db: { prisma: PrismaClient; url: string },
    fake: FakeTelegramServer,
    env: Record<string, string>,
  ) => Promise<CrashTarget>,
  name: string,
) {
  const db = await createTestDb();
  const fake = new FakeTelegramServer({ token });
  await fake.start();
  let target: CrashTarget | undefined;
  try {
    await seedRecipients(db.prisma, RECIPIENTS);
    const env = {
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      QUIET_HOURS: "off",
      BROADCAST_TELEGRAM_PER_SECOND: process.env.SOAK ? "100" : "40",
    };
    expect(await queueAnnouncement({ DATABASE_URL: db.url, ...env })).toMatch(
      new RegExp(`queued for ${RECIPIENTS} contact`),
    );
    target = await make(db, fake, env);
    await runCrashScenario(name, target, {
      fake,
      dialogues: DIALOGUES,
      kills: KILLS,
      recipients: RECIPIENTS,
      report,
    });
  } finally {
    await target?.close();
    await fake.close();
    await db.close();
  }
}

describe.skipIf(!PG)("crash suite on PostgreSQL", () => {
  it(`one process, polling: SIGKILL ${KILLS}× during ${DIALOGUES} dialogues and a broadcast to ${RECIPIENTS}`, async () => {
    await crashOn(
      "5252:crash-pg-token",
      async (db, fake, env) => postgresPollingTarget(db.prisma, db.url, fake, env),
      "crash suite (PostgreSQL, polling)",
    );
  }, 900_000);

  it(`two processes behind a load balancer: SIGKILL ${KILLS}× during ${DIALOGUES} dialogues and a broadcast to ${RECIPIENTS}`, async () => {
    await crashOn(
      "5353:crash-fleet-token",
      (db, fake, env) => postgresFleetTarget(db.prisma, db.url, fake, env, 2),
      "crash suite (PostgreSQL, 2 processes)",
    );
  }, 900_000);
});
