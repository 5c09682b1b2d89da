import { Hono } from "hono";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createServiceStatus, type ServiceStatus } from "../../src/app/service/createServiceStatus.ts";
import { createHealthChecks } from "../../src/http/createHealthChecks.ts";
import { createHttpServer, type HttpServer } from "../../src/http/createHttpServer.ts";
import { deliveries, setWhatsAppState, turns } from "../../src/http/metrics.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

// The HTTP surface over real HTTP, with the real health checks over a real database.
let db: TestDb;
let server: HttpServer | undefined;
let base = "";
const NOW = new Date("2026-11-30T03:00:00Z");

beforeAll(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
});
afterAll(async () => {
  await db.close();
});

async function start(
  status: ServiceStatus,
  opts: { mounts?: { path: string; app: Hono }[]; ping?: boolean } = {},
) {
  const health = createHealthChecks({ db: db.prisma, status, maxOutboxAgeMs: 600_000, now: () => NOW });
  server = createHttpServer({
    host: "127.0.0.1",
    port: 0,
    logger: pino({ level: "silent" }),
    mounts: opts.mounts ?? [],
    health:
      opts.ping === false
        ? { ...health, database: () => Promise.reject(new Error("connection refused")) }
        : health,
  });
  base = `http://127.0.0.1:${(await server.start()).port}`;
}

async function get(path: string) {
  const r = await fetch(`${base}${path}`);
  const type = r.headers.get("content-type") ?? "";
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body read by the assertions
  const body: any = type.includes("json") ? await r.json() : await r.text();
  return { status: r.status, body };
}

/** A pending delivery that became due `ageMs` before NOW. */
async function dueDelivery(ageMs: number): Promise<void> {
  const c = await db.prisma.competition.create({
    data: { slug: `c${ageMs}`, name: "Uji", templateId: "t", template: {}, timeline: {} },
  });
  const a = await db.prisma.announcement.create({
    data: { competitionId: c.id, text: "halo", audience: {}, status: "sending" },
  });
  const p = await db.prisma.contact.create({ data: {} });
  await db.prisma.delivery.create({
    data: {
      announcementId: a.id,
      contactId: p.id,
      channel: "telegram",
      externalId: "1",
      nextAttemptAt: new Date(NOW.getTime() - ageMs),
    },
  });
}

describe("HTTP surface", () => {
  it("/healthz answers 200 while the database answers and 503 naming it when not", async () => {
    await start(createServiceStatus());
    expect(await get("/healthz")).toEqual({
      status: 200,
      body: { status: "ok", checks: { database: { ok: true } } },
    });
    await server!.stop();
    await start(createServiceStatus(), { ping: false });
    expect(await get("/healthz")).toEqual({
      status: 503,
      body: { status: "fail", checks: { database: { ok: false, detail: "connection refused" } } },
    });
  });

  it("/readyz is 503 naming the channel, the dispatcher loop and the outbox that are not ready", async () => {
    const status = createServiceStatus();
    status.setChannel("telegram", { state: "starting" });
    status.setRole("dispatcher");
    await start(status);
    const before = await get("/readyz");
    expect(before.status).toBe(503);
    expect(before.body.notReady).toEqual(["channel:telegram", "dispatcher"]);

    status.setChannel("telegram", { state: "connected" });
    status.beat(NOW);
    expect(await get("/readyz")).toMatchObject({ status: 200, body: { ready: true, notReady: [] } });

    status.setChannel("telegram", { state: "fatal", reason: "conflict" });
    await dueDelivery(3_600_000);
    const after = await get("/readyz");
    expect(after.status).toBe(503);
    expect(after.body.notReady).toEqual(["channel:telegram", "outbox"]);
    expect(after.body.checks["channel:telegram"].detail).toBe("fatal: conflict");
    expect(after.body.checks.outbox.detail).toBe("oldest due delivery waits 3600 s");
  });

  it("a receiver process is ready without a dispatcher loop of its own; a standing-by channel is ready", async () => {
    const status = createServiceStatus();
    status.setChannel("whatsapp", { state: "standby" });
    await db.prisma.delivery.deleteMany();
    await start(status);
    expect(await get("/readyz")).toMatchObject({ status: 200, body: { ready: true } });
  });

  it("/metrics serves the counters in Prometheus text format", async () => {
    turns.inc({ channel: "telegram", outcome: "ok" });
    deliveries.inc({ channel: "whatsapp", status: "sent" }, 3);
    setWhatsAppState("open");
    await start(createServiceStatus());
    const r = await fetch(`${base}/metrics`);
    expect(r.headers.get("content-type")).toContain("text/plain");
    const text = await r.text();
    expect(text).toMatch(/^klinik_turns_total\{channel="telegram",outcome="ok",app="klinik"\} [1-9]/m);
    expect(text).toMatch(/^klinik_deliveries_total\{channel="whatsapp",status="sent",app="klinik"\} [3-9]/m);
    expect(text).toMatch(/^klinik_whatsapp_connection_state\{state="open",app="klinik"\} 1$/m);
    expect(text).toMatch(/^klinik_whatsapp_connection_state\{state="logged_out",app="klinik"\} 0$/m);
    expect(text).toContain("# TYPE klinik_outbox_lag_seconds gauge");
    expect(text).toContain("klinik_process_resident_memory_bytes");
  });

  it("serves mounted sub-apps under their path and 404 elsewhere", async () => {
    const sub = new Hono().get("/", (c) => c.text("dasbor"));
    await start(createServiceStatus(), { mounts: [{ path: "/dashboard", app: sub }] });
    expect(await get("/dashboard")).toEqual({ status: 200, body: "dasbor" });
    expect((await get("/nothing")).status).toBe(404);
  });
});
