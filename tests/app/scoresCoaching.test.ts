import { afterAll, beforeAll, expect, it } from "vitest";
import { createAdvice } from "../../src/app/advice/createAdvice.ts";
import { createCompetitionCache } from "../../src/app/competitionCache.ts";
import { createMessageHandler } from "../../src/app/createMessageHandler.ts";
import { createNotifier } from "../../src/app/notifier.ts";
import { competitionById } from "../../src/app/status/competitionData.ts";
import { createStatusRoutes } from "../../src/app/status/createStatusRoutes.ts";
import { releaseScores } from "../../src/app/status/releaseScores.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import {
  KIPP,
  NOW,
  Person,
  seedCompetition,
  seedMember,
  seedProposal,
  silent,
} from "./status/statusHarness.ts";

let db: TestDb;
let competitionId: string;
beforeAll(async () => {
  db = await createTestDb();
  competitionId = await seedCompetition(db);
});
afterAll(async () => {
  await db.close();
});

const STAGE = "evaluasi_proposal";
const BEFORE_AFTER =
  "Sebelum inovasi, cakupan imunisasi 61%; sesudah layanan jemput bola berjalan, cakupan naik menjadi 93% pada 2023.";

function app() {
  const competitions = createCompetitionCache(db.prisma, { ttlMs: 0 });
  const now = () => NOW;
  const notifier = createNotifier({ db: db.prisma, quietHours: null, now });
  return createMessageHandler({
    db: db.prisma,
    competitions,
    logger: silent,
    defaultLocale: "id",
    timezone: "Asia/Jakarta",
    now,
    middleware: [
      createStatusRoutes({
        db: db.prisma,
        competitions,
        notifier,
        logger: silent,
        timezone: "Asia/Jakarta",
        now,
      }),
      createAdvice({ db: db.prisma, competitions, now }).routes,
    ],
  });
}

it("after the release, /nilai, /cek, the section check and /saran point to the weakest criteria with only what the draft still misses", async () => {
  const p = await seedProposal(db, competitionId, {
    title: "Jemput Bola Imunisasi",
    passed: ["pendaftaran", "verifikasi_administrasi", STAGE],
  });
  await db.prisma.sectionDraft.create({
    data: { proposalId: p.id, sectionKey: "signifikansi", text: BEFORE_AFTER, mark: "incomplete" },
  });
  const mean = (key: string) => (key === "signifikansi" ? 46 : key === "adaptabilitas" ? 50 : 80);
  await db.prisma.score.createMany({
    data: KIPP.criteria.flatMap((c) =>
      ["J1", "J2"].map((judge) => ({
        proposalId: p.id,
        judge,
        criterion: c.key,
        stage: STAGE,
        value: mean(c.key),
      })),
    ),
  });
  const m = await seedMember(db, p.unitId);
  const person = new Person(app(), m.userId);
  const before = await person.say("/cek");
  expect(before).not.toContain("Menurut nilai juri");

  await releaseScores(db.prisma, (await competitionById(db.prisma, competitionId))!, STAGE, {});
  const nilai = await person.say("/nilai");
  const lines = nilai.split("\n");
  const sig = lines.findIndex((l) => l.startsWith("⚠️ Signifikansi dinilai 46/100: "));
  const ada = lines.findIndex((l) => l.startsWith("⚠️ Adaptabilitas dinilai 50/100: "));
  expect(sig).toBeGreaterThan(0);
  // 30% × 54 points short ranks above 20% × 50.
  expect(ada).toBeGreaterThan(sig);
  expect(lines[sig]).toContain("beberapa ukuran dampak");
  // The draft already has its before–after data: that finding is not repeated.
  expect(lines[sig]).not.toContain("sebelum dan sesudah");
  expect(lines[sig + 1]).toMatch(/^ {3}Tip: /);

  await person.say("/proposal");
  await person.press(`prop:${p.id}`);
  const cek = await person.say("/cek");
  expect(cek).toContain("Menurut nilai juri tahap Evaluasi proposal oleh Tim Evaluasi");
  expect(cek).toContain("⚠️ Signifikansi dinilai 46/100: ");

  await person.press("sec:signifikansi");
  await person.pick("Tambah");
  await person.say(
    // The unit's own review is the internal evaluation; Inspektorat and a university are outside ones.
    "Evaluasi internal oleh tim mutu puskesmas telah dilakukan setiap triwulan sejak 2022 dan hasilnya dibahas dalam rapat tinjauan manajemen. Evaluasi eksternal oleh Inspektorat dan universitas negeri pada 2023 menilai layanan ini baik.",
  );
  const check = await person.say("selesai");
  expect(check).toContain("⚠️ Signifikansi dinilai 46/100: ");
  expect(check).not.toContain("Adaptabilitas dinilai");
  // What the writer just added (the evaluations) no longer appears among the gaps.
  const focusLine = check.split("\n").find((l) => l.startsWith("⚠️ Signifikansi dinilai"))!;
  expect(focusLine).toContain("beberapa ukuran dampak");
  expect(focusLine).not.toContain("evaluasi internal");

  const saran = await person.say("/saran");
  expect(saran).toContain("⚠️ Signifikansi dinilai 46/100: ");
});
