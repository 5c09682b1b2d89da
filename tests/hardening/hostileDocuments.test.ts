import { writeFileSync } from "node:fs";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCompetitionCache } from "../../src/app/competitionCache.ts";
import { createDocumentRoutes } from "../../src/app/documents/createDocumentRoutes.ts";
import { channelTexts } from "../../src/core/i18n/channelTexts.ts";
import { importFailureTexts } from "../../src/core/importing/importTexts.ts";
import { createIsolatedExtractor } from "../../src/docs/extractInWorker.ts";
import { startHarness } from "../channels/telegram/harness.ts";
import { makeCli, tmpPath } from "../cli/cliHarness.ts";
import { documentMessage, telegramUser, textMessage } from "../fakes/telegramUpdates.ts";
import { makeHandler, Person, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import {
  deepDocx,
  docxBomb,
  entityDocx,
  heavyPagePdf,
  lyingDocxBomb,
  manyEntriesDocx,
  manyPagesPdf,
  plainDocx,
  xlsxBomb,
} from "./hostileDocuments.ts";
import { soakReport } from "./soakReport.ts";

/** Each hostile document, what it is, and the reason it must be refused with. */
const HOSTILE = [
  { name: "zip bomb, 400 MB unpacked", file: "bom.docx", make: () => docxBomb(400), reason: "too_complex" },
  {
    name: "zip bomb with lying headers",
    file: "bohong.docx",
    make: () => lyingDocxBomb(400),
    reason: "too_complex",
  },
  {
    name: "XML nested 100,000 deep",
    file: "dalam.docx",
    make: () => deepDocx(100_000),
    reason: "too_complex",
  },
  { name: "XML entity expansion", file: "lol.docx", make: () => entityDocx(), reason: "too_complex" },
  {
    name: "5,000 zip entries",
    file: "banyak.docx",
    make: () => manyEntriesDocx(5_000),
    reason: "too_complex",
  },
  { name: "5,000-page PDF", file: "tebal.pdf", make: () => manyPagesPdf(5_000), reason: "too_many_pages" },
  {
    name: "PDF page inflating to 300 MB",
    file: "berat.pdf",
    make: () => heavyPagePdf(300),
    reason: "too_complex",
  },
] as const;

const MB = 1024 * 1024;

/** Samples the process's resident memory (every thread, every buffer) until stopped. */
function peakRss() {
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      return {
        baseMb: Math.round(base / MB),
        peakMb: Math.round(peak / MB),
        growthMb: Math.round((peak - base) / MB),
      };
    },
  };
}

const soak = soakReport("hostile documents", { inProcess: true });

describe("hostile documents are refused within bounds", () => {
  it("every one fails only its own parse, politely, with bounded memory; a good file still reads", async () => {
    const extract = createIsolatedExtractor();
    const figures: string[] = [];
    let worst = 0;
    for (const h of HOSTILE) {
      const bytes = h.make();
      const rss = peakRss();
      const t = Date.now();
      const r = await extract(bytes, h.file);
      const m = rss.stop();
      worst = Math.max(worst, m.growthMb);
      figures.push(
        `${h.name}: ${Math.round(bytes.byteLength / 1024)} KB, ${Date.now() - t} ms, peak rss +${m.growthMb} MB`,
      );
      expect({ name: h.name, r }).toEqual({ name: h.name, r: { ok: false, reason: h.reason } });
    }
    const good = await extract(plainDocx(["Ringkasan", "Layanan jemput bola untuk lansia."]), "baik.docx");
    expect(good).toEqual({ ok: true, text: "Ringkasan\n\nLayanan jemput bola untuk lansia." });
    process.stdout.write(`hostile documents: ${figures.join("; ")}\n`);
    // The parser threads' heaps are capped at 192 MB and the watchdog stops parses past +320 MB.
    expect(worst).toBeLessThan(640);
  }, 180_000);
});

describe("the bot while one person sends hostile documents", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await seedKipp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it("answers every other person, and refuses each document politely without crashing", async () => {
    const competitions = createCompetitionCache(db.prisma);
    const handler = makeHandler(db, {
      competitions,
      middleware: [createDocumentRoutes({ db: db.prisma, competitions, logger: pino({ level: "silent" }) })],
    });
    const attacker = telegramUser(9_400);
    await new Person(handler, String(attacker.id)).createProposal("Inovasi Berkas Berbahaya");
    const h = await startHarness({ channel: { flood: { limit: 1_000_000, windowMs: 1_000 } } });
    h.handler = handler;
    const rss = peakRss();
    try {
      HOSTILE.forEach((d, i) => {
        const bytes = d.make();
        h.fake.addFile(`hostile${i}`, bytes, { fileName: d.file });
        h.fake.injectUpdate(
          documentMessage(attacker, { fileId: `hostile${i}`, fileName: d.file, size: bytes.byteLength }),
        );
      });
      const others = Array.from({ length: 5 }, (_, i) => telegramUser(9_500 + i));
      for (let round = 0; round < 4; round++)
        for (const u of others) h.fake.injectUpdate(textMessage(u, round === 0 ? "halo" : "/bantuan"));
      for (const u of others) await h.fake.waitForMessages(u.id, 4, 60_000);
      const answeredOthersAt = Date.now();
      const replies = await h.fake.waitForMessages(attacker.id, HOSTILE.length, 120_000);
      const doneAt = Date.now();
      const texts = replies.map((m) => m.text);
      for (const d of HOSTILE) expect(texts).toContain(importFailureTexts("id")[d.reason]);
      expect(texts).not.toContain(channelTexts("id").apology);
      // The others were not queued behind the parses.
      expect(answeredOthersAt).toBeLessThanOrEqual(doneAt);
      const m = rss.stop();
      const otherReplies = others.reduce((n, u) => n + h.fake.messagesTo(u.id).length, 0);
      const refused = HOSTILE.filter((d) => texts.includes(importFailureTexts("id")[d.reason])).length;
      soak.add({
        sent: HOSTILE.length + others.length * 4,
        replies: replies.length + otherReplies,
        lost: HOSTILE.length - refused,
        crashed: texts.filter((t) => t === channelTexts("id").apology).length,
      });
      process.stdout.write(
        `hostile documents through Telegram: ${HOSTILE.length} documents refused, ${others.length} others answered; rss ${m.baseMb} → peak ${m.peakMb} MB\n`,
      );
      expect(m.growthMb).toBeLessThan(640);
    } finally {
      rss.stop();
      await h.close();
    }
  }, 240_000);
});

describe("hostile tables given to the CLI imports", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await seedKipp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it("refuses an XLSX bomb and a CSV with too many rows before reading them, changing nothing", async () => {
    const cli = makeCli(db);
    const bomb = tmpPath("bom.xlsx");
    writeFileSync(bomb, xlsxBomb(400));
    const r = await cli.run("units", "import", bomb, "--competition", "demo-kipp-2023-umum");
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining("unpacks beyond the import limits") });
    const long = tmpPath("panjang.csv");
    writeFileSync(long, `kode,tahap\n${"KP-AAAA,top99\n".repeat(50_001)}`);
    expect(await cli.run("status", "import", long, "--yes")).toMatchObject({
      code: 1,
      err: expect.stringContaining("more than 50000 rows"),
    });
    expect(
      await db.prisma.auditLog.count({ where: { action: { in: ["units.import", "stage.import"] } } }),
    ).toBe(0);
  }, 60_000);
});
