import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { seedDemo } from "../../src/app/seedDemo.ts";
import { loadTemplateFile } from "../../src/core/templates/loadTemplates.ts";
import type { PrismaClient } from "../../src/db/generated/client.ts";
import type { FakeTelegramServer } from "../fakes/fakeTelegramServer.ts";
import { createProposal, type TelegramPerson, writeSection } from "./chatPeople.ts";
import { prng } from "./hostileMessages.ts";
import { countReplies } from "./replyLedger.ts";
import type { SoakReport } from "./soakReport.ts";

export const KIPP = loadTemplateFile("prompts/templates/kipp-2023-umum.json");
export const SLUG = "demo-kipp-2023-umum";
const SECTIONS = ["ringkasan", "latar_belakang", "kebaruan"];
const ANNOUNCEMENT = "PENGUMUMAN-UJI: batas unggah proposal diperpanjang.";
const titleOf = (key: string) => KIPP.sections.find((s) => s.key === key)!.title.id;

/** What may be repeated after a kill (ADR 0007): rows the dead process had not confirmed yet. */
export interface Unconfirmed {
  /** ProcessedUpdate keys done whose replies were not confirmed sent. */
  updates: string[];
  /** Chats of deliveries still 'sending'. */
  chats: number[];
}

/**
 * One deployment under test: the bot processes (slots), how people reach them, and the database.
 * The embedded database runs one process; PostgreSQL one or several.
 */
export interface CrashTarget {
  slots: number;
  /** Starts (or restarts) the process in a slot; resolves once it takes messages. */
  start(slot: number): Promise<void>;
  /** Resolves once every slot's process takes messages. */
  up(): Promise<void>;
  /** SIGKILLs the process in a slot and waits for its exit. */
  kill(slot: number): Promise<void>;
  /** Read right after a kill, before the restart. */
  unconfirmed(): Promise<Unconfirmed>;
  person(id: number): TelegramPerson;
  pids(): number[];
  /** Exits nobody asked for, and error or fatal log lines, so far. */
  crashes(): string[];
  /** SIGTERM to every process; resolves with their exit codes. */
  stop(): Promise<(number | null)[]>;
  withDb<T>(f: (prisma: PrismaClient) => Promise<T>): Promise<T>;
  botId: string;
  /** SIGKILLs whatever still runs (after a failure) and frees what the target holds. */
  close(): Promise<void>;
}

/** Units with a Telegram contact each (chat ids 800000+), so the announcement has many recipients. */
export async function seedRecipients(prisma: PrismaClient, recipients: number): Promise<void> {
  await seedDemo(prisma, KIPP);
  const c = await prisma.competition.findUniqueOrThrow({ where: { slug: SLUG } });
  const ids = Array.from({ length: recipients }, (_, i) => i);
  await prisma.unit.createMany({ data: ids.map((i) => ({ id: `cu${i}`, name: `Unit Siaran ${i}` })) });
  await prisma.contact.createMany({ data: ids.map((i) => ({ id: `cc${i}`, displayName: `Peserta ${i}` })) });
  await prisma.channelIdentity.createMany({
    data: ids.map((i) => ({ contactId: `cc${i}`, channel: "telegram", externalId: String(800_000 + i) })),
  });
  await prisma.membership.createMany({ data: ids.map((i) => ({ contactId: `cc${i}`, unitId: `cu${i}` })) });
  await prisma.proposal.createMany({
    data: ids.map((i) => ({
      id: `cp${i}`,
      competitionId: c.id,
      unitId: `cu${i}`,
      code: `KP-C${i}`,
      title: `Inovasi ${i}`,
      stage: "pendaftaran",
      group: "umum",
    })),
  });
}

/** `klinik broadcast create` as the operator runs it, before the bot starts. */
export function queueAnnouncement(env: Record<string, string>): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "klinik-announce-")), "announcement.txt");
  writeFileSync(file, ANNOUNCEMENT);
  const args = ["broadcast", "create", "--competition", SLUG, "--text-file", file, "--urgent", "--yes"];
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`broadcast create: ${out}`)))),
  );
}

/** Announcement copies per recipient chat, with the times the fake Bot API received them. */
function copies(fake: FakeTelegramServer): Map<number, number[]> {
  const byChat = new Map<number, number[]>();
  for (const c of fake.callsOf("sendMessage")) {
    if (c.status !== 200 || !String(c.params.text).includes("PENGUMUMAN-UJI")) continue;
    const chat = Number(c.params.chat_id);
    byChat.set(chat, [...(byChat.get(chat) ?? []), c.at]);
  }
  return byChat;
}

/**
 * People draft proposals on Telegram while an announcement goes out and bot processes are
 * SIGKILLed at random moments (and restarted). Then: every message got exactly one reply; every
 * section a person was told was saved is saved; every recipient got the announcement, and only
 * recipients whose delivery was still 'sending' at a kill got it twice (ADR 0007).
 */
export async function runCrashScenario(
  name: string,
  t: CrashTarget,
  o: {
    fake: FakeTelegramServer;
    dialogues: number;
    kills: number;
    recipients: number;
    report: SoakReport;
  },
): Promise<void> {
  const { fake } = o;
  const kills: number[] = [];
  const mayRepeat: Unconfirmed = { updates: [], chats: [] };
  for (let s = 0; s < t.slots; s++) await t.start(s);
  for (const pid of t.pids()) o.report.watch(pid);
  const rand = prng(2026 + t.slots);
  let finished = false;
  const killer = (async () => {
    while (kills.length < o.kills && !finished) {
      // Kills come faster than a dialogue ends, so all of them fall while people are writing.
      await new Promise((r) => setTimeout(r, 800 + rand() * 1_500));
      if (finished) break;
      const slot = Math.floor(rand() * t.slots);
      await t.kill(slot);
      kills.push(Date.now());
      const u = await t.unconfirmed();
      mayRepeat.updates.push(...u.updates);
      mayRepeat.chats.push(...u.chats);
      await t.start(slot);
      for (const pid of t.pids()) o.report.watch(pid);
    }
  })();

  const acknowledged: { userId: number; key: string; text: string }[] = [];
  const people = Array.from({ length: o.dialogues }, (_, i) => t.person(70_000 + i));
  await Promise.all(
    people.map(async (p, i) => {
      await new Promise((r) => setTimeout(r, i * 60)); // people arrive one after another
      await createProposal(p, `Unit ${p.id}`, `Inovasi Uji ${p.id}`);
      for (const key of SECTIONS) {
        const text = `Teks ${key} dari pengguna ${p.id}: waktu tunggu turun dari 120 menjadi 30 menit.`;
        await writeSection(p, titleOf(key), text);
        acknowledged.push({ userId: p.id, key, text });
      }
    }),
  );
  finished = true;
  await killer;
  await fake.waitUntil(() => copies(fake).size >= o.recipients, "every recipient reached", 150_000);
  await new Promise((r) => setTimeout(r, 1_000)); // a late reply or copy would show now
  const crashes = t.crashes();
  expect(await t.stop()).toEqual(Array.from({ length: t.slots }, () => 0));

  const { lost, counted, savedLost } = await t.withDb(async (prisma) => {
    let savedLost = 0;
    for (const a of acknowledged) {
      const drafts = await prisma.sectionDraft.findMany({
        where: {
          sectionKey: a.key,
          proposal: {
            unit: {
              memberships: {
                some: {
                  contact: { identities: { some: { channel: "telegram", externalId: String(a.userId) } } },
                },
              },
            },
          },
        },
        select: { text: true },
      });
      if (!drafts.some((d) => d.text === a.text)) savedLost++;
    }
    const counted = await countReplies(
      prisma,
      fake,
      people,
      t.botId,
      (text) => text.includes("PENGUMUMAN-UJI"),
      mayRepeat.updates,
    );
    return { lost: counted.lost, counted, savedLost };
  });

  const byChat = copies(fake);
  const doubledChats = [...byChat].filter(([, ats]) => ats.length > 1).map(([chat]) => chat);
  const outsideWindow = doubledChats.filter((chat) => !mayRepeat.chats.includes(chat));
  const repliesOutside = counted.doubledIds.filter((k) => !mayRepeat.updates.includes(k));
  const undelivered = o.recipients - [...byChat.keys()].filter((id) => id >= 800_000).length;
  o.report.add({
    sent: counted.sent,
    replies: counted.replies,
    lost,
    doubled: counted.doubled,
    crashed: crashes.length,
  });
  process.stdout.write(
    `${name}: ${t.slots} process(es), kills ${kills.length}; dialogues ${o.dialogues}: messages ${counted.sent}, ` +
      `replies ${counted.replies}, lost ${lost}, doubled ${counted.doubled} (unconfirmed at a kill ` +
      `${counted.doubled - repliesOutside.length}), sections saved but missing ${savedLost}; announcement ` +
      `${o.recipients} recipients, undelivered ${undelivered}, doubled ${doubledChats.length} (still ` +
      `'sending' at a kill ${doubledChats.length - outsideWindow.length}); crashed ${crashes.length}\n`,
  );
  expect(kills.length).toBe(o.kills);
  expect(acknowledged).toHaveLength(o.dialogues * SECTIONS.length);
  expect(savedLost).toBe(0);
  expect(lost, counted.lostExamples.join("\n")).toBe(0);
  // ADR 0007: a person sees a reply twice only if the kill fell between sending it and
  // recording that it was sent.
  expect(repliesOutside).toEqual([]);
  expect(undelivered).toBe(0);
  expect(outsideWindow).toEqual([]);
  expect(crashes).toEqual([]);
}
