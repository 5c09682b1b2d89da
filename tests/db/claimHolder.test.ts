import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaimHolder } from "../../src/db/claimHolder.ts";
import { claimUpdate, finishUpdate } from "../../src/db/queries/processedUpdates.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";

// A message claimed by a process that died is taken over at once by the next delivery, not after
// the 2-minute lease (ADR 0007): each process holds a liveness lock and stamps its claims with it.
const PG = Boolean(process.env.TEST_DATABASE_URL);
const LEASE = 120_000;
const logger = createLogger("silent");

describe.skipIf(!PG)("claims stamped with the holder's liveness (PostgreSQL)", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.close());

  it("a living holder's claim is busy; once its process is gone the next delivery takes it over", async () => {
    const a = createClaimHolder({ url: db.url, logger });
    const b = createClaimHolder({ url: db.url, logger });
    await a.start();
    await b.start();
    const key = { channel: "telegram", updateId: "u-1" };
    const t0 = new Date();
    expect((await claimUpdate(db.prisma, key, t0, LEASE, a.id())).kind).toBe("fresh");

    const whileAlive = await claimUpdate(db.prisma, key, new Date(t0.getTime() + 1_000), LEASE, b.id());
    expect(whileAlive).toEqual({ kind: "busy", holderAlive: true });

    await a.stop(); // its session ends, as when the process is killed
    const later = new Date(t0.getTime() + 2_000); // far inside the lease
    const taken = await claimUpdate(db.prisma, key, later, LEASE, b.id());
    expect(taken.kind).toBe("retaken");
    // The new holder's claim is the one that counts: b finishes it, and b is now the living holder.
    if (taken.kind !== "retaken") throw new Error("not retaken");
    expect(await finishUpdate(db.prisma, taken.claim, [{ text: ["ok"] }], later)).toBe(true);
    const repeat = await claimUpdate(db.prisma, key, later, LEASE, b.id());
    expect(repeat).toMatchObject({ kind: "done", sent: false, holderAlive: true });
    await b.stop();
    const afterB = await claimUpdate(db.prisma, key, later, LEASE, undefined);
    expect(afterB).toMatchObject({
      kind: "done",
      sent: false,
      holderAlive: false,
      replies: [{ text: ["ok"] }],
    });
  });

  it("a claim without a holder (an older process) still waits out the lease", async () => {
    const b = createClaimHolder({ url: db.url, logger });
    await b.start();
    const key = { channel: "telegram", updateId: "u-2" };
    const t0 = new Date();
    expect((await claimUpdate(db.prisma, key, t0, LEASE, undefined)).kind).toBe("fresh");
    expect((await claimUpdate(db.prisma, key, new Date(t0.getTime() + 1_000), LEASE, b.id())).kind).toBe(
      "busy",
    );
    expect((await claimUpdate(db.prisma, key, new Date(t0.getTime() + LEASE + 1), LEASE, b.id())).kind).toBe(
      "retaken",
    );
    await b.stop();
  });

  it("ids are per database: a lock of the same id held on another database does not keep a claim alive", async () => {
    const other = await createTestDb();
    try {
      const elsewhere = createClaimHolder({ url: other.url, logger });
      await elsewhere.start();
      const id = elsewhere.id();
      const key = { channel: "telegram", updateId: "u-3" };
      const t0 = new Date();
      expect((await claimUpdate(db.prisma, key, t0, LEASE, id)).kind).toBe("fresh");
      expect((await claimUpdate(db.prisma, key, new Date(t0.getTime() + 1_000), LEASE, 7)).kind).toBe(
        "retaken",
      );
      await elsewhere.stop();
    } finally {
      await other.close();
    }
  });
});
