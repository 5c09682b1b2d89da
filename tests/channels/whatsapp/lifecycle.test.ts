import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BufferJSON, DisconnectReason, proto } from "@whiskeysockets/baileys";
import { afterEach, describe, expect, it, vi } from "vitest";
import { inboundMessage } from "../../fakes/fakeBaileysSocket.ts";
import { createHarness, PN } from "./harness.ts";

const tempDirs: string[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe("WhatsApp connection lifecycle", () => {
  it("declines the full history download but keeps the syncs that carry LID ↔ phone mappings", async () => {
    const h = createHarness();
    const socket = await h.open();
    const sync = socket.config.shouldSyncHistoryMessage!;
    const T = proto.HistorySync.HistorySyncType;
    expect(socket.config.syncFullHistory).toBe(false);
    expect(sync({ syncType: T.FULL })).toBe(false);
    for (const t of [T.INITIAL_BOOTSTRAP, T.RECENT, T.PUSH_NAME, T.ON_DEMAND])
      expect(sync({ syncType: t })).toBe(true);
    await h.channel.stop();
  });

  it("saves creds on creds.update, and the next start reads them back", async () => {
    const h = createHarness();
    const socket = await h.open();
    expect(h.channel.status()).toEqual({ state: "open", me: "6281100000000@s.whatsapp.net" });
    socket.updateCreds({ registered: true, me: { id: "6281100000000:7@s.whatsapp.net", name: "Klinik" } });
    await vi.waitFor(() => expect(h.auth.data.has("creds")).toBe(true));
    const saved = JSON.parse(h.auth.data.get("creds")!, BufferJSON.reviver);
    expect(saved.registered).toBe(true);
    expect(JSON.stringify(saved, BufferJSON.replacer)).toBe(
      JSON.stringify(socket.authState.creds, BufferJSON.replacer),
    );

    // Signal keys written by Baileys land in the store under "<type>-<id>".
    await socket.authState.keys.set({
      "pre-key": { "1": { public: Buffer.from([1]), private: Buffer.from([2]) } },
    });
    expect(h.auth.data.has("pre-key-1")).toBe(true);
    await h.channel.stop();

    const again = createHarness({ auth: h.auth });
    await again.channel.start();
    expect(again.factory.last.authState.creds.registered).toBe(true);
    expect(again.factory.last.authState.creds.noiseKey.private).toEqual(
      socket.authState.creds.noiseKey.private,
    );
    await again.channel.stop();
  });

  it("on loggedOut clears the stored session, tells the operator, and makes no new socket", async () => {
    const h = createHarness();
    const socket = await h.open();
    socket.updateCreds({ registered: true });
    await vi.waitFor(() => expect(h.auth.data.size).toBeGreaterThan(0));
    socket.disconnect(DisconnectReason.loggedOut, "Connection Failure");
    await vi.waitFor(() => expect(h.channel.status().state).toBe("logged_out"));
    await vi.waitFor(() => expect(h.auth.data.size).toBe(0));
    expect(h.auth.clears).toBe(1);
    expect(h.factory.count).toBe(1);
    expect(h.errors()).toHaveLength(1);
    expect(h.errors()[0]!.msg).toMatch(/logged out.*pair again/i);
  });

  it("reconnects after connectionLost/timedOut with growing, jittered delays, and resets after open", async () => {
    const h = createHarness({
      reconnect: { baseMs: 1000, maxMs: 8000, maxPerHour: 100 },
      random: Math.random,
    });
    await h.open();
    for (let i = 0; i < 5; i++) {
      const before = h.factory.count;
      h.factory.last.disconnect(i % 2 ? DisconnectReason.timedOut : DisconnectReason.connectionClosed);
      await vi.waitFor(() => expect(h.factory.count).toBe(before + 1));
    }
    // Equal jitter: attempt n waits between half and all of min(max, base·2ⁿ).
    const ceilings = [1000, 2000, 4000, 8000, 8000];
    expect(h.sleeps).toHaveLength(5);
    h.sleeps.forEach((ms, n) => {
      expect(ms).toBeGreaterThanOrEqual(ceilings[n]! / 2);
      expect(ms).toBeLessThanOrEqual(ceilings[n]!);
    });
    expect(h.sleeps[2]!).toBeGreaterThanOrEqual(h.sleeps[0]!);

    h.factory.last.open();
    h.factory.last.disconnect(DisconnectReason.connectionLost);
    await vi.waitFor(() => expect(h.factory.count).toBe(7));
    expect(h.sleeps.at(-1)).toBeLessThanOrEqual(1000);
    expect(h.errors()).toEqual([]);
  });

  it("reconnects at once on restartRequired", async () => {
    const h = createHarness();
    await h.open();
    h.factory.last.disconnect(DisconnectReason.restartRequired, "Stream Errored (restart required)");
    await vi.waitFor(() => expect(h.factory.count).toBe(2));
    expect(h.sleeps).toEqual([]);
  });

  it("stops with one error line after maxPerHour attempts instead of storming", async () => {
    const h = createHarness({ reconnect: { baseMs: 10, maxMs: 10, maxPerHour: 3 } });
    await h.open();
    for (let i = 0; i < 3; i++) {
      h.factory.last.disconnect(DisconnectReason.connectionLost);
      await vi.waitFor(() => expect(h.factory.count).toBe(i + 2));
    }
    h.factory.last.disconnect(DisconnectReason.connectionLost);
    await vi.waitFor(() => expect(h.channel.status().state).toBe("closed"));
    await new Promise((r) => setTimeout(r, 20));
    expect(h.factory.count).toBe(4);
    expect(h.errors()).toHaveLength(1);
    expect(h.errors()[0]!.msg).toMatch(/reconnect limit/);

    expect(h.sleeps).toHaveLength(3);

    // An hour later the budget is back: a restart reconnects again after a drop.
    h.clock.t += 60 * 60 * 1000 + 1;
    await h.channel.start();
    h.factory.last.open();
    h.factory.last.disconnect(DisconnectReason.connectionLost);
    await vi.waitFor(() => expect(h.factory.count).toBe(6));
  });

  it("does not fight a session that replaced it", async () => {
    const h = createHarness();
    await h.open();
    h.factory.last.disconnect(DisconnectReason.connectionReplaced, "Stream Errored (conflict)");
    await vi.waitFor(() => expect(h.channel.status().state).toBe("closed"));
    await new Promise((r) => setTimeout(r, 20));
    expect(h.factory.count).toBe(1);
    expect(h.errors()).toHaveLength(1);
    expect(h.auth.clears).toBe(0);
  });

  it("requests a pairing code once when pairingPhone is set and creds are not registered", async () => {
    const h = createHarness({ pairingPhone: "+62 811-0000-0000" });
    await h.channel.start();
    const socket = h.factory.last;
    socket.showQr();
    socket.showQr("2@second-ref");
    await vi.waitFor(() => expect(socket.pairingRequests).toEqual(["6281100000000"]));
    await new Promise((r) => setTimeout(r, 20));
    expect(socket.pairingRequests).toHaveLength(1);
    expect(h.terminal.join("")).toContain("ABCD-1234");
    // requestPairingCode changed the creds; the adapter saved them.
    await vi.waitFor(() => expect(h.auth.data.get("creds")).toContain("ABCD1234"));
  });

  it("prints the QR in the terminal and writes it as PNG; removes the PNG once connected", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wa-qr-"));
    tempDirs.push(dir);
    const qrPngPath = join(dir, "qr.png");
    const h = createHarness({ qrPngPath });
    await h.channel.start();
    h.factory.last.showQr();
    await vi.waitFor(async () => expect((await stat(qrPngPath)).size).toBeGreaterThan(100));
    const png = await readFile(qrPngPath);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(h.terminal.join("")).toMatch(/Link a device/);
    expect(h.factory.last.pairingRequests).toEqual([]);

    h.factory.last.open();
    await vi.waitFor(async () => expect(await stat(qrPngPath).catch(() => undefined)).toBeUndefined());
  });

  it("stops gracefully: finishes in-flight handlers, then ends the socket without logging out", async () => {
    let release: () => void = () => {};
    const h = createHarness({
      reply: async (m) => {
        if (m.text === "panjang") await new Promise<void>((r) => (release = r));
        return [{ text: [`selesai ${m.text}`] }];
      },
    });
    const socket = await h.open();
    socket.receive(inboundMessage({ from: PN, id: "S1", text: "panjang" }));
    await vi.waitFor(() => expect(h.calls).toHaveLength(1));
    const stopped = h.channel.stop();
    socket.receive(inboundMessage({ from: PN, id: "S2", text: "terlambat" }));
    await new Promise((r) => setTimeout(r, 20));
    expect(socket.ended).toBe(false);
    release();
    await stopped;
    expect(h.texts(socket)).toEqual(["selesai panjang"]);
    expect(h.calls).toHaveLength(1);
    expect(socket.ended).toBe(true);
    expect(socket.loggedOut).toBe(false);
    expect(h.factory.count).toBe(1);
    expect(h.channel.status().state).toBe("closed");
    expect(h.auth.clears).toBe(0);
  });
});
