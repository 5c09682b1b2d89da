import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmDelivered,
  type IncomingMessage,
  type OutgoingMessage,
  plainText,
} from "../../../src/core/messages.ts";
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

const app = () => wholeApp(db);

const texts = (r: OutgoingMessage[]) => r.map((m) => plainText(m.text));

/**
 * One message delivered again and again, as a channel that redelivers would: the first is
 * answered; a repeat while the same process is sending the replies is silent; a repeat after that
 * process was killed before the channel confirmed sending (another process, or the restarted one,
 * gets it) brings the same replies again, not a second effect; once sent, a repeat is silent.
 */
async function deliverThrice(handler: ReturnType<typeof app>, p: Person, m: IncomingMessage) {
  const label = m.text ?? m.choice;
  const first = await handler(m);
  expect(await handler(m), `${label}: repeat while this process sends it`).toEqual([]);
  const restarted = app(); // this process was killed before the channel confirmed sending
  const again = await restarted(m);
  expect(texts(again), `${label}: repeat after a kill before sending`).toEqual(texts(first));
  await confirmDelivered(again);
  expect(await restarted(m), `${label}: repeat after sending`).toEqual([]);
  p.last = first;
  return first;
}

describe("every command and confirmation, repeated", () => {
  it("a participant's commands are answered once and act once", async () => {
    const handler = app();
    const proposal = await seedProposal(db, competitionId);
    const member = await seedMember(db, proposal.unitId);
    const p = new Person(handler, member.userId);
    for (const text of [
      "/mulai",
      "/status",
      "/nilai",
      "/datasaya",
      "/bantuan",
      "/ekspor",
      "/saran",
      "/tautkan",
    ])
      expect((await deliverThrice(handler, p, p.message(text))).length, text).toBeGreaterThan(0);

    await deliverThrice(handler, p, p.message("/berhenti"));
    expect(
      await db.prisma.auditLog.count({ where: { actorId: member.contactId, action: "broadcast.optOut" } }),
    ).toBe(1);
    await deliverThrice(handler, p, p.message("/mulai"));
    expect(
      await db.prisma.auditLog.count({ where: { actorId: member.contactId, action: "broadcast.optIn" } }),
    ).toBe(1);
    await deliverThrice(handler, p, p.message(`/daftar ${proposal.code}`));
    expect(await db.prisma.membership.count({ where: { contactId: member.contactId } })).toBe(1);
  });

  it("the secretariat's commands and every composer step of /umumkan are answered once", async () => {
    const handler = app();
    const proposal = await seedProposal(db, competitionId);
    await seedMember(db, proposal.unitId);
    const sek = await makeSecretariat(db, competitionId);
    const s = new Person(handler, sek.userId);
    await deliverThrice(handler, s, s.message("/rekap"));
    await deliverThrice(handler, s, s.message("/laporan"));
    await deliverThrice(handler, s, s.message(`/tahap ${proposal.code} verifikasi_administrasi`));
    expect(await db.prisma.stageEvent.count({ where: { proposalId: proposal.id } })).toBe(2);

    await deliverThrice(handler, s, s.message("/umumkan"));
    const all = s.choices().find((c) => c.id === "bc:a:all")!;
    await deliverThrice(handler, s, s.message(undefined, { choice: all.id }));
    await deliverThrice(handler, s, s.message("Pengumuman uji: unggah sebelum tenggat."));
    const send = s.choices().find((c) => c.id === "bc:send")!;
    await deliverThrice(handler, s, s.message(undefined, { choice: send.id }));
    expect(
      await db.prisma.announcement.count({
        where: { competitionId, createdById: sek.contactId, kind: "broadcast" },
      }),
    ).toBe(1);
    // A second press of the sent announcement's button (a new update) queues nothing more.
    await handler(s.message(undefined, { choice: send.id }));
    expect(
      await db.prisma.announcement.count({
        where: { competitionId, createdById: sek.contactId, kind: "broadcast" },
      }),
    ).toBe(1);
  });

  it("the erase confirmation is single-use: a repeat and a second press erase nothing more", async () => {
    const handler = app();
    const proposal = await seedProposal(db, competitionId);
    const member = await seedMember(db, proposal.unitId);
    const p = new Person(handler, member.userId);
    await deliverThrice(handler, p, p.message("/hapusdata"));
    const yes = p.choices()[0]!.id;
    expect(yes).toMatch(/^erase:yes:/);
    await deliverThrice(handler, p, p.message(undefined, { choice: yes }));
    expect(await db.prisma.contact.count({ where: { id: member.contactId } })).toBe(0);
    const late = await handler(p.message(undefined, { choice: yes }));
    expect(texts(late).join()).toContain("sudah dipakai atau sudah kedaluwarsa");
    expect(await db.prisma.auditLog.count({ where: { action: "contact.erase" } })).toBe(1);
  });
});
