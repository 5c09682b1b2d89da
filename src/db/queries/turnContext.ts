import type { ProposalView } from "../../core/dialogue/turnTypes.ts";
import type { Db } from "../createDatabase.ts";
import { query, sql } from "../sql.ts";

/**
 * What a chat turn reads besides the contact and its state: bounded, on indexes, and through the
 * hot path's direct statements (src/db/sql.ts, ADR 0023), since every message runs them.
 */

/** The person behind a message as every message needs them: one row per matching channel id. */
export interface MessageContact {
  externalId: string;
  id: string;
  displayName: string;
  locale: string;
  optedOut: boolean;
  lastActiveAt: Date | null;
  /** An announcement draft is open. */
  composing: boolean;
  secretariat: boolean;
  /** A question to the secretariat is being written. */
  asking: boolean;
  dialogueVersion: number | null;
  dialogueState: unknown;
  /** The contact's proposals (as turnProposals reads them): the dialogue's first attempt needs no query. */
  proposals: ProposalView[];
  /** Another contact holds the message's phone, or the imported username: linking would merge them. */
  linkable: boolean;
  /** The current text of each section of the proposal the dialogue state is on (as sectionTexts). */
  sections: { sectionKey: string; text: string }[];
}

/**
 * Identity, contact, role flags, dialogue state, proposals, the state's proposal's section texts
 * and whether a silent link applies, in one round trip: this runs on every message (ADR 0023). `link`: the message's phone and
 * username, normalised, and the channel imported contacts sit on.
 */
export async function contactsForMessage(
  db: Db,
  channel: string,
  externalIds: string[],
  link: { phone?: string; username?: string; importChannel: string } = { importChannel: "" },
): Promise<MessageContact[]> {
  return query<MessageContact>(
    db,
    sql`
    SELECT ci."externalId", c.id, c."displayName", c.locale, c."optedOut", c."lastActiveAt",
      EXISTS (SELECT 1 FROM "AnnouncementDraft" d WHERE d."contactId" = c.id) AS composing,
      EXISTS (SELECT 1 FROM "StaffRole" s WHERE s."contactId" = c.id AND s.role = 'secretariat') AS secretariat,
      EXISTS (SELECT 1 FROM "TicketDraft" t WHERE t."contactId" = c.id) AS asking,
      ds.version AS "dialogueVersion", ds.state AS "dialogueState",
      COALESCE((
        SELECT json_agg(json_build_object('id', p.id, 'code', p.code, 'title', p.title,
          'competitionId', p."competitionId", 'startYear', p."startYear", 'unitName', u.name)
          ORDER BY p."createdAt")
        FROM (SELECT * FROM "Proposal" WHERE "unitId" IN
            (SELECT m."unitId" FROM "Membership" m WHERE m."contactId" = c.id)
          ORDER BY "createdAt" LIMIT 50) p
        JOIN "Unit" u ON u.id = p."unitId"), '[]'::json) AS proposals,
      COALESCE((SELECT json_agg(json_build_object('sectionKey', sd."sectionKey", 'text', sd.text))
        FROM "SectionDraft" sd WHERE sd."proposalId" = ds.state->>'proposalId'), '[]'::json) AS sections,
      EXISTS (SELECT 1 FROM "ChannelIdentity" o WHERE o."contactId" <> c.id
        AND ((${link.phone ?? null}::text IS NOT NULL AND o.phone = ${link.phone ?? null}::text)
          OR (${link.username ?? null}::text IS NOT NULL AND o.channel = ${link.importChannel}
            AND o.username = ${link.username ?? null}::text))) AS linkable
    FROM "ChannelIdentity" ci JOIN "Contact" c ON c.id = ci."contactId"
      LEFT JOIN "DialogueState" ds ON ds."contactId" = c.id
    WHERE ci.channel = ${channel} AND ci."externalId" = ANY(${externalIds})`,
  );
}

/** Proposals of every unit the contact belongs to (an Admin Lokal may help many units), oldest first. */
export async function turnProposals(db: Db, contactId: string): Promise<ProposalView[]> {
  return query<ProposalView>(
    db,
    sql`
    SELECT p.id, p.code, p.title, p."competitionId", p."startYear", u.name AS "unitName"
    FROM "Proposal" p JOIN "Unit" u ON u.id = p."unitId"
    WHERE p."unitId" IN (SELECT m."unitId" FROM "Membership" m WHERE m."contactId" = ${contactId})
    ORDER BY p."createdAt" ASC
    LIMIT 50`,
  );
}

/** The current text of each section of a proposal. */
export async function sectionTexts(
  db: Db,
  proposalId: string,
): Promise<{ sectionKey: string; text: string }[]> {
  return query(db, sql`SELECT "sectionKey", "text" FROM "SectionDraft" WHERE "proposalId" = ${proposalId}`);
}

/** One section's latest revisions, newest first (/riwayat). */
export async function latestRevisions(
  db: Db,
  proposalId: string,
  sectionKey: string,
  take: number,
): Promise<{ id: string; text: string; createdAt: Date }[]> {
  return db.sectionRevision.findMany({
    where: { draft: { proposalId, sectionKey } },
    select: { id: true, text: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take,
  });
}
