import { afterEach, describe, expect, it } from "vitest";
import { PermanentSendError, TransientSendError } from "../../../src/core/messages.ts";
import { type Harness, startHarness } from "./harness.ts";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const say = (text: string) => ({ text: [text] });

describe("telegram sender", () => {
  it("sends and returns the id of the last message sent", async () => {
    h = await startHarness();
    const first = await h.channel.sender.send("4001", say("Batas unggah 6 Mei."));
    const long = await h.channel.sender.send("4001", say(`${"a".repeat(4000)}\n\n${"b".repeat(100)}`));
    const sent = h.fake.messagesTo(4001);
    expect(h.channel.sender.name).toBe("telegram");
    expect(first.messageId).toBe(String(sent[0]!.messageId));
    expect(long.messageId).toBe(String(sent[2]!.messageId));
  });

  it("sends a document with the text as its caption", async () => {
    h = await startHarness();
    const data = new TextEncoder().encode("isi proposal");
    await h.channel.sender.send("4001", {
      text: ["Proposal ", { b: "KP-7Q2M" }],
      document: { fileName: "Proposal KP-7Q2M.docx", mimeType: "application/octet-stream", data },
    });
    const [sent] = await h.fake.waitForMessages(4001, 1);
    expect(sent?.document?.fileName).toBe("Proposal KP-7Q2M.docx");
    expect(sent?.document?.bytes).toEqual(data);
    expect(sent?.text).toBe("Proposal KP-7Q2M");
    expect(sent?.entities).toEqual([{ type: "bold", text: "KP-7Q2M" }]);
  });

  it("maps a blocked user to PermanentSendError", async () => {
    h = await startHarness();
    h.fake.blockChat(4002);
    const error = await h.channel.sender.send("4002", say("halo")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentSendError);
    expect((error as PermanentSendError).details).toMatchObject({ reason: "blocked", errorCode: 403 });
  });

  it("maps deactivated users and unknown chats to PermanentSendError", async () => {
    h = await startHarness();
    h.fake.failNext("sendMessage", { status: 403, description: "Forbidden: user is deactivated" });
    h.fake.failNext("sendMessage", { status: 400, description: "Bad Request: chat not found" });
    const deactivated = await h.channel.sender.send("4003", say("halo")).catch((e: unknown) => e);
    const notFound = await h.channel.sender.send("4004", say("halo")).catch((e: unknown) => e);
    expect((deactivated as PermanentSendError).details.reason).toBe("deactivated");
    expect((notFound as PermanentSendError).details.reason).toBe("chat_not_found");
  });

  it("returns a 429 at once as TransientSendError with retryAfterMs, without waiting it out", async () => {
    h = await startHarness();
    h.fake.failNext("sendMessage", { status: 429, retryAfter: 30 });
    const started = Date.now();
    const error = await h.channel.sender.send("4001", say("halo")).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(TransientSendError);
    expect((error as TransientSendError).retryAfterMs).toBe(30_000);
    expect(h.fake.messagesTo(4001)).toHaveLength(0);
  });

  it("maps 5xx to TransientSendError", async () => {
    h = await startHarness();
    h.fake.failNext("sendMessage", { status: 500 });
    const error = await h.channel.sender.send("4001", say("halo")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientSendError);
    expect((error as TransientSendError).retryAfterMs).toBeUndefined();
  });

  it("maps a network failure to TransientSendError", async () => {
    h = await startHarness();
    await h.fake.close();
    const error = await h.channel.sender.send("4001", say("halo")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientSendError);
  });

  it("edits a message in place and ignores 'message is not modified'", async () => {
    h = await startHarness();
    const { messageId } = await h.channel.sender.send("4001", say("Terkirim 0/412"));
    await h.channel.sender.edit!("4001", messageId, say("Terkirim 260/412"));
    await h.channel.sender.edit!("4001", messageId, say("Terkirim 260/412"));
    const [message] = h.fake.messagesTo(4001);
    expect(message).toMatchObject({ text: "Terkirim 260/412", edits: 1 });
    expect(h.fake.callsOf("editMessageText").map((c) => c.status)).toEqual([200, 400]);
  });
});
