import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { createUpdateInbox } from "../../../src/db/queries/inboxUpdates.ts";
import { telegramUser, textMessage } from "../../fakes/telegramUpdates.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { gate, type Harness, startHarness } from "./harness.ts";

let db: TestDb;
const open: Harness[] = [];
beforeAll(async () => {
  db = await createTestDb();
});
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
  await Promise.all(open.splice(0).map((h) => h.close()));
});
afterAll(async () => {
  await db.close();
});

const ani = telegramUser(1001, { first_name: "Ani" });
const inboxRows = async () =>
  (await db.prisma.inboxUpdate.findMany({ select: { updateId: true } })).map((u) => u.updateId);

it("records a fetched batch before Telegram counts it received; a restart handles what the dead process did not finish", async () => {
  const inbox = createUpdateInbox(db.prisma, "telegram");
  // The first process takes the update and hangs in the middle of it (as if killed there).
  const stuck = gate();
  const first = await startHarness({ channel: { inbox } });
  open.push(first);
  cleanups.push(() => stuck.open());
  first.handler = async () => {
    await stuck.promise;
    return [];
  };
  const id = first.fake.injectUpdate(textMessage(ani, "tolong simpan ini"));
  await first.waitForReceived(1);
  await first.fake.waitForDelivered(id);
  // Telegram will not send it again, but the inbox has it.
  expect(await inboxRows()).toEqual([String(id)]);

  // The restarted process (its own Bot API connection) handles it at start.
  const second = await startHarness({ channel: { inbox } });
  open.push(second);
  const [answer] = await second.fake.waitForMessages(1001, 1);
  expect(answer?.text).toBe("echo: tolong simpan ini");
  await vi.waitFor(async () => expect(await inboxRows()).toEqual([]));
  stuck.open();
});
