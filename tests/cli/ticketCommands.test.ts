import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseContactRows } from "../../src/db/queries/personalData.ts";
import {
  makeSecretariat,
  NOW,
  seedCompetition,
  seedMember,
  seedProposal,
} from "../app/status/statusHarness.ts";
import { makeTicketApp, releaseAt, STAGE, scoreProposal } from "../app/tickets/ticketHarness.ts";
import { findInEveryTable } from "../helpers/scanDatabase.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { makeCli } from "./cliHarness.ts";

let db: TestDb;
let competitionId: string;
let proposal: { id: string; code: string; unitId: string };
let member: { contactId: string; userId: string };
beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
  proposal = await seedProposal(db, competitionId, {
    passed: ["pendaftaran", "verifikasi_administrasi", STAGE],
  });
  member = await seedMember(db, proposal.unitId, { userId: "tg-erin" });
  await makeSecretariat(db, competitionId);
  await scoreProposal(db, proposal.id, 60, 70);
  await releaseAt(db, competitionId, new Date(NOW.getTime() - 86_400_000));
}, 60_000);
afterAll(async () => {
  await db?.close();
});

describe("klinik tickets and the report", () => {
  it("lists, answers and decides tickets from the shell; the report shows the figures; /hapusdata leaves no trace", async () => {
    const app = makeTicketApp(db);
    const erin = app.person(member.userId);
    await erin.say("/tanya Apakah lampiran video wajib diunggah ke SINOVIK?");
    await erin.pick("Teknis");
    const question = Number(/#(\d+)/.exec(erin.text())![1]);
    await erin.say("/nilai");
    await erin.press(erin.choices().find((c) => c.label.includes("Implementasi"))!.id);
    await erin.pick("Ajukan banding");
    await erin.say(
      "Bagian implementasi sudah memuat data jumlah layanan per bulan sejak 2019 yang tidak dinilai.",
    );
    const appeal = Number(/#(\d+)/.exec(erin.text())![1]);

    const cli = makeCli(db);
    const list = await cli.run("tickets", "list", "--competition", "demo-kipp-2023-umum");
    expect(list.code).toBe(0);
    expect(list.out).toContain(`#${question}  teknis`);
    expect(list.out).toContain(`#${appeal}  banding`);
    expect(list.out.indexOf(`#${question} `)).toBeLessThan(list.out.indexOf(`#${appeal} `)); // oldest first

    expect(
      await cli.run("tickets", "answer", String(question), "--text", "Ya, video wajib, paling lama 3 menit."),
    ).toMatchObject({ code: 0 });
    const decided = await cli.run(
      "tickets",
      "decide",
      String(appeal),
      "--accept",
      "--note",
      "Data layanan terlewat.",
      "--correct",
      "implementasi=90",
    );
    expect(decided.code).toBe(0);
    expect(decided.out).toContain("Corrected implementasi to 90");
    expect((await cli.run("tickets", "decide", "99999", "--reject", "--note", "x")).code).not.toBe(0);

    await cli.deliver();
    const told = cli.telegram.sent.filter((s) => s.chatId === member.userId).map((s) => s.text);
    expect(told.some((t) => t.includes("video wajib"))).toBe(true);
    expect(told.some((t) => t.includes("DITERIMA"))).toBe(true);
    expect(await erin.say("/nilai")).toMatch(/Implementasi[^\n]*90/);

    const report = await cli.run("report", "--competition", "demo-kipp-2023-umum");
    expect(report.out).toMatch(/Tickets: 0 open; median time to first answer [\d.]+ h \(2 answered\)/);
    expect(report.out).toMatch(/appeals implementasi\s+1 \(1 accepted\)/);

    await eraseContactRows(db.prisma, member.contactId); // what /hapusdata does after "Ya"
    expect(await findInEveryTable(db, [member.contactId, member.userId])).toEqual([]);
    const kept = await db.prisma.ticket.findUniqueOrThrow({
      where: { number: appeal },
      select: { contactId: true, proposalId: true },
    });
    expect(kept).toEqual({ contactId: null, proposalId: proposal.id });
  });
});
