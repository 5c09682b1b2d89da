import type { Template } from "../core/templates/templateSchema.ts";
import type { Db } from "../db/createDatabase.ts";
import { competitionIdBySlug, createCompetition } from "../db/queries/competitions.ts";

const DAY = 86_400_000;

/**
 * One open demo competition so a fresh `npm start` is usable at once: KIPP 2023 Kelompok Umum
 * with a timeline around today (registration open, upload deadline in 30 days).
 */
export async function seedDemo(db: Db, template: Template, now = new Date()): Promise<{ created: boolean }> {
  const slug = `demo-${template.id}`;
  if ((await competitionIdBySlug(db, slug)) !== undefined) return { created: false };
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  await createCompetition(db, {
    slug,
    name: `${template.name.id} (demo)`,
    templateId: template.id,
    template,
    timeline: {
      registration_open: at(-14),
      submission_deadline: at(30),
      administrative_check: at(33),
      desk_evaluation: at(40),
      announcement: at(60),
    },
    isOpen: true,
  });
  return { created: true };
}
