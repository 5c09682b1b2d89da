import { mayUse } from "../../core/commands/registry.ts";
import { pipelineTexts } from "../../core/i18n/pipelineTexts.ts";
import type { Db } from "../../db/createDatabase.ts";
import { recordDenied } from "../../db/queries/audit.ts";
import type { Middleware } from "./Composer.ts";

/**
 * The access check of every command, from its registry role: a participant's /tahap, /rekap,
 * /umumkan or /laporan is refused politely and audited before any handler runs. Per-competition
 * rules (secretariat of which competition) stay with the use case.
 */
export function commandAccess(deps: { db: Db }): Middleware {
  return async (ctx, next) => {
    const spec = ctx.command?.spec;
    if (!spec || mayUse(spec, ctx.role)) return next();
    await recordDenied(deps.db, ctx.contact.id, spec.name, ctx.command?.args[0]?.slice(0, 40) ?? "");
    return [{ text: [pipelineTexts(ctx.contact.locale).onlySecretariat] }];
  };
}
