/**
 * The one base of every error the project throws on purpose: a message for the log, `details`
 * (ids, counts, the offending value) for context, and the error that caused it. One top-level
 * handler per runtime turns it into a short reply in the person's language or a CLI line; a
 * person never sees the message or a stack trace.
 */
export class KlinikError extends Error {
  override name: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    // The subclass's own name ("StaleState", "ImportError"…) unless it sets one.
    this.name = new.target.name;
    this.details = details;
  }
}

/** Whether a thrown value is one of ours (and so carries `details`). */
export function isKlinikError(e: unknown): e is KlinikError {
  return e instanceof KlinikError;
}
