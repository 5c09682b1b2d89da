import { resolve } from "node:path";
import { seedDemo } from "../app/seedDemo.ts";
import { loadTemplates } from "../core/templates/loadTemplates.ts";
import { recordAudit } from "../db/queries/audit.ts";
import { competitionIdBySlug, createCompetition, listCompetitions } from "../db/queries/competitions.ts";
import { type CliIo, UsageError, withDatabase } from "./cliContext.ts";
import { provisionalLines } from "./provisionalNotes.ts";

export const TEMPLATES_DIR = resolve(import.meta.dirname, "../../prompts/templates");

export async function competitionList(io: CliIo): Promise<void> {
  await withDatabase(io, async (db) => {
    const rows = await listCompetitions(db.prisma);
    if (rows.length === 0)
      io.out(
        "No competitions yet. Create one with: klinik competition create --template <id> --name <text> --deadline <date>",
      );
    for (const r of rows) {
      const deadline = (r.timeline as Record<string, string>).submission_deadline ?? "-";
      io.out(
        `${r.slug}\t${r.isOpen ? "open" : "closed"}\t${r.templateId}\tdeadline ${deadline.slice(0, 10)}\t${r.proposals} proposals\t${r.name}`,
      );
    }
  });
}

export async function competitionCreate(
  io: CliIo,
  opts: { template?: string; name?: string; deadline?: string; slug?: string; force?: boolean },
  now: Date = new Date(),
): Promise<void> {
  if (!opts.template || !opts.name || !opts.deadline)
    throw new UsageError("competition create needs --template <id> --name <text> --deadline <YYYY-MM-DD>");
  const templates = loadTemplates(TEMPLATES_DIR);
  const template = templates.get(opts.template);
  if (!template)
    throw new UsageError(`unknown template "${opts.template}"; bundled: ${[...templates.keys()].join(", ")}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(opts.deadline);
  const deadline = m ? new Date(`${opts.deadline}T23:59:00+07:00`) : undefined;
  if (!deadline || Number.isNaN(deadline.getTime()))
    throw new UsageError(`--deadline must be a date such as 2027-05-06 (got "${opts.deadline}")`);
  // A past deadline is almost always a typo; created anyway (--force), it is closed from the start.
  const past = deadline.getTime() <= now.getTime();
  if (past && !opts.force)
    throw new UsageError(
      `--deadline ${opts.deadline} has passed; check the date, or pass --force to create the competition closed (no new proposals)`,
    );
  const slug =
    opts.slug ??
    opts.name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60);
  await withDatabase(io, async (db) => {
    if ((await competitionIdBySlug(db.prisma, slug)) !== undefined)
      throw new UsageError(`a competition with slug "${slug}" exists; pass --slug <other>`);
    await createCompetition(db.prisma, {
      slug,
      name: opts.name!,
      templateId: template.id,
      template,
      timeline: { submission_deadline: deadline.toISOString() },
      isOpen: !past,
    });
    await recordAudit(db.prisma, {
      action: "competition.create",
      subject: slug,
      details: { template: template.id },
    });
    io.out(
      `Created competition ${slug} from ${template.id}, deadline ${opts.deadline} 23:59 WIB${past ? " (passed: created closed)" : ""}.`,
    );
    for (const line of provisionalLines(template)) io.out(line);
  });
}

export async function seedDemoCommand(io: CliIo): Promise<void> {
  const template = loadTemplates(TEMPLATES_DIR).get("kipp-2023-umum")!;
  await withDatabase(io, async (db) => {
    const r = await seedDemo(db.prisma, template);
    io.out(r.created ? "Demo competition created." : "Demo competition already exists.");
  });
}
