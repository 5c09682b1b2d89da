import { html } from "hono/html";
import {
  AUDIENCE_VERSION,
  type Audience,
  type AudienceFilter,
  PUSH_CHANNELS,
} from "../../core/broadcast/audienceSchema.ts";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { Html } from "./layout.ts";
import type { Ctx } from "./types.ts";

type Fields = Record<string, string | string[] | undefined>;

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (s): s is string => typeof s === "string" && s.trim() !== "",
  );

/** The audience of the compose form's fields (stages, groups, categories, regions, incomplete, channel). */
export function audienceFromFields(f: Fields): Audience {
  const filters: AudienceFilter[] = [];
  for (const value of list(f.stage)) filters.push({ kind: "stage", value });
  for (const value of list(f.group)) filters.push({ kind: "group", value });
  for (const value of list(f.category)) filters.push({ kind: "category", value });
  for (const value of list(f.region)
    .flatMap((r) => r.split(","))
    .map((r) => r.trim())
    .filter(Boolean))
    filters.push({ kind: "region", value: value.slice(0, 200) });
  if (list(f.incomplete).includes("1")) filters.push({ kind: "incomplete" });
  const ch = list(f.channel)[0];
  if (ch && (PUSH_CHANNELS as readonly string[]).includes(ch))
    filters.push({ kind: "channel", value: ch as "telegram" });
  return { version: AUDIENCE_VERSION, filters: filters.slice(0, 50) };
}

/** The audience checkboxes and fields of the compose form. */
export function audienceFields(c: Ctx, template: Template, f: Fields): Html {
  const t = c.get("t");
  const locale = c.get("locale");
  const on = (name: string, v: string) => (list(f[name]).includes(v) ? "checked" : "");
  const boxes = (name: string, legend: string, items: { key: string; label: string }[]) =>
    html`<fieldset><legend>${legend}</legend>${items.map(
      (i) =>
        html`<label class="check"><input type="checkbox" name="${name}" value="${i.key}" ${on(name, i.key)} />${i.label}</label>`,
    )}</fieldset>`;
  return html`<fieldset class="sec"><legend>${t.audience}</legend>
${boxes(
  "stage",
  t.stage,
  template.stages.map((s) => ({ key: s.key, label: s.label[locale] })),
)}
${boxes(
  "group",
  t.group,
  template.groups.map((g) => ({ key: g.key, label: g.name[locale] })),
)}
${boxes(
  "category",
  t.category,
  template.categories.map((g) => ({ key: g.key, label: g.name[locale] })),
)}
<label>${t.region}<input type="text" name="region" value="${list(f.region).join(", ")}" placeholder="Jawa Tengah, Bali" /></label>
<label class="check"><input type="checkbox" name="incomplete" value="1" ${on("incomplete", "1")} />${t.incompleteOnly}</label>
<label>${t.channel}<select name="channel"><option value="">${t.all}</option>${PUSH_CHANNELS.map(
    (ch) =>
      html`<option value="${ch}" ${list(f.channel)[0] === ch ? "selected" : ""}>${ch === "telegram" ? "Telegram" : "WhatsApp"}</option>`,
  )}</select></label>
</fieldset>`;
}
