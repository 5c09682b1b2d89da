import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeCli } from "../cli/cliHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { makeStatusApp, seedCompetition, seedMember, seedProposal } from "./status/statusHarness.ts";

let db: TestDb;
let competitionId: string;
beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
});
afterAll(async () => {
  await db.close();
});

it("/lihat marks a section whose writers were shown AI advice, and the report has an AI-use column per section", async () => {
  const p = await seedProposal(db, competitionId, { title: "Saran AI Tercatat" });
  await db.prisma.sectionDraft.createMany({
    data: [
      {
        proposalId: p.id,
        sectionKey: "signifikansi",
        text: "Waktu layanan turun dari 3 jam menjadi 20 menit.",
      },
      { proposalId: p.id, sectionKey: "kebaruan", text: "Layanan datang ke rumah warga." },
    ],
  });
  await db.prisma.aiSuggestion.createMany({
    data: [
      { proposalId: p.id, sectionKey: "signifikansi", kind: "section_feedback", suggestion: "…" },
      { proposalId: p.id, sectionKey: "signifikansi", kind: "section_feedback", suggestion: "…" },
    ],
  });
  const m = await seedMember(db, p.unitId);
  const person = makeStatusApp(db).person(m.userId);
  await person.say("/proposal");
  await person.press(`prop:${p.id}`);
  await person.press("sec:signifikansi");
  expect(await person.say("/lihat")).toContain("🤖 Bagian ini pernah mendapat saran AI");
  await person.press("sec:kebaruan");
  expect(await person.say("/lihat")).not.toContain("saran AI");

  const csv = join(tmpdir(), `klinik-ai-${process.pid}.csv`);
  const r = await makeCli(db).run("report", "--competition", "demo-kipp-2023-umum", "--csv", csv);
  expect(r.code).toBe(0);
  const [head, ...rows] = readFileSync(csv, "utf8").trim().split("\n");
  const cols = head!.split(",");
  expect(cols).toContain("ai_advice_signifikansi");
  const row = rows.find((l) => l.startsWith(p.code))!.split(",");
  expect(row[cols.indexOf("ai_advice_signifikansi")]).toBe("2");
  expect(row[cols.indexOf("ai_advice_kebaruan")]).toBe("0");
});
