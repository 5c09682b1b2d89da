import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "../db/createDatabase.ts";
import { attachmentFiles } from "../db/queries/attachments.ts";

/**
 * Writes a proposal's attached files into a directory for the secretariat, named
 * "<code>-<n>-<kind>[-<section>]-<file name>" so files of several proposals can share a folder.
 * The stored name is reduced to safe characters: it came from a chat and never chooses a path.
 */
export async function writeAttachments(
  db: Db,
  proposalId: string,
  code: string,
  dir: string,
): Promise<string[]> {
  const files = await attachmentFiles(db, proposalId);
  mkdirSync(dir, { recursive: true });
  return files.map((f, i) => {
    const name = [code, String(i + 1), f.kind, f.sectionKey, safeName(f.fileName)].filter(Boolean).join("-");
    const path = join(dir, name);
    writeFileSync(path, f.bytes);
    return path;
  });
}

function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "")
    .slice(0, 80);
  return clean || "berkas";
}
