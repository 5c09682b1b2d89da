import { html } from "hono/html";
import type { Template } from "../../core/templates/templateSchema.ts";
import type { GridFilter } from "./gridFilter.ts";
import type { Html } from "./layout.ts";
import type { Ctx } from "./types.ts";

/** The grid's GET filter form (region, stage, incomplete, inactive days, sort). */
export function gridFilterForm(c: Ctx, template: Template, regions: string[], f: GridFilter): Html {
  const t = c.get("t");
  const locale = c.get("locale");
  return html`<form class="inline" method="get" role="search" aria-label="${t.filter}">
<label>${t.region}<select name="region"><option value="">${t.all}</option>${regions.map(
    (r) => html`<option value="${r}" ${r === f.region ? "selected" : ""}>${r}</option>`,
  )}</select></label>
<label>${t.stage}<select name="stage"><option value="">${t.all}</option>${template.stages.map(
    (s) => html`<option value="${s.key}" ${s.key === f.stage ? "selected" : ""}>${s.label[locale]}</option>`,
  )}</select></label>
<label class="check"><input type="checkbox" name="incomplete" value="1" ${f.incomplete ? "checked" : ""} />${t.onlyIncomplete}</label>
<label>${t.inactiveDays}<input type="number" name="inactive" min="0" max="9999" value="${f.inactiveDays ?? ""}" /></label>
<label>${t.sort}<select name="sort">
<option value="code" ${f.sort === "code" ? "selected" : ""}>${t.sortCode}</option>
<option value="readiness" ${f.sort === "readiness" ? "selected" : ""}>${t.sortReadiness}</option>
<option value="activity" ${f.sort === "activity" ? "selected" : ""}>${t.sortActivity}</option>
</select></label>
<button type="submit">${t.apply}</button></form>`;
}

/** Target stage, note and force for moving the ticked proposals. */
export function stageMoveControls(c: Ctx, template: Template): Html {
  const t = c.get("t");
  const locale = c.get("locale");
  return html`<fieldset class="inline"><legend>${t.moveSelected}</legend><div class="inline" style="display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end">
<label>${t.toStage}<select name="stage" required>${template.stages.map(
    (s) => html`<option value="${s.key}">${s.label[locale]}</option>`,
  )}</select></label>
<label>${t.note}<input type="text" name="note" maxlength="500" /></label>
<label class="check"><input type="checkbox" name="force" value="1" />${t.force}</label>
<button type="submit">${t.move}</button></div></fieldset>`;
}
