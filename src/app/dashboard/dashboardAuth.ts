import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/createDatabase.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import {
  consumeLoginToken,
  findLiveSession,
  insertLoginToken,
  insertSession,
  type SessionRow,
  touchSession,
} from "../../db/queries/dashboardAuth.ts";

/** A sign-in link lives 15 minutes and works once. */
export const LOGIN_LINK_MINUTES = 15;
/** A dashboard session lasts 12 hours from sign-in. */
export const SESSION_HOURS = 12;
const TOUCH_EVERY_MS = 60_000;

export function sha256(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

function secret(): string {
  return randomBytes(32).toString("base64url");
}

/** A one-time link for a contact; only the hash of its token is stored. */
export async function createLoginLink(
  db: Db,
  contactId: string,
  dashboardUrl: string,
  now: Date,
): Promise<{ url: string; expiresAt: Date }> {
  const token = secret();
  const expiresAt = new Date(now.getTime() + LOGIN_LINK_MINUTES * 60_000);
  await insertLoginToken(db, { tokenHash: sha256(token), contactId, expiresAt });
  return { url: `${dashboardUrl.replace(/\/+$/, "")}/masuk/${token}`, expiresAt };
}

/** Redeems a link into a session: the cookie secret (to set) and its expiry; undefined when the link is spent. */
export async function redeemLoginLink(
  db: Db,
  token: string,
  userAgent: string,
  now: Date,
): Promise<{ cookie: string; contactId: string; expiresAt: Date } | undefined> {
  const contactId = await consumeLoginToken(db, sha256(token), now);
  if (!contactId) return undefined;
  const cookie = secret();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await insertSession(db, {
    tokenHash: sha256(cookie),
    contactId,
    csrfToken: secret(),
    userAgent: userAgent.slice(0, 300),
    expiresAt,
  });
  await recordAudit(db, {
    actorId: contactId,
    action: "dashboard.signin",
    subject: "",
    details: { userAgent: userAgent.slice(0, 120) },
  });
  return { cookie, contactId, expiresAt };
}

/** The live session of a cookie, its last-seen time refreshed at most once a minute. */
export async function sessionOf(db: Db, cookie: string, now: Date): Promise<SessionRow | undefined> {
  const s = await findLiveSession(db, sha256(cookie), now);
  if (s && now.getTime() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, s.id, now);
  return s;
}
