import { randomBytes } from "node:crypto";
import type { Db } from "../createDatabase.ts";

/** A secret the bot made for itself, created on first use (the same value for every process). */
export async function appSecret(db: Db, name: string): Promise<string> {
  await db.appSecret.createMany({
    data: [{ name, value: randomBytes(32).toString("base64url") }],
    skipDuplicates: true,
  });
  const row = await db.appSecret.findUniqueOrThrow({ where: { name }, select: { value: true } });
  return row.value;
}

/** Wrong codes from one account (by its keyed hash) since a moment. */
export async function countCodeAttempts(db: Db, accountKey: string, since: Date): Promise<number> {
  return db.codeAttempt.count({ where: { accountKey, createdAt: { gt: since } } });
}

export async function recordCodeAttempt(db: Db, accountKey: string, kind: string, at: Date): Promise<void> {
  await db.codeAttempt.create({ data: { accountKey, kind, createdAt: at }, select: { id: true } });
}

/** Drops attempts older than the window: the limit needs nothing older. */
export async function pruneCodeAttempts(db: Db, before: Date): Promise<number> {
  return (await db.codeAttempt.deleteMany({ where: { createdAt: { lt: before } } })).count;
}
