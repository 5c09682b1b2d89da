import { describe, expect, it, vi } from "vitest";
import { channelTexts } from "../../../src/channels/channelTexts.ts";
import type { IncomingMessage, OutgoingMessage } from "../../../src/core/messages.ts";
import { inboundMessage } from "../../fakes/fakeBaileysSocket.ts";
import { createHarness, LID, PN } from "./harness.ts";

const menu: OutgoingMessage = {
  text: ["Kompetisi yang sedang dibuka: KIPP 2023."],
  choices: [
    { id: "proposal.new", label: "Mulai proposal baru" },
    { id: "proposal.resume", label: "Lanjutkan proposal saya" },
    { id: "help", label: "Bantuan" },
  ],
};

describe("WhatsApp inbound", () => {
  it("renders choices as a numbered list; a reply of the number or the label comes back as the choice", async () => {
    const h = createHarness({ reply: (m) => (m.text === "halo" ? [menu] : [{ text: ["ok"] }]) });
    const socket = await h.open();
    socket.receive(inboundMessage({ from: PN, id: "A1", text: "halo" }));
    await vi.waitFor(() => expect(socket.sent).toHaveLength(1));
    expect(h.texts(socket)[0]).toBe(
      "Kompetisi yang sedang dibuka: KIPP 2023.\n\n1. Mulai proposal baru\n2. Lanjutkan proposal saya\n3. Bantuan",
    );
    expect(socket.sent[0]!.jid).toBe(PN);

    socket.receive(inboundMessage({ from: PN, id: "A2", text: " 2 " }));
    await vi.waitFor(() => expect(h.calls).toHaveLength(2));
    expect(h.calls[1]).toMatchObject({ choice: "proposal.resume", text: " 2 " });

    // The "ok" reply had no choices, so the list is forgotten; the menu comes back on "halo".
    socket.receive(inboundMessage({ from: PN, id: "A3", text: "2" }));
    await vi.waitFor(() => expect(h.calls).toHaveLength(3));
    expect(h.calls[2]!.choice).toBeUndefined();

    socket.receive(inboundMessage({ from: PN, id: "A4", text: "halo" }));
    socket.receive(inboundMessage({ from: PN, id: "A5", text: "mulai PROPOSAL baru" }));
    await vi.waitFor(() => expect(h.calls).toHaveLength(5));
    expect(h.calls[4]).toMatchObject({ choice: "proposal.new", text: "mulai PROPOSAL baru" });

    socket.receive(inboundMessage({ from: PN, id: "A6", text: "halo" }));
    socket.receive(inboundMessage({ from: PN, id: "A7", text: "4" }));
    await vi.waitFor(() => expect(h.calls).toHaveLength(7));
    expect(h.calls[6]!.choice).toBeUndefined();
  });

  it("hands a duplicate upsert to the handler once", async () => {
    const h = createHarness();
    const socket = await h.open();
    const msg = inboundMessage({ from: PN, id: "DUP1", text: "halo" });
    socket.receive(msg);
    socket.receive(msg);
    socket.receive([msg], "append");
    await vi.waitFor(() => expect(socket.sent).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]).toMatchObject({ channel: "whatsapp", messageId: "DUP1", chatId: PN, text: "halo" });
  });

  it("ignores own messages, status, broadcasts, reactions, protocol messages, empty messages, groups and newsletters", async () => {
    const h = createHarness();
    const socket = await h.open();
    socket.receive([
      inboundMessage({ from: PN, id: "I1", text: "dari saya", fromMe: true }),
      inboundMessage({ from: "status@broadcast", id: "I2", text: "status", participant: PN }),
      inboundMessage({ from: "1234567890@broadcast", id: "I3", text: "siaran", participant: PN }),
      inboundMessage({ from: PN, id: "I4", message: { reactionMessage: { key: { id: "X" }, text: "👍" } } }),
      inboundMessage({ from: PN, id: "I5", message: { protocolMessage: { type: 0, key: { id: "X" } } } }),
      { key: { remoteJid: PN, id: "I6", fromMe: false }, messageStubType: 2 },
      inboundMessage({ from: "120363025246125486@g.us", id: "I7", text: "grup", participant: LID }),
      inboundMessage({ from: "120363123456789@newsletter", id: "I8", text: "kanal" }),
      inboundMessage({ from: PN, id: "I9", message: { senderKeyDistributionMessage: { groupId: "x" } } }),
    ]);
    socket.receive(inboundMessage({ from: PN, id: "OK", text: "halo" }));
    await vi.waitFor(() => expect(h.calls).toHaveLength(1));
    expect(h.calls[0]!.messageId).toBe("OK");
  });

  it("answers in groups only when allowed, naming the participant", async () => {
    const h = createHarness({ allowGroups: true });
    const socket = await h.open();
    const group = "120363025246125486@g.us";
    socket.receive(
      inboundMessage({ from: group, id: "G1", text: "halo", participant: LID, participantAlt: PN }),
    );
    await vi.waitFor(() => expect(h.calls).toHaveLength(1));
    expect(h.calls[0]).toMatchObject({ chatId: group, userId: PN, aliases: [LID] });
    await vi.waitFor(() => expect(socket.sent[0]?.jid).toBe(group));
  });

  it("gives a LID message (with remoteJidAlt) and a phone-JID message the same userId and aliases", async () => {
    const h = createHarness();
    const socket = await h.open();
    socket.receive(inboundMessage({ from: LID, alt: PN, id: "L1", text: "halo", pushName: "Bu Sari" }));
    socket.receive(inboundMessage({ from: PN, id: "L2", text: "lagi" }));
    await vi.waitFor(() => expect(h.calls).toHaveLength(2));
    const [fromLid, fromPn] = h.calls as [IncomingMessage, IncomingMessage];
    expect(fromLid).toMatchObject({ chatId: LID, userId: PN, aliases: [LID] });
    expect(fromLid.profile).toEqual({ displayName: "Bu Sari", phone: "+6281234567890" });
    expect(fromPn).toMatchObject({ chatId: PN, userId: PN, aliases: [LID] });
    // Replies go where the message came from.
    await vi.waitFor(() => expect(socket.sent.map((s) => s.jid).sort()).toEqual([LID, PN].sort()));
  });

  it("learns LID→PN pairs from lid-mapping.update and from Baileys' mapping store", async () => {
    const h = createHarness();
    const socket = await h.open();
    const otherLid = "987654321098765@lid";
    const otherPn = "6285712345678@s.whatsapp.net";
    socket.receive(inboundMessage({ from: LID, id: "M1", text: "belum dikenal" }));
    await vi.waitFor(() => expect(h.calls).toHaveLength(1));
    expect(h.calls[0]).toMatchObject({ userId: LID });
    expect(h.calls[0]!.aliases).toBeUndefined();
    expect(h.calls[0]!.profile?.phone).toBeUndefined();

    socket.learnLid(LID, PN);
    socket.receive(inboundMessage({ from: LID, id: "M2", text: "sudah" }));
    socket.lidToPn.set(otherLid, otherPn);
    socket.receive(inboundMessage({ from: otherLid, id: "M3", text: "dari store" }));
    await vi.waitFor(() => expect(h.calls).toHaveLength(3));
    expect(h.calls[1]).toMatchObject({ userId: PN, aliases: [LID], profile: { phone: "+6281234567890" } });
    expect(h.calls[2]).toMatchObject({
      userId: otherPn,
      aliases: [otherLid],
      profile: { phone: "+6285712345678" },
    });
  });

  it("keeps one chat's order while another chat proceeds", async () => {
    const gates = new Map<string, () => void>();
    const h = createHarness({
      reply: async (m) => {
        if (m.text === "lambat") await new Promise<void>((resolve) => gates.set(m.messageId, resolve));
        return [{ text: [`re ${m.text}`] }];
      },
    });
    const socket = await h.open();
    const other = "6285712345678@s.whatsapp.net";
    socket.receive(inboundMessage({ from: PN, id: "O1", text: "lambat" }));
    socket.receive(inboundMessage({ from: PN, id: "O2", text: "kedua" }));
    socket.receive(inboundMessage({ from: other, id: "O3", text: "chat lain" }));
    await vi.waitFor(() => expect(h.texts(socket)).toEqual(["re chat lain"]));
    expect(h.calls.map((c) => c.messageId)).toEqual(["O1", "O3"]);
    gates.get("O1")!();
    await vi.waitFor(() => expect(h.texts(socket)).toEqual(["re chat lain", "re lambat", "re kedua"]));
    expect(h.calls.map((c) => c.messageId)).toEqual(["O1", "O3", "O2"]);
  });

  it("apologises in Indonesian when the handler throws, and the next message works", async () => {
    const h = createHarness({
      reply: (m) => {
        if (m.text === "rusak") throw new Error("boom");
        return [{ text: ["baik"] }];
      },
    });
    const socket = await h.open();
    socket.receive(inboundMessage({ from: PN, id: "E1", text: "rusak" }));
    socket.receive(inboundMessage({ from: PN, id: "E2", text: "lagi" }));
    await vi.waitFor(() => expect(h.texts(socket)).toEqual([channelTexts.apology.id, "baik"]));
    expect(h.errors().map((l) => l.msg)).toEqual(["WhatsApp message handler failed"]);
  });

  it("limits a flooding user with one polite notice per window", async () => {
    const h = createHarness({ flood: { limit: 3, windowMs: 10_000 }, reply: () => [] });
    const socket = await h.open();
    for (let i = 1; i <= 6; i++)
      socket.receive(inboundMessage({ from: PN, id: `F${i}`, text: `pesan ${i}` }));
    await vi.waitFor(() => expect(h.texts(socket)).toEqual([channelTexts.flood.id]));
    expect(h.calls.map((c) => c.messageId)).toEqual(["F1", "F2", "F3"]);

    h.clock.t += 10_001;
    socket.receive(inboundMessage({ from: PN, id: "F7", text: "sudah tenang" }));
    await vi.waitFor(() => expect(h.calls).toHaveLength(4));
    expect(h.texts(socket)).toEqual([channelTexts.flood.id]);
  });

  it("with the flood limit off (0) a fast sender is not limited", async () => {
    const h = createHarness({ flood: { limit: 0, windowMs: 60_000 }, reply: () => [] });
    const socket = await h.open();
    for (let i = 1; i <= 40; i++)
      socket.receive(inboundMessage({ from: PN, id: `G${i}`, text: `pesan ${i}` }));
    await vi.waitFor(() => expect(h.calls).toHaveLength(40));
    expect(h.texts(socket)).toEqual([]);
  });

  it("passes quoted replies, documents and media with captions", async () => {
    const h = createHarness({ downloadMedia: async () => new Uint8Array([7, 7]) });
    const socket = await h.open();
    socket.receive([
      inboundMessage({ from: PN, id: "Q1", text: "ini balasan", quotedId: "3EB0ORIGINAL" }),
      inboundMessage({
        from: PN,
        id: "D1",
        message: {
          documentWithCaptionMessage: {
            message: {
              documentMessage: {
                fileName: "proposal.pdf",
                mimetype: "application/pdf",
                fileLength: 2048,
                caption: "draf kami",
                url: "https://mmg.whatsapp.net/x",
              },
            },
          },
        },
      }),
      inboundMessage({
        from: PN,
        id: "P1",
        message: { imageMessage: { mimetype: "image/jpeg", caption: "foto" } },
      }),
      inboundMessage({ from: PN, id: "S1", message: { stickerMessage: { mimetype: "image/webp" } } }),
      inboundMessage({ from: PN, id: "V1", message: { audioMessage: { mimetype: "audio/ogg", ptt: true } } }),
    ]);
    await vi.waitFor(() => expect(h.calls).toHaveLength(5));
    const [quoted, doc, image, sticker, audio] = h.calls as IncomingMessage[];
    expect(quoted).toMatchObject({ text: "ini balasan", replyToMessageId: "3EB0ORIGINAL" });
    expect(doc).toMatchObject({
      text: "draf kami",
      attachment: { kind: "document", fileName: "proposal.pdf", mimeType: "application/pdf", size: 2048 },
    });
    expect(await doc!.attachment!.fetch!()).toEqual(new Uint8Array([7, 7]));
    expect(image).toMatchObject({ text: "foto", attachment: { kind: "image", mimeType: "image/jpeg" } });
    expect(sticker!.attachment?.kind).toBe("sticker");
    expect(sticker!.text).toBeUndefined();
    expect(audio!.attachment?.kind).toBe("audio");
  });

  it("handles offline replay ('append') from others when recent, not old replays", async () => {
    const h = createHarness();
    const socket = await h.open();
    const nowSec = Math.floor(h.clock.t / 1000);
    socket.receive(
      [
        inboundMessage({ from: PN, id: "AP1", text: "terkirim saat bot mati", timestampSec: nowSec - 600 }),
        inboundMessage({ from: PN, id: "AP2", text: "kemarin lusa", timestampSec: nowSec - 3 * 86_400 }),
        inboundMessage({
          from: PN,
          id: "AP3",
          text: "gema kiriman sendiri",
          fromMe: true,
          timestampSec: nowSec,
        }),
      ],
      "append",
    );
    socket.receive(inboundMessage({ from: PN, id: "N1", text: "baru" }));
    await vi.waitFor(() => expect(h.calls.map((c) => c.messageId)).toEqual(["AP1", "N1"]));
  });

  it("strips word joiners a user copied from the bot's text", async () => {
    const h = createHarness();
    const socket = await h.open();
    socket.receive(inboundMessage({ from: PN, id: "W1", text: "5\u2060*\u20603" }));
    await vi.waitFor(() => expect(h.calls[0]?.text).toBe("5*3"));
  });
});
