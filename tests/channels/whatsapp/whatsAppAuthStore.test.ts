import { BufferJSON } from "@whiskeysockets/baileys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useStoredAuthState } from "../../../src/channels/whatsapp/useStoredAuthState.ts";
import { createWhatsAppAuthStore } from "../../../src/db/whatsAppAuthStore.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

const asJson = (value: unknown) => JSON.stringify(value, BufferJSON.replacer);

describe("createWhatsAppAuthStore (real database)", () => {
  it("stores the auth state; a new store instance reads creds and keys back byte-identical", async () => {
    const first = await useStoredAuthState(createWhatsAppAuthStore(db.prisma));
    first.state.creds.registered = true;
    first.state.creds.me = {
      id: "6281100000000:7@s.whatsapp.net",
      lid: "123456789012345:7@lid",
      name: "Klinik",
    };
    await first.saveCreds();
    const preKeys = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [
        String(i + 1),
        { public: Buffer.from([i % 256, 1]), private: Buffer.from([i % 256, 2]) },
      ]),
    );
    await first.state.keys.set({
      "pre-key": preKeys,
      session: { "123456789012345_1.0": Buffer.from("sesi-lid") },
      "app-state-sync-key": { "AAAAAB/x": { keyData: new Uint8Array([9, 9]), timestamp: 1 } },
    });

    const second = await useStoredAuthState(createWhatsAppAuthStore(db.prisma));
    expect(asJson(second.state.creds)).toBe(asJson(first.state.creds));
    const read = await second.state.keys.get("pre-key", ["1", "150", "300", "301"]);
    expect(asJson(read["150"])).toBe(asJson(preKeys["150"]));
    expect(read["301"]).toBeUndefined();
    const session = await second.state.keys.get("session", ["123456789012345_1.0"]);
    expect(Buffer.from(session["123456789012345_1.0"]!).toString()).toBe("sesi-lid");
    expect(await db.prisma.whatsAppAuth.count()).toBe(303);
  });

  it("applies a batch atomically, deleting keys set to null, last entry per key winning", async () => {
    const store = createWhatsAppAuthStore(db.prisma);
    await store.write([
      { key: "pre-key-1", value: null },
      { key: "tctoken-x", value: "a" },
      { key: "tctoken-x", value: "b" },
    ]);
    const values = await store.read(["pre-key-1", "pre-key-2", "tctoken-x"]);
    expect(values.has("pre-key-1")).toBe(false);
    expect(values.has("pre-key-2")).toBe(true);
    expect(values.get("tctoken-x")).toBe("b");

    // A failing batch leaves nothing behind (one transaction).
    await expect(
      store.write([
        { key: "pre-key-2", value: null },
        { key: "tctoken-y", value: "y" },
        { key: "tctoken-y\u0000bad", value: "nul bytes are refused by PostgreSQL" },
      ]),
    ).rejects.toThrow();
    expect((await store.read(["pre-key-2", "tctoken-y"])).size).toBe(1);
  });

  it("clears the session", async () => {
    const store = createWhatsAppAuthStore(db.prisma);
    await store.clear();
    expect(await db.prisma.whatsAppAuth.count()).toBe(0);
    expect((await store.read(["creds"])).size).toBe(0);
  });
});
