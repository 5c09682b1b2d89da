/**
 * Every slash command the bot knows, in the order /bantuan and the Telegram menu list them. The
 * one place a command is declared: the parser, /bantuan, the Telegram menu (per role) and the
 * access check all read it. Adding a command = one entry here, its texts in
 * core/i18n/commandTexts.ts (the type demands them) and a handler (`composer.command(name, …)`
 * in the app, or a case in the dialogue's runCommand when `owner` is "dialogue"). See ADR 0010.
 */

/** Who may use a command. "secretariat": staff with the secretariat role on some competition. */
export type Role = "participant" | "secretariat";

/**
 * What a repeat of a message with this command gets once its first handling is known:
 * - "replay": handled again when the first handling did not finish (a read, or a dialogue
 *   command whose effect is saved in one transaction with the reply);
 * - "ignore": never handled a second time (the effect happens outside the reply's
 *   transaction: stage changes that notify, queued announcements, codes, erasure); an
 *   interrupted first handling is told to the person instead of run again.
 * Either way a finished one is answered with its stored replies, and nothing runs twice.
 */
export type RepeatPolicy = "replay" | "ignore";

export interface CommandSpec {
  /** The Indonesian name: the handler's key and what /bantuan shows. */
  readonly name: string;
  /** Other names that reach the same command, per language (English names, older names). */
  readonly aliases: { readonly id: readonly string[]; readonly en: readonly string[] };
  /** The name in the English Telegram menu when it differs (Start sends /start). */
  readonly menuName?: { readonly en: string };
  readonly role: Role;
  readonly repeat: RepeatPolicy;
  /** Listed in the Telegram menu (all commands are in /bantuan). */
  readonly inMenu: boolean;
  /** Who handles it: the coaching dialogue (pure engine) or an app middleware. */
  readonly owner: "dialogue" | "app";
}

const cmd = <N extends string>(
  name: N,
  o: Partial<Omit<CommandSpec, "name" | "aliases">> & { id?: string[]; en?: string[] },
): CommandSpec & { readonly name: N } => ({
  name,
  aliases: { id: o.id ?? [], en: o.en ?? [] },
  ...(o.menuName ? { menuName: o.menuName } : {}),
  role: o.role ?? "participant",
  repeat: o.repeat ?? "replay",
  inMenu: o.inMenu ?? true,
  owner: o.owner ?? "app",
});

export const COMMANDS = [
  cmd("mulai", { en: ["start", "menu"], menuName: { en: "start" }, owner: "dialogue" }),
  cmd("bagian", { en: ["sections"], owner: "dialogue" }),
  cmd("lihat", { en: ["view"], owner: "dialogue" }),
  cmd("ubah", { en: ["edit"], owner: "dialogue", inMenu: false }),
  cmd("cek", { en: ["check"], owner: "dialogue" }),
  cmd("siap", { en: ["ready"], menuName: { en: "ready" }, owner: "dialogue" }),
  cmd("video", { owner: "dialogue" }),
  cmd("riwayat", { en: ["history"], owner: "dialogue" }),
  cmd("proposal", { en: ["proposals"], owner: "dialogue" }),
  cmd("saran", { en: ["advice"] }),
  cmd("ekspor", { en: ["export"] }),
  cmd("status", {}),
  cmd("nilai", { id: ["skor"], en: ["score", "scores"] }),
  cmd("tanya", { en: ["ask"], repeat: "ignore" }),
  cmd("tiket", { en: ["tickets", "ticket"] }),
  cmd("daftar", { en: ["join"], repeat: "ignore" }),
  cmd("tautkan", { en: ["link"], repeat: "ignore" }),
  cmd("keluarkan", { en: ["remove"], repeat: "ignore", inMenu: false }),
  cmd("kodebaru", { en: ["newcode"], repeat: "ignore", inMenu: false }),
  cmd("bahasa", { en: ["language", "lang"], owner: "dialogue" }),
  cmd("bantuan", { en: ["help"], owner: "dialogue" }),
  cmd("batal", { en: ["cancel"], owner: "dialogue" }),
  cmd("berhenti", { en: ["stop", "unsubscribe"], repeat: "ignore" }),
  cmd("datasaya", { en: ["mydata"] }),
  cmd("hapusdata", { en: ["deletemydata"], repeat: "ignore" }),
  // Secretariat and judges: the route checks who may sign in (a judge is not secretariat staff).
  cmd("masuk", { id: ["dasbor"], en: ["login", "dashboard"], repeat: "ignore", inMenu: false }),
  cmd("tahap", { en: ["stage"], role: "secretariat", repeat: "ignore" }),
  cmd("rekap", { en: ["summary", "report"], role: "secretariat" }),
  cmd("umumkan", { en: ["announce"], role: "secretariat", repeat: "ignore" }),
  cmd("laporan", { role: "secretariat" }),
  cmd("jawab", { en: ["answer"], role: "secretariat", repeat: "ignore" }),
  cmd("tutup", { en: ["close"], role: "secretariat", repeat: "ignore" }),
  cmd("putuskan", { en: ["decide"], role: "secretariat", repeat: "ignore" }),
  cmd("koreksi", { en: ["correct"], role: "secretariat", repeat: "ignore" }),
  cmd("audit", { id: ["riwayattindakan"], role: "secretariat" }),
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMANDS)[number]["name"];

const byAlias = new Map<string, CommandSpec>();
for (const c of COMMANDS as readonly CommandSpec[])
  for (const n of [c.name, ...c.aliases.id, ...c.aliases.en]) {
    if (byAlias.has(n)) throw new Error(`command name ${n} is declared twice`);
    byAlias.set(n, c);
  }

/** The command a name or alias means (case-insensitive), if the bot knows it. */
export function commandSpec(name: string): CommandSpec | undefined {
  return byAlias.get(name.toLowerCase());
}

/** Whether a role may use a command: the secretariat may use everything. */
export function mayUse(spec: CommandSpec, role: Role): boolean {
  return spec.role === "participant" || role === "secretariat";
}

/** The commands a role sees, in registry order. */
export function commandsFor(role: Role): CommandSpec[] {
  return (COMMANDS as readonly CommandSpec[]).filter((c) => mayUse(c, role));
}
