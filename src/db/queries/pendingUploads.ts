import type { Db } from "../createDatabase.ts";
import type { Prisma } from "../generated/client.ts";

export interface PendingUploadRow {
  contactId: string;
  proposalId: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  sectionKey: string | null;
  importable: boolean;
}

/** Holds a file sent in chat until the person says what it is (one per contact; a new one replaces it). */
export async function holdUpload(db: Db, u: PendingUploadRow): Promise<void> {
  const data = {
    proposalId: u.proposalId,
    fileName: u.fileName,
    mime: u.mime,
    size: u.size,
    sha256: u.sha256,
    bytes: new Uint8Array(u.bytes),
    sectionKey: u.sectionKey,
    importable: u.importable,
    createdAt: new Date(),
  };
  await db.pendingUpload.upsert({
    where: { contactId: u.contactId },
    create: { contactId: u.contactId, ...data },
    update: data,
  });
}

export async function pendingUpload(db: Db, contactId: string): Promise<PendingUploadRow | undefined> {
  const row = await db.pendingUpload.findUnique({
    where: { contactId },
    select: {
      contactId: true,
      proposalId: true,
      fileName: true,
      mime: true,
      size: true,
      sha256: true,
      bytes: true,
      sectionKey: true,
      importable: true,
    },
  });
  return row ?? undefined;
}

export async function dropPendingUpload(db: Db, contactId: string): Promise<void> {
  await db.pendingUpload.deleteMany({ where: { contactId } });
}

/** A draft preview waiting for confirmation (PendingImport), void once the file is attached instead. */
export async function dropPendingImport(db: Db, contactId: string): Promise<void> {
  await db.pendingImport.deleteMany({ where: { contactId } });
}

/** Pending uploads older than `before` (the person never answered). */
export async function prunePendingUploads(db: Db, before: Date): Promise<number> {
  return (await db.pendingUpload.deleteMany({ where: { createdAt: { lt: before } } })).count;
}

/** Keeps a draft preview for confirmation (one per contact; a new one replaces it, with a new time). */
export async function holdImport(
  db: Db,
  p: { contactId: string; proposalId: string; fileName: string; preview: Prisma.InputJsonValue },
): Promise<void> {
  const { contactId, ...rest } = p;
  await db.pendingImport.upsert({
    where: { contactId },
    create: p,
    update: { ...rest, createdAt: new Date() },
    select: { contactId: true },
  });
}

export async function pendingImportOf(
  db: Db,
  contactId: string,
): Promise<{ proposalId: string; fileName: string; preview: unknown; createdAt: Date } | null> {
  return db.pendingImport.findUnique({
    where: { contactId },
    select: { proposalId: true, fileName: true, preview: true, createdAt: true },
  });
}

export async function updatePendingImport(
  db: Db,
  contactId: string,
  preview: Prisma.InputJsonValue,
): Promise<void> {
  await db.pendingImport.update({ where: { contactId }, data: { preview }, select: { contactId: true } });
}

/** Removes the preview kept at `createdAt`; false when another press took it first (single use). */
export async function takePendingImport(db: Db, contactId: string, createdAt: Date): Promise<boolean> {
  return (await db.pendingImport.deleteMany({ where: { contactId, createdAt } })).count > 0;
}

/** Draft previews older than `before` (never confirmed). */
export async function prunePendingImports(db: Db, before: Date): Promise<number> {
  return (await db.pendingImport.deleteMany({ where: { createdAt: { lt: before } } })).count;
}
