import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type ClaimHolder, createClaimHolder } from "../../../src/db/claimHolder.ts";
import { createUpdateInbox, type UpdateInbox } from "../../../src/db/queries/inboxUpdates.ts";
import { createLogger } from "../../../src/logger.ts";
import { telegramUser, textMessage } from "../../fakes/telegramUpdates.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { gate, type Harness, SECRET, startHarness } from "./harness.ts";

// Webhook mode records every update in the inbox before handling it, so a process killed while
// handling one (after Telegram got its 200 at the reply timeout, or before any other process saw
// it) does not lose it: another process takes it over once the holder is gone (ADR 0007).
const PG = Boolean(process.env.TEST_DATABASE_URL);
const ani = telegramUser(1001, { first_name: "Ani" });
const logger = createLogger("silent");

let db: TestDb;
const open: Harness[] = [];
const holders: ClaimHolder[] = [];
const gates: (() => void)[] = [];
beforeAll(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  for (const g of gates.splice(0)) g();
  await Promise.all(open.splice(0).map((h) => h.close()));
  await Promise.all(holders.splice(0).map((h) => h.stop()));
});
afterAll(async () => db.close());

const rows = async () =>
  db.prisma.inboxUpdate.findMany({ select: { updateId: true, holder: true }, orderBy: { updateId: "asc" } });

it("a webhook update the inbox could not record is refused with 503 (Telegram sends it again) and not handled", async () => {
  const failing: UpdateInbox = {
    record: async () => {
      throw new Error("database down");
    },
    takeOver: async () => [],
    done: async () => {},
    flush: async () => {},
  };
  const h = await startHarness({ mode: "webhook", channel: { inbox: failing } });
  open.push(h);
  const r = await h.fake.webhookPost(h.webhookUrl(), textMessage(ani, "halo"), SECRET);
  expect(r.status).toBe(503);
  expect(h.received).toEqual([]);
});

describe.skipIf(!PG)("webhook fleet on PostgreSQL", () => {
  it("an update whose process died mid-handling is handled by another process; a living one's is left alone", async () => {
    const a = createClaimHolder({ url: db.url, logger });
    const b = createClaimHolder({ url: db.url, logger });
    holders.push(a, b);
    await a.start();
    await b.start();
    const first = await startHarness({
      mode: "webhook",
      channel: { inbox: createUpdateInbox(db.prisma, "telegram", a.id) },
    });
    open.push(first);
    const stuck = gate();
    gates.push(() => stuck.open());
    first.handler = async () => {
      await stuck.promise;
      return [];
    };
    // Telegram's call stays open while the update is handled (it gets its 200 at the reply timeout).
    void first.fake
      .webhookPost(first.webhookUrl(), textMessage(ani, "tolong simpan ini"), SECRET)
      .catch(() => {});
    await first.waitForReceived(1);
    const recorded = await rows();
    expect(recorded.map((r) => r.holder)).toEqual([a.id()]);

    const second = await startHarness({
      mode: "webhook",
      channel: { inbox: createUpdateInbox(db.prisma, "telegram", b.id), inboxSweepMs: 50 },
    });
    open.push(second);
    await new Promise((r) => setTimeout(r, 400));
    expect(second.received).toEqual([]); // the first process lives: still its update

    await a.stop(); // the first process is gone (its database session, and its lock, ended)
    const [answer] = await second.fake.waitForMessages(1001, 1);
    expect(answer?.text).toBe("echo: tolong simpan ini");
    expect(second.received.map((m) => m.text)).toEqual(["tolong simpan ini"]);
    // Handled: the row is cleared (in bulk, shortly after).
    await vi.waitFor(async () => expect(await rows()).toEqual([]));
    expect(recorded).toHaveLength(1);
  }, 30_000);
});
