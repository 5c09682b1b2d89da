const ALIASES: Record<string, string> = {
  umumkan: "umumkan",
  announce: "umumkan",
  berhenti: "berhenti",
  stop: "berhenti",
  unsubscribe: "berhenti",
  mulai: "mulai",
  start: "mulai",
  laporan: "laporan",
  batal: "batal",
  cancel: "batal",
};

/**
 * A slash command as this module names it ("/Stop@KlinikBot" → { name: "berhenti" }); other
 * commands come back with their own lower-cased name, text that is no command as undefined.
 */
export function broadcastCommand(text: string | undefined): { name: string; arg: string } | undefined {
  const m = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text?.trim() ?? "");
  if (!m) return undefined;
  const raw = m[1]!.toLowerCase();
  return { name: ALIASES[raw] ?? raw, arg: (m[2] ?? "").trim() };
}
