import { Boom } from "@hapi/boom";
import { DisconnectReason } from "@whiskeysockets/baileys";
import { describe, expect, it, vi } from "vitest";
import { PermanentSendError, TransientSendError } from "../../../src/core/messages.ts";
import { inboundMessage } from "../../fakes/fakeBaileysSocket.ts";
import { createHarness, PN } from "./harness.ts";

describe("WhatsApp outbound", () => {
  it("spaces every send by minDelayMs ± jitterMs on one lane (fake clock)", async () => {
    const h = createHarness({
      pacing: { minDelayMs: 1500, jitterMs: 1000, dailyCap: 100 },
      random: Math.random,
    });
    const socket = await h.open();
    const times: number[] = [];
    const original = socket.sendMessage.bind(socket);
    socket.sendMessage = async (jid, content) => {
      times.push(h.clock.t);
      return original(jid, content);
    };
    await Promise.all(
      ["6281111111111", "6282222222222", "6283333333333", "6284444444444"].map((n, i) =>
        h.channel.sender.send(n, { text: [`Pengumuman ${i}`] }),
      ),
    );
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i++) {
      const gap = times[i]! - times[i - 1]!;
      expect(gap).toBeGreaterThanOrEqual(500);
      expect(gap).toBeLessThanOrEqual(2500);
    }
    expect(socket.sent.map((s) => s.jid)).toEqual([
      "6281111111111@s.whatsapp.net",
      "6282222222222@s.whatsapp.net",
      "6283333333333@s.whatsapp.net",
      "6284444444444@s.whatsapp.net",
    ]);
  });

  it("lets replies skip most of the gap, in order", async () => {
    const h = createHarness({
      pacing: { minDelayMs: 2000, jitterMs: 0, dailyCap: 100 },
      reply: () => [{ text: ["satu"] }, { text: ["dua"] }],
    });
    const socket = await h.open();
    socket.receive(inboundMessage({ from: PN, id: "R1", text: "halo" }));
    await vi.waitFor(() => expect(h.texts(socket)).toEqual(["satu", "dua"]));
    expect(h.sleeps).toEqual([500]);
  });

  it("refuses proactive sends beyond the daily cap with TransientSendError, replies still go", async () => {
    const h = createHarness({ pacing: { minDelayMs: 0, jitterMs: 0, dailyCap: 2 } });
    const socket = await h.open();
    await h.channel.sender.send(PN, { text: ["1"] });
    await h.channel.sender.send(PN, { text: ["2"] });
    const refused = await h.channel.sender.send(PN, { text: ["3"] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TransientSendError);
    expect((refused as TransientSendError).retryAfterMs).toBeGreaterThan(0);

    socket.receive(inboundMessage({ from: PN, id: "C1", text: "halo" }));
    await vi.waitFor(() => expect(h.texts(socket)).toEqual(["1", "2", "echo: halo"]));

    h.clock.t += 24 * 60 * 60 * 1000;
    await expect(h.channel.sender.send(PN, { text: ["4"] })).resolves.toMatchObject({
      messageId: expect.any(String),
    });
  });

  it("answers getMessage for a message it sent (retry receipts)", async () => {
    const h = createHarness();
    const socket = await h.open();
    const { messageId } = await h.channel.sender.send(PN, { text: ["Batas unggah 6 Mei"] });
    const getMessage = socket.config.getMessage!;
    expect(await getMessage({ remoteJid: PN, id: messageId, fromMe: true })).toEqual({
      extendedTextMessage: { text: "Batas unggah 6 Mei" },
    });
    expect(await getMessage({ remoteJid: PN, id: "unknown", fromMe: true })).toBeUndefined();
  });

  it("maps refusals: not on WhatsApp → permanent; closed or timed out → transient", async () => {
    const h = createHarness();
    const socket = await h.open();
    socket.notOnWhatsApp.add("6289999999999");
    await expect(h.channel.sender.send("+62 899-9999-9999", { text: ["x"] })).rejects.toBeInstanceOf(
      PermanentSendError,
    );
    expect(socket.onWhatsAppQueries).toEqual(["6289999999999"]);

    socket.sendError = new Boom("Timed Out", { statusCode: DisconnectReason.timedOut });
    await expect(h.channel.sender.send(PN, { text: ["x"] })).rejects.toBeInstanceOf(TransientSendError);
    socket.sendError = new Boom("not-acceptable", { statusCode: 406 });
    await expect(h.channel.sender.send(PN, { text: ["x"] })).rejects.toBeInstanceOf(PermanentSendError);
    socket.sendError = undefined;

    socket.disconnect(DisconnectReason.connectionLost);
    await expect(h.channel.sender.send(PN, { text: ["x"] })).rejects.toBeInstanceOf(TransientSendError);
    await expect(h.channel.sender.send("bukan nomor", { text: ["x"] })).rejects.toBeInstanceOf(
      PermanentSendError,
    );
  });

  it("sends documents and remembers a broadcast's choices for the reply", async () => {
    const h = createHarness();
    const socket = await h.open();
    await h.channel.sender.send(PN, {
      text: ["Hasil evaluasi terlampir. Sudah diterima?"],
      choices: [
        { id: "ack.yes", label: "Ya" },
        { id: "ack.no", label: "Belum" },
      ],
      document: { fileName: "hasil.pdf", mimeType: "application/pdf", data: new Uint8Array([37, 80]) },
    });
    expect(socket.sent[0]!.content).toMatchObject({
      fileName: "hasil.pdf",
      mimetype: "application/pdf",
      caption: "Hasil evaluasi terlampir. Sudah diterima?\n\n1. Ya\n2. Belum",
    });
    socket.receive(inboundMessage({ from: PN, id: "B1", text: "ya" }));
    await vi.waitFor(() => expect(h.calls[0]?.choice).toBe("ack.yes"));
  });

  it("edits a message in place", async () => {
    const h = createHarness();
    const socket = await h.open();
    const { messageId } = await h.channel.sender.send(PN, { text: ["Terkirim 0/412"] });
    await h.channel.sender.edit!(PN, messageId, { text: ["Terkirim 260/412"] });
    expect(socket.sent[1]!.content).toEqual({
      text: "Terkirim 260/412",
      edit: { remoteJid: PN, id: messageId, fromMe: true },
    });
  });
});
