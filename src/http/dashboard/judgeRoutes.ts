import type { Hono } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import { importScores } from "../../app/status/importScores.ts";
import { TableImportError } from "../../app/status/readTable.ts";
import { checkScoreValue } from "../../core/scoring/checkScoreValue.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import {
  addConflict,
  assignmentFor,
  assignmentsOfJudge,
  conflictsOf,
  judgeScores,
  markSubmitted,
  saveDraft,
} from "../../db/queries/judgeAssignments.ts";
import { compBase, competitionFor, deny, proposalFor } from "./guard.ts";
import { competitionNav, csrfField, page, redirectWith } from "./layout.ts";
import { stageName } from "./overviewRoutes.ts";
import type { DashboardEnv, Kit } from "./types.ts";

/** A judge's unsent scores (JudgeAssignment.draft), validated on read. */
const draftSchema = z.object({
  version: z.literal(1),
  values: z.record(z.string(), z.object({ value: z.string().max(20), comment: z.string().max(2000) })),
});
type Draft = z.infer<typeof draftSchema>;

function readDraft(json: unknown): Draft {
  const r = draftSchema.safeParse(json);
  return r.success ? r.data : { version: 1, values: {} };
}

/** The judge's own pages: assigned proposals, the rubric form (draft, submit), declaring a conflict. */
export function judgeRoutes(app: Hono<DashboardEnv>, kit: Kit): void {
  app.get("/k/:slug/menilai", async (c) => {
    const comp = await competitionFor(c, kit, "staff");
    const t = c.get("t");
    const locale = c.get("locale");
    const v = c.get("viewer");
    const refs = v.judgeRefs(comp.id);
    const rows = refs.length ? await assignmentsOfJudge(kit.db, comp.id, refs) : [];
    const conflicts = new Set(
      (
        await conflictsOf(
          kit.db,
          rows.map((r) => r.proposalId),
        )
      ).map((x) => `${x.proposalId}|${x.judge}`),
    );
    const mine = rows.filter((r) => !conflicts.has(`${r.proposalId}|${r.judge}`));
    const b = compBase(kit, comp.slug);
    const body = mine.length
      ? html`<div class="tablewrap"><table><thead><tr><th scope="col">${t.code}</th><th scope="col">${t.unit}</th><th scope="col">${t.title}</th><th scope="col">${t.stage}</th><th scope="col">${t.status}</th></tr></thead>
<tbody>${mine.map((r) => html`<tr><th scope="row"><a href="${b}/menilai/${r.proposal.code}">${r.proposal.code}</a></th><td>${r.proposal.unit.name}</td><td>${r.proposal.title}</td><td>${stageName(comp.template, r.stage, locale)}</td><td>${r.submittedAt ? t.submitted : t.open}</td></tr>`)}</tbody></table></div>`
      : html`<p>${t.noAssignments}</p>`;
    return c.html(
      page(
        c,
        kit,
        `${t.myAssignments} · ${comp.name}`,
        body,
        competitionNav(c, kit, comp.slug, v.isSecretariat(comp.id)),
      ),
    );
  });

  app.get("/k/:slug/menilai/:code", async (c) => {
    const comp = await competitionFor(c, kit, "staff");
    const v = c.get("viewer");
    const refs = v.judgeRefs(comp.id);
    if (refs.length === 0) return deny(c, kit, "score", c.req.param("code"));
    const { proposal } = await proposalFor(c, kit, comp);
    const a = (await assignmentFor(kit.db, proposal.id, refs))!;
    const t = c.get("t");
    const locale = c.get("locale");
    const draft = readDraft(a.draft);
    const given = await judgeScores(kit.db, { judge: a.judge, stage: a.stage, proposalIds: [proposal.id] });
    const scale = comp.template.scoreScale;
    const b = compBase(kit, comp.slug);
    const sectionTitle = (k: string) => comp.template.sections.find((s) => s.key === k)?.title[locale] ?? k;
    const body = html`<p><a href="${b}/p/${proposal.code}">${proposal.code} · ${proposal.title}</a> · ${t.stage}: ${stageName(comp.template, a.stage, locale)} · ${a.submittedAt ? t.submitted : t.open}</p>
<form method="post">${csrfField(c)}<input type="hidden" name="stage" value="${a.stage}" />
<h2>${t.rubric}</h2><p class="muted">${t.scale(scale.min, scale.max)}${scale.step ? ` (${scale.step})` : ""}</p>
${comp.template.criteria.map((cr) => {
  const d = draft.values[cr.key];
  // A correction after an appeal is a later revision: the form shows the score that counts.
  const g = given.findLast((x) => x.criterion === cr.key);
  const value = d?.value ?? (g ? String(g.value) : "");
  const comment = d?.comment ?? g?.comment ?? "";
  return html`<fieldset class="sec"><legend><strong>${cr.name[locale]}</strong> (${t.weight(cr.weight)})</legend>
<p class="muted">${t.evidence}: ${cr.sections.map(sectionTitle).join(", ")}</p>
<ul class="muted">${cr.sections.map((k) => {
    const s = comp.template.sections.find((x) => x.key === k);
    return s ? html`<li>${s.purpose[locale]}</li>` : "";
  })}</ul>
${cr.indicators?.length ? html`<ul>${cr.indicators.map((i) => html`<li>${i.name[locale]} (${t.weight(i.weight)})</li>`)}</ul>` : ""}
<label>${t.value} (${scale.min}–${scale.max})<input type="number" inputmode="decimal" name="v_${cr.key}" min="${scale.min}" max="${scale.max}" step="${scale.step ?? "any"}" value="${value}" /></label>
<label>${t.comment}<textarea name="c_${cr.key}" maxlength="2000">${comment}</textarea></label></fieldset>`;
})}
<p style="display:flex;gap:8px;flex-wrap:wrap"><button type="submit" name="action" value="draft" class="secondary">${t.saveDraft}</button><button type="submit" name="action" value="submit">${t.submit}</button></p>
</form>
<h2>${t.conflict}</h2><form method="post" action="${b}/menilai/${proposal.code}/konflik">${csrfField(c)}<button type="submit" class="secondary">${t.declareConflict}</button></form>`;
    return c.html(
      page(
        c,
        kit,
        `${t.rubric} · ${proposal.code}`,
        body,
        competitionNav(c, kit, comp.slug, v.isSecretariat(comp.id)),
      ),
    );
  });

  app.post("/k/:slug/menilai/:code", async (c) => {
    const comp = await competitionFor(c, kit, "staff");
    const v = c.get("viewer");
    const refs = v.judgeRefs(comp.id);
    if (refs.length === 0) return deny(c, kit, "score", c.req.param("code"));
    const { proposal } = await proposalFor(c, kit, comp);
    const t = c.get("t");
    const locale = c.get("locale");
    const body = await c.req.parseBody();
    const stage = typeof body.stage === "string" ? body.stage : "";
    const a = await assignmentFor(kit.db, proposal.id, refs, stage);
    if (!a) return deny(c, kit, "score", proposal.code);
    const here = `${compBase(kit, comp.slug)}/menilai/${proposal.code}`;
    const draft: Draft = { version: 1, values: {} };
    const problems: string[] = [];
    for (const cr of comp.template.criteria) {
      const value = String(body[`v_${cr.key}`] ?? "")
        .trim()
        .slice(0, 20);
      const comment = String(body[`c_${cr.key}`] ?? "")
        .trim()
        .slice(0, 2000);
      draft.values[cr.key] = { value, comment };
      const bad =
        value === ""
          ? body.action === "submit"
          : "problem" in checkScoreValue(value, comp.template.scoreScale);
      if (bad) problems.push(t.valueProblem(cr.name[locale]));
    }
    await saveDraft(kit.db, a.id, draft);
    if (problems.length) return redirectWith(c, here, { err: problems.join(" ") });
    if (body.action !== "submit") return redirectWith(c, here, { ok: t.draftSaved });
    const rows = comp.template.criteria.map((cr, i) => ({
      row: i + 1,
      cells: {
        code: proposal.code,
        judge: a.judge,
        criterion: cr.key,
        value: draft.values[cr.key]!.value,
        comment: draft.values[cr.key]!.comment,
      },
    }));
    try {
      await importScores(kit.db, comp, a.stage, rows, { actorId: v.contactId, file: "dashboard" });
    } catch (e) {
      if (e instanceof TableImportError)
        return redirectWith(c, here, {
          err: `${t.importFailed} ${e.errors.map((x) => x.reason).join("; ")}`,
        });
      throw e;
    }
    await markSubmitted(kit.db, a.id, kit.clock());
    return redirectWith(c, `${compBase(kit, comp.slug)}/menilai`, { ok: t.scoresSubmitted });
  });

  app.post("/k/:slug/menilai/:code/konflik", async (c) => {
    const comp = await competitionFor(c, kit, "staff");
    const v = c.get("viewer");
    const refs = v.judgeRefs(comp.id);
    if (refs.length === 0) return deny(c, kit, "conflict", c.req.param("code"));
    const { proposal } = await proposalFor(c, kit, comp);
    for (const judge of refs) await addConflict(kit.db, proposal.id, judge);
    await recordAudit(kit.db, {
      actorId: v.contactId,
      action: "scores.conflict",
      subject: proposal.code,
      details: { judges: refs, via: "dashboard", declaredBy: "judge" },
    });
    return redirectWith(c, `${compBase(kit, comp.slug)}/menilai`, { ok: c.get("t").conflictSaved });
  });
}
