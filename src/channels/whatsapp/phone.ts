import { parsePhoneNumberFromString } from "libphonenumber-js";

const PHONE_JID_DOMAINS = new Set(["s.whatsapp.net", "c.us"]);

/**
 * E.164 form (+628…) of a WhatsApp phone JID ("628123…:12@s.whatsapp.net") or a typed number
 * ("+62 812-…", "0812…" read as Indonesian, "62812…"). Undefined for LIDs, groups and anything
 * that is not a possible phone number: a LID's digits are not a phone number.
 */
export function toE164(jidOrNumber: string): string | undefined {
  const input = jidOrNumber.trim();
  let candidate: string;
  if (input.includes("@")) {
    const [user = "", domain = ""] = input.split("@");
    if (!PHONE_JID_DOMAINS.has(domain)) return undefined;
    const digits = user.split(":")[0] ?? "";
    if (!/^\d+$/.test(digits)) return undefined;
    candidate = `+${digits}`;
  } else if (input.startsWith("+") || input.startsWith("0")) {
    candidate = input;
  } else {
    const digits = input.replace(/[\s().-]/g, "");
    if (!/^\d+$/.test(digits)) return undefined;
    candidate = `+${digits}`;
  }
  const parsed = parsePhoneNumberFromString(candidate, "ID");
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** The digits WhatsApp wants for a phone JID or a pairing request ("+62 812…" → "62812…"). */
export function toWhatsAppDigits(jidOrNumber: string): string | undefined {
  return toE164(jidOrNumber)?.slice(1);
}
