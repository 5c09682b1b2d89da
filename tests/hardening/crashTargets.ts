import { createDatabase } from "../../src/db/createDatabase.ts";
import type { PrismaClient } from "../../src/db/generated/client.ts";
import type { FakeTelegramServer } from "../fakes/fakeTelegramServer.ts";
import { type FleetBot, startOne, waitHealthy } from "../helpers/botFleet.ts";
import { freePort, RoundRobinProxy } from "../helpers/roundRobinProxy.ts";
import { type BotProcess, runBot } from "../helpers/runBot.ts";
import { TelegramPerson, WebhookPerson } from "./chatPeople.ts";
import type { CrashTarget, Unconfirmed } from "./crashScenario.ts";

const SECRET = "crash-webhook-secret-1";

/** Watches processes: an exit we did not cause, or an error logged, is a crash. */
function crashWatch() {
  const killed = new WeakSet<BotProcess>();
  const found: string[] = [];
  return {
    track(p: BotProcess) {
      void p.exited.then((code) => {
        if (!killed.has(p) && code !== 0) found.push(`exit ${code}: ${p.stderr().slice(-1500)}`);
      });
      return p;
    },
    killedByUs(p: BotProcess) {
      killed.add(p);
    },
    errors(all: BotProcess[]) {
      const out = [...found];
      for (const p of all) {
        for (const line of p.stderr().split("\n"))
          if (/"level":(50|60)/.test(line)) out.push(line.slice(0, 600));
      }
      return out;
    },
  };
}

async function unconfirmedIn(prisma: PrismaClient): Promise<Unconfirmed> {
  const [updates, deliveries] = await Promise.all([
    prisma.processedUpdate.findMany({
      where: { channel: "telegram", doneAt: { not: null }, sentAt: null },
      select: { updateId: true },
    }),
    prisma.delivery.findMany({ where: { status: "sending" }, select: { externalId: true } }),
  ]);
  return {
    updates: updates.map((u) => u.updateId),
    chats: deliveries.map((d) => Number(d.externalId)),
  };
}

/** One bot process in polling mode on the embedded database in `dataDir` (which it locks). */
export function embeddedTarget(
  dataDir: string,
  fake: FakeTelegramServer,
  env: Record<string, string>,
): CrashTarget {
  return pollingTarget(fake, { DATA_DIR: dataDir, ...env }, async (f) => {
    const db = await createDatabase({ dataDir });
    try {
      return await f(db.prisma);
    } finally {
      await db.close();
    }
  });
}

/** One bot process in polling mode on a PostgreSQL database, read by the test meanwhile. */
export function postgresPollingTarget(
  prisma: PrismaClient,
  url: string,
  fake: FakeTelegramServer,
  env: Record<string, string>,
): CrashTarget {
  return pollingTarget(fake, { DATABASE_URL: url, ...env }, (f) => f(prisma));
}

function pollingTarget(
  fake: FakeTelegramServer,
  env: Record<string, string>,
  withDb: <T>(f: (prisma: PrismaClient) => Promise<T>) => Promise<T>,
): CrashTarget {
  const watch = crashWatch();
  const all: BotProcess[] = [];
  let bot: BotProcess | undefined;
  let up: Promise<void> = Promise.resolve();
  return {
    slots: 1,
    botId: fake.token.split(":")[0]!,
    start() {
      const since = Date.now();
      bot = watch.track(runBot({ LOG_LEVEL: "warn", ...env }));
      all.push(bot);
      up = fake.waitForCall("getUpdates", (c) => c.at >= since, 90_000).then(() => undefined);
      return up;
    },
    up: () => up,
    async kill() {
      const victim = bot!;
      watch.killedByUs(victim);
      victim.child.kill("SIGKILL");
      await victim.exited;
    },
    unconfirmed: () => withDb(unconfirmedIn),
    person(id) {
      // Patient people: on two shared cores an answer can take seconds; a retyped message is
      // counted like any other, but a person who is always one answer behind never gets anywhere.
      return new TelegramPerson(fake, id, () => up, 20_000, 500);
    },
    pids: () => (bot?.child.pid ? [bot.child.pid] : []),
    crashes: () => watch.errors(all),
    async stop() {
      bot?.child.kill("SIGTERM");
      return [(await bot?.exited) ?? null];
    },
    withDb,
    async close() {
      bot?.child.kill("SIGKILL");
    },
  };
}

/**
 * Several bot processes on one PostgreSQL database in webhook mode behind a round-robin load
 * balancer (which fails a request over to the next process, as Telegram redelivers an update it
 * got no answer for). A killed process restarts on its port.
 */
export async function postgresFleetTarget(
  prisma: PrismaClient,
  url: string,
  fake: FakeTelegramServer,
  env: Record<string, string>,
  count: number,
): Promise<CrashTarget> {
  const watch = crashWatch();
  const all: BotProcess[] = [];
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const bots: (FleetBot | undefined)[] = ports.map(() => undefined);
  const proxy = new RoundRobinProxy(ports.map((p) => `http://127.0.0.1:${p}`));
  await proxy.start();
  const fleetEnv = {
    ...env,
    DATABASE_URL: url,
    TELEGRAM_MODE: "webhook",
    TELEGRAM_WEBHOOK_URL: "https://bot.example.test/telegram",
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  };
  const target = { url: `${proxy.url}/telegram`, secret: SECRET };
  return {
    slots: count,
    botId: fake.token.split(":")[0]!,
    async start(slot) {
      const b = await startOne(fleetEnv, ports[slot]);
      watch.track(b.proc);
      all.push(b.proc);
      bots[slot] = b;
      await waitHealthy(b);
    },
    async up() {
      await Promise.all(bots.map((b) => b && waitHealthy(b)));
    },
    async kill(slot) {
      const victim = bots[slot]!.proc;
      watch.killedByUs(victim);
      victim.child.kill("SIGKILL");
      await victim.exited;
    },
    unconfirmed: () => unconfirmedIn(prisma),
    person(id) {
      // Another process answers while one restarts: a slow answer is waited for, not retyped.
      return new WebhookPerson(fake, id, () => Promise.resolve(), target, {
        replyTimeoutMs: 20_000,
        quietMs: 800,
      });
    },
    pids: () => bots.flatMap((b) => (b?.proc.child.pid ? [b.proc.child.pid] : [])),
    crashes: () => watch.errors(all),
    async stop() {
      for (const b of bots) b?.proc.child.kill("SIGTERM");
      return Promise.all(bots.map(async (b) => (b ? b.proc.exited : null)));
    },
    withDb: (f) => f(prisma),
    async close() {
      for (const b of bots) b?.proc.child.kill("SIGKILL");
      await proxy.close();
    },
  };
}
