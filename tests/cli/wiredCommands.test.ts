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

    const refused = await cli.run("whatsapp", "logout");
    expect(refused).toMatchObject({ code: 2, err: expect.stringContaining("--yes") });
    expect(refused.out).toContain("removes the stored WhatsApp session (2 key(s))");
    expect(await db.prisma.whatsAppAuth.count()).toBe(2);
    expect((await cli.run("whatsapp", "logout", "--yes")).out).toMatch(/WhatsApp session removed \(2 key/);
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

describe("klinik report llm-usage", () => {
  it("sums calls and tokens per purpose, model and outcome over the last days", async () => {
    const cli = makeCli(db);
    expect((await cli.run("report", "llm-usage")).out).toContain("no calls");
    const contact = await db.prisma.contact.create({ data: { displayName: "Ani" } });
    const base = {
      contactId: contact.id,
      competitionId,
      model: "gpt-4o-mini",
      promptId: "section-feedback.v1",
    };
    await db.prisma.llmUsage.createMany({
      data: [
        { ...base, purpose: "section_feedback", outcome: "ok", promptTokens: 900, completionTokens: 200 },
        { ...base, purpose: "section_feedback", outcome: "ok", promptTokens: 1100, completionTokens: 300 },
        {
          ...base,
          purpose: "section_feedback",
          outcome: "schema_violation",
          promptTokens: 800,
          completionTokens: 50,
        },
        {
          ...base,
          purpose: "intent",
          outcome: "ok",
          promptTokens: 100,
          completionTokens: 5,
          createdAt: new Date("2020-01-01"),
        },
      ],
    });
    const r = await cli.run("report", "llm-usage", "--competition", "demo-kipp-2023-umum", "--days", "7");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/section_feedback\s+gpt-4o-mini\s+ok\s+2\s+2000\s+500/);
    expect(r.out).toMatch(/section_feedback\s+gpt-4o-mini\s+schema_violation\s+1\s+800\s+50/);
    expect(r.out).not.toContain("intent");
    expect(r.out).toContain(`${contact.id}  3  3350`);
    expect(await cli.run("report", "llm-usage", "--days", "0")).toMatchObject({ code: 2 });
  });
});
