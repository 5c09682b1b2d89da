import { Hono } from "hono";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCompetitionCache } from "../../src/app/competitionCache.ts";
import { createLoginLink, redeemLoginLink } from "../../src/app/dashboard/dashboardAuth.ts";
import { createNotifier } from "../../src/app/notifier.ts";
import { mountDashboard } from "../../src/http/dashboard/mountDashboard.ts";
import { createTicketsPage } from "../../src/http/dashboard/ticketsPage.ts";
import { makeSecretariat, seedCompetition, seedMember, seedProposal } from "../app/status/statusHarness.ts";
import { makeTicketApp } from "../app/tickets/ticketHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

let db: TestDb;
let page: ReturnType<typeof createTicketsPage>;
let sekId: string;
let memberId: string;
let code: string;
beforeAll(async () => {
  db = await createTestDb();
  const competitionId = await seedCompetition(db);
  const p = await seedProposal(db, competitionId, { title: "Layanan <b>Keliling</b>" });
  code = p.code;
  const m = await seedMember(db, p.unitId, { userId: "tg-fajar" });
  memberId = m.contactId;
  sekId = (await makeSecretariat(db, competitionId)).contactId;
  const app = makeTicketApp(db);
  const fajar = app.person("tg-fajar");
  await fajar.say('/tanya Kenapa <script>alert("x")</script> formulir tidak bisa dibuka?');
  await fajar.pick("Teknis");
  // The sign-in is the dashboard's; here a header names the viewer.
  page = createTicketsPage({
    db: db.prisma,
    competitions: createCompetitionCache(db.prisma, { ttlMs: 0 }),
    timezone: "Asia/Jakarta",
    viewer: (c) => c.req.header("x-viewer"),
  });
}, 60_000);
afterAll(async () => {
  await db?.close();
});

it("shows the secretariat the queue with the proposal beside each ticket, escaped, and filters it", async () => {
  const res = await page.request("/?status=open", { headers: { "x-viewer": sekId } });
  expect(res.status).toBe(200);
  const body = await res.text();
  expect(body).toContain(code);
  expect(body).toContain("Layanan &lt;b&gt;Keliling&lt;/b&gt;");
  expect(body).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  expect(body).not.toContain("<script>");
  expect(body).toMatch(/1 terbuka/);
  const banding = await (await page.request("/?kind=banding", { headers: { "x-viewer": sekId } })).text();
  expect(banding).toContain("Tidak ada tiket.");
});

it("refuses participants and signed-out visitors", async () => {
  expect((await page.request("/", { headers: { "x-viewer": memberId } })).status).toBe(403);
  expect((await page.request("/")).status).toBe(401);
});

it("is mounted in the dashboard at /tiket behind its sign-in, in its frame", async () => {
  const base = "http://127.0.0.1/dashboard";
  const mount = mountDashboard({
    db: db.prisma,
    logger: pino({ level: "silent" }),
    competitions: createCompetitionCache(db.prisma, { ttlMs: 0 }),
    notifier: createNotifier({ db: db.prisma, quietHours: null }),
    dashboardUrl: base,
    quietHours: null,
  });
  const root = new Hono().route(mount.path, mount.app);
  const cookieOf = async (contactId: string) => {
    const link = await createLoginLink(db.prisma, contactId, base, new Date());
    const s = (await redeemLoginLink(db.prisma, link.url.split("/").pop()!, "vitest", new Date()))!;
    return `klinik_dash=${s.cookie}`;
  };
  expect((await root.request(`${base}/tiket`)).status).toBe(401);
  const res = await root.request(`${base}/tiket?status=open`, { headers: { cookie: await cookieOf(sekId) } });
  expect(res.status).toBe(200);
  const body = await res.text();
  expect(body).toContain("Tiket pertanyaan dan banding");
  expect(body).toContain(code);
  expect(body).toContain('href="/dashboard/tiket"'); // the dashboard's navigation links it
  expect(body).toContain("&lt;script&gt;");
});
