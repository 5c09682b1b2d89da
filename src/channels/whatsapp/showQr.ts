import type { Logger } from "pino";
import QRCode from "qrcode";

export interface QrOutput {
  write(text: string): unknown;
}

/**
 * Shows a pairing QR to the operator: drawn in the terminal (small variant, fits a laptop
 * screen) and, for headless servers, written as a PNG they can copy off the machine.
 */
export async function showQr(
  qr: string,
  options: { terminal: QrOutput; pngPath?: string; logger: Logger },
): Promise<void> {
  const art = await QRCode.toString(qr, { type: "terminal", small: true });
  options.terminal.write(`\nWhatsApp: scan with the phone (Linked devices → Link a device)\n${art}\n`);
  if (options.pngPath) {
    await QRCode.toFile(options.pngPath, qr, { type: "png", margin: 2, width: 400 });
    options.logger.info({ path: options.pngPath }, "WhatsApp pairing QR written as PNG");
  }
}

/** "ABCD1234" → "ABCD-1234", the way the phone shows it. */
export function formatPairingCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
