import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useMultiFileAuthState } from "@whiskeysockets/baileys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCompetition, seedProposal } from "../app/status/statusHarness.ts";
import { SAMPLE } from "../docs/sampleProposal.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { makeCli, tmpPath } from "./cliHarness.ts";

let db: TestDb;
let competitionId: string;
beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
});
afterAll(async () => {
  await db.close();
});

describe("klinik whatsapp", () => {
  it("imports a paired Baileys auth folder once, reports the number, and logs out", async () => {
    const cli = makeCli(db);
    expect((await cli.run("whatsapp", "status")).out).toMatch(/^WhatsApp: not paired/);
    const dir = await mkdtemp(join(tmpdir(), "wa-cli-"));
    const files = await useMultiFileAuthState(dir);
    files.state.creds.me = { id: "6281234567890:12@s.whatsapp.net", name: "Sekretariat KIPP" };
    await files.saveCreds();
    await files.state.keys.set({
      "pre-key": { "1": { public: new Uint8Array([1]), private: new Uint8Array([2]) } },
    });

    expect(await cli.run("whatsapp", "import-auth", dir)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Imported 2 file/),
    });
    expect((await cli.run("whatsapp", "status")).out).toBe(
      "WhatsApp: paired as +6281234567890 (Sekretariat KIPP); 2 key(s) stored.",
    );
    const again = await cli.run("whatsapp", "import-auth", dir);
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/already stored.*--force/) });

    expect((await cli.run("whatsapp", "logout")).out).toMatch(/^WhatsApp session removed \(2 key/);
    expect(await db.prisma.whatsAppAuth.count()).toBe(0);
    expect((await cli.run("whatsapp", "status")).out).toMatch(/^WhatsApp: not paired/);
  });

  it("refuses a folder that is not a Baileys auth folder with one line and exit 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wa-cli-"));
    await writeFile(join(dir, "notes.txt"), "x");
    expect(await makeCli(db).run("whatsapp", "import-auth", dir)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^klinik: No creds\.json/),
    });
  });
});

describe("klinik proposal export / import", () => {
  it("exports a proposal as DOCX and imports it back into another proposal with the same sections", async () => {
    const cli = makeCli(db);
    const from = await seedProposal(db, competitionId, { title: "SIPANDU" });
    for (const [sectionKey, text] of Object.entries(SAMPLE))
      await db.prisma.sectionDraft.create({ data: { proposalId: from.id, sectionKey, text } });
    const out = tmpPath(`${from.code}.docx`);
    expect(await cli.run("proposal", "export", from.code, "--out", out)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Wrote .*\.docx/),
    });

    const to = await seedProposal(db, competitionId, { title: "Salinan" });
    const dry = await cli.run("proposal", "import", to.code, out, "--dry-run");
    expect(dry).toMatchObject({ code: 0, out: expect.stringContaining("Dry run: nothing saved.") });
    expect(await db.prisma.sectionDraft.count({ where: { proposalId: to.id } })).toBe(0);

    const saved = await cli.run("proposal", "import", to.code, out);
    expect(saved.code).toBe(0);
    expect(saved.out).toContain(`Saved ${Object.keys(SAMPLE).length} section(s) of ${to.code}`);
    const rows = await db.prisma.sectionDraft.findMany({
      where: { proposalId: to.id },
      select: { sectionKey: true, text: true },
    });
    expect(Object.fromEntries(rows.map((r) => [r.sectionKey, r.text]))).toEqual(SAMPLE);
  });

  it("bulk-exports a competition as CSV, and names an unknown code in one line", async () => {
    const cli = makeCli(db);
    const dir = tmpPath("bulk");
    const r = await cli.run(
      "export",
      "proposals",
      "--competition",
      "demo-kipp-2023-umum",
      "--format",
      "csv",
      "--out-dir",
      dir,
    );
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/proposals\.csv \(\d+ proposals\)/) });
    expect(await readdir(dir)).toEqual(["demo-kipp-2023-umum-proposals.csv"]);
    expect(await cli.run("proposal", "export", "KP-NOPE")).toMatchObject({
      code: 1,
      err: 'klinik: no proposal with code "KP-NOPE"',
    });
  });
});

describe("klinik broadcast and reminders", () => {
  it("are reachable from the CLI and explain missing arguments", async () => {
    const cli = makeCli(db);
    expect(await cli.run("broadcast", "create")).toMatchObject({
      code: 2,
      err: "klinik: broadcast create needs --competition <slug>",
    });
    expect(await cli.run("broadcast", "report", "zzzz")).toMatchObject({
      code: 2,
      err: expect.stringContaining("zzzz"),
    });
    expect(await cli.run("reminders", "run")).toMatchObject({ code: 0 });
  });
});
