import { createHash } from "node:crypto";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { PDFDocument, type PDFFont, rgb, StandardFonts } from "pdf-lib";

/**
 * Document fixtures built inside the tests: nothing binary is checked in, and each fixture shows
 * exactly what it contains.
 */

export type DocBlock = { heading: string; level?: 1 | 2 } | { text: string } | { bold: string };

const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2 } as const;

/** A Word document: headings with Word heading styles, or plain/bold paragraphs ("\n" = line break). */
export async function makeDocx(blocks: DocBlock[]): Promise<Uint8Array> {
  const children = blocks.map((b) => {
    if ("heading" in b) return new Paragraph({ text: b.heading, heading: LEVELS[b.level ?? 1] });
    if ("bold" in b) return new Paragraph({ children: [new TextRun({ text: b.bold, bold: true })] });
    return new Paragraph({
      children: b.text
        .split("\n")
        .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
    });
  });
  const doc = new Document({ creator: "test", sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Paragraphs of a proposal as blocks: each "\n\n"-separated paragraph becomes one block. */
export function paragraphs(text: string): DocBlock[] {
  return text.split(/\n\s*\n/).map((p) => ({ text: p }));
}

/**
 * A text PDF as a word processor writes one: Helvetica 11 pt, lines wrapped at the margin,
 * a blank line's worth of space between paragraphs, headings on their own line.
 */
export async function makeTextPdf(paras: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const size = 11;
  const leading = 15;
  const width = 595 - 2 * 60;
  let page = pdf.addPage([595, 842]);
  let y = 842 - 60;
  for (const para of paras) {
    for (const source of para.split("\n")) {
      for (const line of wrap(source, font, size, width)) {
        if (y < 60) {
          page = pdf.addPage([595, 842]);
          y = 842 - 60;
        }
        page.drawText(line, { x: 60, y, size, font });
        y -= leading;
      }
    }
    y -= leading * 0.8;
  }
  return pdf.save();
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A scan: pages with a drawn grey rectangle (where the page image would be) and no text. */
export async function makeImageOnlyPdf(pages = 3): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const page = pdf.addPage([595, 842]);
    page.drawRectangle({ x: 40, y: 40, width: 515, height: 762, color: rgb(0.85, 0.85, 0.85) });
  }
  return pdf.save();
}

/** A long PDF: `pages` pages with one line of text each. */
export async function makeManyPagesPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    pdf
      .addPage([595, 842])
      .drawText(`Lampiran halaman ${i}: daftar hadir sosialisasi inovasi`, { x: 60, y: 780, size: 11, font });
  return pdf.save();
}

// PDF standard security handler, revision 2 (RC4, 40-bit key), ISO 32000-1 §7.6.3, written by
// hand because pdf-lib cannot encrypt. The user password is not empty, so a reader must ask for
// it: pdfjs raises PasswordException, exactly as with a PDF locked in Word or Acrobat.
const PAD = Buffer.from("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A", "hex");

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash("md5").update(Buffer.concat(parts)).digest();
const padded = (pw: string) => Buffer.concat([Buffer.from(pw, "latin1"), PAD]).subarray(0, 32);

/** A one-page PDF whose text is encrypted with RC4 under user password `password`. */
export function makeEncryptedPdf(text: string, password: string, ownerPassword = "pemilik"): Uint8Array {
  const id = Buffer.from("4b6c696e696b496e6f76617369546573", "hex");
  const P = -44; // print and copy allowed; the usual value
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(P);
  const O = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(password)); // Algorithm 3
  const key = md5(padded(password), O, pBytes, id).subarray(0, 5); // Algorithm 2
  const U = rc4(key, PAD); // Algorithm 4
  const objectKey = (num: number) =>
    md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10);

  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = rc4(objectKey(4), Buffer.from(`BT /F1 12 Tf 72 720 Td (${escaped}) Tj ET`, "latin1"));
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} >>\nstream\n`),
      content,
      Buffer.from("\nendstream"),
    ]),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
    Buffer.from(
      `<< /Filter /Standard /V 1 /R 2 /Length 40 /P ${P} /O <${O.toString("hex")}> /U <${U.toString("hex")}> >>`,
    ),
  ];
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    chunks.push(obj);
    length += obj.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${id.toString("hex")}> <${id.toString("hex")}>] >>`,
    "startxref",
    String(length),
    "%%EOF",
    "",
  ].join("\n");
  chunks.push(Buffer.from(xref));
  return new Uint8Array(Buffer.concat(chunks));
}
