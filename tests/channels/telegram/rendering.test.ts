import { describe, expect, it } from "vitest";
import { isValidCallbackData } from "../../../src/channels/telegram/callbackData.ts";
import { inlineKeyboard } from "../../../src/channels/telegram/keyboards.ts";
import { planOutgoing } from "../../../src/channels/telegram/planOutgoing.ts";
import { renderRichText } from "../../../src/channels/telegram/renderRichText.ts";
import { splitRichText } from "../../../src/channels/telegram/splitRichText.ts";
import { plainText } from "../../../src/core/messages.ts";
import { parseTelegramHtml } from "../../fakes/fakeTelegramServer.ts";

describe("telegram rendering", () => {
  it("escapes every plain span and wraps styled ones", () => {
    expect(
      renderRichText(["a < b && c > d ", { b: "<x>" }, { i: "&" }, { code: "</code>" }, { b: "" }]),
    ).toBe("a &lt; b &amp;&amp; c &gt; d <b>&lt;x&gt;</b><i>&amp;</i><code>&lt;/code&gt;</code>");
  });

  it("splits at paragraphs first, then lines, then words, then hard", () => {
    const para = ["aaaa bbbb\ncccc\n\ndddd"];
    expect(splitRichText(para, 16).map(plainText)).toEqual(["aaaa bbbb\ncccc", "dddd"]);
    expect(splitRichText(["aaaa bbbb\ncccc dddd"], 12).map(plainText)).toEqual(["aaaa bbbb", "cccc dddd"]);
    expect(splitRichText(["aaaa bbbb cccc"], 10).map(plainText)).toEqual(["aaaa bbbb", "cccc"]);
    expect(splitRichText(["abcdefghij"], 4).map(plainText)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("never splits a surrogate pair", () => {
    const parts = splitRichText(["abc😀def"], 4).map(plainText);
    expect(parts).toEqual(["abc", "😀de", "f"]);
  });

  it("splits inside a styled span without breaking its tags", () => {
    const text = ["Judul\n\n", { b: `${"tebal ".repeat(10)}\n\n${"lagi ".repeat(10)}` }, " akhir"];
    const parts = splitRichText(text, 70);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const html = renderRichText(part);
      expect(() => parseTelegramHtml(html)).not.toThrow();
      expect(plainText(part).length).toBeLessThanOrEqual(70);
    }
  });

  it("keeps the keyboard on the last part and the caption on the document when it fits", () => {
    const steps = planOutgoing(
      { text: [`${"x".repeat(5000)}`], choices: [{ id: "a", label: "A" }] },
      { locale: "id" },
    );
    expect(steps.map((s) => [s.method, s.replyMarkup !== undefined])).toEqual([
      ["sendMessage", false],
      ["sendMessage", true],
    ]);
    const doc = { fileName: "p.docx", mimeType: "application/octet-stream", data: new Uint8Array([1]) };
    expect(planOutgoing({ text: ["Proposal"], document: doc }, { locale: "id" })).toEqual([
      { method: "sendDocument", document: doc, captionHtml: "Proposal" },
    ]);
    const longCaption = planOutgoing({ text: ["y".repeat(2000)], document: doc }, { locale: "id" });
    expect(longCaption.map((s) => s.method)).toEqual(["sendMessage", "sendDocument"]);
  });

  it("lays short buttons side by side and long ones on their own row", () => {
    const rows = inlineKeyboard([
      { id: "1", label: "1" },
      { id: "2", label: "2" },
      { id: "3", label: "3" },
      { id: "4", label: "4" },
      { id: "5", label: "5" },
      { id: "x", label: "Strategi Keberlanjutan" },
      { id: "y", label: "Ya" },
    ]).inline_keyboard.map((row) => row.map((b) => b.text));
    expect(rows).toEqual([["1", "2", "3", "4"], ["5"], ["Strategi Keberlanjutan"], ["Ya"]]);
  });

  it("falls back to a numbered list when a choice id cannot be callback data", () => {
    const [step] = planOutgoing(
      {
        text: ["Pilih bagian"],
        choices: [
          { id: "bagian dengan spasi", label: "Ringkasan" },
          { id: "b", label: "Kebaruan" },
        ],
      },
      { locale: "en" },
    );
    expect(step?.replyMarkup).toBeUndefined();
    expect(step?.method === "sendMessage" && parseTelegramHtml(step.html).text).toBe(
      "Pilih bagian\n\n1. Ringkasan\n2. Kebaruan\n\nReply with a number",
    );
  });

  it("accepts only callback data the adapter could have made", () => {
    expect(isValidCallbackData("sec:next")).toBe(true);
    expect(isValidCallbackData("x".repeat(64))).toBe(true);
    expect(isValidCallbackData("x".repeat(65))).toBe(false);
    expect(isValidCallbackData("")).toBe(false);
    expect(isValidCallbackData("dua kata")).toBe(false);
    expect(isValidCallbackData("é")).toBe(false);
    expect(isValidCallbackData(undefined)).toBe(false);
  });
});
