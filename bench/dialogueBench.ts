import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import pino from "pino";
import { createCompetitionCache } from "../src/app/competitionCache.ts";
import { createMessageHandler } from "../src/app/createMessageHandler.ts";
import { seedDemo } from "../src/app/seedDemo.ts";
import type { IncomingMessage, MessageHandler, OutgoingMessage } from "../src/core/messages.ts";
import { loadTemplateFile } from "../src/core/templates/loadTemplates.ts";
import { type BenchDb, type BenchRow, median, openBenchDb, percentile } from "./benchDb.ts";

const KIPP = loadTemplateFile("prompts/templates/kipp-2023-umum.json");
const GOOD = Object.fromEntries(
  KIPP.sections.map((s) => [
    s.key,
    readFileSync(`tests/fixtures/kipp-2023-umum/${s.key}.good.txt`, "utf8")
      .trim()
      .split(/\n\s*\n/),
  ]),
);

function user(handler: MessageHandler) {
  const userId = `bench-${randomUUID().slice(0, 8)}`;
  let last: OutgoingMessage[] = [];
  const send = async (m: Partial<IncomingMessage>) => {
    const t0 = performance.now();
    last = await handler({ channel: "telegram", chatId: userId, userId, messageId: randomUUID(), ...m });
    return performance.now() - t0;
  };
  return {
    say: (text: string) => send({ text }),
    press: (choice: string) => send({ choice }),
    firstChoice: (prefix: string) =>
      last.flatMap((r) => r.choices ?? []).find((c) => c.id.startsWith(prefix))?.id,
  };
}

/** The whole KIPP dialogue: registration, then every section in good paragraphs, "selesai", next. */
async function wholeDialogue(handler: MessageHandler, times: number[]): Promise<void> {
  const u = user(handler);
  times.push(await u.say("halo"));
  times.push(await u.press("new"));
  times.push(await u.say("Puskesmas Bench"));
  times.push(await u.say("Pemerintah Kota Bench"));
  for (const prefix of ["grp:", "cat:"]) {
    const c = u.firstChoice(prefix);
    if (c) times.push(await u.press(c));
  }
  times.push(await u.say(`Inovasi ${randomUUID().slice(0, 6)}`));
  times.push(await u.say("2019"));
  for (const s of KIPP.sections) {
    for (const para of GOOD[s.key]!) times.push(await u.say(para));
    times.push(await u.say("selesai"));
    times.push(await u.press("next"));
  }
}

function handlerFor(db: BenchDb): MessageHandler {
  return createMessageHandler({
    db: db.prisma,
    competitions: createCompetitionCache(db.prisma),
    logger: pino({ level: "silent" }),
    defaultLocale: "id",
    timezone: "Asia/Jakarta",
  });
}

/** (a) One user, 1,000 turns: the bot's time per turn must not grow with the dialogue. */
async function longDialogue(db: BenchDb): Promise<BenchRow[]> {
  const handler = handlerFor(db);
  const times: number[] = [];
  await wholeDialogue(handler, times);
  const u = user(handler);
  times.length = 0;
  times.push(await u.say("halo"));
  times.push(await u.press("new"));
  times.push(await u.say("Dinas Panjang"));
  times.push(await u.say("Pemkab Panjang"));
  for (const prefix of ["grp:", "cat:"]) {
    const c = u.firstChoice(prefix);
    if (c) times.push(await u.press(c));
  }
  times.push(await u.say("Inovasi Seribu Giliran"));
  times.push(await u.say("2019"));
  let i = 0;
  while (times.length < 1_000) {
    const s = KIPP.sections[i++ % KIPP.sections.length]!;
    times.push(await u.press(`sec:${s.key}`));
    if (u.firstChoice("revise")) times.push(await u.press("revise"));
    for (const para of GOOD[s.key]!) times.push(await u.say(para));
    times.push(await u.say("selesai"));
    if (i % 5 === 0) times.push(await u.say("/cek"));
  }
  const around = (n: number) => median(times.slice(Math.max(0, n - 10), n + 10));
  const t1 = around(10);
  const t100 = around(100);
  const t1000 = around(990);
  const ratio = t1000 / t1;
  const limit = db.kind === "embedded" ? 5 : 5;
  return [
    {
      bench: `dialogue-1000 (${db.kind})`,
      name: "ms per turn around turn 1",
      value: t1,
      unit: "ms",
      target: `< ${limit}`,
      ok: t1 < limit,
    },
    {
      bench: `dialogue-1000 (${db.kind})`,
      name: "ms per turn around turn 100",
      value: t100,
      unit: "ms",
      target: `< ${limit}`,
      ok: t100 < limit,
    },
    {
      bench: `dialogue-1000 (${db.kind})`,
      name: "ms per turn around turn 1000",
      value: t1000,
      unit: "ms",
      target: `< ${limit}`,
      ok: t1000 < limit,
    },
    {
      bench: `dialogue-1000 (${db.kind})`,
      name: "turn 1000 ÷ turn 1",
      value: ratio,
      unit: "×",
      target: "≤ 1.2",
      ok: ratio <= 1.2,
    },
  ];
}

/** (b) Many users completing the whole KIPP dialogue at once. */
async function concurrentUsers(db: BenchDb, users: number): Promise<BenchRow[]> {
  const handler = handlerFor(db);
  const times: number[] = [];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: users }, () => wholeDialogue(handler, times)));
  const secs = (performance.now() - t0) / 1000;
  const sorted = [...times].sort((a, b) => a - b);
  const b = `concurrent-${users} (${db.kind})`;
  return [
    {
      bench: b,
      name: "turns per second",
      value: times.length / secs,
      unit: "turns/s",
      target: "report",
      ok: null,
    },
    {
      bench: b,
      name: "p50 latency per turn",
      value: percentile(sorted, 50),
      unit: "ms",
      target: "report",
      ok: null,
    },
    {
      bench: b,
      name: "p99 latency per turn",
      value: percentile(sorted, 99),
      unit: "ms",
      target: "report",
      ok: null,
    },
  ];
}

export async function runDialogueBench(opts: { pgUrl?: string }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const kinds: ("embedded" | "postgres")[] = opts.pgUrl ? ["embedded", "postgres"] : ["embedded"];
  for (const kind of kinds) {
    const db = await openBenchDb(kind, opts.pgUrl);
    try {
      await seedDemo(db.prisma, KIPP);
      rows.push(...(await longDialogue(db)));
      rows.push(...(await concurrentUsers(db, 50)));
      rows.push(...(await concurrentUsers(db, 200)));
    } finally {
      await db.close();
    }
  }
  return rows;
}
