import { newProposalCode } from "../app/codes.ts";
import { normalizeCode, StatusError } from "../app/status/competitionData.ts";
import { invitationTexts } from "../core/i18n/invitationTexts.ts";
import { changeProposalCode, proposalByCode, secretariatOf } from "../db/queries/invitations.ts";
import { type CliIo, confirmAction, UsageError, withDatabase } from "./cliContext.ts";
import { type CliDeps, cliNotifier } from "./statusCommands.ts";

/**
 * `klinik proposal rotate-code <code> [--yes]`: the secretariat gives a proposal a new code (a
 * leaked code, someone joined who should not have); the old code stops working and the unit's
 * members are told through the outbox, as with /kodebaru in chat.
 */
export async function rotateCode(
  io: CliIo,
  deps: CliDeps,
  a: { code?: string; yes?: boolean },
): Promise<void> {
  const code = a.code ? normalizeCode(a.code) : undefined;
  if (!code) throw new UsageError("proposal rotate-code needs <code>, e.g. KP-7Q2M9X4KTD");
  await withDatabase(io, async ({ prisma: db }) => {
    const p = await proposalByCode(db, code);
    if (!p) throw new StatusError(`unknown proposal code "${code}"`);
    io.out(
      `This gives ${p.code} (${p.unit.name}) a new code; the old one stops working and the unit is told.`,
    );
    await confirmAction(io, a.yes, `Change the code of ${p.code}`);
    let fresh = newProposalCode();
    while (!(await changeProposalCode(db, { proposalId: p.id, from: p.code, to: fresh, actorId: null })))
      fresh = newProposalCode();
    const { notifier } = cliNotifier(io, deps, db);
    await notifier.notify({
      competitionId: p.competitionId,
      proposalIds: [p.id],
      alsoContactIds: await secretariatOf(db, p.competitionId),
      text: (l) =>
        invitationTexts(l).rotateNotice(l === "en" ? "The secretariat" : "Sekretariat", p.code, fresh),
      summary: `code ${p.code} → ${fresh} (cli)`,
      security: true,
    });
    io.out(`${p.code} → ${fresh}`);
  });
}
