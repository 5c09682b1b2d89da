import { type CommandSpec, commandSpec } from "./registry.ts";

/** A slash command as typed: "/Status@KlinikBot KP-7Q2M" → name "status", args ["KP-7Q2M"]. */
export interface ParsedCommand {
  /** The registry name when known ("score" → "nilai"); else the typed name, lower-cased. */
  name: string;
  /** Absent for a command the bot does not know. */
  spec?: CommandSpec;
  /** Everything after the name, trimmed. */
  arg: string;
  /** arg split on white space. */
  args: string[];
}

const SLASH_COMMAND = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/;

/** The one parser of slash commands (the dialogue, the app's routes and the menu share it). */
export function parseCommand(text: string | undefined): ParsedCommand | undefined {
  const m = SLASH_COMMAND.exec(text?.trim() ?? "");
  if (!m) return undefined;
  const typed = m[1]!.toLowerCase();
  const spec = commandSpec(typed);
  const arg = (m[2] ?? "").trim();
  return { name: spec?.name ?? typed, ...(spec ? { spec } : {}), arg, args: arg ? arg.split(/\s+/) : [] };
}
