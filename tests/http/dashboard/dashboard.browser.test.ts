import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, seedKipp } from "../../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { grantStaff, hasChromium, linkIn, SHOTS, seeText, startDashboard } from "./dashboardHarness.ts";

/**
 * The dashboard end to end in headless Chromium (Debian's chromium package): people sign in with
 * the link /masuk gives them in chat, and everything they do is checked in the database, in the
 * participant's chat and in the messages the bot sent on its own.
 */
describe.skipIf(!hasChromium)("dashboard in a browser", () => {
  let db: TestDb;
  let h: Awaited<ReturnType<typeof startDashboard>>;
  let compId: string;
  let slug: string;
  let code: string;
  const otherCode = "KP-AB12";
  const participant = "u-participant";
  let secretariat: BrowserContext;
  let sec: Page;

  async function signIn(userId: string): Promise<{ context: BrowserContext; page: Page }> {
    const reply = await h.person(userId).say("/masuk");
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(linkIn(reply));
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(/\/dashboard$/);
    return { context, page };
  }

  beforeAll(async () => {
    db = await createTestDb();
    await seedKipp(db);
    const comp = await db.prisma.competition.findFirstOrThrow({ select: { id: true, slug: true } });
    compId = comp.id;
    slug = comp.slug;
    h = await startDashboard(db);
    // A participant registers a proposal in chat, as in real life.
    await h.person(participant).createProposal();
    const p = await db.prisma.proposal.findFirstOrThrow({ select: { id: true, code: true } });
    code = p.code;
    await db.prisma.sectionDraft.createMany({
      data: [
        { proposalId: p.id, sectionKey: "ringkasan", text: fixture("ringkasan", "good"), mark: "complete" },
        { proposalId: p.id, sectionKey: "latar_belakang", text: "Antrean panjang.", mark: "incomplete" },
      ],
    });
    const unit = await db.prisma.unit.create({
      data: { name: "RSUD Sehat", instansi: "Pemkot Denpasar", region: "Bali" },
    });
    await db.prisma.proposal.create({
      data: {
        competitionId: compId,
        unitId: unit.id,
        code: otherCode,
        title: "Antrean daring",
        stage: "pendaftaran",
      },
    });
    await grantStaff(db, {
      userId: "u-sec",
      name: "Ibu Sekretariat",
      competitionId: compId,
      role: "secretariat",
    });
    await grantStaff(db, {
      userId: "u-judge",
      name: "Pak Juri",
      competitionId: compId,
      role: "judge",
      judgeRef: "J1",
    });
    ({ context: secretariat, page: sec } = await signIn("u-sec"));
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    await db?.close();
  });

  it("signs the secretariat in from the chat link and shows the readiness grid", async () => {
    const cookies = await secretariat.cookies();
    const session = cookies.find((c) => c.name === "klinik_dash")!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe("Lax");
    expect(session.expires).toBeGreaterThan(Date.now() / 1000);
    await sec.screenshot({ path: `${SHOTS}/home.png`, fullPage: true });
    await sec.getByRole("link", { name: /demo/ }).click();
    const row = sec.getByRole("row", { name: new RegExp(code) });
    expect(await row.getByRole("cell").nth(4).textContent()).toContain("lengkap");
    expect(await row.locator("td.m-complete").count()).toBe(1);
    expect(await row.locator("td.m-incomplete").count()).toBe(1);
    expect(await sec.getByRole("row", { name: new RegExp(otherCode) }).count()).toBe(1);
    await sec.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });
    // Filter by region: only the Bali proposal stays.
    await sec.getByLabel("Wilayah").selectOption("Bali");
    await sec.getByRole("button", { name: "Terapkan" }).click();
    expect(await sec.getByRole("row", { name: new RegExp(code) }).count()).toBe(0);
    expect(await sec.getByRole("row", { name: new RegExp(otherCode) }).count()).toBe(1);
    // One click to the proposal.
    await sec.getByRole("link", { name: otherCode }).click();
    await seeText(sec.getByRole("heading", { level: 1 }), "Antrean daring");
    await sec.goto(`${h.dashboardUrl}/k/${slug}/p/${code}`);
    await seeText(sec.locator("main"), "Antrean panjang.");
    await sec.screenshot({ path: `${SHOTS}/proposal.png`, fullPage: true });
  });

  it("works from the keyboard, on a phone screen and in English", async () => {
    const phone = await secretariat.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${h.dashboardUrl}/k/${slug}`);
    await phone.keyboard.press("Tab");
    expect(await phone.evaluate("document.activeElement?.textContent")).toBe("Lewati ke isi");
    await phone.keyboard.press("Enter");
    expect(phone.url()).toMatch(/#isi$/);
    // The page itself does not scroll sideways; the wide grid scrolls inside its own box.
    expect(await phone.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: `${SHOTS}/overview-phone.png`, fullPage: false });
    await phone.getByRole("link", { name: "English" }).click();
    await seeText(phone.locator("h2").first(), "Readiness per section");
    expect(await phone.getAttribute("html", "lang")).toBe("en");
    await phone.getByRole("link", { name: "Bahasa Indonesia" }).click();
    await seeText(phone.locator("h2").first(), "Kesiapan per bagian");
    await phone.close();
  });

  it("moves a proposal's stage with a note and the participant is told", async () => {
    await sec.goto(`${h.dashboardUrl}/k/${slug}`);
    await sec.getByLabel(`Pilih ${code}`).check();
    await sec.getByLabel("Ke tahap").selectOption("verifikasi_administrasi");
    await sec.getByLabel("Catatan (opsional)").fill("Berkas lengkap");
    await sec.getByRole("button", { name: "Pindahkan", exact: true }).click();
    await seeText(sec.getByRole("status").first(), "1 proposal dipindahkan");
    const p = await db.prisma.proposal.findUniqueOrThrow({ where: { code }, select: { stage: true } });
    expect(p.stage).toBe("verifikasi_administrasi");
    // Through the outbox: a delivery row, then the worker sends it over the (fake) Telegram sender.
    const row = await db.prisma.delivery.findFirstOrThrow({
      where: { announcement: { kind: "notification" } },
      select: { status: true, contact: { select: { identities: { select: { externalId: true } } } } },
    });
    expect(row.contact.identities.map((i) => i.externalId)).toContain(participant);
    const told = await h.sentTo(participant, "Berkas lengkap");
    expect(told).toContain(code);
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "stage.set", subject: code },
      select: { details: true },
    });
    expect(audit.details).toMatchObject({
      from: "pendaftaran",
      to: "verifikasi_administrasi",
      note: "Berkas lengkap",
      via: "dashboard",
    });
    // Going back without "allow moving back" is refused, as in the CLI.
    await sec.getByLabel(`Pilih ${code}`).check();
    await sec.getByLabel("Ke tahap").selectOption("pendaftaran");
    await sec.getByRole("button", { name: "Pindahkan", exact: true }).click();
    await seeText(sec.getByRole("alert"), "tidak dapat dimundurkan");
  });

  it("refuses a forged form post without the CSRF token, and one from another origin", async () => {
    const status = await sec.evaluate(
      async ([url, c]) =>
        (await fetch(url!, { method: "POST", body: new URLSearchParams({ codes: c!, stage: "top99" }) }))
          .status,
      [`${h.dashboardUrl}/k/${slug}/tahap`, code],
    );
    expect(status).toBe(403);
    const token = await sec.locator('input[name="_csrf"]').first().inputValue();
    const cross = await secretariat.request.post(`${h.dashboardUrl}/k/${slug}/tahap`, {
      form: { codes: code, stage: "top99", _csrf: token },
      headers: { Origin: "http://evil.example" },
    });
    expect(cross.status()).toBe(403);
    const p = await db.prisma.proposal.findUniqueOrThrow({ where: { code }, select: { stage: true } });
    expect(p.stage).toBe("verifikasi_administrasi");
    expect(
      await db.prisma.auditLog.count({
        where: { action: "access.denied", details: { path: ["what"], equals: "csrf" } },
      }),
    ).toBe(1);
  });

  it("lets a judge score an assigned proposal, and nothing else", async () => {
    await sec.goto(`${h.dashboardUrl}/k/${slug}/juri`);
    await sec.getByLabel("Kode").first().fill(code);
    await sec.getByRole("button", { name: "Tugaskan", exact: true }).click();
    await seeText(sec.getByRole("status").first(), "1 penugasan dibuat");
    await sec.screenshot({ path: `${SHOTS}/judging.png`, fullPage: true });
    const { context, page: judge } = await signIn("u-judge");
    // Not assigned: refused.
    const notMine = await judge.goto(`${h.dashboardUrl}/k/${slug}/p/${otherCode}`);
    expect(notMine?.status()).toBe(403);
    // The secretariat's pages are not a judge's either.
    expect((await judge.goto(`${h.dashboardUrl}/k/${slug}/rilis`))?.status()).toBe(403);
    await judge.goto(`${h.dashboardUrl}/k/${slug}/menilai`);
    await judge.getByRole("link", { name: code }).click();
    const criteria = [
      "Latar belakang",
      "Kebaruan",
      "Implementasi",
      "Signifikansi",
      "Adaptabilitas",
      "Sumber daya",
      "Keberlanjutan",
    ];
    const inputs = judge.locator('input[type="number"]');
    expect(await inputs.count()).toBe(7);
    await inputs.nth(0).fill("80");
    await judge.getByRole("button", { name: "Simpan draf" }).click();
    await seeText(judge.getByRole("status").first(), "Draf nilai disimpan");
    expect(await db.prisma.score.count()).toBe(0);
    expect(await judge.locator('input[type="number"]').nth(0).inputValue()).toBe("80");
    for (let i = 1; i < 7; i++)
      await judge
        .locator('input[type="number"]')
        .nth(i)
        .fill(String(70 + i));
    await judge.locator("textarea").nth(1).fill("Kebaruan jelas");
    await judge.screenshot({ path: `${SHOTS}/judge-rubric.png`, fullPage: true });
    await judge.getByRole("button", { name: "Kirim nilai" }).click();
    await seeText(judge.getByRole("status").first(), "Nilai terkirim");
    const scores = await db.prisma.score.findMany({
      where: { judge: "J1" },
      select: { criterion: true, value: true, stage: true, comment: true },
    });
    expect(scores).toHaveLength(7);
    expect(scores.every((s) => s.stage === "evaluasi_proposal")).toBe(true);
    expect(scores.find((s) => s.criterion === "kebaruan")).toMatchObject({
      value: 71,
      comment: "Kebaruan jelas",
    });
    expect(criteria).toHaveLength(7);
    // Assigned, then the judge declares a conflict: the proposal closes to them.
    await sec.goto(`${h.dashboardUrl}/k/${slug}/juri`);
    await sec.getByLabel("Kode").first().fill(otherCode);
    await sec.getByRole("button", { name: "Tugaskan", exact: true }).click();
    expect((await judge.goto(`${h.dashboardUrl}/k/${slug}/p/${otherCode}`))?.status()).toBe(200);
    await judge.goto(`${h.dashboardUrl}/k/${slug}/menilai/${otherCode}`);
    await judge.getByRole("button", { name: /konflik kepentingan/ }).click();
    await seeText(judge.getByRole("status").first(), "Konflik kepentingan dicatat");
    expect((await judge.goto(`${h.dashboardUrl}/k/${slug}/p/${otherCode}`))?.status()).toBe(403);
    expect((await judge.goto(`${h.dashboardUrl}/k/${slug}/menilai/${otherCode}`))?.status()).toBe(403);
    await context.close();
  });

  it("previews and releases the scores; the participant's /nilai shows them", async () => {
    const before = await h.person(participant).say("/nilai");
    expect(before).not.toMatch(/76[,.]/);
    await sec.goto(`${h.dashboardUrl}/k/${slug}/rilis`);
    const row = sec.getByRole("row", { name: new RegExp(code) });
    await seeText(row, "1/1");
    const total = (await row.getByRole("cell").nth(4).textContent())!.trim();
    await sec.screenshot({ path: `${SHOTS}/release.png`, fullPage: true });
    await sec.getByRole("button", { name: "Rilis total saja" }).click();
    await seeText(sec.getByRole("status").first(), "Nilai 1 proposal dirilis; 1 peserta diberi tahu");
    expect(await h.sentTo(participant, "nilai")).toContain(code);
    const after = await h.person(participant).say("/nilai");
    // Weights 10/15/5/30/20/5/15 over 80, 71…76 on a 0–100 scale: 74.1, as previewed.
    expect(total).toBe("74,1");
    expect(after).toContain(`Total: ${total}`);
    expect(await db.prisma.auditLog.count({ where: { action: "scores.release" } })).toBe(1);
  });

  it("sends an announcement and its progress reaches 100% without a reload", async () => {
    await sec.goto(`${h.dashboardUrl}/k/${slug}/pengumuman`);
    await sec.getByLabel("Isi pengumuman").fill("Batas unggah diperpanjang sampai Jumat.");
    await seeText(sec.locator("#count"), "1 kontak");
    await seeText(sec.locator("#pv-tg"), "Batas unggah diperpanjang");
    await sec.screenshot({ path: `${SHOTS}/compose.png`, fullPage: true });
    await sec.getByRole("button", { name: "Kirim", exact: true }).click();
    await sec.waitForURL(/pengumuman\/[^/]+$/);
    await seeText(sec.locator("#pct"), "100%", 20_000);
    expect(await sec.getByRole("row", { name: /terkirim/ }).count()).toBe(1);
    await sec.screenshot({ path: `${SHOTS}/announcement.png`, fullPage: true });
    expect(
      h.telegram.to(participant).some((t) => t.includes("Batas unggah diperpanjang sampai Jumat.")),
    ).toBe(true);
  });

  it("gives a participant no link, and a link or page without a session opens nothing", async () => {
    const reply = await h.person(participant).say("/masuk");
    expect(reply).toContain("hanya untuk sekretariat dan juri");
    expect(reply).not.toMatch(/https?:\/\//);
    const stranger = await h.browser.newContext();
    const page = await stranger.newPage();
    expect((await page.goto(`${h.dashboardUrl}/k/${slug}`))?.status()).toBe(401);
    await seeText(page.locator("main"), "/masuk");
    // A spent link (the secretariat's, used above) does not sign anyone in again.
    const link = linkIn(await h.person("u-sec").say("/masuk"));
    await page.goto(link);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.goto(link);
    await seeText(page.getByRole("alert"), "tidak berlaku");
    await stranger.close();
  });

  it("lists sessions and signs out", async () => {
    await sec.goto(`${h.dashboardUrl}/sesi`);
    await seeText(sec.locator("main"), "sesi ini");
    await sec.getByRole("button", { name: "Keluar" }).click();
    expect((await sec.goto(`${h.dashboardUrl}/k/${slug}`))?.status()).toBe(401);
    await secretariat.close();
  });
});
