import { PDFDocument } from "pdf-lib";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { extractText, MAX_FILE_BYTES, MAX_PDF_PAGES } from "../../src/docs/extractText.ts";
import {
  makeDocx,
  makeEncryptedPdf,
  makeImageOnlyPdf,
  makeManyPagesPdf,
  makeTextPdf,
  paragraphs,
} from "./fixtures.ts";
import { SAMPLE } from "./sampleProposal.ts";

const flat = (s: string) => s.replace(/\s+/g, " ").trim();

// pdfjs reports through console.log/warn; its verbosity option must keep it quiet.
let quiet: ReturnType<typeof vi.spyOn>[] = [];
beforeEach(() => {
  quiet = [vi.spyOn(console, "warn"), vi.spyOn(console, "log")];
});
afterEach(() => {
  for (const s of quiet) {
    expect(s).not.toHaveBeenCalled();
    s.mockRestore();
  }
});

describe("DOCX", () => {
  it("keeps headings as '#' lines, paragraphs, and line breaks inside a paragraph", async () => {
    const bytes = await makeDocx([
      { text: "Proposal Inovasi SIPANDU" },
      { heading: "1. RINGKASAN" },
      ...paragraphs(SAMPLE.ringkasan!),
      { heading: "Data pendukung", level: 2 },
      { bold: "IV. Implementasi Inovasi" },
      ...paragraphs(SAMPLE.implementasi!),
    ]);
    const r = await extractText(bytes, "draf.docx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pages).toBeUndefined();
    expect(r.text).toContain(`# 1. RINGKASAN\n\n${SAMPLE.ringkasan}`);
    expect(r.text).toContain("## Data pendukung");
    expect(r.text).toContain(`IV. Implementasi Inovasi\n\n${SAMPLE.implementasi}`);
    expect(r.text).toContain(
      "- Tahap pertama, persiapan (Januari–Maret 2021): menyusun alur layanan dan melatih 14 petugas.\n- Tahap kedua",
    );
  });

  it("is recognised by its bytes: a DOCX named .pdf is read as DOCX", async () => {
    const bytes = await makeDocx([{ heading: "Ringkasan" }, { text: "Inovasi antrean daring." }]);
    const r = await extractText(bytes, "draf.pdf", "application/pdf");
    expect(r).toEqual({ ok: true, text: "# Ringkasan\n\nInovasi antrean daring." });
  });

  it("a damaged DOCX (cut short) is corrupt", async () => {
    const bytes = await makeDocx(paragraphs(SAMPLE.latar_belakang!));
    expect(await extractText(bytes.subarray(0, Math.floor(bytes.length * 0.6)), "draf.docx")).toEqual({
      ok: false,
      reason: "corrupt",
    });
  });
});

describe("PDF", () => {
  it("joins text items into lines by position, wrapped lines into paragraphs, headings on their own line", async () => {
    const [lb1, ...lbRest] = SAMPLE.latar_belakang!.split("\n\n");
    // the second heading sits right above its text (no paragraph gap): it ends short, so it stays a line
    const bytes = await makeTextPdf([
      "1. RINGKASAN",
      ...SAMPLE.ringkasan!.split("\n\n"),
      `II. Latar Belakang dan Tujuan\n${lb1}`,
      ...lbRest,
    ]);
    const r = await extractText(bytes, "proposal.docx"); // the name lies; the bytes say PDF
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pages).toBe(1);
    const paras = r.text.split("\n\n");
    expect(paras.slice(0, 3)).toEqual(["1. RINGKASAN", ...SAMPLE.ringkasan!.split("\n\n")]);
    expect(paras[3]).toBe(`II. Latar Belakang dan Tujuan\n${lb1}`);
    expect(paras.slice(4)).toEqual(lbRest);
  });

  it("reads text across pages", async () => {
    const long = Array.from({ length: 12 }, () => SAMPLE.signifikansi!).join("\n\n");
    const r = await extractText(await makeTextPdf(long.split("\n\n")), "panjang.pdf");
    expect(r.ok && r.pages).toBeGreaterThan(1);
    if (r.ok) expect(flat(r.text)).toBe(flat(long));
  });

  it("an image-only PDF (a scan) is image_only", async () => {
    expect(await extractText(await makeImageOnlyPdf(3), "scan.pdf")).toEqual({
      ok: false,
      reason: "image_only",
    });
  });

  it("a photo sent as a file is image_only too", async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(await extractText(png, "foto-proposal.jpg", "image/png")).toEqual({
      ok: false,
      reason: "image_only",
    });
  });

  it("a password-protected PDF is encrypted (and really is: with the password pdfjs reads it)", async () => {
    const bytes = makeEncryptedPdf("Ringkasan inovasi SIPANDU", "rahasia");
    expect(await extractText(bytes, "terkunci.pdf")).toEqual({ ok: false, reason: "encrypted" });

    const doc = await getDocument({
      data: bytes.slice(),
      password: "rahasia",
      verbosity: VerbosityLevel.ERRORS,
    }).promise;
    const page = await doc.getPage(1);
    const items = (await page.getTextContent()).items;
    expect(items.map((i) => ("str" in i ? i.str : "")).join("")).toBe("Ringkasan inovasi SIPANDU");
    await doc.destroy();
  });

  it(`more than ${MAX_PDF_PAGES} pages is too_many_pages; exactly ${MAX_PDF_PAGES} is read`, async () => {
    expect(await extractText(await makeManyPagesPdf(MAX_PDF_PAGES + 1), "lampiran.pdf")).toEqual({
      ok: false,
      reason: "too_many_pages",
    });
    const r = await extractText(await makeManyPagesPdf(MAX_PDF_PAGES), "lampiran.pdf");
    expect(r.ok && r.pages).toBe(MAX_PDF_PAGES);
  });

  it("a cut-off or garbled PDF is corrupt", async () => {
    const bytes = await makeTextPdf([SAMPLE.ringkasan!]);
    expect(await extractText(bytes.subarray(0, 200), "rusak.pdf")).toEqual({ ok: false, reason: "corrupt" });
    const garbage = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> ... ini bukan PDF");
    expect(await extractText(garbage, "rusak.pdf")).toEqual({ ok: false, reason: "corrupt" });
  });

  it("pdf-lib's own output is a well-formed PDF (sanity check of the fixture writer)", async () => {
    const loaded = await PDFDocument.load(await makeTextPdf(["Ringkasan"]));
    expect(loaded.getPageCount()).toBe(1);
  });
});

describe("TXT and wrong types", () => {
  it("reads UTF-8, strips the BOM and Windows line ends", async () => {
    const bytes = new TextEncoder().encode("\uFEFF1. Ringkasan\r\nWaktu tunggu turun 80%.\r\n");
    expect(await extractText(bytes, "draf.txt", "text/plain")).toEqual({
      ok: true,
      text: "1. Ringkasan\nWaktu tunggu turun 80%.\n",
    });
  });

  it("reads UTF-16 with a BOM (Notepad 'Unicode') and old Windows-1252 text", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Kebaruan ü", "utf16le")]);
    expect(await extractText(new Uint8Array(utf16), "a.txt")).toEqual({ ok: true, text: "Kebaruan ü" });
    const cp1252 = new Uint8Array([...Buffer.from("Kualitas naik "), 0x96, ...Buffer.from(" caf"), 0xe9]);
    expect(await extractText(cp1252, "b.txt")).toEqual({ ok: true, text: "Kualitas naik – café" });
  });

  it("random bytes: corrupt when they claim to be a PDF/DOCX, unsupported otherwise", async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(await extractText(junk, "proposal.pdf")).toEqual({ ok: false, reason: "corrupt" });
    expect(await extractText(junk, "proposal.docx")).toEqual({ ok: false, reason: "corrupt" });
    expect(await extractText(junk, "proposal.bin")).toEqual({ ok: false, reason: "unsupported_type" });
  });

  it("an executable renamed .pdf is corrupt, never read as text; as .exe it is unsupported", async () => {
    const exe = new Uint8Array([
      0x4d,
      0x5a,
      0x90,
      0x00,
      0x03,
      0x00,
      0x00,
      0x00,
      ...new TextEncoder().encode("This program cannot be run in DOS mode."),
    ]);
    expect(await extractText(exe, "proposal.pdf")).toEqual({ ok: false, reason: "corrupt" });
    expect(await extractText(exe, "setup.exe")).toEqual({ ok: false, reason: "unsupported_type" });
  });

  it("an old .doc is unsupported; a password-protected .docx (OLE2 EncryptedPackage) is encrypted", async () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const doc = new Uint8Array([...ole, ...new Uint8Array(512)]);
    expect(await extractText(doc, "lama.doc", "application/msword")).toEqual({
      ok: false,
      reason: "unsupported_type",
    });
    const enc = new Uint8Array([
      ...ole,
      ...new Uint8Array(64),
      ...Buffer.from("EncryptedPackage", "utf16le"),
    ]);
    expect(await extractText(enc, "terkunci.docx")).toEqual({ ok: false, reason: "encrypted" });
  });

  it("a web page saved as .pdf or a zip that is not a Word document is not read as a draft", async () => {
    const html = new TextEncoder().encode("<!DOCTYPE html><html><body>404 Not Found</body></html>");
    expect(await extractText(html, "proposal.pdf")).toEqual({ ok: false, reason: "corrupt" });
    expect(await extractText(html, "halaman.html")).toEqual({ ok: false, reason: "unsupported_type" });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("xl/workbook.xml")]);
    expect(await extractText(zip, "nilai.xlsx")).toEqual({ ok: false, reason: "unsupported_type" });
  });

  it(`more than ${MAX_FILE_BYTES / 1024 / 1024} MB is too_large, before any parsing`, async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(new TextEncoder().encode("%PDF-1.7\n"));
    expect(await extractText(big, "besar.pdf")).toEqual({ ok: false, reason: "too_large" });
  });
});
