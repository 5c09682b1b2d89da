import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pipelineTexts } from "../../../src/core/i18n/pipelineTexts.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import {
  makeSecretariat,
  Person,
  seedCompetition,
  seedMember,
  seedProposal,
  wholeApp,
} from "../status/statusHarness.ts";

let db: TestDb;
let competitionId: string;
beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
});
afterAll(async () => {
  await db.close();
});

const handler = () => wholeApp(db);

/**
 * The secretariat's chat commands have no refusal of their own: the registry's access
 * middleware refuses everyone who is not secretariat anywhere, audited, before a handler runs.
 */
describe("secretariat commands, asked by someone else", () => {
  const refused = pipelineTexts("id").onlySecretariat;

  it("refuses a participant and a judge /tahap, /rekap, /umumkan, /laporan and /audit, and changes nothing", async () => {
    const h = handler();
    const p = await seedProposal(db, competitionId);
    const member = await seedMember(db, p.unitId);
    const judge = await seedMember(db, undefined);
    await db.prisma.staffRole.create({
      data: { contactId: judge.contactId, competitionId, role: "judge", judgeRef: "J-acc" },
    });
    const commands = [
      ["tahap", `/tahap ${p.code} verifikasi_administrasi`],
      ["tahap", `/stage ${p.code} verifikasi_administrasi`],
      ["rekap", "/rekap"],
      ["rekap", "/summary"],
      ["umumkan", "/umumkan"],
      ["umumkan", "/announce"],
      ["laporan", "/laporan"],
      ["audit", "/audit"],
      ["audit", `/audit ${p.code}`],
      ["audit", "/riwayattindakan"],
    ] as const;
    for (const who of [member, judge]) {
      const person = new Person(h, who.userId);
      for (const [, text] of commands) expect(await person.say(text), text).toBe(refused);
      // Not even a compose draft was started: the next message is coaching, not an audience choice.
      expect(await person.say("semua")).not.toContain("Kepada siapa");
      const denied = await db.prisma.auditLog.findMany({
        where: { action: "access.denied", actorId: who.contactId },
        select: { details: true },
      });
      expect(denied.map((d) => (d.details as { what: string }).what).sort()).toEqual(
        commands.map(([name]) => name).sort(),
      );
    }
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: p.id } })).stage).toBe("pendaftaran");
    expect(await db.prisma.announcement.count()).toBe(0);
  });

  it("lets the competition's secretariat through each of them", async () => {
    const h = handler();
    const s = new Person(h, (await makeSecretariat(db, competitionId)).userId);
    expect(await s.say("/tahap")).toContain("Cara pakai: /tahap");
    expect(await s.say("/rekap")).toContain("Rekap ");
    expect(await s.say("/laporan")).not.toBe(refused);
    expect(await s.say("/audit")).not.toBe(refused);
    expect(await s.say("/umumkan")).toContain("Kepada siapa");
  });
});
