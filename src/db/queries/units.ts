import type { Tx } from "../createDatabase.ts";

type UnitKind = "KL" | "PEMDA" | "BUMN" | "BUMD";

/**
 * The unit with this name and instansi, created when new; kind and region are updated only when
 * given (an empty cell keeps what is stored).
 */
export async function upsertUnit(
  tx: Tx,
  u: { name: string; instansi: string; kind?: UnitKind; region: string },
): Promise<string> {
  const unit = await tx.unit.upsert({
    where: { name_instansi: { name: u.name, instansi: u.instansi } },
    create: { name: u.name, instansi: u.instansi, kind: u.kind ?? "PEMDA", region: u.region },
    update: { ...(u.kind ? { kind: u.kind } : {}), ...(u.region ? { region: u.region } : {}) },
    select: { id: true },
  });
  return unit.id;
}

/** Adds the contact to the unit; returns 0 when they were a member already. */
export async function addMembership(tx: Tx, contactId: string, unitId: string): Promise<number> {
  const m = await tx.membership.createMany({ data: [{ contactId, unitId }], skipDuplicates: true });
  return m.count;
}
