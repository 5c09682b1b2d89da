import type { PushChannel } from "../../core/broadcast/audienceSchema.ts";
import type { ComposeOption } from "../../core/broadcast/composeState.ts";
import { broadcastComposeTexts } from "../../core/i18n/broadcastComposeTexts.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Db } from "../../db/createDatabase.ts";
import {
  proposalsPerCategory,
  proposalsPerGroup,
  proposalsPerRegion,
  proposalsPerStage,
} from "../../db/queries/audience.ts";

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
  const t = broadcastComposeTexts(ctx.locale);
  const label = (text: string, n: number) => t.optionWithCount(text, n);
  switch (kind) {
    case "stage": {
      const rows = await proposalsPerStage(db, ctx.competitionId);
      const order = (key: string) => {
        const i = ctx.template?.stages.findIndex((s) => s.key === key) ?? -1;
        return i < 0 ? Number.MAX_SAFE_INTEGER : i;
      };
      return rows
        .sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key))
        .map((r) => ({
          label: label(ctx.template?.stages.find((s) => s.key === r.key)?.label[ctx.locale] ?? r.key, r.n),
          filter: { kind: "stage", value: r.key },
        }));
    }
    case "group": {
      const groups = await proposalsPerGroup(db, ctx.competitionId);
      const categories = await proposalsPerCategory(db, ctx.competitionId);
      const name = (list: Template["groups"] | undefined, key: string) =>
        list?.find((x) => x.key === key)?.name[ctx.locale] ?? key;
      return [
        ...groups
          .sort((a, b) => a.key.localeCompare(b.key))
          .map(
            (r): ComposeOption => ({
              label: label(name(ctx.template?.groups, r.key), r.n),
              filter: { kind: "group", value: r.key },
            }),
          ),
        ...categories
          .sort((a, b) => a.key.localeCompare(b.key))
          .map(
            (r): ComposeOption => ({
              label: label(t.categoryOption(name(ctx.template?.categories, r.key)), r.n),
              filter: { kind: "category", value: r.key },
            }),
          ),
      ];
    }
    case "region": {
      const rows = await proposalsPerRegion(db, ctx.competitionId);
      return rows.map((r) => ({
        label: label(r.region, r.n),
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
