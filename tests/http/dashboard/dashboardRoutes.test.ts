import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { Hono } from "hono";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCompetitionCache } from "../../../src/app/competitionCache.ts";
import { createLoginLink, redeemLoginLink } from "../../../src/app/dashboard/dashboardAuth.ts";
import { createNotifier } from "../../../src/app/notifier.ts";
import { mountDashboard } from "../../../src/http/dashboard/mountDashboard.ts";
import { KIPP, seedKipp } from "../../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { grantStaff } from "./dashboardHarness.ts";

const ORIGIN = "http://127.0.0.1";
const flash = (r: Response, key: "ok" | "err") =>
  new URL(r.headers.get("location")!, ORIGIN).searchParams.get(key);
const BASE = `${ORIGIN}/dashboard`;

/** The dashboard's routes through Hono's request API (no browser): sheets, assignment, reminders, exports, audit. */
describe("dashboard routes", () => {
  let db: TestDb;
  let root: Hono;
  let slug: string;
  let compId: string;
  let sec: { cookie: string; csrf: string };
  const codes = ["KP-AA11", "KP-BB22", "KP-CC33", "KP-DD44"];

  async function session(contactId: string) {
    const link = await createLoginLink(db.prisma, contactId, BASE, new Date());
    const s = (await redeemLoginLink(db.prisma, link.url.split("/").pop()!, "vitest", new Date()))!;
    const row = await db.prisma.dashboardSession.findFirstOrThrow({
      where: { contactId },
      orderBy: { createdAt: "desc" },
      select: { csrfToken: true },
    });
    return { cookie: `klinik_dash=${s.cookie}`, csrf: row.csrfToken };
  }
  const get = (path: string, who = sec, extra: Record<string, string> = {}) =>
    root.request(`${BASE}${path}`, { headers: { cookie: who.cookie, ...extra } });
  const post = (path: string, form: Record<string, string> | FormData, who = sec) => {
    const body = form instanceof FormData ? form : new URLSearchParams({ _csrf: who.csrf, ...form });
    if (form instanceof FormData) form.set("_csrf", who.csrf);
    return root.request(`${BASE}${path}`, {
      method: "POST",
      body,
      headers: { cookie: who.cookie, origin: ORIGIN },
    });
  };

  beforeAll(async () => {
    db = await createTestDb();
    await seedKipp(db);
    const comp = await db.prisma.competition.findFirstOrThrow({ select: { id: true, slug: true } });
    ({ id: compId, slug } = comp);
    for (const [i, code] of codes.entries()) {
      const unit = await db.prisma.unit.create({
        data: {
          name: i === 0 ? '=HYPERLINK("http://evil","x")' : `Unit ${i}`,
          region: i % 2 ? "Bali" : "Jawa Tengah",
        },
      });
      await db.prisma.proposal.create({
        data: {
          competitionId: compId,
          unitId: unit.id,
          code,
          title: `Inovasi ${i}`,
          stage: "evaluasi_proposal",
          category: i < 2 ? "a" : "b",
        },
      });
    }
    const secId = await grantStaff(db, {
      userId: "s1",
      name: "Sekretariat",
      competitionId: compId,
      role: "secretariat",
    });
    for (const j of ["J1", "J2", "J3"])
      await grantStaff(db, {
        userId: `t-${j}`,
        name: `Juri ${j}`,
        competitionId: compId,
        role: "judge",
        judgeRef: j,
      });
    const logger = pino({ level: "silent" });
    const competitions = createCompetitionCache(db.prisma, { ttlMs: 0 });
    const mount = mountDashboard({
      db: db.prisma,
      logger,
      competitions,
      notifier: createNotifier({ db: db.prisma, quietHours: null }),
      dashboardUrl: BASE,
      quietHours: null,
    });
    root = new Hono();
    root.route(mount.path, mount.app);
    sec = await session(secId);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  it("assigns automatically: two judges each, balanced, never a judge with a conflict", async () => {
    const p1 = await db.prisma.proposal.findUniqueOrThrow({
      where: { code: codes[0]! },
      select: { id: true },
    });
    expect((await post(`/k/${slug}/juri/konflik`, { judge: "J2", code: codes[0]! })).status).toBe(303);
    const r = await post(`/k/${slug}/juri/otomatis`, { stage: "evaluasi_proposal", per: "2" });
    expect(r.status).toBe(303);
    const rows = await db.prisma.judgeAssignment.findMany({ select: { proposalId: true, judge: true } });
    expect(rows).toHaveLength(8);
    expect(rows.some((a) => a.proposalId === p1.id && a.judge === "J2")).toBe(false);
    const load = ["J1", "J2", "J3"].map((j) => rows.filter((a) => a.judge === j).length).sort();
    expect(load).toEqual([2, 3, 3]);
  });

  it("round-trips a judge's pre-filled XLSX sheet into the same score tables", async () => {
    const res = await get(`/k/${slug}/juri/lembar?stage=evaluasi_proposal&judge=J1`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet("Nilai")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(["kode", "judul", "juri"]);
    expect(header).toContain("signifikansi");
    const mine = await db.prisma.judgeAssignment.count({ where: { judge: "J1" } });
    expect(ws.rowCount).toBe(1 + mine);
    for (let r = 2; r <= ws.rowCount; r++)
      for (let i = 0; i < KIPP.criteria.length; i++) ws.getRow(r).getCell(4 + i).value = 60 + i;
    ws.getRow(2).getCell(4 + KIPP.criteria.length).value = "Latar belakang kuat";
    const form = new FormData();
    form.set("stage", "evaluasi_proposal");
    form.set("file", new File([new Uint8Array(await wb.xlsx.writeBuffer())], "J1.xlsx"));
    const imp = await post(`/k/${slug}/juri/impor`, form);
    expect(imp.status).toBe(303);
    expect(flash(imp, "ok")).toBe(`${mine * 7} nilai diimpor.`);
    expect(await db.prisma.score.count({ where: { judge: "J1", stage: "evaluasi_proposal" } })).toBe(
      mine * 7,
    );
    expect(
      await db.prisma.score.count({ where: { comment: "Latar belakang kuat", criterion: "latar_belakang" } }),
    ).toBe(1);
    expect(await db.prisma.judgeAssignment.count({ where: { judge: "J1", submittedAt: null } })).toBe(0);
    const page = await (await get(`/k/${slug}/juri?stage=evaluasi_proposal`)).text();
    expect(page).toMatch(/J1[\s\S]*?100%/);
  });

  it("refuses a sheet with a value off the scale and imports nothing", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Nilai");
    ws.addRow(["kode", "judul", "juri", "kebaruan"]);
    ws.addRow([codes[1], "", "J3", 140]);
    const form = new FormData();
    form.set("stage", "evaluasi_proposal");
    form.set("file", new File([new Uint8Array(await wb.xlsx.writeBuffer())], "bad.xlsx"));
    const before = await db.prisma.score.count();
    const r = await post(`/k/${slug}/juri/impor`, form);
    expect(flash(r, "err")).toContain("#2 value: 140 is outside the scale 0–100");
    expect(await db.prisma.score.count()).toBe(before);
  });

  it("queues reminders through the outbox for judges with open assignments only", async () => {
    await post(`/k/${slug}/juri/ingatkan`, { stage: "evaluasi_proposal" });
    const a = await db.prisma.announcement.findFirstOrThrow({
      where: { kind: "reminder" },
      select: { id: true },
    });
    const d = await db.prisma.delivery.findMany({
      where: { announcementId: a.id },
      select: { externalId: true, status: true, text: true },
    });
    expect(d.map((x) => x.externalId).sort()).toEqual(["t-J2", "t-J3"]);
    expect(
      d.every((x) => x.status === "pending" && /proposal yang menunggu penilaian/.test(x.text ?? "")),
    ).toBe(true);
  });

  it("exports the report as formula-safe CSV and as XLSX, each download audit-logged", async () => {
    const csv = await (await get(`/k/${slug}/ekspor/laporan.csv`)).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    const x = await get(`/k/${slug}/ekspor/laporan.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await x.arrayBuffer());
    const cells = wb.worksheets[0]!.getColumn(2).values;
    expect(cells).toContain('=HYPERLINK("http://evil","x")');
    const res = await (await get(`/k/${slug}/ekspor/hasil.csv?stage=evaluasi_proposal`)).text();
    expect(res.split("\n")[0]).toContain("kode,judul,kelompok,kategori,juri,total");
    expect(
      await db.prisma.auditLog.count({ where: { action: "dashboard.download" } }),
    ).toBeGreaterThanOrEqual(3);
  });

  it("lists a proposal's attachments and downloads one, audit-logged; a judge without the assignment gets none", async () => {
    const p = await db.prisma.proposal.findUniqueOrThrow({
      where: { code: codes[2]! },
      select: { id: true },
    });
    const bytes = new TextEncoder().encode("%PDF-1.4 SK Tim Inovator");
    const a = await db.prisma.proposalAttachment.create({
      data: {
        proposalId: p.id,
        kind: "sk",
        fileName: "SK Tim.pdf",
        mime: "application/pdf",
        size: bytes.length,
        sha256: "x",
        bytes,
      },
      select: { id: true },
    });
    const page = await (await get(`/k/${slug}/p/${codes[2]}`)).text();
    expect(page).toContain(`/lampiran/${a.id}`);
    expect(page).toContain("SK Tim Inovator");
    const overview = await (await get(`/k/${slug}`)).text();
    expect(overview).toMatch(/proposal dengan SK: <strong>1<\/strong>/);
    const res = await get(`/k/${slug}/p/${codes[2]}/lampiran/${a.id}`);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect(
      await db.prisma.auditLog.count({ where: { action: "dashboard.download", subject: codes[2]! } }),
    ).toBe(1);
    const assigned = await db.prisma.judgeAssignment.findMany({
      where: { proposalId: p.id },
      select: { judge: true },
    });
    const outsider = ["J1", "J2", "J3"].find((j) => !assigned.some((x) => x.judge === j))!;
    const judge = await session(
      (
        await db.prisma.staffRole.findFirstOrThrow({
          where: { judgeRef: outsider },
          select: { contactId: true },
        })
      ).contactId,
    );
    expect((await get(`/k/${slug}/p/${codes[2]}/lampiran/${a.id}`, judge)).status).toBe(403);
  });

  it("zips the DOCX of every proposal of a filter", async () => {
    const r = await get(`/k/${slug}/zip?region=Bali`);
    expect(r.headers.get("content-type")).toBe("application/zip");
    const files = Object.keys(unzipSync(new Uint8Array(await r.arrayBuffer())));
    expect(files.sort()).toEqual([
      expect.stringMatching(/^KP-BB22-.*\.docx$/),
      expect.stringMatching(/^KP-DD44-.*\.docx$/),
    ]);
  });

  it("schedules an announcement in the competition's time, reports failures with their reason and resends them", async () => {
    const unit = await db.prisma.proposal.findUniqueOrThrow({
      where: { code: codes[1]! },
      select: { unitId: true },
    });
    await db.prisma.contact.create({
      data: {
        displayName: "Bu Peserta",
        identities: { create: { channel: "telegram", externalId: "p-1" } },
        memberships: { create: { unitId: unit.unitId } },
      },
    });
    const preview = (await (
      await get(`/k/${slug}/pengumuman/pratinjau?region=Bali&text=Halo`)
    ).json()) as Record<string, string>;
    expect(preview.count).toBe("1 kontak dari 1 proposal");
    expect(preview.telegram).toContain("<b>");
    expect(preview.whatsapp).toContain("*");
    const r = await post(`/k/${slug}/pengumuman`, {
      text: "Rapat daring Senin",
      region: "Bali",
      when: "later",
      at: "2030-01-07T08:00",
    });
    const id = new URL(r.headers.get("location")!, ORIGIN).pathname.split("/").pop()!;
    const a = await db.prisma.announcement.findUniqueOrThrow({
      where: { id },
      select: { scheduledAt: true, createdById: true },
    });
    expect(a.scheduledAt.toISOString()).toBe("2030-01-07T01:00:00.000Z");
    await db.prisma.delivery.updateMany({
      where: { announcementId: id },
      data: { status: "failed", lastError: "blocked: Forbidden: bot was blocked by the user" },
    });
    const report = await (await get(`/k/${slug}/pengumuman/${id}`)).text();
    expect(report).toContain("Bu Peserta");
    expect(report).toContain("blocked: Forbidden: bot was blocked by the user");
    const again = await post(`/k/${slug}/pengumuman/${id}/ulang`, {});
    expect(flash(again, "ok")).toBe("1 pengiriman gagal diantrekan ulang.");
    expect(await db.prisma.delivery.count({ where: { announcementId: id, status: "pending" } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: "broadcast.retryFailed", subject: id } })).toBe(
      1,
    );
    const bad = await post(`/k/${slug}/pengumuman`, { text: "x", when: "later", at: "2001-01-01T08:00" });
    expect(flash(bad, "err")).toBe("Waktu jadwal tidak terbaca atau sudah lewat.");
  });

  it("shows the audit log read-only, filtered by kind, and switches to English", async () => {
    const html = await (await get("/audit?kind=scores.conflict")).text();
    expect(html).toContain("scores.conflict");
    expect(html).not.toContain("judging.autoAssign</td>");
    // Read-only: the only form that posts is the header's sign-out.
    expect(html.match(/method="post"/g)).toEqual(['method="post"']);
    expect(html).toContain('action="/dashboard/keluar"');
    const en = await get("/bahasa/en?next=/dashboard/audit");
    const lang = en.headers.get("set-cookie")!.split(";")[0]!;
    const page = await (await get("/audit", sec, { cookie: `${sec.cookie}; ${lang}` })).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("Audit log");
  });

  it("keeps another competition's secretariat and a judge out of pages that are not theirs", async () => {
    const other = await db.prisma.competition.create({
      data: { slug: "lain", name: "Lain", templateId: KIPP.id, template: KIPP, timeline: {} },
      select: { id: true },
    });
    const otherSec = await grantStaff(db, {
      userId: "s2",
      name: "Sek Lain",
      competitionId: other.id,
      role: "secretariat",
    });
    const them = await session(otherSec);
    expect((await get(`/k/${slug}`, them)).status).toBe(403);
    expect((await get(`/k/${slug}/ekspor/laporan.csv`, them)).status).toBe(403);
    const audit = await (await get("/audit", them)).text();
    expect(audit).not.toContain(codes[0]!);
    const judge = await session(
      (await db.prisma.staffRole.findFirstOrThrow({ where: { judgeRef: "J3" }, select: { contactId: true } }))
        .contactId,
    );
    expect((await post(`/k/${slug}/tahap`, { codes: codes[0]!, stage: "top99" }, judge)).status).toBe(403);
    expect((await get(`/k/${slug}/juri`, judge)).status).toBe(403);
  });
});
