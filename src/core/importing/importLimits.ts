/** Largest document accepted for import (bytes): enough for a proposal with photos. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Most pages a PDF may have; a proposal is 10–40 pages, 200 leaves room for attachments. */
export const MAX_PDF_PAGES = 200;

/** Why a document could not be imported; each has a polite message in importTexts. */
export type ImportFailureReason =
  | "too_large"
  | "too_many_pages"
  | "image_only"
  | "encrypted"
  | "corrupt"
  | "unsupported_type"
  /** Readable, but there is no text in it. */
  | "empty"
  | "proposal_not_found";
