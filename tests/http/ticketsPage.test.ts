import { afterAll, beforeAll, expect, it } from "vitest";
import { createCompetitionCache } from "../../src/app/competitionCache.ts";
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
    viewer: async (req) => req.headers.get("x-viewer") ?? undefined,
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
