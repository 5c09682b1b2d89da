/**
 * A WhatsApp chat id for logs: a phone JID carries the phone number, which must not reach the
 * logs, so all but the last 3 digits are hidden ("62812•••••890@s.whatsapp.net" → "•••890@s.whatsapp.net").
 * Enough to tell chats apart while debugging, not to contact anyone.
 */
export function maskJid(jid: string | undefined): string | undefined {
  if (!jid) return jid;
  return jid.replace(/^(\d+)(?=[:@])/, (digits) => `•••${digits.slice(-3)}`);
}
