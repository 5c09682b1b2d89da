import { MAX_FILE_BYTES, MAX_PDF_PAGES } from "../core/importing/importLimits.ts";
import { storableText } from "../core/storableText.ts";
import { claimedType, sniffFileType } from "./detectFileType.ts";
import { inspectZip } from "./inspectZip.ts";

/** Why a file could not be read; each has a polite message in core/importing/importTexts. */
export type ExtractFailureReason =
  | "too_large"
  | "too_many_pages"
  | "too_complex"
  | "image_only"
  | "encrypted"
  | "corrupt"
  | "unsupported_type";

/** The text of an uploaded document, or why it could not be read. */
export type ExtractResult =
  | { ok: true; text: string; pages?: number }
  | { ok: false; reason: ExtractFailureReason };

export { MAX_FILE_BYTES, MAX_PDF_PAGES };

/**
 * Extracts the text of a DOCX, text PDF or plain-text file. The type is decided by the bytes
 * (magic numbers); the name and MIME type only decide whether unreadable bytes are a damaged
 * file ("corrupt": it claims to be a PDF/DOCX) or a kind we do not read ("unsupported_type").
 * Never throws for bad input.
 */
export async function extractText(
  bytes: Uint8Array,
  fileName: string,
  mimeType?: string,
): Promise<ExtractResult> {
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, reason: "too_large" };
  const claimed = claimedType(fileName, mimeType);
  const sniffed = sniffFileType(bytes);
  switch (sniffed.kind) {
    case "pdf":
      // Loaded on first use: pdfjs and mammoth are large, and each parse may be a fresh worker.
      return storable(await (await import("./extractPdfText.ts")).extractPdfText(bytes, MAX_PDF_PAGES));
    case "docx": {
      // Bounded before mammoth (JSZip) inflates anything: size, entries, ratio, DTDs, depth.
      const zip = await inspectZip(bytes);
      if (!zip.ok) return { ok: false, reason: zip.reason === "corrupt" ? "corrupt" : "too_complex" };
      return storable(await (await import("./extractDocxText.ts")).extractDocxText(bytes));
    }
    case "ole":
      // Word stores a password-protected .docx inside an OLE2 file; otherwise it is an old .doc.
      return { ok: false, reason: sniffed.encrypted ? "encrypted" : "unsupported_type" };
    case "image":
      // A photo of a page (sent as a file) is, for us, a scan: ask for the text version.
      return { ok: false, reason: "image_only" };
    case "text":
      if (claimed === "pdf" || claimed === "docx") return { ok: false, reason: "corrupt" };
      return { ok: true, text: storableText(normalizeNewlines(sniffed.text)) };
    case "binary":
    case "unknown":
      return { ok: false, reason: claimed === "pdf" || claimed === "docx" ? "corrupt" : "unsupported_type" };
  }
}

function storable(r: ExtractResult): ExtractResult {
  return r.ok ? { ...r, text: storableText(r.text) } : r;
}

function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}
