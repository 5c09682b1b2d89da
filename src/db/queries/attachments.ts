import type { AttachmentView } from "../../core/completeness/uploadChecklist.ts";
import type { Db } from "../createDatabase.ts";
import type { Prisma } from "../generated/client.ts";

type Client = Db | Prisma.TransactionClient;

export type AttachmentKind = AttachmentView["kind"];

export interface NewAttachment {
  proposalId: string;
  kind: AttachmentKind;
  sectionKey: string | null;
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  sha256: string;
  uploadedById: string | null;
}

const KINDS = new Set<string>(["sk", "supporting", "other"]);
const asKind = (k: string): AttachmentKind => (KINDS.has(k) ? (k as AttachmentKind) : "other");

/** Every attachment of a proposal, without the bytes, oldest first. */
export async function listAttachments(db: Client, proposalId: string): Promise<AttachmentView[]> {
  const rows = await db.proposalAttachment.findMany({
    where: { proposalId },
    select: { id: true, kind: true, sectionKey: true, fileName: true, size: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ ...r, kind: asKind(r.kind) }));
}

/** Attachments with their bytes, for an export that writes the files out. */
export async function attachmentFiles(db: Client, proposalId: string) {
  return db.proposalAttachment.findMany({
    where: { proposalId },
    select: { id: true, kind: true, sectionKey: true, fileName: true, mime: true, bytes: true, size: true },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * Stores a file with its proposal. The same bytes sent again for the same purpose are kept once
 * (a re-sent file is common in chat); returns whether it was new.
 */
export async function addAttachment(db: Client, a: NewAttachment): Promise<{ id: string; created: boolean }> {
  const same = await db.proposalAttachment.findFirst({
    where: { proposalId: a.proposalId, sha256: a.sha256, kind: a.kind, sectionKey: a.sectionKey },
    select: { id: true },
  });
  if (same) return { id: same.id, created: false };
  const row = await db.proposalAttachment.create({
    data: {
      proposalId: a.proposalId,
      kind: a.kind,
      sectionKey: a.sectionKey,
      fileName: a.fileName,
      mime: a.mime,
      size: a.bytes.byteLength,
      sha256: a.sha256,
      bytes: new Uint8Array(a.bytes),
      uploadedById: a.uploadedById,
    },
    select: { id: true },
  });
  await db.auditLog.create({
    data: {
      actorId: a.uploadedById,
      action: "proposal.attach",
      subject: a.proposalId,
      details: { kind: a.kind, sectionKey: a.sectionKey, fileName: a.fileName, sha256: a.sha256 },
    },
  });
  return { id: row.id, created: true };
}

/** Per proposal of a competition: whether an SK is attached and how many files there are. */
export async function attachmentCounts(
  db: Client,
  competitionId: string,
): Promise<Map<string, { sk: number; supporting: number; other: number; sections: string[] }>> {
  const rows = await db.$queryRaw<
    { proposalId: string; kind: string; sectionKey: string | null; n: number }[]
  >`
    SELECT a."proposalId", a.kind, a."sectionKey", count(*)::int AS n
    FROM "ProposalAttachment" a JOIN "Proposal" p ON p.id = a."proposalId"
    WHERE p."competitionId" = ${competitionId}
    GROUP BY a."proposalId", a.kind, a."sectionKey"`;
  const out = new Map<string, { sk: number; supporting: number; other: number; sections: string[] }>();
  for (const r of rows) {
    const c = out.get(r.proposalId) ?? { sk: 0, supporting: 0, other: 0, sections: [] };
    const kind = asKind(r.kind);
    c[kind] += r.n;
    if (kind === "supporting" && r.sectionKey) c.sections.push(r.sectionKey);
    out.set(r.proposalId, c);
  }
  return out;
}

/** The proposal's video link (null removes it). */
export async function setVideoUrl(db: Client, proposalId: string, url: string | null): Promise<void> {
  await db.proposal.update({ where: { id: proposalId }, data: { videoUrl: url }, select: { id: true } });
}
