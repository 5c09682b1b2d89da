import type { Db } from "../createDatabase.ts";

/** A proposal found by its (invitation) code. */
export async function proposalByCode(db: Db, code: string) {
  return db.proposal.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      title: true,
      unitId: true,
      competitionId: true,
      unit: { select: { name: true } },
    },
  });
}

/** Joins a unit; false when the person was a member already. */
export async function joinUnit(
  db: Db,
  j: { ref: string; contactId: string; unitId: string; channel: string; code: string },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const added = await tx.membership.createMany({
      data: [{ contactId: j.contactId, unitId: j.unitId }],
      skipDuplicates: true,
    });
    if (added.count === 0) return false;
    await tx.unitJoin.create({
      data: { ref: j.ref, unitId: j.unitId, contactId: j.contactId, channel: j.channel },
      select: { ref: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: j.contactId,
        action: "link.join",
        subject: j.code,
        details: { unitId: j.unitId, channel: j.channel, ref: j.ref },
      },
      select: { id: true },
    });
    return true;
  });
}

/** Secretariat members of a competition. */
export async function secretariatOf(db: Db, competitionId: string): Promise<string[]> {
  const rows = await db.staffRole.findMany({
    where: { competitionId, role: "secretariat" },
    select: { contactId: true },
  });
  return rows.map((r) => r.contactId);
}

export async function isSecretariat(db: Db, contactId: string, competitionId: string): Promise<boolean> {
  const n = await db.staffRole.count({ where: { contactId, competitionId, role: "secretariat" } });
  return n > 0;
}

export async function isMember(db: Db, contactId: string, unitId: string): Promise<boolean> {
  return (await db.membership.count({ where: { contactId, unitId } })) > 0;
}

/** A join by its reference, with who joined and the unit's first proposal (for the competition). */
export async function joinByRef(db: Db, ref: string) {
  return db.unitJoin.findUnique({
    where: { ref },
    select: {
      unitId: true,
      contactId: true,
      contact: { select: { displayName: true } },
    },
  });
}

/** The unit's proposals (to find the competitions whose secretariat may act on it). */
export async function unitProposals(db: Db, unitId: string) {
  return db.proposal.findMany({
    where: { unitId },
    select: { id: true, code: true, competitionId: true, unit: { select: { name: true } } },
  });
}

/** Takes a person out of a unit (their drafts stay with the unit); audited. */
export async function removeFromUnit(
  db: Db,
  r: { contactId: string; unitId: string; actorId: string; ref: string },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const gone = await tx.membership.deleteMany({ where: { contactId: r.contactId, unitId: r.unitId } });
    await tx.unitJoin.deleteMany({ where: { contactId: r.contactId, unitId: r.unitId } });
    if (gone.count === 0) return false;
    await tx.auditLog.create({
      data: {
        actorId: r.actorId,
        action: "unit.remove",
        subject: r.contactId,
        details: { unitId: r.unitId, ref: r.ref },
      },
      select: { id: true },
    });
    return true;
  });
}

/** Gives a proposal a new code (the old one stops working); false when the code is taken. */
export async function changeProposalCode(
  db: Db,
  c: { proposalId: string; from: string; to: string; actorId: string | null },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const clash = await tx.proposal.count({ where: { code: c.to } });
    if (clash > 0) return false;
    const r = await tx.proposal.updateMany({
      where: { id: c.proposalId, code: c.from },
      data: { code: c.to },
    });
    if (r.count === 0) return false;
    await tx.auditLog.create({
      data: {
        actorId: c.actorId,
        action: "code.rotate",
        subject: c.to,
        details: { from: c.from, via: c.actorId ? "chat" : "cli" },
      },
      select: { id: true },
    });
    return true;
  });
}

/** The channels a contact has accounts on, and whether it holds any staff role. */
export async function accountsOf(db: Db, contactId: string) {
  const c = await db.contact.findUnique({
    where: { id: contactId },
    select: {
      displayName: true,
      identities: { select: { channel: true } },
      staffRoles: { select: { competitionId: true, role: true } },
      memberships: { select: { unit: { select: { proposals: { select: { competitionId: true } } } } } },
    },
  });
  if (!c) return undefined;
  return {
    displayName: c.displayName,
    channels: c.identities
      .map((i) => i.channel)
      .filter((ch): ch is "telegram" | "whatsapp" => ch === "telegram" || ch === "whatsapp"),
    roles: c.staffRoles.map((r) => `${r.competitionId}:${r.role}`),
    competitionIds: [
      ...new Set([
        ...c.staffRoles.map((r) => r.competitionId),
        ...c.memberships.flatMap((m) => m.unit.proposals.map((p) => p.competitionId)),
      ]),
    ],
  };
}

/** Some competition for an outbox row about a person who belongs to none yet (the newest). */
export async function anyCompetitionId(db: Db): Promise<string | undefined> {
  const c = await db.competition.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true } });
  return c?.id;
}
