import { BufferJSON } from "@whiskeysockets/baileys";
import { AuthImportError, importMultiFileAuth } from "../channels/whatsapp/importMultiFileAuth.ts";
import { CREDS_KEY } from "../channels/whatsapp/useStoredAuthState.ts";
import { KlinikError } from "../core/errors.ts";
import { recordAudit } from "../db/queries/audit.ts";
import { countWhatsAppKeys } from "../db/queries/whatsAppSession.ts";
import { createWhatsAppAuthStore } from "../db/whatsAppAuthStore.ts";
import { type CliIo, confirmAction, UsageError, withDatabase } from "./cliContext.ts";

/** A WhatsApp command that ran but failed (not an auth folder, a session already stored): exit 1. */
export class WhatsAppCommandError extends KlinikError {
  override readonly name = "WhatsAppCommandError";
}

/** `klinik whatsapp import-auth <dir> [--force]`: a Baileys multi-file auth folder into the database, once. */
export async function whatsappImportAuth(
  io: CliIo,
  dir: string | undefined,
  opts: { force?: boolean },
): Promise<void> {
  if (!dir) throw new UsageError("whatsapp import-auth needs <dir> (a Baileys auth folder with creds.json)");
  await withDatabase(io, async (db) => {
    try {
      const r = await importMultiFileAuth(dir, createWhatsAppAuthStore(db.prisma), { overwrite: opts.force });
      io.out(
        `Imported ${r.imported} file(s) from ${dir}. Start the bot with WHATSAPP_ENABLED=1; no pairing needed.`,
      );
    } catch (e) {
      if (e instanceof AuthImportError)
        throw new WhatsAppCommandError(
          e.message.includes("already stored") ? `${e.message} (use --force)` : e.message,
        );
      throw e;
    }
  });
}

/** `klinik whatsapp status`: whether a session is stored, and for which number. */
export async function whatsappStatus(io: CliIo): Promise<void> {
  await withDatabase(io, async (db) => {
    const stored = await createWhatsAppAuthStore(db.prisma).read([CREDS_KEY]);
    const raw = stored.get(CREDS_KEY);
    if (!raw) {
      io.out(
        "WhatsApp: not paired. Start the bot with WHATSAPP_ENABLED=1 and scan the QR code (or set WHATSAPP_PAIRING_PHONE).",
      );
      return;
    }
    const keys = await countWhatsAppKeys(db.prisma);
    const creds = JSON.parse(raw, BufferJSON.reviver) as {
      me?: { id?: string; name?: string };
      registered?: boolean;
    };
    const me = creds.me?.id ? `+${creds.me.id.split(/[:@]/)[0]}` : undefined;
    io.out(
      me
        ? `WhatsApp: paired as ${me}${creds.me?.name ? ` (${creds.me.name})` : ""}; ${keys} key(s) stored.`
        : `WhatsApp: pairing started but not finished; ${keys} key(s) stored. Start the bot to finish pairing.`,
    );
  });
}

/** `klinik whatsapp logout`: forgets the stored session; the bot pairs again at its next start. */
export async function whatsappLogout(io: CliIo, opts: { yes?: boolean } = {}): Promise<void> {
  await withDatabase(io, async (db) => {
    const n = await countWhatsAppKeys(db.prisma);
    if (n > 0) {
      io.out(`This removes the stored WhatsApp session (${n} key(s)); the bot must be paired again.`);
      await confirmAction(io, opts.yes, "Remove the WhatsApp session");
    }
    await createWhatsAppAuthStore(db.prisma).clear();
    await recordAudit(db.prisma, {
      action: "whatsapp.logout",
      subject: "session",
      details: { keys: n, via: "cli" },
    });
    io.out(
      n === 0
        ? "No WhatsApp session was stored."
        : `WhatsApp session removed (${n} key(s)). Also remove "Klinik Inovasi" under Linked devices on the phone; the bot asks to pair at its next start.`,
    );
  });
}
