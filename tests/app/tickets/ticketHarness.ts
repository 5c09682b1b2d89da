import { createCompetitionCache } from "../../../src/app/competitionCache.ts";
import { createMessageHandler } from "../../../src/app/createMessageHandler.ts";
import { createNotifier } from "../../../src/app/notifier.ts";
import { competitionById } from "../../../src/app/status/competitionData.ts";
import { createStatusRoutes } from "../../../src/app/status/createStatusRoutes.ts";
import { releaseScores } from "../../../src/app/status/releaseScores.ts";
import { createTicketRoutes } from "../../../src/app/tickets/createTicketRoutes.ts";
import { createTicketKit } from "../../../src/app/tickets/ticketKit.ts";
import type { ChannelName, ChannelSender } from "../../../src/core/messages.ts";
import { deliverOutbox } from "../../helpers/deliverOutbox.ts";
import type { TestDb } from "../../helpers/testDb.ts";
import { KIPP, NOW, Person, recordingSender, silent } from "../status/statusHarness.ts";

export const STAGE = "evaluasi_proposal";

/**
 * The app as createApp orders it for these use cases (tickets before status, then the dialogue),
 * with recording channel senders, an injected clock and the real outbox worker.
 */
export function makeTicketApp(db: TestDb) {
  let now = NOW;
  const clock = () => now;
  const telegram = recordingSender("telegram");
  const whatsapp = recordingSender("whatsapp");
  const senders = new Map<ChannelName, ChannelSender>([
    ["telegram", telegram],
    ["whatsapp", whatsapp],
  ]);
  const competitions = createCompetitionCache(db.prisma, { ttlMs: 0 });
  const kit = createTicketKit({
    db: db.prisma,
    competitions,
    logger: silent,
    timezone: "Asia/Jakarta",
    quietHours: null,
    now: clock,
  });
  const handler = createMessageHandler({
    db: db.prisma,
    competitions,
    logger: silent,
    defaultLocale: "id",
    timezone: "Asia/Jakarta",
    now: clock,
    middleware: [
      createTicketRoutes(kit),
      createStatusRoutes({
        db: db.prisma,
        competitions,
        notifier: createNotifier({ db: db.prisma, quietHours: null, now: clock }),
        logger: silent,
        timezone: "Asia/Jakarta",
        now: clock,
      }),
    ],
  });
  return {
    kit,
    telegram,
    whatsapp,
    setNow(d: Date) {
      now = d;
    },
    deliver: () => deliverOutbox(db.prisma, senders),
    person: (userId: string, channel: ChannelName = "telegram") => new Person(handler, userId, channel),
  };
}

/** Two judges scoring every criterion of a proposal at the evaluation stage. */
export async function scoreProposal(db: TestDb, proposalId: string, a: number, b: number) {
  await db.prisma.score.createMany({
    data: KIPP.criteria.flatMap((c) => [
      { proposalId, judge: "J1", criterion: c.key, stage: STAGE, value: a },
      { proposalId, judge: "J2", criterion: c.key, stage: STAGE, value: b },
    ]),
  });
}

/** Releases the evaluation stage as of `releasedAt` (the appeal window counts from it). */
export async function releaseAt(db: TestDb, competitionId: string, releasedAt: Date) {
  const competition = (await competitionById(db.prisma, competitionId))!;
  await releaseScores(db.prisma, competition, STAGE, {});
  await db.prisma.scoreRelease.updateMany({ where: { competitionId, stage: STAGE }, data: { releasedAt } });
}
