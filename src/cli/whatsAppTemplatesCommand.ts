import {
  parseTemplateSpecs,
  TemplateSettingError,
  validateCloudTemplates,
} from "../app/whatsapp/cloudTemplateSettings.ts";
import { createGraphClient, type GraphClient } from "../channels/whatsapp-cloud/createGraphClient.ts";
import { createConfig } from "../config.ts";
import { type CloudTemplates, INITIATED_PURPOSES } from "../core/whatsapp/cloudTemplates.ts";
import { recordAudit } from "../db/queries/audit.ts";
import { newestSlugNamed } from "../db/queries/competitions.ts";
import { cloudTemplatesBySlug, saveCloudTemplates } from "../db/queries/whatsAppTemplates.ts";
import { type CliIo, UsageError, withDatabase } from "./cliContext.ts";

/** The Graph API client when the Cloud API is configured with a business account id. */
export function graphForValidation(io: CliIo): GraphClient | undefined {
  const c = createConfig(io.env).whatsappCloud;
  return c.enabled && c.businessAccountId ? createGraphClient(c) : undefined;
}

/**
 * `klinik whatsapp templates <competition> [--set purpose=name:lang …] [--clear]`: shows or sets
 * which approved templates carry announcements, reminders and notifications outside the window.
 */
export async function whatsappTemplates(
  io: CliIo,
  slug: string | undefined,
  o: { set?: string[]; clear?: boolean },
  graph: GraphClient | undefined = graphForValidation(io),
): Promise<void> {
  if (!slug) throw new UsageError("whatsapp templates needs a competition slug");
  await withDatabase(io, async ({ prisma: db }) => {
    const stored = await cloudTemplatesBySlug(db, slug);
    if (!stored) throw new UsageError(`unknown competition "${slug}"`);
    if (o.clear || o.set?.length) {
      let next = o.clear ? {} : stored;
      if (o.set?.length) {
        try {
          const { templates, notes } = await validateCloudTemplates(parseTemplateSpecs(o.set), graph);
          next = { ...next, ...templates };
          for (const n of notes) io.out(`note: ${n}`);
        } catch (e) {
          if (e instanceof TemplateSettingError) throw new UsageError(e.message);
          throw e;
        }
      }
      await saveCloudTemplates(db, slug, next);
      await recordAudit(db, { action: "competition.whatsapp_templates", subject: slug, details: next });
    }
    const now: CloudTemplates = (await cloudTemplatesBySlug(db, slug)) ?? {};
    for (const p of INITIATED_PURPOSES) {
      const t = now[p];
      io.out(
        `${p}: ${t ? `${t.name} (${t.language}, ${t.params} parameter${t.params === 1 ? "" : "s"})` : "(none: plain messages inside the 24-hour window only)"}`,
      );
    }
  });
}

/** `competition create --whatsapp-template …`: checked before the competition is created. */
export async function checkTemplateSpecs(
  io: CliIo,
  specs: readonly string[],
  graph: GraphClient | undefined = graphForValidation(io),
): Promise<void> {
  try {
    await validateCloudTemplates(parseTemplateSpecs(specs), graph);
  } catch (e) {
    if (e instanceof TemplateSettingError) throw new UsageError(`--whatsapp-template: ${e.message}`);
    throw e;
  }
}

/** Stores the checked templates on the competition just created under that name. */
export async function applyTemplateSpecs(io: CliIo, name: string, specs: readonly string[]): Promise<void> {
  const slug = await withDatabase(io, ({ prisma: db }) => newestSlugNamed(db, name));
  if (slug) await whatsappTemplates(io, slug, { set: [...specs] });
}
