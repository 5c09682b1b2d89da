import type { PushChannel } from "../../core/broadcast/audienceSchema.ts";
import type { ComposeOption } from "../../core/broadcast/composeState.ts";
import { broadcastTexts } from "../../core/i18n/broadcastTexts.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";

export type SubKind = "stage" | "group" | "region" | "channel";

/**
 * The second-level choices of /umumkan with the number of proposals behind each, only those that
 * reach someone: stages in template order, groups then categories, regions by size.
 */
export async function composeOptions(
  db: Db,
  kind: SubKind,
  ctx: {
    competitionId: string;
    template: Template | undefined;
    locale: Locale;
    channels: readonly PushChannel[];
  },
): Promise<ComposeOption[]> {
  const t = broadcastTexts(ctx.locale);
  const where = { competitionId: ctx.competitionId };
  const label = (text: string, n: number) => t.optionWithCount(text, n);
  switch (kind) {
    case "stage": {
      const rows = await db.proposal.groupBy({ by: ["stage"], where, _count: { _all: true } });
      const order = (key: string) => {
        const i = ctx.template?.stages.findIndex((s) => s.key === key) ?? -1;
        return i < 0 ? Number.MAX_SAFE_INTEGER : i;
      };
      return rows
        .sort((a, b) => order(a.stage) - order(b.stage) || a.stage.localeCompare(b.stage))
        .map((r) => ({
          label: label(
            ctx.template?.stages.find((s) => s.key === r.stage)?.label[ctx.locale] ?? r.stage,
            r._count._all,
          ),
          filter: { kind: "stage", value: r.stage },
        }));
    }
    case "group": {
      const groups = await db.proposal.groupBy({
        by: ["group"],
        where: { ...where, group: { not: "" } },
        _count: { _all: true },
      });
      const categories = await db.proposal.groupBy({
        by: ["category"],
        where: { ...where, category: { not: "" } },
        _count: { _all: true },
      });
      const name = (list: Template["groups"] | undefined, key: string) =>
        list?.find((x) => x.key === key)?.name[ctx.locale] ?? key;
      return [
        ...groups
          .sort((a, b) => a.group.localeCompare(b.group))
          .map(
            (r): ComposeOption => ({
              label: label(name(ctx.template?.groups, r.group), r._count._all),
              filter: { kind: "group", value: r.group },
            }),
          ),
        ...categories
          .sort((a, b) => a.category.localeCompare(b.category))
          .map(
            (r): ComposeOption => ({
              label: label(t.categoryOption(name(ctx.template?.categories, r.category)), r._count._all),
              filter: { kind: "category", value: r.category },
            }),
          ),
      ];
    }
    case "region": {
      const rows = await db.$queryRaw<{ region: string; n: bigint | number }[]>`
        SELECT btrim(u.region) AS region, count(*) AS n
        FROM "Proposal" p JOIN "Unit" u ON u.id = p."unitId"
        WHERE p."competitionId" = ${ctx.competitionId} AND btrim(u.region) <> ''
        GROUP BY btrim(u.region) ORDER BY count(*) DESC, btrim(u.region) LIMIT 30`;
      return rows.map((r) => ({
        label: label(r.region, Number(r.n)),
        filter: { kind: "region", value: r.region },
      }));
    }
    case "channel":
      return ctx.channels.map((c) => ({
        label: c === "telegram" ? "Telegram" : "WhatsApp",
        filter: { kind: "channel", value: c },
      }));
  }
}
