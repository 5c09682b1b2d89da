import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphClient } from "../../src/channels/whatsapp-cloud/createGraphClient.ts";
import { UsageError } from "../../src/cli/cliContext.ts";
import { whatsappTemplates } from "../../src/cli/whatsAppTemplatesCommand.ts";
import { loadCloudTemplates } from "../../src/db/queries/whatsAppTemplates.ts";
import { FakeGraphApi } from "../fakes/fakeGraphApi.ts";
import { seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { makeCli } from "./cliHarness.ts";

let db: TestDb;
let fake: FakeGraphApi;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
  fake = new FakeGraphApi({
    token: "EAAG-cli-token-0123456789",
    phoneNumberId: "1234567",
    appSecret: "s".repeat(20),
    wabaId: "7654321",
  });
  await fake.start();
  fake.templates.push(
    { name: "pengumuman_klinik", language: "id", status: "APPROVED", body: "Pengumuman {{1}}: {{2}}" },
    { name: "pengingat_batas", language: "id", status: "PENDING", body: "Pengingat: {{1}}" },
  );
});
afterAll(async () => {
  await fake.stop();
  await db.close();
});

describe("klinik whatsapp templates", () => {
  const io = () => {
    const out: string[] = [];
    return {
      out,
      io: {
        out: (l: string) => out.push(l),
        err: () => {},
        env: { DATABASE_URL: db.url, LOG_LEVEL: "silent" },
      },
    };
  };
  const graph = () =>
    createGraphClient({
      graphUrl: `${fake.baseUrl}/v23.0`,
      token: "EAAG-cli-token-0123456789",
      phoneNumberId: "1234567",
      businessAccountId: "7654321",
    });

  it("stores an approved template with the parameter count WhatsApp Manager shows, and lists it", async () => {
    const comp = await db.prisma.competition.findFirstOrThrow({ select: { id: true, slug: true } });
    const { out, io: cli } = io();
    await whatsappTemplates(cli, comp.slug, { set: ["announcement=pengumuman_klinik:id"] }, graph());
    expect(await loadCloudTemplates(db.prisma, comp.id)).toEqual({
      announcement: { name: "pengumuman_klinik", language: "id", params: 2 },
    });
    expect(out.join("\n")).toContain("announcement: pengumuman_klinik (id, 2 parameters)");
    expect(await db.prisma.auditLog.count({ where: { action: "competition.whatsapp_templates" } })).toBe(1);
  });

  it("refuses a template that is not approved, missing in that language, or of the wrong shape, naming the problem", async () => {
    const comp = await db.prisma.competition.findFirstOrThrow({ select: { id: true, slug: true } });
    const before = await loadCloudTemplates(db.prisma, comp.id);
    const { io: cli } = io();
    await expect(
      whatsappTemplates(cli, comp.slug, { set: ["reminder=pengingat_batas:id"] }, graph()),
    ).rejects.toThrow(/PENDING, not APPROVED/);
    await expect(
      whatsappTemplates(cli, comp.slug, { set: ["reminder=pengumuman_klinik:en_US"] }, graph()),
    ).rejects.toThrow(/not found in WhatsApp Manager \(it exists in: id\)/);
    await expect(whatsappTemplates(cli, comp.slug, { set: ["notice=x:id"] }, graph())).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(
      whatsappTemplates(cli, comp.slug, { set: ["announcement=pengumuman_klinik:id:1"] }, graph()),
    ).rejects.toThrow(/has 2 body parameter/);
    expect(await loadCloudTemplates(db.prisma, comp.id)).toEqual(before);
  });

  it("from the command line without the Cloud API configured, the shape is checked and the operator told it is unchecked", async () => {
    const comp = await db.prisma.competition.findFirstOrThrow({ select: { slug: true } });
    const cli = makeCli(db);
    const ok = await cli.run("whatsapp", "templates", comp.slug, "--set", "reminder=pengingat_batas:id:1");
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("stored unchecked");
    expect(ok.out).toContain("reminder: pengingat_batas (id, 1 parameter)");
    const bad = await cli.run("whatsapp", "templates", comp.slug, "--set", "reminder=Pengingat Batas:id");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/lower case letters/);
  });

  it("competition create takes the templates too, and creates nothing when one is malformed", async () => {
    const cli = makeCli(db);
    const bad = await cli.run(
      "competition",
      "create",
      "--template",
      "kipp-2023-umum",
      "--name",
      "KIPP Uji Templat",
      "--deadline",
      "2099-05-06",
      "--whatsapp-template",
      "announcement=Bukan Nama:id",
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--whatsapp-template: .*lower case letters/);
    expect(await db.prisma.competition.count({ where: { name: "KIPP Uji Templat" } })).toBe(0);
    const ok = await cli.run(
      "competition",
      "create",
      "--template",
      "kipp-2023-umum",
      "--name",
      "KIPP Uji Templat",
      "--deadline",
      "2099-05-06",
      "--whatsapp-template",
      "announcement=pengumuman_klinik:id:2",
    );
    expect(ok.code).toBe(0);
    const c = await db.prisma.competition.findFirstOrThrow({
      where: { name: "KIPP Uji Templat" },
      select: { id: true },
    });
    expect(await loadCloudTemplates(db.prisma, c.id)).toEqual({
      announcement: { name: "pengumuman_klinik", language: "id", params: 2 },
    });
  });
});
