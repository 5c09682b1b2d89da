/** Largest document accepted for import (bytes): enough for a proposal with photos. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Most pages a PDF may have; a proposal is 10–40 pages, 200 leaves room for attachments. */
export const MAX_PDF_PAGES = 200;

/**
 * Bounds on what a zipped document (DOCX, XLSX) may unpack to, checked before and while
 * unzipping: a 400 KB file that inflates to 400 MB is refused, never parsed (ADR 0014).
 */
export const ZIP_LIMITS = {
  /** Sum of every part, unpacked. A 40-page proposal with photos unpacks to a few MB. */
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxEntries: 2_000,
  /** Unpacked : packed, per part above 1 MB and over the whole file. Word's XML packs ~10:1. */
  maxRatio: 100,
  /** Element nesting in any XML part; Word's deepest (tables in tables) stays far below. */
  maxXmlDepth: 256,
} as const;

/** Bounds of a CSV/XLSX import (units, stages, scores): a national round has a few thousand rows. */
export const TABLE_LIMITS = {
  maxFileBytes: 20 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 100,
  zip: { ...ZIP_LIMITS, maxUnpackedBytes: 200 * 1024 * 1024 },
} as const;

/** A parse runs in a worker thread with this heap and is stopped after this long (ADR 0014). */
export const PARSE_LIMITS = {
  heapMb: 192,
  rssMb: 320,
  timeoutMs: 20_000,
  concurrent: 2,
  idleMs: 60_000,
} as const;

/** Why a document could not be imported; each has a polite message in importTexts. */
export type ImportFailureReason =
  | "too_large"
  | "too_many_pages"
  /** Unpacks beyond the limits, nests too deeply, declares XML entities, or takes too long to read. */
  | "too_complex"
  | "image_only"
  | "encrypted"
  | "corrupt"
  | "unsupported_type"
  /** Readable, but there is no text in it. */
  | "empty"
  | "proposal_not_found";
