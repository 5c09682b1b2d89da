import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../../src/core/commands/registry.ts";
import {
  type Attachment,
  confirmDelivered,
  type IncomingMessage,
  type OutgoingMessage,
  plainText,
} from "../../../src/core/messages.ts";
import { makeDocx } from "../../docs/fixtures.ts";
import { fixture } from "../../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import {
  makeSecretariat,
  Person,
  seedCompetition,
  seedMember,
  seedProposal,
  wholeApp,
} from "../status/statusHarness.ts";

// repeats.test.ts repeats the commands with effects one by one and the erase and announcement
// confirmations; this file repeats every other command in the registry (so a new command cannot
// be left out) and the document-import confirmation.

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

/** The same update again: silent while this process sends it; after a kill before sending the same replies; once sent, nothing. */
async function deliverThrice(handler: ReturnType<typeof app>, p: Person, m: IncomingMessage) {
  const first = await handler(m);
  const label = m.text ?? m.choice ?? "document";
  expect(first.length, `${label}: answered`).toBeGreaterThan(0);
  expect(await handler(m), `${label}: repeat while this process sends it`).toEqual([]);
  const restarted = app(); // this process was killed before the channel confirmed sending
  const again = await restarted(m);
  expect(texts(again), `${label}: repeat after a kill before sending`).toEqual(texts(first));
  await confirmDelivered(again);
  expect(await restarted(m), `${label}: repeat after sending`).toEqual([]);
  p.last = first;
  return first;
}

/** Repeated one by one, with their effects counted, in repeats.test.ts. */
const COUNTED_ELSEWHERE = new Set([
  "mulai",
  "status",
  "nilai",
  "datasaya",
  "bantuan",
  "ekspor",
  "saran",
  "tautkan",
  "berhenti",
  "daftar",
  "rekap",
  "laporan",
  "tahap",
  "umumkan",
  "hapusdata",
]);

describe("every command in the registry and the import confirmation, repeated", () => {
  it("each remaining participant and secretariat command is answered once per update", async () => {
    const handler = app();
    const proposal = await seedProposal(db, competitionId);
    const member = await seedMember(db, proposal.unitId);
    const sek = await makeSecretariat(db, competitionId);
    const p = new Person(handler, member.userId);
    const s = new Person(handler, sek.userId);
    const rest = COMMANDS.filter((c) => !COUNTED_ELSEWHERE.has(c.name));
    expect(rest.length).toBeGreaterThan(10);
    for (const c of rest) {
      const who = c.role === "secretariat" ? s : p;
      await deliverThrice(handler, who, who.message(`/${c.name}`));
    }
    // With their arguments: the proposal's code rotated once, not three times.
    await deliverThrice(handler, p, p.message(`/kodebaru ${proposal.code}`));
    expect(
      await db.prisma.auditLog.count({ where: { actorId: member.contactId, action: "code.rotate" } }),
    ).toBe(1);
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).code).not.toBe(
      proposal.code,
    );
    // A question asked once: its topic press, repeated, opens one ticket.
    await deliverThrice(handler, p, p.message("/tanya Kapan batas unggah proposal tahap berikutnya?"));
    await deliverThrice(handler, p, p.message(undefined, { choice: p.choices()[0]!.id }));
    expect(await db.prisma.ticket.count({ where: { contactId: member.contactId } })).toBe(1);
  });

  it("a document import's confirmation saves once: a repeat of the press and a later press save nothing more", async () => {
    const handler = app();
    const p = new Person(handler);
    const code = /kode (KP-[A-Z0-9]{10})/.exec(await p.createProposal("Inovasi Impor Ulang"))![1]!;
    const bytes = await makeDocx([
      { heading: "1. RINGKASAN" },
      { text: fixture("ringkasan", "good") },
      { heading: "II. Signifikansi" },
      { text: fixture("signifikansi", "good") },
    ]);
    const file: Attachment = {
      kind: "document",
      fileName: "draf.docx",
      size: bytes.byteLength,
      fetch: async () => bytes,
    };
    await deliverThrice(handler, p, p.message(undefined, { attachment: file }));
    const save = p.choices().find((c) => c.id === "imp:save");
    expect(save).toBeDefined();
    const revisions = () =>
      db.prisma.sectionRevision.count({ where: { draft: { proposal: { code } }, source: "import" } });
    const saved = await deliverThrice(handler, p, p.message(undefined, { choice: save!.id }));
    expect(texts(saved).join()).toMatch(/Tersimpan: 2 bagian/);
    expect(await revisions()).toBe(2);
    const late = await handler(p.message(undefined, { choice: save!.id }));
    expect(texts(late).join()).toContain("Impor dibatalkan; tidak ada yang diubah");
    expect(await revisions()).toBe(2);
  });
});
