import { commandTexts } from "../i18n/commandTexts.ts";
import type { Locale } from "../i18n/locale.ts";
import { type CommandName, type CommandSpec, commandsFor, type Role } from "./registry.ts";

/** /bantuan from the registry: the commands the person's role may use, secretariat ones apart. */
export function renderHelp(locale: Locale, role: Role): string {
  const t = commandTexts(locale);
  const line = (c: CommandSpec) => {
    const help = t.commands[c.name as CommandName].help;
    return help.startsWith("<") || help.startsWith("[") ? `/${c.name} ${help}` : `/${c.name} – ${help}`;
  };
  const mine = commandsFor(role);
  const everyone = mine.filter((c) => c.role === "participant").map(line);
  const staff = mine.filter((c) => c.role === "secretariat").map(line);
  return [
    t.helpHeader,
    ...everyone,
    t.helpFooter,
    ...(staff.length ? ["", t.secretariatHeader, ...staff] : []),
  ].join("\n");
}

/** A Telegram menu entry per command a role sees in the menu, in the locale's names. */
export function menuEntries(locale: Locale, role: Role): { command: string; description: string }[] {
  const t = commandTexts(locale);
  return commandsFor(role)
    .filter((c) => c.inMenu)
    .map((c) => ({
      command: (locale === "en" ? c.menuName?.en : undefined) ?? c.name,
      description: t.commands[c.name as CommandName].menu,
    }));
}
