import { auditActor, auditDetails } from "../../core/audit/describeAudit.ts";
import { auditTexts } from "../../core/i18n/auditTexts.ts";
import { formatDay } from "../../core/i18n/statusTexts.ts";
import { listAudit, proposalRef } from "../../db/queries/audit.ts";
import { loadAccess } from "../access.ts";
import { Composer } from "../pipeline/Composer.ts";
import type { RouteKit } from "./routeKit.ts";

const SHOWN = 20;

/**
 * /audit [kode]: the secretariat sees who did what and when in their competitions (stage changes,
 * imports, releases, announcements, refused access), chat actions by name, CLI ones by operator.
 */
export function auditRoute(kit: RouteKit): Composer {
  const { db } = kit;
  return new Composer().command("audit", async ({ contact, command }) => {
    const ref = command!.args[0];
    const t = auditTexts(contact.locale);
    // Only the secretariat gets here: the registry's access middleware refused everyone else.
    const access = await loadAccess(db, contact.id);
    let proposal: { id: string; code: string } | undefined;
    if (ref) {
      const found = await proposalRef(db, ref);
      if (!found || !access.isSecretariat(found.competitionId))
        return [{ text: [t.notFound(ref.toUpperCase())] }];
      proposal = { id: found.id, code: found.code };
    }
    const lists = await Promise.all(
      access.secretariatOf.map((competitionId) => listAudit(db, { competitionId, proposal, limit: SHOWN })),
    );
    const rows = [...new Map(lists.flat().map((r) => [r.id, r])).values()]
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, SHOWN);
    if (rows.length === 0) return [{ text: [t.none] }];
    const { timezone } = await kit.timelineOf(access.secretariatOf[0]!);
    const time = new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit", timeZone: timezone });
    const lines = rows.map((r) => {
      const who = auditActor(r);
      const by = who.kind === "cli" ? t.byCli(who.name) : who.kind === "chat" ? who.name : t.bySystem;
      const details = auditDetails(r.details, 80);
      return `• ${formatDay(contact.locale, r.at, timezone, kit.clock())} ${time.format(r.at)} · ${by} · ${t.action(r.action)}${r.subject ? ` ${r.subject}` : ""}${details ? ` (${details})` : ""}`;
    });
    return [{ text: [[t.header(rows.length), ...lines].join("\n")] }];
  });
}
