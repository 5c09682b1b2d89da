/**
 * What a file really is, judged by its bytes (magic numbers), not by its name: a .docx that is
 * really a PDF is read as a PDF; an .exe renamed .pdf is never handed to the PDF parser as text.
 */
export type SniffedType =
  | { kind: "pdf" }
  | { kind: "docx" }
  /** An OLE2 compound file: an old .doc, or a password-protected .docx (EncryptedPackage inside). */
  | { kind: "ole"; encrypted: boolean }
  /** A photo or scan (PNG, JPEG, GIF, WebP, TIFF): there is no text layer to read. */
  | { kind: "image" }
  /** Some other known format (zip without word/document.xml, executables, archives, RTF, HTML). */
  | { kind: "binary" }
  | { kind: "text"; text: string }
  | { kind: "unknown" };

/** What the sender said the file is (file name extension or MIME type); only a tie-breaker. */
export type ClaimedType = "pdf" | "docx" | "txt" | "other";

const PDF = ascii("%PDF-");
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const IMAGE: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  ascii("GIF8"),
  ascii("II*\0"), // TIFF
  ascii("MM\0*"),
];
const KNOWN_BINARY: number[][] = [
  ascii("{\\rtf"),
  [0x4d, 0x5a], // MZ: Windows executable
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  ascii("Rar!"),
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
  ascii("RIFF"), // webp, wav, avi
  [0x50, 0x4b, 0x05, 0x06], // empty zip
];

export function sniffFileType(bytes: Uint8Array): SniffedType {
  // PDF readers accept up to 1 KiB of junk before the header; so do we.
  if (indexOf(bytes.subarray(0, 1024), PDF) >= 0) return { kind: "pdf" };
  if (startsWith(bytes, ZIP))
    return indexOf(bytes, ascii("word/document.xml")) >= 0 ? { kind: "docx" } : { kind: "binary" };
  if (startsWith(bytes, OLE))
    return { kind: "ole", encrypted: indexOf(bytes, utf16le("EncryptedPackage")) >= 0 };
  if (IMAGE.some((m) => startsWith(bytes, m))) return { kind: "image" };
  if (startsWith(bytes, ascii("RIFF")) && indexOf(bytes.subarray(8, 12), ascii("WEBP")) === 0)
    return { kind: "image" };
  if (KNOWN_BINARY.some((m) => startsWith(bytes, m))) return { kind: "binary" };
  const text = decodeText(bytes);
  if (text === undefined) return { kind: "unknown" };
  // HTML or XML (a web page saved as .doc, an error page saved as .pdf) is markup, not a draft.
  if (/^\s*</.test(text)) return { kind: "binary" };
  return { kind: "text", text };
}

/** The type a file name or MIME type claims. */
export function claimedType(fileName: string, mimeType?: string): ClaimedType | undefined {
  const mime = (mimeType ?? "").toLowerCase();
  if (mime === "application/pdf") return "pdf";
  if (mime.includes("wordprocessingml")) return "docx";
  if (mime.startsWith("text/plain")) return "txt";
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "pdf") return "pdf";
  if (ext === "docx") return "docx";
  if (ext === "txt" || ext === "text" || ext === "md") return "txt";
  return ext || mime ? "other" : undefined;
}

/**
 * Decodes plain text: UTF-8 (BOM stripped), UTF-16 with a BOM, or Windows-1252 (old Notepad
 * files); undefined for anything that looks binary (NUL bytes, many control characters).
 */
function decodeText(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes.includes(0)) return undefined;
  let control = 0;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  if (control > Math.max(2, bytes.length / 200)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// 0x80–0x9F of Windows-1252 (Node's TextDecoder decodes this label as Latin-1, giving C1 controls).
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

function utf16le(s: string): number[] {
  return [...s].flatMap((c) => [c.charCodeAt(0), 0]);
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b);
}

function indexOf(bytes: Uint8Array, needle: number[]): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Buffer.from(needle));
}
