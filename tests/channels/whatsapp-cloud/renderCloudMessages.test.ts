import { describe, expect, it } from "vitest";
import { toSendError } from "../../../src/channels/whatsapp-cloud/createGraphClient.ts";
import {
  CLOUD_LIMITS,
  renderCloudMessages,
} from "../../../src/channels/whatsapp-cloud/renderCloudMessages.ts";
import { classifySendError } from "../../../src/core/broadcast/deliveryPolicy.ts";
import { PermanentSendError, TransientSendError } from "../../../src/core/messages.ts";

const choice = (id: string, label: string) => ({ id, label });

describe("Cloud API rendering", () => {
  it("up to three short choices become reply buttons with the choice ids", () => {
    const r = renderCloudMessages({
      text: ["Mau lanjut ke mana?"],
      choices: [choice("a", "Perbaiki"), choice("b", "Bagian berikutnya")],
    });
    expect(r.payloads).toHaveLength(1);
    const i = (
      r.payloads[0] as unknown as {
        interactive: { type: string; action: { buttons: { reply: { id: string; title: string } }[] } };
      }
    ).interactive;
    expect(i.type).toBe("button");
    expect(i.action.buttons.map((b) => b.reply)).toEqual([
      { id: "a", title: "Perbaiki" },
      { id: "b", title: "Bagian berikutnya" },
    ]);
  });

  it("a label too long for a button, or four to ten choices, become a list within the row limits", () => {
    const long = choice("x", "Pelayanan publik responsif gender dan inklusif");
    for (const choices of [
      [long, choice("y", "Lainnya")],
      Array.from({ length: 8 }, (_, k) => choice(`c${k}`, `Kategori ${k}`)),
    ]) {
      const r = renderCloudMessages({ text: ["Kategori proposal?"], choices });
      const i = (
        r.payloads[0] as unknown as {
          interactive: {
            type: string;
            action: {
              button: string;
              sections: { rows: { id: string; title: string; description?: string }[] }[];
            };
          };
        }
      ).interactive;
      expect(i.type).toBe("list");
      expect(i.action.button.length).toBeLessThanOrEqual(CLOUD_LIMITS.listButton);
      const rows = i.action.sections.flatMap((s) => s.rows);
      expect(rows.map((x) => x.id)).toEqual(choices.map((c) => c.id));
      for (const row of rows) expect(row.title.length).toBeLessThanOrEqual(CLOUD_LIMITS.rowTitle);
    }
    const r = renderCloudMessages({ text: ["?"], choices: [long, choice("y", "Lainnya")] });
    const row = (
      r.payloads[0] as unknown as {
        interactive: { action: { sections: { rows: { title: string; description?: string }[] }[] } };
      }
    ).interactive.action.sections[0]!.rows[0]!;
    expect(row.title.endsWith("…")).toBe(true);
    expect(row.description).toBe(long.label);
  });

  it("more than ten choices are numbered lines, remembered for typed numbers", () => {
    const choices = Array.from({ length: 12 }, (_, k) => choice(`s${k}`, `Bagian ${k + 1}`));
    const r = renderCloudMessages({ text: ["Pilih bagian:"], choices });
    expect(r.payloads.every((p) => p.type === "text")).toBe(true);
    expect((r.payloads[0] as unknown as { text: { body: string } }).text.body).toContain("12. Bagian 12");
    expect(r.numbered).toHaveLength(12);
  });

  it("long texts are split at the API's limits; the part carrying buttons stays within the interactive body", () => {
    const para = "Kalimat panjang tentang inovasi pelayanan publik. ".repeat(40);
    const text = Array.from({ length: 6 }, () => para).join("\n\n");
    const plain = renderCloudMessages({ text: [text] });
    expect(plain.payloads.length).toBeGreaterThan(1);
    for (const p of plain.payloads)
      expect((p as unknown as { text: { body: string } }).text.body.length).toBeLessThanOrEqual(
        CLOUD_LIMITS.text,
      );
    const withButtons = renderCloudMessages({ text: [text], choices: [choice("a", "Ya")] });
    const last = withButtons.payloads.at(-1) as unknown as { interactive: { body: { text: string } } };
    expect(last.interactive.body.text.length).toBeLessThanOrEqual(CLOUD_LIMITS.interactiveBody);
    const all = withButtons.payloads
      .map((p) => ("text" in p ? p.text.body : (p as unknown as typeof last).interactive.body.text))
      .join(" ");
    expect(all.replace(/\s+/g, " ").length).toBeGreaterThan(text.replace(/\s+/g, " ").length - 20);
  });
});

describe("Graph API errors", () => {
  const err = (status: number, code: number) => toSendError(status, { error: { message: "x", code } });
  it("throughput and pair rate limits slow the lane down without counting an attempt", () => {
    for (const code of [130429, 131056, 80007]) {
      const e = err(400, code);
      expect(e).toBeInstanceOf(TransientSendError);
      expect(classifySendError(e, 0).kind).toBe("rateLimited");
    }
  });
  it("a number not on WhatsApp, an expired window or a missing template fail for good with the reason", () => {
    expect(classifySendError(err(400, 131026), 0)).toMatchObject({
      kind: "failed",
      error: expect.stringMatching(/^not_on_whatsapp/),
    });
    for (const code of [131047, 132001]) {
      const e = err(400, code);
      expect(e).toBeInstanceOf(PermanentSendError);
      expect(classifySendError(e, 0)).toMatchObject({
        kind: "failed",
        error: expect.stringContaining(`#${code}`),
      });
    }
  });
  it("server errors and an expired token are retried (the channel is down, not the recipient)", () => {
    expect(classifySendError(err(500, 131000), 0).kind).toBe("retry");
    expect(classifySendError(err(401, 190), 0).kind).toBe("retry");
  });
});
