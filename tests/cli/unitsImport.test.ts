import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCompetition } from "../app/status/statusHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { csvFile, makeCli, xlsxFile } from "./cliHarness.ts";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedCompetition(db);
});
afterAll(async () => {
  await db.close();
});

const SLUG = "demo-kipp-2023-umum";
const HEADER = [
  "unit",
  "instansi",
  "kind",
  "region",
  "proposal title",
  "group",
  "category",
  "contact names",
  "phone numbers",
  "telegram usernames",
];

describe("klinik units import", () => {
  it("applies nothing and reports every bad row", async () => {
    const cli = makeCli(db);
    const file = csvFile(
      [
        HEADER,
        [
          "Dukcapil Banyumas",
          "Pemkab Banyumas",
          "Pemda",
          "Jawa Tengah",
          "Jemput Bola",
          "umum",
          "",
          "Sari",
          "081234567001",
          "",
        ],
        ["", "Pemkab Banyumas", "Pemda", "", "Tanpa Unit", "umum", "", "", "", ""],
        ["RSUD Ajibarang", "Pemkab Banyumas", "Kementerian", "", "Antrean", "umum", "", "", "", ""],
        ["Samsat", "Bapenda", "Pemda", "", "Pajak Keliling", "juara", "", "Budi", "12ab", "@b"],
        [
          "Dukcapil Banyumas",
          "Pemkab Banyumas",
          "Pemda",
          "Jawa Tengah",
          "jemput bola",
          "umum",
          "",
          "",
          "",
          "",
        ],
      ],
      ";",
    );
    const r = await cli.run("units", "import", file, "--competition", SLUG);
    expect(r.code).toBe(1);
    expect(r.err).toContain("nothing was imported");
    expect(r.err).toContain('row 3, column "unit": unit is empty');
    expect(r.err).toContain('row 4, column "kind": "Kementerian" is not one of K/L, Pemda, BUMN, BUMD');
    expect(r.err).toContain('row 5, column "group": "juara" is not a group');
    expect(r.err).toContain('row 5, column "phones": "12ab" is not a phone number');
    expect(r.err).toContain('row 5, column "usernames": "@b" is not a Telegram username');
    expect(r.err).toContain('row 6, column "title": same unit and title as row 2');
    expect(r.err).not.toContain("row 2,");
    expect(await db.prisma.unit.count()).toBe(0);
    expect(await db.prisma.proposal.count()).toBe(0);
    expect(await db.prisma.contact.count()).toBe(0);
  });

  it("imports an XLSX sheet: units, coded proposals at the first stage, contacts with E.164 phones and usernames", async () => {
    const cli = makeCli(db);
    const file = await xlsxFile([
      HEADER,
      [
        "Puskesmas Sukamaju",
        "Pemkot Bandung",
        "Pemda",
        "Jawa Barat",
        "Posyandu Digital",
        "Kelompok Umum",
        "inklusif_berkeadilan",
        "Sari; Budi",
        "0812 3456 7002; 6281398765432",
        "; @budi_sukamaju",
      ],
      [
        "Samsat Bandung",
        "Bapenda Jabar",
        "BUMD",
        "Jawa Barat",
        "Samsat Keliling",
        "khusus",
        "",
        "Rina",
        81211112222,
        "",
      ],
    ]);
    const r = await cli.run("units", "import", file, "--competition", SLUG);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Imported 2 row(s) into demo-kipp-2023-umum: 2 proposal(s) created, 0 updated; 3 contact(s) created, 3 membership(s) added.",
    );
    const codes = [...r.out.matchAll(/^(KP-[2-9A-HJ-NP-Z]{10})\t/gm)].map((m) => m[1]);
    expect(codes).toHaveLength(2);
    const p = await db.prisma.proposal.findUniqueOrThrow({
      where: { code: codes[0]! },
      select: {
        title: true,
        group: true,
        category: true,
        stage: true,
        events: true,
        unit: { select: { name: true, kind: true, region: true } },
      },
    });
    expect(p).toMatchObject({
      title: "Posyandu Digital",
      group: "umum",
      category: "inklusif_berkeadilan",
      stage: "pendaftaran",
    });
    expect(p.unit).toEqual({ name: "Puskesmas Sukamaju", kind: "PEMDA", region: "Jawa Barat" });
    expect(p.events.map((e) => e.stage)).toEqual(["pendaftaran"]);
    const ids = await db.prisma.channelIdentity.findMany({
      select: { channel: true, externalId: true, phone: true, username: true },
      orderBy: { externalId: "asc" },
    });
    expect(ids).toEqual([
      { channel: "import", externalId: "phone:+6281211112222", phone: "+6281211112222", username: null },
      { channel: "import", externalId: "phone:+6281234567002", phone: "+6281234567002", username: null },
      { channel: "import", externalId: "phone:+6281398765432", phone: "+6281398765432", username: null },
      { channel: "import", externalId: "telegram:budi_sukamaju", phone: null, username: "budi_sukamaju" },
    ]);
    const budi = await db.prisma.contact.findFirstOrThrow({
      where: { displayName: "Budi" },
      select: { identities: true, memberships: true },
    });
    expect(budi.identities).toHaveLength(2);
    expect(budi.memberships).toHaveLength(1);
    expect((await db.prisma.unit.findFirstOrThrow({ where: { name: "Samsat Bandung" } })).kind).toBe("BUMD");
    expect(await db.prisma.auditLog.count({ where: { action: "units.import" } })).toBe(1);
    // Imported, never written to the bot: not active, so the report shows them stuck, never seen.
    expect(await db.prisma.contact.count({ where: { lastActiveAt: { not: null } } })).toBe(0);
    const report = await cli.run("report", "--competition", SLUG);
    expect(report.out).toMatch(/Puskesmas Sukamaju.*(never|belum pernah)/);

    // Importing the same sheet again changes nothing and keeps the codes.
    const again = await cli.run("units", "import", file, "--competition", SLUG);
    expect(again.out).toContain(
      "0 proposal(s) created, 2 updated; 0 contact(s) created, 0 membership(s) added.",
    );
    expect([...again.out.matchAll(/^(KP-\w{10})\t/gm)].map((m) => m[1])).toEqual(codes);
    expect(await db.prisma.proposal.count()).toBe(2);
  });

  it("needs --competition, a known competition and a readable file", async () => {
    const cli = makeCli(db);
    const file = csvFile([HEADER]);
    expect((await cli.run("units", "import", file)).code).toBe(2);
    const unknown = await cli.run("units", "import", file, "--competition", "nope");
    expect(unknown).toMatchObject({
      code: 1,
      err: 'klinik: unknown competition "nope" (see: klinik competition list)',
    });
    const noCols = await cli.run(
      "units",
      "import",
      csvFile([
        ["nama", "alamat"],
        ["a", "b"],
      ]),
      "--competition",
      SLUG,
    );
    expect(noCols.code).toBe(1);
    expect(noCols.err).toContain("missing column(s) unit, title");
    const extra = await cli.run(
      "units",
      "import",
      csvFile([
        [...HEADER, "email"],
        ["Dukcapil Uji", "Pemkab Uji", "Pemda", "", "Inovasi Email", "umum", "", "", "", "", "a@b.id"],
      ]),
      "--competition",
      SLUG,
    );
    expect(extra.code).toBe(1);
    expect(extra.err).toMatch(
      /unknown column\(s\) "email"; valid columns: unit, instansi, kind, region, title/,
    );
    expect(await db.prisma.proposal.count({ where: { title: "Inovasi Email" } })).toBe(0);
  });
});
