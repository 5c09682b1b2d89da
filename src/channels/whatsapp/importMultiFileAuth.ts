import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { BufferJSON } from "@whiskeysockets/baileys";
import { KlinikError } from "../../core/errors.ts";
import { type AuthKeyValueStore, CREDS_KEY } from "./useStoredAuthState.ts";

export class AuthImportError extends KlinikError {
  override readonly name = "AuthImportError";
}

/**
 * Copies a session folder written by Baileys' useMultiFileAuthState (creds.json, pre-key-1.json,
 * session-….json, …) into the store, so an operator who paired with another tool keeps that pairing.
 * Refuses to overwrite a stored session unless `overwrite` is set; then the store is cleared first.
 */
export async function importMultiFileAuth(
  dir: string,
  store: AuthKeyValueStore,
  options: { overwrite?: boolean } = {},
): Promise<{ imported: number }> {
  const files = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  if (!files.includes("creds.json")) {
    throw new AuthImportError(`No creds.json in ${dir}: not a Baileys multi-file auth folder`, { dir });
  }
  const entries: { key: string; value: string }[] = [];
  for (const file of files) {
    const raw = await readFile(join(dir, file), "utf8");
    try {
      // Parse with the reviver as Baileys would, so a corrupt file stops the import here.
      JSON.parse(raw, BufferJSON.reviver);
    } catch (error) {
      throw new AuthImportError(`${file} is not valid JSON`, { file, cause: String(error) });
    }
    entries.push({ key: keyFromFileName(file), value: raw });
  }

  const existing = await store.read([CREDS_KEY]);
  if (existing.has(CREDS_KEY)) {
    if (!options.overwrite) {
      throw new AuthImportError("A WhatsApp session is already stored; pass overwrite to replace it", {
        dir,
      });
    }
    await store.clear();
  }
  await store.write(entries);
  return { imported: entries.length };
}

/**
 * Inverse of useMultiFileAuthState's fixFileName (`/` → `__`, `:` → `-`). That mapping loses
 * information, so it is undone where Baileys' ids make it unambiguous: `__` was `/` (base64 ids
 * of app-state-sync keys) and `--` was `::` (sender-key names "group::user::device"). A single `-`
 * stays: group JIDs ("6281…-1600…@g.us") contain it, and no id Baileys 7 stores has a lone `:`.
 */
export function keyFromFileName(file: string): string {
  const base = file.endsWith(".json") ? file.slice(0, -".json".length) : file;
  if (base === CREDS_KEY) return CREDS_KEY;
  return base.replace(/__/g, "/").replace(/--/g, "::");
}
