/**
 * Broadcast throughput: 10,000 Telegram recipients through the real Telegram sender and the
 * delivery worker, against the fake Bot API enforcing a global limit (and one message a second
 * per chat, all chats distinct). Runs at 30/s (Telegram's free limit) and 1,000/s (paid
 * broadcasts) and reports achieved rate ÷ limit; target ≥ 0.95 with every recipient reached once.
 *
 * The fake server runs in a child process: it stands for Telegram's servers, whose work must not
 * be charged to the bot. The worker first sends an unmeasured warm-up announcement (a bot
 * process is warm when the secretariat presses "Kirim"), then the measured one to other chats;
 * the achieved rate is recipients ÷ the time from the announcement becoming due to the server
 * accepting its last message (both read from the wall clock of this machine). The database is the embedded one
 * (BENCH_DB=postgres with TEST_DATABASE_URL for PostgreSQL). BENCH_QUICK=1 uses 1,000 recipients for the 30/s run
 * (the full run takes about 5.5 minutes); BENCH_RATES=1000 runs one of the two.
 */
import { type ChildProcess, fork } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Api } from "grammy";
import pino from "pino";
import { createAnnouncement } from "../src/app/broadcast/createAnnouncement.ts";
import { createDeliveryWorker } from "../src/app/broadcast/createDeliveryWorker.ts";
import { resolveAudience } from "../src/app/broadcast/resolveAudience.ts";
import { createTelegramSender } from "../src/channels/telegram/createTelegramSender.ts";
import { loadTemplateFile } from "../src/core/templates/loadTemplates.ts";
import { FakeTelegramServer } from "../tests/fakes/fakeTelegramServer.ts";
import { type BenchRow, openBenchDb } from "./benchDb.ts";

const CHILD_ENV = "KLINIK_BENCH_FAKE_TELEGRAM";
const FIRST_CHAT = 2_000_000;
const WARMUP_CHAT = 8_000_000;
const silent = pino({ level: "silent" });
/** BENCH_LOG=warn shows the worker's retries and failures on stderr. */
const workerLog = pino({ level: process.env.BENCH_LOG ?? "silent" }, pino.destination(2));

interface ServerStats {
  /** Recipients (chats) that got at least one message, and messages beyond the first. */
  reached: number;
  duplicates: number;
  /** Server-side wall-clock time of the last accepted message (ms). */
  lastAt: number;
  tooMany: number;
}

export async function runBroadcastBench(): Promise<BenchRow[]> {
  const quick = process.env.BENCH_QUICK === "1";
  const only = process.env.BENCH_RATES?.split(",").map(Number);
  const rows: BenchRow[] = [];
  for (const [limit, n] of [
    [30, quick ? 1_000 : 10_000],
    [1_000, 10_000],
  ] as const) {
    if (!only || only.includes(limit)) rows.push(...(await runOnce(limit, n)));
  }
  return rows;
}

async function runOnce(limit: number, recipients: number): Promise<BenchRow[]> {
  const child = await startFakeTelegram(limit);
  const usePg = process.env.BENCH_DB === "postgres";
  const db = await openBenchDb(usePg ? "postgres" : "embedded", process.env.TEST_DATABASE_URL);
  try {
    const competitionId = await seedCompetition(db.prisma);
    const warmupId = await seed(db.prisma, competitionId, "w", WARMUP_CHAT, Math.min(2_000, limit * 2));
    // Seeded before the worker runs: big statements beside a polling worker are another test.
    const announcementId = await seed(db.prisma, competitionId, "m", FIRST_CHAT, recipients);
    const api = new Api(child.token, { apiRoot: child.apiRoot });
    const sender = createTelegramSender({ api, retryingApi: api, logger: silent });
    const worker = createDeliveryWorker({
      db: db.prisma,
      senders: new Map([["telegram", sender]]),
      logger: workerLog,
      quietHours: null,
      pollMs: 50,
      progressEveryMs: 1_000,
      pacing: { telegram: { perSecond: limit, perChatPerSecond: 1 } },
    });
    worker.start();
    await finished(db.prisma, warmupId, 120_000);
    // Let the warm-up's messages leave the server's one-second window.
    await new Promise((r) => setTimeout(r, 1_500));
    const t0 = performance.now();
    const due = Date.now();
    const now = new Date(due).toISOString();
    await db.prisma
      .$executeRaw`UPDATE "Announcement" SET "scheduledAt" = ${now}::timestamp WHERE id = ${announcementId}`;
    await db.prisma
      .$executeRaw`UPDATE "Delivery" SET "nextAttemptAt" = ${now}::timestamp WHERE "announcementId" = ${announcementId}`;
    worker.wake();
    await finished(db.prisma, announcementId, (recipients / limit) * 3_000 + 120_000);
    const wallS = (performance.now() - t0) / 1000;
    await worker.stop();
    const stats = await child.stats();
    const sent = await db.prisma.delivery.count({ where: { announcementId, status: "sent" } });
    const rate = stats.reached / ((stats.lastAt - due) / 1000);
    const ratio = rate / limit;
    const undelivered = recipients - stats.reached;
    const name = `telegram ${limit}/s, ${recipients.toLocaleString("en")} recipients`;
    return [
      {
        bench: "broadcast",
        name: `${name}: achieved rate ÷ limit`,
        value: ratio,
        unit: "×",
        target: "≥ 0.95",
        ok: ratio >= 0.95 && undelivered === 0 && stats.duplicates === 0,
      },
      {
        bench: "broadcast",
        name: `${name}: achieved rate`,
        value: rate,
        unit: "msg/s",
        target: `≈ ${limit}`,
        ok: null,
      },
      {
        bench: "broadcast",
        name: `${name}: undelivered`,
        value: undelivered,
        unit: "recipients",
        target: "0",
        ok: undelivered === 0,
      },
      {
        bench: "broadcast",
        name: `${name}: duplicates`,
        value: stats.duplicates,
        unit: "messages",
        target: "0",
        ok: stats.duplicates === 0,
      },
      {
        bench: "broadcast",
        name: `${name}: rows marked sent`,
        value: sent,
        unit: "rows",
        target: String(recipients),
        ok: sent === recipients,
      },
      {
        bench: "broadcast",
        name: `${name}: 429 answers`,
        value: stats.tooMany,
        unit: "answers",
        target: "few",
        ok: null,
      },
      {
        bench: "broadcast",
        name: `${name}: wall time start → done`,
        value: wallS,
        unit: "s",
        target: `≈ ${(recipients / limit).toFixed(0)} s`,
        ok: null,
      },
    ];
  } finally {
    await db.close();
    child.close();
  }
}

type Prisma = Awaited<ReturnType<typeof openBenchDb>>["prisma"];

async function seedCompetition(db: Prisma): Promise<string> {
  const template = loadTemplateFile("prompts/templates/kipp-2023-umum.json");
  const comp = await db.competition.create({
    data: { slug: "bench", name: "KIPP bench", templateId: template.id, template, timeline: {} },
    select: { id: true },
  });
  return comp.id;
}

/** n participants on chats firstChat… and an announcement to them, due in an hour (woken later). */
async function seed(
  db: Prisma,
  competitionId: string,
  tag: string,
  firstChat: number,
  n: number,
): Promise<string> {
  const all = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i += 2_000) {
    const part = all.slice(i, i + 2_000);
    await db.unit.createMany({ data: part.map((k) => ({ id: `${tag}u${k}`, name: `Unit ${tag}${k}` })) });
    await db.contact.createMany({ data: part.map((k) => ({ id: `${tag}c${k}` })) });
    await db.channelIdentity.createMany({
      data: part.map((k) => ({
        contactId: `${tag}c${k}`,
        channel: "telegram",
        externalId: String(firstChat + k),
      })),
    });
    await db.membership.createMany({
      data: part.map((k) => ({ contactId: `${tag}c${k}`, unitId: `${tag}u${k}` })),
    });
    await db.proposal.createMany({
      data: part.map((k) => ({
        competitionId,
        unitId: `${tag}u${k}`,
        code: `${tag}-${k}`,
        title: `Inovasi ${k}`,
        stage: tag,
      })),
    });
  }
  const audience = { version: 1 as const, filters: [{ kind: "stage" as const, value: tag }] };
  const r = await resolveAudience(db, competitionId, audience, { sectionKeys: [] });
  const a = await createAnnouncement(db, {
    competitionId,
    timezone: "Asia/Jakarta",
    audience,
    text: "Batas unggah proposal KIPP 6 Mei pukul 23.59 WIB. Lengkapi bagian yang masih kosong.",
    recipients: r.recipients,
    scheduledAt: tag === "w" ? new Date() : new Date(Date.now() + 3_600_000),
    quiet: null,
  });
  return a.id;
}

async function finished(db: Prisma, id: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const a = await db.announcement.findUnique({ where: { id }, select: { status: true } });
    if (a?.status === "done") return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The fake Bot API in a child process (this file, run with CHILD_ENV set). */
async function startFakeTelegram(limit: number) {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    execArgv: process.execArgv,
    env: { ...process.env, [CHILD_ENV]: JSON.stringify({ perChatPerSecond: 1, globalPerSecond: limit }) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const hello = await new Promise<{ apiRoot: string; token: string }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { apiRoot: string; token: string }));
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`fake Telegram server exited (${code})`)));
  });
  return {
    ...hello,
    stats: () =>
      new Promise<ServerStats>((resolve) => {
        child.once("message", (m) => resolve(m as ServerStats));
        child.send("stats");
      }),
    close: () => child.kill(),
  };
}

async function serveFakeTelegram(): Promise<void> {
  const server = new FakeTelegramServer({ limits: JSON.parse(process.env[CHILD_ENV]!) });
  await server.start();
  process.send!({ apiRoot: server.apiRoot, token: server.token });
  process.on("message", (m) => {
    if (m !== "stats") return;
    const perChat = new Map<number, number>();
    const measured = (chatId: number) => chatId >= FIRST_CHAT && chatId < WARMUP_CHAT;
    for (const msg of server.messages)
      if (measured(msg.chatId)) perChat.set(msg.chatId, (perChat.get(msg.chatId) ?? 0) + 1);
    const accepted = server.calls
      .filter((c) => c.method === "sendMessage" && c.status === 200 && measured(Number(c.params.chat_id)))
      .map((c) => c.at);
    const stats: ServerStats = {
      reached: perChat.size,
      duplicates: [...perChat.values()].reduce((s, n) => s + n - 1, 0),
      lastAt: Math.max(...accepted),
      tooMany: server.calls.filter((c) => c.status === 429 && measured(Number(c.params.chat_id))).length,
    };
    process.send!(stats);
  });
  process.on("disconnect", () => process.exit(0));
}

if (process.env[CHILD_ENV] && process.send) void serveFakeTelegram();
