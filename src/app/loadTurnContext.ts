import type { ContextNeeds } from "../core/dialogue/advance.ts";
import type { DialogueState } from "../core/dialogue/dialogueState.ts";
import type { ProposalView, TurnContext } from "../core/dialogue/turnTypes.ts";
import type { Locale } from "../core/i18n/locale.ts";
import type { Db } from "../db/createDatabase.ts";
import { aiAdvisedSections, latestRound, releasedScores } from "../db/queries/coaching.ts";
import { latestRevisions, sectionTexts, turnProposals } from "../db/queries/turnContext.ts";
import { loadUploadFacts } from "../db/queries/uploadFacts.ts";
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
  /**
   * Read with the contact this very turn, for the state read with it (see resolveContact): the
   * proposals and the state's proposal's section texts. Read here when absent.
   */
  known?: { proposals?: ProposalView[]; sections?: { sectionKey: string; text: string }[] },
): Promise<TurnContext> {
  const [competitions, proposals, drafts, revisions, upload, rounds, aiAdvised] = await Promise.all([
    deps.competitions.all(),
    known?.proposals ?? turnProposals(db, contact.id),
    !state.proposalId ? Promise.resolve([]) : (known?.sections ?? sectionTexts(db, state.proposalId)),
    needs.revisionsOf && state.proposalId
      ? latestRevisions(db, state.proposalId, needs.revisionsOf, 10)
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
