import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BufferJSON, proto, useMultiFileAuthState } from "@whiskeysockets/baileys";
import { afterEach, describe, expect, it } from "vitest";
import {
  AuthImportError,
  importMultiFileAuth,
  keyFromFileName,
} from "../../../src/channels/whatsapp/importMultiFileAuth.ts";
import { useStoredAuthState } from "../../../src/channels/whatsapp/useStoredAuthState.ts";
import { createMemoryAuthStore } from "./harness.ts";

const tempDirs: string[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const asJson = (value: unknown) => JSON.stringify(value, BufferJSON.replacer);

describe("useStoredAuthState", () => {
  it("starts with fresh creds and round-trips creds and keys through the store", async () => {
    const store = createMemoryAuthStore();
    const first = await useStoredAuthState(store);
    expect(first.state.creds.registered).toBe(false);
    first.state.creds.registered = true;
    await first.saveCreds();
    await first.state.keys.set({
      "pre-key": { "7": { public: new Uint8Array([1, 2]), private: new Uint8Array([3, 4]) } },
      session: { "6281234567890.0": Buffer.from("sesi") },
      "lid-mapping": { "6281234567890": "123456789012345", "123456789012345_reverse": "6281234567890" },
      "app-state-sync-key": { "AAAAAB/x": { keyData: new Uint8Array([9, 9]), timestamp: 1 } },
    });
    expect([...store.data.keys()].sort()).toEqual([
      "app-state-sync-key-AAAAAB/x",
      "creds",
      "lid-mapping-123456789012345_reverse",
      "lid-mapping-6281234567890",
      "pre-key-7",
      "session-6281234567890.0",
    ]);

    const second = await useStoredAuthState(store);
    expect(asJson(second.state.creds)).toBe(asJson(first.state.creds));
    const preKeys = await second.state.keys.get("pre-key", ["7", "8"]);
    expect(Buffer.from(preKeys["7"]!.private)).toEqual(Buffer.from([3, 4]));
    expect(preKeys["8"]).toBeUndefined();
    const sync = await second.state.keys.get("app-state-sync-key", ["AAAAAB/x"]);
    expect(sync["AAAAAB/x"]).toBeInstanceOf(proto.Message.AppStateSyncKeyData);

    await second.state.keys.set({ "pre-key": { "7": null } });
    expect(store.data.has("pre-key-7")).toBe(false);
    await second.clear();
    expect(store.data.size).toBe(0);
  });

  it("never lets an older creds snapshot overwrite a newer one", async () => {
    const store = createMemoryAuthStore();
    const { state, saveCreds } = await useStoredAuthState(store);
    state.creds.nextPreKeyId = 10;
    const a = saveCreds();
    state.creds.nextPreKeyId = 11;
    const b = saveCreds();
    await Promise.all([a, b]);
    expect(JSON.parse(store.data.get("creds")!).nextPreKeyId).toBe(11);
  });
});

describe("importMultiFileAuth", () => {
  it("imports a folder written by Baileys' useMultiFileAuthState, key names decoded", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wa-auth-"));
    tempDirs.push(dir);
    const files = await useMultiFileAuthState(dir);
    files.state.creds.registered = true;
    await files.saveCreds();
    const senderKeyId = "120363025246125486@g.us::6281234567890::0";
    const oldGroup = "6281234567890-1600000000@g.us";
    await files.state.keys.set({
      "pre-key": { "1": { public: new Uint8Array([1]), private: new Uint8Array([2]) } },
      "sender-key": { [senderKeyId]: Buffer.from("sk") },
      "sender-key-memory": { [oldGroup]: { "6281234567890:3@s.whatsapp.net": true } },
      "app-state-sync-key": { "AB/cd+ef==": { keyData: new Uint8Array([5]), timestamp: 2 } },
    });
    expect((await readdir(dir)).sort()).toContain(
      "sender-key-120363025246125486@g.us--6281234567890--0.json",
    );

    const store = createMemoryAuthStore();
    expect(await importMultiFileAuth(dir, store)).toEqual({ imported: 5 });
    const state = await useStoredAuthState(store);
    expect(asJson(state.state.creds)).toBe(asJson(files.state.creds));
    expect((await state.state.keys.get("pre-key", ["1"]))["1"]).toBeDefined();
    expect(
      Buffer.from((await state.state.keys.get("sender-key", [senderKeyId]))[senderKeyId]!).toString(),
    ).toBe("sk");
    expect((await state.state.keys.get("sender-key-memory", [oldGroup]))[oldGroup]).toEqual({
      "6281234567890:3@s.whatsapp.net": true,
    });
    expect((await state.state.keys.get("app-state-sync-key", ["AB/cd+ef=="]))["AB/cd+ef=="]).toBeDefined();

    await expect(importMultiFileAuth(dir, store)).rejects.toBeInstanceOf(AuthImportError);
    store.data.set("session-stale.0", "{}");
    await importMultiFileAuth(dir, store, { overwrite: true });
    expect(store.data.has("session-stale.0")).toBe(false);
  });

  it("refuses a folder without creds.json", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wa-auth-"));
    tempDirs.push(dir);
    await expect(importMultiFileAuth(dir, createMemoryAuthStore())).rejects.toThrow(/creds\.json/);
  });

  it("decodes file names as Baileys encoded them", () => {
    expect(keyFromFileName("creds.json")).toBe("creds");
    expect(keyFromFileName("pre-key-1.json")).toBe("pre-key-1");
    expect(keyFromFileName("app-state-sync-key-AB__cd.json")).toBe("app-state-sync-key-AB/cd");
    expect(keyFromFileName("session-123456789012345_1.0.json")).toBe("session-123456789012345_1.0");
  });
});
