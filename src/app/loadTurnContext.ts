import type { ContextNeeds } from "../core/dialogue/advance.ts";
import type { DialogueState } from "../core/dialogue/dialogueState.ts";
import type { ProposalView, TurnContext } from "../core/dialogue/turnTypes.ts";
import type { Locale } from "../core/i18n/locale.ts";
import type { Db } from "../db/createDatabase.ts";
import { aiAdvisedSections, latestRound, releasedScores } from "../db/queries/coaching.ts";
import { loadUploadFacts } from "../db/queries/uploadFacts.ts";
import { query, sql } from "../db/sql.ts";
import { newId, newProposalCode } from "./codes.ts";
import type { CompetitionCache } from "./competitionCache.ts";
import type { ContactView } from "./resolveContact.ts";

/**
 * Loads what one turn may read, bounded in size: the contact's proposals, the active proposal's
 * section texts, and revisions of one section only when asked. Never the dialogue's history.
 */
export async function loadTurnContext(
  db: Db,
  deps: { competitions: CompetitionCache; timezone: string; now: Date },
  contact: ContactView,
  state: DialogueState,
  needs: ContextNeeds,
): Promise<TurnContext> {
  const [competitions, proposals, drafts, revisions, upload, rounds, aiAdvised] = await Promise.all([
    deps.competitions.all(),
    proposalsOf(db, contact.id),
    state.proposalId
      ? query<{ sectionKey: string; text: string }>(
          db,
          sql`SELECT "sectionKey", "text" FROM "SectionDraft" WHERE "proposalId" = ${state.proposalId}`,
        )
      : Promise.resolve([]),
    needs.revisionsOf && state.proposalId
      ? db.sectionRevision.findMany({
          where: { draft: { proposalId: state.proposalId, sectionKey: needs.revisionsOf } },
          select: { id: true, text: true, createdAt: true },
          orderBy: { createdAt: "desc" },
          take: 10,
        })
      : Promise.resolve(undefined),
    needs.upload && state.proposalId ? loadUploadFacts(db, state.proposalId) : Promise.resolve(undefined),
    needs.scores && state.proposalId ? releasedScores(db, state.proposalId) : Promise.resolve([]),
    needs.aiUse && state.proposalId ? aiAdvisedSections(db, state.proposalId) : Promise.resolve(undefined),
  ]);
  const active = proposals.find((p) => p.id === state.proposalId);
  const template = competitions.find((c) => c.id === active?.competitionId)?.template;
  const released = template ? latestRound(rounds, template) : undefined;
  return {
    now: deps.now,
    locale: contact.locale as Locale,
    timezone: deps.timezone,
    contactName: contact.displayName,
    // Past its submission deadline a competition takes no new proposals, whatever its flag says.
    competitions: competitions.map((c) =>
      c.isOpen && c.deadline && c.deadline.getTime() <= deps.now.getTime() ? { ...c, isOpen: false } : c,
    ),
    proposals,
    texts: Object.fromEntries(drafts.map((d) => [d.sectionKey, d.text])),
    revisions,
    ...(upload && { upload }),
    ...(released ? { released } : {}),
    ...(aiAdvised ? { aiAdvised } : {}),
    fresh: { proposalId: newId(), code: newProposalCode() },
  };
}

/** Proposals of every unit the contact belongs to (an Admin Lokal may help many units). */
export async function proposalsOf(db: Db, contactId: string): Promise<ProposalView[]> {
  // One joined query on every turn (Prisma's nested select would add a second round trip).
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
