import type { Db } from "../db/createDatabase.ts";
import { isMember } from "../db/queries/invitations.ts";
import { hasScoreBy } from "../db/queries/scores.ts";
import { rolesOf } from "../db/queries/staffRoles.ts";

/** A proposal as far as access decisions need it. */
export interface ProposalRef {
  id: string;
  unitId: string;
  competitionId: string;
}

/**
 * Who may see and do what, decided in this one place:
 * - a participant sees the proposals of the units they belong to (Membership);
 * - a judge sees the proposals of their competition they have scores for (Score.judge equals
 *   the judge's reference on their StaffRole);
 * - the secretariat of a competition sees all of its proposals and alone sets stages, imports,
 *   releases scores and reads the summary (/tahap, /rekap).
 * The CLI runs on the server with the operator's shell rights and is not subject to these rules.
 */
export interface Access {
  readonly contactId: string;
  /** Competition ids where the contact is secretariat. */
  readonly secretariatOf: readonly string[];
  readonly isStaff: boolean;
  isSecretariat(competitionId: string): boolean;
  canSeeProposal(p: ProposalRef): Promise<boolean>;
  canSetStage(competitionId: string): boolean;
  canReport(competitionId: string): boolean;
}

export async function loadAccess(db: Db, contactId: string): Promise<Access> {
  const roles = await rolesOf(db, contactId);
  const secretariatOf = roles.filter((r) => r.role === "secretariat").map((r) => r.competitionId);
  const judgeRefs = (competitionId: string) =>
    roles
      .filter((r) => r.role === "judge" && r.competitionId === competitionId && r.judgeRef !== "")
      .map((r) => r.judgeRef);
  const isSecretariat = (competitionId: string) => secretariatOf.includes(competitionId);

  return {
    contactId,
    secretariatOf,
    isStaff: roles.length > 0,
    isSecretariat,
    canSetStage: isSecretariat,
    canReport: isSecretariat,
    async canSeeProposal(p) {
      if (isSecretariat(p.competitionId)) return true;
      if (await isMember(db, contactId, p.unitId)) return true;
      const refs = judgeRefs(p.competitionId);
      if (refs.length === 0) return false;
      return hasScoreBy(db, p.id, refs);
    },
  };
}
