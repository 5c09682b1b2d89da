import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCompetitionCache } from "../../src/app/competitionCache.ts";
import { createDocumentRoutes } from "../../src/app/documents/createDocumentRoutes.ts";
import type { Attachment } from "../../src/core/messages.ts";
import { makeDocx, makeImageOnlyPdf } from "../docs/fixtures.ts";
import { fixture, makeHandler, Person, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterAll(async () => {
  await db.close();
});

function handler() {
  const competitions = createCompetitionCache(db.prisma, { ttlMs: 0 });
  return makeHandler(db, {
    competitions,
    routes: createDocumentRoutes({ db: db.prisma, competitions, logger: pino({ level: "silent" }) }),
  });
}

function doc(bytes: Uint8Array, fileName: string): Attachment {
  return { kind: "document", fileName, size: bytes.byteLength, fetch: async () => bytes };
}

async function drafts(code: string) {
  const rows = await db.prisma.sectionDraft.findMany({
    where: { proposal: { code } },
    select: { sectionKey: true, text: true },
  });
  return Object.fromEntries(rows.map((r) => [r.sectionKey, r.text]));
}

describe("bring your own draft in chat", () => {
  it("a DOCX sent in chat is split into sections, shown, and saved as new revisions on confirmation", async () => {
    const p = new Person(handler());
    const code = /kode (KP-[A-Z0-9]{10})/.exec(await p.createProposal("Inovasi Impor Berkas"))![1]!;
    const bytes = await makeDocx([
      { text: "Catatan pembuka dari tim inovasi." },
      { heading: "1. RINGKASAN" },
      { text: fixture("ringkasan", "good") },
      { heading: "II. Signifikansi" },
      { text: fixture("signifikansi", "good") },
    ]);
    const preview = await p.send(p.message(undefined, { attachment: doc(bytes, "draf.docx") }));
    expect(preview).toContain("Ringkasan");
    expect(preview).toContain("Signifikansi");
    expect(preview).toContain("Catatan pembuka");
    expect(await drafts(code)).toEqual({});
    await p.press("imp:assign:0");
    await p.press("imp:to:0:latar_belakang");
    const saved = await p.press("imp:save");
    expect(saved).toMatch(/Tersimpan: 3 bagian/);
    const now = await drafts(code);
    expect(now.ringkasan).toBe(fixture("ringkasan", "good"));
    expect(now.signifikansi).toBe(fixture("signifikansi", "good"));
    expect(now.latar_belakang).toContain("Catatan pembuka dari tim inovasi.");
    const revs = await db.prisma.sectionRevision.findMany({
      where: { draft: { proposal: { code } } },
      select: { source: true },
    });
    expect(revs.map((r) => r.source)).toEqual(["import", "import", "import"]);
  });

  it("a scanned (image-only) PDF and corrupt bytes get their message and change nothing", async () => {
    const p = new Person(handler());
    const code = /kode (KP-[A-Z0-9]{10})/.exec(await p.createProposal("Inovasi Berkas Rusak"))![1]!;
    const scanned = await p.send(
      p.message(undefined, { attachment: doc(await makeImageOnlyPdf(2), "scan.pdf") }),
    );
    expect(scanned).toContain("hasil pindai, jadi teksnya tidak bisa dibaca");
    const corrupt = await p.send(
      p.message(undefined, { attachment: doc(new Uint8Array([37, 80, 68, 70, 1, 2, 3]), "rusak.pdf") }),
    );
    expect(corrupt).toContain("berkasnya tidak bisa dibuka");
    expect(await drafts(code)).toEqual({});
    expect(await p.press("imp:save")).toContain("Impor dibatalkan; tidak ada yang diubah");
    expect(await drafts(code)).toEqual({});
  });

  it("/ekspor sends the proposal as a Word document; /ekspor teks as text for SINOVIK", async () => {
    const p = new Person(handler());
    const code = /kode (KP-[A-Z0-9]{10})/.exec(await p.createProposal("Inovasi Ekspor"))![1]!;
    await p.say(fixture("ringkasan", "good"));
    await p.say("selesai");
    const out = await p.say("/ekspor");
    expect(out).toContain(`Proposal ${code} dalam format Word`);
    const d = p.last[0]!.document!;
    expect(d.fileName).toMatch(/\.docx$/);
    expect(Buffer.from(d.data.slice(0, 2)).toString()).toBe("PK");
    await p.say("/ekspor teks");
    const txt = Buffer.from(p.last[0]!.document!.data).toString("utf8");
    expect(txt).toContain("=== Ringkasan");
    expect(txt).toContain(fixture("ringkasan", "good").slice(0, 60));
  });
});
