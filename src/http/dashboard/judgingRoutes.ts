import { randomUUID } from "node:crypto";
import type { Hono } from "hono";
import { html } from "hono/html";
import { HTTPException } from "hono/http-exception";
import { createAnnouncement } from "../../app/broadcast/createAnnouncement.ts";
import type { CompetitionData } from "../../app/status/competitionData.ts";
import { EVERYONE } from "../../core/broadcast/audienceSchema.ts";
import { dashboardChatTexts } from "../../core/i18n/dashboardChatTexts.ts";
import { balanceAssignments } from "../../core/scoring/balanceAssignments.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import {
  addAssignments,
  addConflict,
  assignmentsOfCompetition,
  conflictsOf,
} from "../../db/queries/judgeAssignments.ts";
import { proposalIdsByCodes, proposalsAtStage } from "../../db/queries/proposals.ts";
import { judgesOf, pushIdentities } from "../../db/queries/staffRoles.ts";
import { compBase, competitionFor } from "./guard.ts";
import { competitionNav, csrfField, page, redirectWith } from "./layout.ts";
import type { DashboardEnv, Kit } from "./types.ts";

/** The secretariat's judging desk: assignments (by hand, balanced), conflicts, progress, reminders. */
export function judgingRoutes(app: Hono<DashboardEnv>, kit: Kit): void {
  app.get("/k/:slug/juri", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const t = c.get("t");
    const locale = c.get("locale");
    const stage = scoredStage(comp, c.req.query("stage"));
    const b = compBase(kit, comp.slug);
    const [judges, assigned] = await Promise.all([
      judgesOf(kit.db, comp.id),
      assignmentsOfCompetition(kit.db, comp.id, stage),
    ]);
    const byJudge = new Map<string, { n: number; done: number }>();
    const byProposal = new Map<string, { code: string; list: string[] }>();
    for (const a of assigned) {
      const j = byJudge.get(a.judge) ?? { n: 0, done: 0 };
      j.n++;
      if (a.submittedAt) j.done++;
      byJudge.set(a.judge, j);
      const p = byProposal.get(a.proposalId) ?? { code: a.proposal.code, list: [] };
      p.list.push(`${a.judge} (${a.submittedAt ? t.submitted : t.open})`);
      byProposal.set(a.proposalId, p);
    }
    const judgeOptions = judges.map(
      (j) => html`<option value="${j.judgeRef}">${j.judgeRef}${j.name ? ` · ${j.name}` : ""}</option>`,
    );
    const stageSel = html`<input type="hidden" name="stage" value="${stage}" />`;
    const body = html`
<form class="inline" method="get"><label>${t.stage}<select name="stage">${comp.template.stages
      .filter((s) => s.scored)
      .map(
        (s) =>
          html`<option value="${s.key}" ${s.key === stage ? "selected" : ""}>${s.label[locale]}</option>`,
      )}</select></label><button type="submit">${t.apply}</button></form>
<h2>${t.progressPerJudge}</h2>
<div class="tablewrap"><table><thead><tr><th scope="col">${t.judge}</th><th scope="col">${t.assignments}</th><th scope="col">${t.submitted}</th><th scope="col">${t.progress}</th><th scope="col"></th></tr></thead><tbody>
${judges.map((j) => {
  const p = byJudge.get(j.judgeRef) ?? { n: 0, done: 0 };
  const pct = p.n ? Math.round((100 * p.done) / p.n) : 0;
  return html`<tr><th scope="row">${j.judgeRef}${j.name ? html`<br /><span class="muted">${j.name}</span>` : ""}</th><td>${p.n}</td><td>${p.done}</td><td><div class="bar" role="progressbar" aria-valuenow="${pct}" aria-valuemin="0" aria-valuemax="100" aria-label="${j.judgeRef}"><span style="width:${pct}%"></span></div> ${pct}%</td>
<td><a href="${b}/juri/lembar?stage=${stage}&judge=${encodeURIComponent(j.judgeRef)}">${t.sheetDownload}</a></td></tr>`;
})}</tbody></table></div>
<form method="post" action="${b}/juri/ingatkan">${csrfField(c)}${stageSel}<button type="submit" class="secondary">${t.remind}</button></form>
<h2>${t.assign}</h2>
<form class="inline" method="post" action="${b}/juri/tugaskan">${csrfField(c)}${stageSel}
<label>${t.judge}<select name="judge" required>${judgeOptions}</select></label>
<label>${t.code}<input type="text" name="codes" required placeholder="KP-XXXX KP-YYYY" /></label><button type="submit">${t.assign}</button></form>
<form class="inline" method="post" action="${b}/juri/otomatis">${csrfField(c)}${stageSel}
<label>${t.perProposal}<input type="number" name="per" min="1" max="10" value="2" required /></label><button type="submit">${t.autoAssign}</button></form>
<h2>${t.setConflict}</h2>
<form class="inline" method="post" action="${b}/juri/konflik">${csrfField(c)}
<label>${t.judge}<select name="judge" required>${judgeOptions}</select></label>
<label>${t.code}<input type="text" name="code" required /></label><button type="submit" class="secondary">${t.setConflict}</button></form>
<h2>${t.sheetImport}</h2>
<form class="inline" method="post" action="${b}/juri/impor" enctype="multipart/form-data">${csrfField(c)}${stageSel}
<label>${t.sheetFile}<input type="file" name="file" accept=".xlsx" required /></label><button type="submit">${t.sheetImport}</button></form>
<h2>${t.progressPerProposal}</h2>
<div class="tablewrap"><table><thead><tr><th scope="col">${t.code}</th><th scope="col">${t.judges}</th></tr></thead><tbody>
${[...byProposal.values()].sort((x, y) => x.code.localeCompare(y.code)).map((p) => html`<tr><th scope="row"><a href="${b}/p/${p.code}">${p.code}</a></th><td>${p.list.join(", ")}</td></tr>`)}
</tbody></table></div>`;
    return c.html(page(c, kit, `${t.judging} · ${comp.name}`, body, competitionNav(c, kit, comp.slug, true)));
  });

  app.post("/k/:slug/juri/tugaskan", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const t = c.get("t");
    const body = await c.req.parseBody();
    const stage = scoredStage(comp, body.stage);
    const judge = String(body.judge ?? "").trim();
    const back = `${compBase(kit, comp.slug)}/juri?stage=${stage}`;
    if (!(await judgesOf(kit.db, comp.id)).some((j) => j.judgeRef === judge))
      return redirectWith(c, back, { err: t.badInput });
    const codes = String(body.codes ?? "")
      .toUpperCase()
      .split(/[\s,;]+/)
      .filter(Boolean)
      .slice(0, 5000);
    const props = await proposalIdsByCodes(kit.db, comp.id, codes);
    const conflicted = new Set(
      (
        await conflictsOf(
          kit.db,
          props.map((p) => p.id),
        )
      )
        .filter((x) => x.judge === judge)
        .map((x) => x.proposalId),
    );
    const blocked = props.filter((p) => conflicted.has(p.id)).map((p) => t.conflictBlocked(p.code, judge));
    const n = await addAssignments(
      kit.db,
      props
        .filter((p) => !conflicted.has(p.id))
        .map((p) => ({ proposalId: p.id, judge, stage, createdById: c.get("viewer").contactId })),
    );
    await recordAudit(kit.db, {
      actorId: c.get("viewer").contactId,
      action: "judging.assign",
      subject: `${comp.slug}/${stage}`,
      details: { judge, codes: props.map((p) => p.code), created: n },
    });
    const unknown = codes.filter((x) => !props.some((p) => p.code === x));
    return redirectWith(c, back, {
      ok: t.assigned(n),
      ...(blocked.length || unknown.length
        ? { err: [...blocked, ...unknown.map((u) => `${u}: ${t.notFound}`)].join(" ") }
        : {}),
    });
  });

  app.post("/k/:slug/juri/otomatis", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const body = await c.req.parseBody();
    const stage = scoredStage(comp, body.stage);
    const per = Math.max(1, Math.min(10, Number.parseInt(String(body.per ?? "2"), 10) || 2));
    const judges = (await judgesOf(kit.db, comp.id)).map((j) => j.judgeRef);
    const proposals = await proposalsAtStage(kit.db, comp.id, stage);
    const ids = proposals.map((p) => p.id);
    const [existing, conflicts] = await Promise.all([
      assignmentsOfCompetition(kit.db, comp.id, stage),
      conflictsOf(kit.db, ids),
    ]);
    const made = balanceAssignments({
      proposals,
      judges,
      perProposal: per,
      existing: new Set(existing.map((a) => `${a.proposalId}|${a.judge}`)),
      conflicts: new Set(conflicts.map((x) => `${x.proposalId}|${x.judge}`)),
    });
    const n = await addAssignments(
      kit.db,
      made.map((m) => ({ ...m, stage, createdById: c.get("viewer").contactId })),
    );
    await recordAudit(kit.db, {
      actorId: c.get("viewer").contactId,
      action: "judging.autoAssign",
      subject: `${comp.slug}/${stage}`,
      details: { perProposal: per, created: n },
    });
    return redirectWith(c, `${compBase(kit, comp.slug)}/juri?stage=${stage}`, { ok: c.get("t").assigned(n) });
  });

  app.post("/k/:slug/juri/konflik", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const t = c.get("t");
    const body = await c.req.parseBody();
    const judge = String(body.judge ?? "").trim();
    const code = String(body.code ?? "")
      .trim()
      .toUpperCase();
    const [p] = await proposalIdsByCodes(kit.db, comp.id, [code]);
    const back = `${compBase(kit, comp.slug)}/juri`;
    if (!p || !judge) return redirectWith(c, back, { err: t.badInput });
    await addConflict(kit.db, p.id, judge);
    await recordAudit(kit.db, {
      actorId: c.get("viewer").contactId,
      action: "scores.conflict",
      subject: code,
      details: { judge, via: "dashboard", declaredBy: "secretariat" },
    });
    return redirectWith(c, back, { ok: t.conflictBlocked(code, judge) });
  });

  app.post("/k/:slug/juri/ingatkan", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const body = await c.req.parseBody();
    const stage = scoredStage(comp, body.stage);
    const open = (await assignmentsOfCompetition(kit.db, comp.id, stage)).filter((a) => !a.submittedAt);
    const openBy = new Map<string, number>();
    for (const a of open) openBy.set(a.judge, (openBy.get(a.judge) ?? 0) + 1);
    const judges = (await judgesOf(kit.db, comp.id)).filter((j) => openBy.has(j.judgeRef));
    const people = await pushIdentities(kit.db, [...new Set(judges.map((j) => j.contactId))]);
    const recipients = people.map((p) => {
      const n = judges
        .filter((j) => j.contactId === p.contactId)
        .reduce((s, j) => s + (openBy.get(j.judgeRef) ?? 0), 0);
      return { ...p, proposalIds: [], text: dashboardChatTexts(p.locale).judgeReminder(n) };
    });
    const made = recipients.length
      ? await createAnnouncement(kit.db, {
          competitionId: comp.id,
          timezone: comp.timezone,
          audience: EVERYONE,
          text: dashboardChatTexts("id").judgeReminder(open.length),
          recipients,
          scheduledAt: kit.clock(),
          createdById: c.get("viewer").contactId,
          kind: "reminder",
          dedupeKey: `judges:${comp.id}:${stage}:${randomUUID()}`,
          quiet: kit.quietHours,
        })
      : undefined;
    await recordAudit(kit.db, {
      actorId: c.get("viewer").contactId,
      action: "judging.remind",
      subject: `${comp.slug}/${stage}`,
      details: { judges: recipients.length, announcement: made?.id ?? null },
    });
    kit.onQueued?.();
    return redirectWith(c, `${compBase(kit, comp.slug)}/juri?stage=${stage}`, {
      ok: c.get("t").reminded(recipients.length),
    });
  });
}

/** The scored stage a form or query names, else the template's first scored one. */
export function scoredStage(comp: CompetitionData, raw: unknown): string {
  const scored = comp.template.stages.filter((s) => s.scored);
  const want = typeof raw === "string" ? raw : "";
  const s = scored.find((x) => x.key === want) ?? scored[0];
  if (!s) throw new HTTPException(400);
  return s.key;
}
