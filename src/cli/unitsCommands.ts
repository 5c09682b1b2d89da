import { tsvCell } from "../app/exporting/formulaSafeCsv.ts";
import { competitionBySlug } from "../app/status/competitionData.ts";
import { importUnits, UNIT_COLUMNS, UNIT_REQUIRED } from "../app/status/importUnits.ts";
import { readTable } from "../app/status/readTable.ts";
import { type CliIo, UsageError, withDatabase } from "./cliContext.ts";

/** `klinik units import <file> --competition <slug>`: prints every proposal's code to hand out. */
export async function unitsImport(io: CliIo, a: { file?: string; competition?: string }): Promise<void> {
  if (!a.file) throw new UsageError("units import needs a .csv or .xlsx file");
  if (!a.competition) throw new UsageError("units import needs --competition <slug>");
  const rows = await readTable(a.file, UNIT_COLUMNS, UNIT_REQUIRED, { unknownColumns: "refuse" });
  await withDatabase(io, async ({ prisma: db }) => {
    const competition = await competitionBySlug(db, a.competition);
    const r = await importUnits(db, competition, rows);
    const created = r.proposals.filter((p) => p.created).length;
    io.out(
      `Imported ${rows.length} row(s) into ${competition.slug}: ${created} proposal(s) created, ${r.proposals.length - created} updated; ` +
        `${r.contactsCreated} contact(s) created, ${r.membershipsAdded} membership(s) added.`,
    );
    for (const p of r.proposals) io.out(`${p.code}\t${tsvCell(p.unit)}\t${tsvCell(p.title)}`);
  });
}
