import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { createDatabase } from "../../src/db/createDatabase.ts";
import { FakeTelegramServer } from "../fakes/fakeTelegramServer.ts";
import { type BotProcess, runBot } from "../helpers/runBot.ts";
import { createProposal, TerminalPerson, writeSection } from "./chatPeople.ts";
import { KIPP, queueAnnouncement, runCrashScenario, seedRecipients } from "./crashScenario.ts";
import { embeddedTarget } from "./crashTargets.ts";
import { prng } from "./hostileMessages.ts";
import { soakReport, soakSize } from "./soakReport.ts";

// The bot as a real process, killed with SIGKILL at random moments while people draft proposals
// on Telegram and an announcement goes out. Short in `npm test`, full in `npm run test:soak`.
// The same on PostgreSQL, with one and with two processes: crashSuitePostgres.test.ts.
const DIALOGUES = soakSize(100, 6);
const KILLS = soakSize(12, 3);
const RECIPIENTS = soakSize(1_000, 150);
const titleOf = (key: string) => KIPP.sections.find((s) => s.key === key)!.title.id;
const TOKEN = "5151:crash-suite-token";

const dir = mkdtempSync(join(tmpdir(), "klinik-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const report = soakReport("crash suite (embedded database)");

it(`SIGKILL ${KILLS}× during ${DIALOGUES} dialogues and a broadcast to ${RECIPIENTS}: every message answered once, nothing sent twice outside ADR 0007's window`, async () => {
  const dataDir = join(dir, "data");
  const db = await createDatabase({ dataDir });
  try {
    await seedRecipients(db.prisma, RECIPIENTS);
  } finally {
    await db.close();
  }
  const fake = new FakeTelegramServer({ token: TOKEN });
  await fake.start();
  const env = {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    QUIET_HOURS: "off",
    BROADCAST_TELEGRAM_PER_SECOND: process.env.SOAK ? "100" : "40",
  };
  expect(await queueAnnouncement({ DATA_DIR: dataDir, ...env })).toMatch(
    new RegExp(`queued for ${RECIPIENTS} contact`),
  );
  const target = embeddedTarget(dataDir, fake, env);
  try {
    await runCrashScenario("crash suite", target, {
      fake,
      dialogues: DIALOGUES,
      kills: KILLS,
      recipients: RECIPIENTS,
      report,
    });
  } finally {
    await target.close();
    await fake.close();
  }
}, 600_000);

const TERMINAL_SECTIONS = process.env.SOAK
  ? KIPP.sections.map((s) => s.key)
  : ["ringkasan", "latar_belakang", "kebaruan", "implementasi"];
const TERMINAL_KILLS = soakSize(8, 2);
const terminalReport = soakReport("crash suite (terminal chat)");

it(`terminal chat: SIGKILL ${TERMINAL_KILLS}× while writing ${TERMINAL_SECTIONS.length} sections, nothing acknowledged lost`, async () => {
  const dataDir = join(dir, "terminal");
  const person = new TerminalPerson(() => up);
  let bot: BotProcess | undefined;
  let up: Promise<void> = Promise.resolve();
  const start = () => {
    bot = runBot({ DATA_DIR: dataDir });
    // A line typed into a bot just killed is gone (EPIPE); the person types it again.
    bot.child.stdin.on("error", () => undefined);
    terminalReport.watch(bot.child.pid);
    const mark = person.out.length;
    bot.child.stdout.on("data", (d) => (person.out += d));
    person.stdin = bot.child.stdin;
    // Up once the greeting (first start) or the welcome back is shown and has settled.
    up = (async () => {
      while (person.out.length === mark) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 400));
    })();
    return up;
  };
  const kills: number[] = [];
  try {
    await start();
    const rand = prng(7);
    let finished = false;
    const killer = (async () => {
      while (kills.length < TERMINAL_KILLS && !finished) {
        await new Promise((r) => setTimeout(r, 800 + rand() * 2_000));
        if (finished) break;
        const victim = bot!;
        victim.child.kill("SIGKILL");
        kills.push(Date.now());
        await victim.exited;
        await start();
      }
    })();
    const acknowledged: { key: string; text: string }[] = [];
    await createProposal(person, "Puskesmas Terminal", "Antrean Tanpa Kertas");
    for (const key of TERMINAL_SECTIONS) {
      const text = `Isi ${key} di terminal: 240 kunjungan per hari, antrean turun dari 3 jam menjadi 35 menit.`;
      await writeSection(person, titleOf(key), text);
      acknowledged.push({ key, text });
    }
    finished = true;
    await killer;
    bot!.child.stdin.end();
    expect(await bot!.exited).toBe(0);

    const db = await createDatabase({ dataDir });
    let lost = 0;
    try {
      for (const a of acknowledged) {
        const n = await db.prisma.sectionDraft.count({ where: { sectionKey: a.key, text: a.text } });
        if (n === 0) lost++;
      }
    } finally {
      await db.close();
    }
    process.stdout.write(
      `crash suite (terminal): sections acknowledged ${acknowledged.length}, kills ${kills.length}, lost ${lost}\n`,
    );
    // A line typed into a killed bot is gone with its stdin (the terminal has no inbox): the
    // person types it again. Lost here counts those lines; the sections are what is asserted.
    terminalReport.add({ sent: person.acts, replies: person.answered, lost: person.acts - person.answered });
    expect(kills.length).toBe(TERMINAL_KILLS);
    expect(acknowledged).toHaveLength(TERMINAL_SECTIONS.length);
    expect(lost).toBe(0);
  } finally {
    bot?.child.kill("SIGKILL");
  }
}, 600_000);
