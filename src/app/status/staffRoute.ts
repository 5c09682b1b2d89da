import { statusTexts } from "../../core/i18n/statusTexts.ts";
import type { OutgoingMessage } from "../../core/messages.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import { competitionIdBySlug } from "../../db/queries/competitions.ts";
import { loadProposalRows } from "../../db/queries/proposalRows.ts";
import { loadAccess } from "../access.ts";
import { Composer } from "../pipeline/Composer.ts";
import type { ContactView } from "../resolveContact.ts";
import { renderRekap, summarize } from "./report.ts";
import type { RouteKit } from "./routeKit.ts";
import { notifyStageChange, setStage } from "./setStage.ts";

const FORCE_FLAGS = new Set(["--force", "--paksa", "paksa!", "-f"]);

/** The secretariat's chat commands: /tahap <kode> <tahap> [catatan] and /rekap [slug]. */
export function staffRoute(kit: RouteKit): Composer {
  const { db } = kit;

  function stageList(template: Template | undefined, contact: ContactView): string {
    return (template?.stages ?? [])
      .map((s, i) => `${i + 1}. ${s.key} (${s.label[contact.locale]})`)
      .join("\n");
  }

  async function tahap(contact: ContactView, args: string[]): Promise<OutgoingMessage[]> {
    const t = statusTexts(contact.locale);
    // Only the secretariat gets here: the registry's access middleware refused everyone else.
    // Which proposals: setStage's mayChange (secretariat of the proposal's competition).
    const access = await loadAccess(db, contact.id);
    const force = args.some((a) => FORCE_FLAGS.has(a.toLowerCase()));
    const [code, stage, ...note] = args.filter((a) => !FORCE_FLAGS.has(a.toLowerCase()));
    if (!code || !stage)
      return [{ text: [t.tahapUsage(stageList(await kit.templateOf(access.secretariatOf[0]!), contact))] }];
    const r = await setStage(db, kit.templateOf, {
      code,
      stage,
      note: note.join(" "),
      force,
      actor: { actorId: contact.id, via: "chat" },
      mayChange: access.canSetStage,
    });
    const label = (template: Template | undefined, key: string) =>
      template?.stages.find((s) => s.key === key)?.label[contact.locale] ?? key;
    switch (r.kind) {
      case "notFound":
        return [{ text: [t.codeNotFound] }];
      case "unknownStage":
        return [{ text: [t.unknownStage(stage, stageList(r.template, contact))] }];
      case "same":
        return [{ text: [t.sameStage(r.code, label(await kit.templateOf(r.competitionId), r.stage))] }];
      case "backwards": {
        const template = await kit.templateOf(r.competitionId);
        return [{ text: [t.backwards(r.code, label(template, r.from), label(template, r.to))] }];
      }
      case "changed": {
        kit.logger.info(
          { code: r.change.code, from: r.change.from, to: r.change.to, actorId: contact.id },
          "stage changed in chat",
        );
        const notified = await notifyStageChange(kit.notifier, kit.templateOf, r.change, contact.id);
        return [
          {
            text: [
              t.stageSet(
                r.change.code,
                label(await kit.templateOf(r.change.competitionId), r.change.to),
                notified,
              ),
            ],
          },
        ];
      }
    }
  }

  async function rekap(contact: ContactView, slug: string | undefined): Promise<OutgoingMessage[]> {
    const t = statusTexts(contact.locale);
    // Only the secretariat gets here: the registry's access middleware refused everyone else.
    const access = await loadAccess(db, contact.id);
    let ids = access.secretariatOf.filter(access.canReport);
    if (slug) {
      const competitionId = await competitionIdBySlug(db, slug);
      ids = ids.filter((id) => id === competitionId);
      if (ids.length === 0) return [{ text: [t.rekapNone] }];
    }
    const out: OutgoingMessage[] = [];
    for (const id of ids) {
      const template = await kit.templateOf(id);
      if (!template) continue;
      const { timezone } = await kit.timelineOf(id);
      const now = kit.clock();
      const report = summarize(await loadProposalRows(db, id), template, now);
      out.push({ text: [renderRekap(await kit.competitionName(id), report, contact.locale, timezone, now)] });
    }
    return out.length ? out : [{ text: [t.rekapNone] }];
  }

  return new Composer()
    .command("tahap", ({ contact, command }) => tahap(contact, command!.args))
    .command("rekap", ({ contact, command }) => rekap(contact, command!.args[0]));
}
