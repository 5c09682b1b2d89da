import type { Hono } from "hono";
import { html } from "hono/html";
import { DOCX_MIME, loadProposalsForExport, renderExport } from "../../app/importing/exportProposal.ts";
import { checkSection } from "../../core/completeness/checkSection.ts";
import { aiLogOf, attachmentOf, attachmentsOf, loadProposalDetail } from "../../db/queries/proposalDetail.ts";
import { loadProposalRows } from "../../db/queries/proposalRows.ts";
import { proposalIdsByCodes } from "../../db/queries/proposals.ts";
import { auditDownload } from "./auditDownload.ts";
import { applyGridFilter, readGridFilter } from "./gridFilter.ts";
import { stageMoveControls } from "./gridParts.ts";
import { compBase, competitionFor, proposalFor } from "./guard.ts";
import { competitionNav, csrfField, formatDateTime, page } from "./layout.ts";
import { stageName } from "./overviewRoutes.ts";
import type { DashboardEnv, Kit } from "./types.ts";
import { zipFiles } from "./zipFiles.ts";

/** One proposal read-only (texts, findings, revisions, stages, scores, AI log), its DOCX, and a ZIP of a filter. */
export function proposalRoutes(app: Hono<DashboardEnv>, kit: Kit): void {
  app.get("/k/:slug/p/:code", async (c) => {
    const comp = await competitionFor(c, kit, "staff");
    const { proposal, asSecretariat } = await proposalFor(c, kit, comp);
    const d = (await loadProposalDetail(kit.db, comp.id, proposal.code))!;
    const t = c.get("t");
    const locale = c.get("locale");
    const tz = comp.timezone;
    const texts = Object.fromEntries(d.sections.map((s) => [s.sectionKey, s.text]));
    const ai = asSecretariat ? await aiLogOf(kit.db, d.id) : [];
    const b = compBase(kit, comp.slug);
    const conflicted = new Set(d.conflicts.map((x) => x.judge));
    const sectionTitleOf = (k: string) => comp.template.sections.find((s) => s.key === k)?.title[locale] ?? k;
    const critName = (k: string) => comp.template.criteria.find((x) => x.key === k)?.name[locale] ?? k;
    const files = await attachmentsOf(kit.db, d.id);
    const kindLabel = (k: string) =>
      k === "sk" ? t.kindSk : k === "supporting" ? t.kindSupporting : t.kindOther;
    const attachments = html`<h2>${t.attachments}</h2>${
      files.length
        ? html`<ul>${files.map((f) => html`<li><a href="${b}/p/${d.code}/lampiran/${f.id}">${f.fileName}</a> <span class="muted">(${kindLabel(f.kind)}${f.sectionKey ? ` · ${sectionTitleOf(f.sectionKey)}` : ""}, ${Math.max(1, Math.round(f.size / 1024))} KB)</span></li>`)}</ul>`
        : html`<p class="muted">${t.noAttachments}</p>`
    }`;
    const sections = comp.template.sections.map((s) => {
      const draft = d.sections.find((x) => x.sectionKey === s.key);
      const others = Object.fromEntries(Object.entries(texts).filter(([k]) => k !== s.key));
      const check = checkSection(s, draft?.text ?? "", others);
      const aiHere = ai.filter((a) => a.sectionKey === s.key);
      return html`<section class="sec" aria-labelledby="s-${s.key}"><h3 id="s-${s.key}">${s.title[locale]}
<span class="m m-${check.mark}">(${check.mark === "complete" ? t.markComplete : check.mark === "incomplete" ? t.markIncomplete : t.markEmpty})</span></h3>
${draft?.text ? html`<pre class="text">${draft.text}</pre>` : html`<p class="muted">${t.emptySection}</p>`}
<details><summary>${t.findings}</summary><ul><li>${t.words(check.words)} (${check.minWords}${check.maxWords ? `–${check.maxWords}` : "+"})</li>
${check.elements.map((e) => html`<li>${e.present ? "✅" : "⚠️"} ${e.label[locale]}: ${e.present ? t.present : t.missing}${e.evidence ? html` — “${e.evidence}”` : ""}</li>`)}
${check.throwaway ? html`<li>⚠️ ${check.throwaway.tip[locale]}</li>` : ""}</ul></details>
${
  asSecretariat
    ? html`<details><summary>${t.revisions} (${draft?.revisions.length ?? 0})</summary>${
        draft?.revisions.length
          ? html`<ol>${draft.revisions.map((r) => html`<li><span class="muted">${formatDateTime(r.createdAt, locale, tz)} · ${r.source}</span><pre class="text">${r.text}</pre></li>`)}</ol>`
          : html`<p>${t.noRevisions}</p>`
      }</details>
<details><summary>${t.aiLog} (${aiHere.length})</summary>${
        aiHere.length
          ? html`<ol>${aiHere.map((a) => html`<li><span class="muted">${formatDateTime(a.createdAt, locale, tz)}</span><pre class="text">${a.suggestion}</pre></li>`)}</ol>`
          : html`<p>${t.noAiLog}</p>`
      }</details>`
    : ""
}
</section>`;
    });
    const scores = asSecretariat
      ? d.scores.length
        ? html`<div class="tablewrap"><table><thead><tr><th scope="col">${t.stage}</th><th scope="col">${t.judge}</th><th scope="col">${t.criterion}</th><th scope="col">${t.value}</th><th scope="col">${t.comment}</th></tr></thead>
<tbody>${d.scores.map((s) => html`<tr><td>${stageName(comp.template, s.stage, locale)}</td><td>${s.judge}${conflicted.has(s.judge) ? html` <strong>(${t.conflictShort})</strong>` : ""}</td><td>${critName(s.criterion)}</td><td>${s.value}</td><td>${s.comment}</td></tr>`)}</tbody></table></div>`
        : html`<p>${t.noScores}</p>`
      : "";
    const body = html`<p>${d.unit.name}${d.unit.instansi ? `, ${d.unit.instansi}` : ""}${d.unit.region ? ` · ${d.unit.region}` : ""}</p>
<p><strong>${d.title}</strong> · ${t.stage}: ${stageName(comp.template, d.stage, locale)} · ${t.readiness}: ${d.readiness}%</p>
<p>${asSecretariat ? html`<a class="button" href="${b}/p/${d.code}/docx">${t.exportDocx}</a>` : html`<a class="button" href="${b}/menilai/${d.code}">${t.rubric}</a>`}</p>
<h2>${t.sections}</h2>${sections}
${asSecretariat ? "" : attachments}
${
  asSecretariat
    ? html`
${attachments}
<h2>${t.moveStage}</h2><form method="post" action="${b}/tahap">${csrfField(c)}<input type="hidden" name="codes" value="${d.code}" /><input type="hidden" name="from" value="proposal" />${stageMoveControls(c, comp.template)}</form>
<h2>${t.stageHistory}</h2><ol>${d.events.map((e) => html`<li>${formatDateTime(e.createdAt, locale, tz)}: ${stageName(comp.template, e.stage, locale)}${e.note ? html` — ${t.notes}: “${e.note}”` : ""}</li>`)}</ol>
<h2>${t.scores}</h2>${scores}
${d.conflicts.length ? html`<p>${t.conflict}: ${d.conflicts.map((x) => x.judge).join(", ")}</p>` : ""}`
    : ""
}`;
    return c.html(
      page(c, kit, `${d.code} · ${d.title}`, body, competitionNav(c, kit, comp.slug, asSecretariat)),
    );
  });

  app.get("/k/:slug/p/:code/lampiran/:id", async (c) => {
    const comp = await competitionFor(c, kit, "staff");
    const { proposal } = await proposalFor(c, kit, comp);
    const f = await attachmentOf(kit.db, proposal.id, c.req.param("id"));
    if (!f) return c.notFound();
    await auditDownload(kit, c.get("viewer").contactId, "attachment", proposal.code, { name: f.fileName });
    const safe = f.fileName.replace(/[^\p{L}\p{N}._ -]+/gu, "_").slice(0, 120);
    return c.body(new Uint8Array(f.bytes) as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": f.mime || "application/octet-stream",
      "Content-Disposition": `attachment; filename="${safe}"`,
    });
  });

  app.get("/k/:slug/p/:code/docx", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const { proposal } = await proposalFor(c, kit, comp);
    const [data] = await loadProposalsForExport(kit.db, [proposal.id]);
    const doc = await renderExport(data!, "docx", c.get("locale"));
    await auditDownload(kit, c.get("viewer").contactId, "proposal.docx", proposal.code);
    return c.body(doc.data as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": DOCX_MIME,
      "Content-Disposition": `attachment; filename="${doc.fileName}"`,
    });
  });

  app.get("/k/:slug/zip", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const filter = readGridFilter((k) => c.req.query(k));
    const rows = applyGridFilter(await loadProposalRows(kit.db, comp.id), filter, comp.template, kit.clock());
    const ids = await proposalIdsByCodes(
      kit.db,
      comp.id,
      rows.map((r) => r.code),
    );
    const files: { name: string; data: Uint8Array }[] = [];
    for (let i = 0; i < ids.length; i += 50) {
      for (const d of await loadProposalsForExport(
        kit.db,
        ids.slice(i, i + 50).map((x) => x.id),
      )) {
        const doc = await renderExport(d, "docx", c.get("locale"));
        files.push({ name: doc.fileName, data: doc.data });
      }
    }
    await auditDownload(kit, c.get("viewer").contactId, "proposals.zip", comp.slug, {
      proposals: files.length,
    });
    return c.body((await zipFiles(files)) as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${comp.slug}-proposals.zip"`,
    });
  });
}
