import { describe, expect, it } from "vitest";
import {
  escapeWhatsApp,
  renderOutgoing,
  renderRichText,
  splitText,
} from "../../../src/channels/whatsapp/renderOutgoing.ts";

const WJ = "\u2060";
/** What a reader sees: the text without word joiners. */
const visible = (s: string) => s.replaceAll(WJ, "");
/** A marker that can open or close formatting: not glued to a word joiner on either side. */
const liveMarkers = (s: string) => [...s.matchAll(/(?<!\u2060)[*_~`](?!\u2060)/g)].map((m) => m[0]);

describe("renderRichText", () => {
  it("renders spans as WhatsApp markup", () => {
    expect(
      renderRichText(["Bagian ", { b: "Ringkasan" }, " ", { i: "hampir lengkap" }, " ", { code: "KP-7Q2M" }]),
    ).toBe("Bagian *Ringkasan* _hampir lengkap_ ```KP-7Q2M```");
  });

  it("moves edge whitespace outside the markers, which WhatsApp would otherwise ignore", () => {
    expect(renderRichText([{ b: " tebal " }, "x"])).toBe(" *tebal* x");
    expect(renderRichText([{ b: "  " }])).toBe("  ");
  });

  it("escapes user text so it cannot inject formatting, yet reads the same", () => {
    const attack = "*Juara 1* _pasti_ ~coret~ ```kode``` `x`\n> kutipan";
    const out = renderRichText(["Judul: ", attack]);
    expect(visible(out)).toBe(`Judul: ${attack}`);
    expect(liveMarkers(out)).toEqual([]);
    expect(out).toContain(`\n${WJ}>`);
  });

  it("escapes inside formatted spans but keeps the span's own markers live", () => {
    const out = renderRichText([{ b: "5*3" }]);
    expect(visible(out)).toBe("*5*3*");
    expect(liveMarkers(out)).toEqual(["*", "*"]);
  });

  it("leaves URLs untouched so links keep working", () => {
    expect(escapeWhatsApp("lihat https://sinovik.menpan.go.id/a_b*c dan _ini_")).toBe(
      `lihat https://sinovik.menpan.go.id/a_b*c dan ${WJ}_${WJ}ini${WJ}_${WJ}`,
    );
  });
});

describe("renderOutgoing", () => {
  it("appends choices as a numbered list after the text", () => {
    const [content, ...rest] = renderOutgoing({
      text: ["Kompetisi yang sedang dibuka: KIPP 2023."],
      choices: [
        { id: "new", label: "Mulai proposal baru" },
        { id: "resume", label: "Lanjutkan proposal saya" },
      ],
    });
    expect(rest).toEqual([]);
    expect(content).toEqual({
      text: "Kompetisi yang sedang dibuka: KIPP 2023.\n\n1. Mulai proposal baru\n2. Lanjutkan proposal saya",
    });
  });

  it("splits long text at paragraph boundaries", () => {
    const paragraph = (n: number) => `Paragraf ${n}. ${"kata ".repeat(150).trim()}`;
    const text = Array.from({ length: 12 }, (_, i) => paragraph(i + 1)).join("\n\n");
    const parts = renderOutgoing({ text: [text], choices: [{ id: "ok", label: "Lanjut" }] });
    expect(parts.length).toBeGreaterThan(1);
    const texts = parts.map((p) => ("text" in p ? p.text : ""));
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(4000);
      expect(t).toMatch(/^Paragraf \d+\./);
    }
    expect(texts.join("\n\n")).toBe(`${text}\n\n1. Lanjut`);
  });

  it("splits a text without breaks without cutting a surrogate pair", () => {
    const parts = splitText("😀".repeat(3000), 4000);
    expect(parts.join("")).toBe("😀".repeat(3000));
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4000);
  });

  it("sends a document with a short text as its caption, a long text before it", () => {
    const document = {
      fileName: "proposal.docx",
      mimeType: "application/msword",
      data: new Uint8Array([1, 2, 3]),
    };
    const [withCaption] = renderOutgoing({ text: ["Draf terbaru"], document });
    expect(withCaption).toMatchObject({
      caption: "Draf terbaru",
      fileName: "proposal.docx",
      mimetype: "application/msword",
    });
    expect(Buffer.isBuffer((withCaption as { document: Buffer }).document)).toBe(true);

    const long = renderOutgoing({ text: ["x ".repeat(800)], document });
    expect(long).toHaveLength(2);
    expect(long[1]).not.toHaveProperty("caption");
  });

  it("renders an empty message as nothing", () => {
    expect(renderOutgoing({ text: [] })).toEqual([]);
  });
});
