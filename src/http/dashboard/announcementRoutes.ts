import type { Hono } from "hono";
import { html, raw } from "hono/html";
import { recentAnnouncements, retryFailed } from "../../app/broadcast/announcementReport.ts";
import { MAX_ANNOUNCEMENT_CHARS } from "../../app/broadcast/composeRoute.ts";
import { createAnnouncement } from "../../app/broadcast/createAnnouncement.ts";
import { renderDelivery } from "../../app/broadcast/renderDelivery.ts";
import { resolveAudience } from "../../app/broadcast/resolveAudience.ts";
import type { CompetitionData } from "../../app/status/competitionData.ts";
import { renderRichText as telegramHtml } from "../../channels/telegram/renderRichText.ts";
import { renderRichText as whatsAppText } from "../../channels/whatsapp/renderOutgoing.ts";
import { formatAudienceSpec } from "../../core/broadcast/audienceSchema.ts";
import { reasonOf } from "../../core/broadcast/deliveryPolicy.ts";
import { parseScheduleTime } from "../../core/broadcast/parseScheduleTime.ts";
import { quietUntil } from "../../core/broadcast/quietHours.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import { announcementOf, deliveriesOf } from "../../db/queries/deliveries.ts";
import { countDeliveries, emptyCounts } from "../../db/queries/deliveryStore.ts";
import { audienceFields, audienceFromFields } from "./audienceForm.ts";
import { compBase, competitionFor } from "./guard.ts";
import { competitionNav, csrfField, formatDateTime, page, redirectWith } from "./layout.ts";
import type { Ctx, DashboardEnv, Kit } from "./types.ts";

const REPORT_ROWS = 500;

/** Announcements: compose with a live count and previews, send now or schedule, live progress, report, resend. */
export function announcementRoutes(app: Hono<DashboardEnv>, kit: Kit): void {
  async function preview(
    c: Ctx,
    comp: CompetitionData,
    fields: Record<string, string | string[] | undefined>,
  ) {
    const audience = audienceFromFields(fields);
    const r = await resolveAudience(kit.db, comp.id, audience, {
      sectionKeys: comp.template.sections.map((s) => s.key),
      ...(kit.channels ? { channels: kit.channels } : {}),
    });
    const text = String((Array.isArray(fields.text) ? fields.text[0] : fields.text) ?? "").trim() || "…";
    const msg = renderDelivery({
      kind: "broadcast",
      competitionName: comp.name,
      locale: c.get("locale"),
      text,
    });
    return {
      audience,
      count: c.get("t").count(r.contacts - r.optedOut - r.unreachable, r.proposals),
      telegram: telegramHtml(msg.text),
      whatsapp: whatsAppText(msg.text),
      resolution: r,
    };
  }

  app.get("/k/:slug/pengumuman/pratinjau", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const p = await preview(c, comp, c.req.queries() as Record<string, string[]>);
    return c.json({ count: p.count, telegram: p.telegram, whatsapp: p.whatsapp });
  });

  app.get("/k/:slug/pengumuman", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const t = c.get("t");
    const locale = c.get("locale");
    const b = compBase(kit, comp.slug);
    const fields = c.req.queries() as Record<string, string[]>;
    const p = await preview(c, comp, fields);
    const recent = await recentAnnouncements(kit.db, [comp.id], 20);
    const body = html`<h2>${t.compose}</h2>
<form id="compose" method="post" action="${b}/pengumuman">${csrfField(c)}
${audienceFields(c, comp.template, fields)}
<p role="status" aria-live="polite"><strong id="count">${p.count}</strong></p>
<label for="text">${t.text}</label><textarea id="text" name="text" maxlength="${MAX_ANNOUNCEMENT_CHARS}" required>${fields.text?.[0] ?? ""}</textarea>
<div class="previews"><div><h3>${t.previewTelegram}</h3><div class="tg" id="pv-tg">${raw(p.telegram)}</div></div>
<div><h3>${t.previewWhatsApp}</h3><div class="wa" id="pv-wa">${p.whatsapp}</div></div></div>
<fieldset class="sec"><legend>${t.send}</legend>
<label class="check"><input type="radio" name="when" value="now" checked />${t.sendNow}</label>
<label class="check"><input type="radio" name="when" value="later" />${t.schedule}</label>
<label>${t.schedule}<input type="datetime-local" name="at" /></label>
<label class="check"><input type="checkbox" name="urgent" value="1" />${t.urgent}</label>
</fieldset>
<p><button type="submit" formmethod="get" formaction="${b}/pengumuman" class="secondary">${t.countNow}</button> <button type="submit" id="send">${t.send}</button></p>
</form>
<script>${raw(`(function(){var f=document.getElementById('compose'),tm;function up(){clearTimeout(tm);tm=setTimeout(function(){var q=new URLSearchParams(new FormData(f));q.delete('_csrf');fetch(${JSON.stringify(`${b}/pengumuman/pratinjau?`)}+q.toString(),{credentials:'same-origin'}).then(function(r){return r.json()}).then(function(j){document.getElementById('count').textContent=j.count;document.getElementById('pv-tg').innerHTML=j.telegram;document.getElementById('pv-wa').textContent=j.whatsapp;});},250);}f.addEventListener('input',up);f.addEventListener('change',up);})();`)}</script>
<h2>${t.announcements}</h2>
<div class="tablewrap"><table><thead><tr><th scope="col">${t.when}</th><th scope="col">${t.kind}</th><th scope="col">${t.status}</th><th scope="col">${t.progress}</th></tr></thead><tbody>
${recent.map((a) => html`<tr><td><a href="${b}/pengumuman/${a.id}">${formatDateTime(a.createdAt, locale, comp.timezone)}</a></td><td>${a.kind === "reminder" ? t.reminderKind : t.announcementKind}</td><td>${({ done: t.finished, queued: t.queued } as Record<string, string>)[a.status] ?? a.status}</td><td>${t.sent} ${a.counts.sent}/${a.counts.total} · ${t.failed} ${a.counts.failed} · ${t.skipped} ${a.counts.skipped}</td></tr>`)}
</tbody></table></div>`;
    return c.html(
      page(c, kit, `${t.announcements} · ${comp.name}`, body, competitionNav(c, kit, comp.slug, true)),
    );
  });

  app.post("/k/:slug/pengumuman", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const t = c.get("t");
    const b = compBase(kit, comp.slug);
    const fields = (await c.req.parseBody({ all: true })) as Record<string, string | string[]>;
    const one = (k: string) => String((Array.isArray(fields[k]) ? fields[k][0] : fields[k]) ?? "").trim();
    const text = one("text").slice(0, MAX_ANNOUNCEMENT_CHARS);
    if (!text) return redirectWith(c, `${b}/pengumuman`, { err: t.textEmpty });
    const now = kit.clock();
    let at = now;
    if (one("when") === "later") {
      const parsed = parseScheduleTime(one("at").replace("T", " "), now, comp.timezone);
      if (!parsed || parsed.getTime() <= now.getTime())
        return redirectWith(c, `${b}/pengumuman`, { err: t.badSchedule });
      at = parsed;
    }
    const urgent = one("urgent") === "1";
    const p = await preview(c, comp, fields);
    const created = await createAnnouncement(kit.db, {
      competitionId: comp.id,
      timezone: comp.timezone,
      audience: p.audience,
      text,
      recipients: p.resolution.recipients,
      scheduledAt: at,
      createdById: c.get("viewer").contactId,
      urgent,
      quiet: kit.quietHours,
    });
    await recordAudit(kit.db, {
      actorId: c.get("viewer").contactId,
      action: "broadcast.create",
      subject: created.id,
      details: {
        via: "dashboard",
        audience: formatAudienceSpec(p.audience),
        queued: created.queued,
        scheduledAt: at.toISOString(),
        urgent,
      },
    });
    kit.onQueued?.();
    const held = !urgent && kit.quietHours ? quietUntil(at, comp.timezone, kit.quietHours) : undefined;
    return redirectWith(
      c,
      `${b}/pengumuman/${created.id}`,
      held ? { ok: t.quietNote(formatDateTime(held, c.get("locale"), comp.timezone)) } : {},
    );
  });

  app.get("/k/:slug/pengumuman/:id/kemajuan", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const a = await announcementOf(kit.db, comp.id, c.req.param("id"));
    if (!a) return c.json({ error: "not found" }, 404);
    const counts = (await countDeliveries(kit.db, [a.id])).get(a.id) ?? emptyCounts();
    return c.json({ status: a.status, ...counts, percent: percent(counts) });
  });

  app.get("/k/:slug/pengumuman/:id", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const t = c.get("t");
    const locale = c.get("locale");
    const b = compBase(kit, comp.slug);
    const a = await announcementOf(kit.db, comp.id, c.req.param("id"));
    if (!a) return c.notFound();
    const counts = (await countDeliveries(kit.db, [a.id])).get(a.id) ?? emptyCounts();
    const pct = percent(counts);
    const rows = await deliveriesOf(kit.db, a.id, REPORT_ROWS);
    const statusText = (s: string) =>
      (({ sent: t.sent, failed: t.failed, skipped: t.skipped }) as Record<string, string>)[s] ?? t.waiting;
    const body = html`<p class="muted">${formatDateTime(a.scheduledAt, locale, comp.timezone)} · ${({ done: t.finished, queued: t.queued } as Record<string, string>)[a.status] ?? a.status}${a.urgent ? ` · ${t.urgent}` : ""}</p>
<pre class="text">${a.text}</pre>
<h2>${t.progress}</h2>
<div class="bar" role="progressbar" aria-label="${t.progress}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${pct}" id="bar"><span style="width:${pct}%"></span></div>
<p role="status" aria-live="polite" id="progress"><strong id="pct">${pct}%</strong> · ${t.sent} <span id="n-sent">${counts.sent}</span> · ${t.failed} <span id="n-failed">${counts.failed}</span> · ${t.skipped} <span id="n-skipped">${counts.skipped}</span> · ${t.waiting} <span id="n-waiting">${counts.waiting}</span> / <span id="n-total">${counts.total}</span></p>
${counts.failed ? html`<form method="post" action="${b}/pengumuman/${a.id}/ulang">${csrfField(c)}<button type="submit">${t.resendFailed}</button></form>` : ""}
<h2>${t.recipients}</h2>
<div class="tablewrap"><table><thead><tr><th scope="col">${t.person}</th><th scope="col">${t.channel}</th><th scope="col">${t.status}</th><th scope="col">${t.reason}</th></tr></thead><tbody>
${rows.map((d) => html`<tr><td>${d.contact.displayName || "—"}</td><td>${d.channel}</td><td>${statusText(d.status)}</td><td>${d.status === "failed" || d.status === "skipped" ? `${reasonOf(d.lastError)}: ${d.lastError ?? ""}` : ""}</td></tr>`)}
</tbody></table></div>
${pct < 100 ? html`<script>${raw(`(function(){var u=${JSON.stringify(`${b}/pengumuman/${a.id}/kemajuan`)};function tick(){fetch(u,{credentials:'same-origin'}).then(function(r){return r.json()}).then(function(j){['sent','failed','skipped','waiting','total'].forEach(function(k){document.getElementById('n-'+k).textContent=j[k];});document.getElementById('pct').textContent=j.percent+'%';var bar=document.getElementById('bar');bar.setAttribute('aria-valuenow',j.percent);bar.firstChild.style.width=j.percent+'%';if(j.percent>=100){location.reload();}else{setTimeout(tick,1500);}}).catch(function(){setTimeout(tick,3000);});}setTimeout(tick,1000);})();`)}</script>` : ""}`;
    return c.html(page(c, kit, t.announcements, body, competitionNav(c, kit, comp.slug, true)));
  });

  app.post("/k/:slug/pengumuman/:id/ulang", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const a = await announcementOf(kit.db, comp.id, c.req.param("id"));
    if (!a) return c.notFound();
    const n = await retryFailed(kit.db, a.id, kit.clock());
    await recordAudit(kit.db, {
      actorId: c.get("viewer").contactId,
      action: "broadcast.retryFailed",
      subject: a.id,
      details: { via: "dashboard", deliveries: n },
    });
    kit.onQueued?.();
    return redirectWith(c, `${compBase(kit, comp.slug)}/pengumuman/${a.id}`, { ok: c.get("t").resent(n) });
  });
}

function percent(c: { total: number; sent: number; failed: number; skipped: number }): number {
  return c.total === 0 ? 100 : Math.floor((100 * (c.sent + c.failed + c.skipped)) / c.total);
}
