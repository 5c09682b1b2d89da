import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db, Tx } from "../../db/createDatabase.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import {
  createImportedProposal,
  proposalCodeTaken,
  setProposalGrouping,
  unitProposalByTitle,
} from "../../db/queries/proposals.ts";
import { addMembership, upsertUnit } from "../../db/queries/units.ts";
import { isUniqueViolation } from "../../db/sql.ts";
import { newProposalCode } from "../codes.ts";
import type { CompetitionData } from "./competitionData.ts";
import { findOrCreateContact, normalizePhone, normalizeUsername, type PersonRef } from "./contactIdentity.ts";
import { type RowError, TableImportError, type TableRow } from "./readTable.ts";

type UnitKind = "KL" | "PEMDA" | "BUMN" | "BUMD";

/** Accepted header spellings of a units sheet (Indonesian and English). */
export const UNIT_COLUMNS = {
  unit: ["unit kerja", "nama unit", "unit name", "unit pelayanan"],
  instansi: ["institution", "agency", "nama instansi"],
  kind: ["jenis", "jenis instansi", "type"],
  region: ["wilayah", "daerah", "provinsi"],
  title: ["proposal title", "judul", "judul proposal", "judul inovasi", "proposal"],
  group: ["kelompok"],
  category: ["kategori"],
  names: ["contact names", "contact name", "nama kontak", "kontak", "contacts", "nama"],
  phones: [
    "phone numbers",
    "phone number",
    "phone",
    "phones",
    "nomor hp",
    "no hp",
    "telepon",
    "nomor telepon",
    "whatsapp",
  ],
  usernames: ["telegram usernames", "telegram username", "telegram", "username telegram", "username"],
} as const;

export const UNIT_REQUIRED = ["unit", "title"] as const;

interface UnitRow {
  row: number;
  unit: string;
  instansi: string;
  kind?: UnitKind;
  region: string;
  title: string;
  group: string;
  category: string;
  people: PersonRef[];
}

export interface UnitsImportResult {
  proposals: { code: string; unit: string; title: string; created: boolean }[];
  contactsCreated: number;
  membershipsAdded: number;
}

const KINDS: Record<string, UnitKind> = { kl: "KL", "k/l": "KL", pemda: "PEMDA", bumn: "BUMN", bumd: "BUMD" };

/**
 * `klinik units import`: one row per proposal (unit, instansi, kind, region, title, group,
 * category, contacts separated by ";"). All rows are checked first; then everything is applied
 * in one transaction. Re-importing a sheet updates instead of duplicating (a proposal is the
 * same when its unit and title are).
 */
export async function importUnits(
  db: Db,
  competition: CompetitionData,
  rows: TableRow[],
  actorId?: string,
): Promise<UnitsImportResult> {
  const errors: RowError[] = [];
  const parsed: UnitRow[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const u = parseRow(r, competition.template, errors);
    if (!u) continue;
    const key = `${u.unit.toLowerCase()}|${u.instansi.toLowerCase()}|${u.title.toLowerCase()}`;
    const dup = seen.get(key);
    if (dup !== undefined)
      errors.push({ row: r.row, column: "title", reason: `same unit and title as row ${dup}` });
    else seen.set(key, r.row);
    parsed.push(u);
  }
  if (errors.length) throw new TableImportError(`${errors.length} problem(s); nothing was imported`, errors);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => apply(tx, competition, parsed, actorId), {
        timeout: 600_000,
        maxWait: 30_000,
      });
    } catch (e) {
      // A proposal code taken at the same moment by a chat registration: run again with new codes.
      if (isUniqueViolation(e) && attempt < 3) continue;
      throw e;
    }
  }
}

function parseRow({ row, cells }: TableRow, template: Template, errors: RowError[]): UnitRow | undefined {
  const before = errors.length;
  const err = (column: string, reason: string) => errors.push({ row, column, reason });
  const unit = cells.unit ?? "";
  const title = cells.title ?? "";
  if (!unit) err("unit", "unit is empty");
  if (!title) err("title", "proposal title is empty");
  const kindRaw = (cells.kind ?? "").toLowerCase().replace(/\s+/g, "");
  const kind = kindRaw ? KINDS[kindRaw] : undefined;
  if (kindRaw && !kind) err("kind", `"${cells.kind}" is not one of K/L, Pemda, BUMN, BUMD`);
  const option = (column: "group" | "category", options: Template["groups"]) => {
    const raw = (cells[column] ?? "").trim().toLowerCase();
    if (!raw) {
      if (column === "group" && options.length > 1)
        err(column, `group is empty (one of ${options.map((o) => o.key).join(", ")})`);
      return column === "group" && options.length === 1 ? options[0]!.key : "";
    }
    const hit = options.find(
      (o) => o.key === raw || o.name.id.toLowerCase() === raw || o.name.en.toLowerCase() === raw,
    );
    if (!hit)
      err(
        column,
        `"${cells[column]}" is not a ${column} of this competition (${options.map((o) => o.key).join(", ") || "none"})`,
      );
    return hit?.key ?? "";
  };
  const group = option("group", template.groups);
  const category = option("category", template.categories);
  const split = (v: string | undefined) => (v ?? "").split(/[;\n]/).map((s) => s.trim());
  const names = split(cells.names);
  const phones = split(cells.phones);
  const usernames = split(cells.usernames);
  const people: PersonRef[] = [];
  for (let i = 0; i < Math.max(names.length, phones.length, usernames.length); i++) {
    const phone = phones[i] ? normalizePhone(phones[i]!) : undefined;
    if (phones[i] && !phone) err("phones", `"${phones[i]}" is not a phone number`);
    const username = usernames[i] ? normalizeUsername(usernames[i]!) : undefined;
    if (usernames[i] && !username) err("usernames", `"${usernames[i]}" is not a Telegram username`);
    if (phone || username) people.push({ phone, username, name: names[i] || undefined });
  }
  if (errors.length > before) return undefined;
  return {
    row,
    unit,
    instansi: cells.instansi ?? "",
    kind,
    region: cells.region ?? "",
    title,
    group,
    category,
    people,
  };
}

async function apply(
  tx: Tx,
  competition: CompetitionData,
  rows: UnitRow[],
  actorId?: string,
): Promise<UnitsImportResult> {
  const firstStage = competition.template.stages[0]!.key;
  const taken = new Set<string>();
  const result: UnitsImportResult = { proposals: [], contactsCreated: 0, membershipsAdded: 0 };
  for (const r of rows) {
    const unitId = await upsertUnit(tx, {
      name: r.unit,
      instansi: r.instansi,
      kind: r.kind,
      region: r.region,
    });
    const existing = await unitProposalByTitle(tx, competition.id, unitId, r.title);
    if (existing) {
      await setProposalGrouping(tx, existing.id, { group: r.group, category: r.category });
      result.proposals.push({ code: existing.code, unit: r.unit, title: r.title, created: false });
    } else {
      const code = await freshCode(tx, taken);
      await createImportedProposal(tx, {
        code,
        competitionId: competition.id,
        unitId,
        title: r.title,
        group: r.group,
        category: r.category,
        stage: firstStage,
        actorId,
      });
      result.proposals.push({ code, unit: r.unit, title: r.title, created: true });
    }
    for (const person of r.people) {
      const c = await findOrCreateContact(tx, person);
      if (c.created) result.contactsCreated++;
      result.membershipsAdded += await addMembership(tx, c.id, unitId);
    }
  }
  await recordAudit(tx, {
    actorId,
    action: "units.import",
    subject: competition.slug,
    details: {
      rows: rows.length,
      proposalsCreated: result.proposals.filter((p) => p.created).length,
      contactsCreated: result.contactsCreated,
      membershipsAdded: result.membershipsAdded,
    },
  });
  return result;
}

async function freshCode(tx: Tx, taken: Set<string>): Promise<string> {
  for (;;) {
    const code = newProposalCode();
    if (taken.has(code)) continue;
    if (await proposalCodeTaken(tx, code)) continue;
    taken.add(code);
    return code;
  }
}
