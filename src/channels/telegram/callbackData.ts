/** Telegram's limit for a button's callback data, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

const CALLBACK_DATA = /^[\x21-\x7e]{1,64}$/;

/**
 * Whether a string is callback data this adapter could have produced. The adapter puts a choice
 * id into a button only when it is 1–64 printable ASCII characters without spaces (so at most
 * 64 bytes); anything else coming back from Telegram was tampered with or comes from an older
 * format, and is answered as a stale button rather than handed to the app.
 */
export function isValidCallbackData(data: string | undefined): data is string {
  return data !== undefined && CALLBACK_DATA.test(data);
}
