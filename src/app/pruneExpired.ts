import type { Db } from "../db/createDatabase.ts";
import { pruneCodeAttempts } from "../db/queries/codeAttempts.ts";
import { pruneConfirmations } from "../db/queries/confirmations.ts";
import { pruneWindows } from "../db/queries/conversationWindows.ts";
import { pruneDashboardAuth } from "../db/queries/dashboardAuth.ts";
import { pruneInboxUpdates } from "../db/queries/inboxUpdates.ts";
import { pruneLinkCodes } from "../db/queries/linkCodes.ts";
import { prunePendingImports, prunePendingUploads } from "../db/queries/pendingUploads.ts";
import { pruneProcessedUpdates } from "../db/queries/processedUpdates.ts";
import { CODE_WINDOW_MS } from "./status/codeGuard.ts";

const DAY = 86_400_000;

/** How long short-lived records are kept (README, "What is stored and for how long"). */
export const RETENTION = {
  /** Message ids seen, to answer a redelivered update once: platforms redeliver within hours. */
  processedUpdateDays: 7,
  /** An imported document's preview waiting for the person's confirmation. */
  pendingImportDays: 1,
  /** A file sent in chat whose purpose (SK, supporting document, draft) was never answered. */
  pendingUploadDays: 1,
} as const;

/** Deletes records past their retention; returns how many of each went. */
export async function pruneExpired(db: Db, now = new Date()) {
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const [updates, imports, linkCodes, windows, codeAttempts, uploads, signIns] = await Promise.all([
    pruneProcessedUpdates(db, before(RETENTION.processedUpdateDays)),
    prunePendingImports(db, before(RETENTION.pendingImportDays)),
    pruneLinkCodes(db, now),
    // WhatsApp Cloud API windows and tier counts: a day matters, two are kept.
    pruneWindows(db, now),
    // Wrong-code counts (hashed accounts) matter only within their window.
    pruneCodeAttempts(db, new Date(now.getTime() - CODE_WINDOW_MS)),
    prunePendingUploads(db, before(RETENTION.pendingUploadDays)),
    // Dashboard sign-in links and sessions past their expiry.
    pruneDashboardAuth(db, now),
    pruneConfirmations(db, now),
    pruneInboxUpdates(db, before(RETENTION.processedUpdateDays)),
  ]);
  return {
    processedUpdates: updates,
    pendingImports: imports,
    linkCodes,
    conversationWindows: windows,
    codeAttempts,
    pendingUploads: uploads,
    dashboardSignIns: signIns,
  };
}
