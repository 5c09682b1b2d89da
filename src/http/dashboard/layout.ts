import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { dateFormat } from "../../core/i18n/dateFormats.ts";
import type { Ctx, Kit } from "./types.ts";

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The hidden per-session CSRF field every form carries. */
export function csrfField(c: Ctx): Html {
  const v = c.get("viewer");
  return html`<input type="hidden" name="_csrf" value="${v?.csrf ?? ""}" />`;
}

const STYLE = `
:root{--fg:#1b1f24;--muted:#4a5361;--bg:#fff;--line:#cfd6df;--accent:#0b5cad;--ok:#0f6b2f;--okbg:#dff3e4;--warn:#7a4b00;--warnbg:#fff1cc;--empty:#555;--emptybg:#eceff3;--bad:#a1121f;--badbg:#fde3e5}
*{box-sizing:border-box}fieldset{min-width:0;max-width:100%}label{max-width:100%}select,input{max-width:100%}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #f0a500;outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:9}
header{background:#0b3d6e;color:#fff;padding:8px 12px;display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center}
header a,header button{color:#fff}header nav{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center}header form{display:inline;margin:0}
header button{background:none;border:1px solid #fff;border-radius:4px;padding:4px 8px;font:inherit;cursor:pointer}
main{padding:12px;max-width:1200px;margin:0 auto}h1{font-size:1.4rem;margin:.4em 0}h2{font-size:1.15rem;margin:1.2em 0 .4em}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:10px}.card{border:1px solid var(--line);border-radius:6px;padding:8px 10px}
.card h3{font-size:.95rem;margin:0 0 4px}.card ul{margin:0;padding-left:18px}.big{font-size:1.6rem;font-weight:700}
.tablewrap{position:relative;overflow-x:auto;border:1px solid var(--line);border-radius:6px}table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:5px 7px;text-align:left;vertical-align:top}th{background:#f3f5f8;position:sticky;top:0}
td.m{text-align:center;white-space:nowrap}.m-complete{background:var(--okbg);color:var(--ok)}.m-incomplete{background:var(--warnbg);color:var(--warn)}.m-empty{background:var(--emptybg);color:var(--empty)}
form.inline{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;margin:8px 0}label{display:flex;flex-direction:column;font-size:.9rem;gap:2px}label.check{flex-direction:row;align-items:center;gap:6px}
input,select,textarea{font:inherit;padding:6px;border:1px solid #7b8594;border-radius:4px;background:#fff;color:var(--fg);min-height:40px}textarea{width:100%;min-height:120px}
button,.button{font:inherit;background:var(--accent);color:#fff;border:0;border-radius:4px;padding:8px 14px;min-height:40px;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary{background:#4a5361}.flash{border-left:5px solid var(--ok);background:var(--okbg);padding:8px 10px;margin:8px 0}.error{border-left:5px solid var(--bad);background:var(--badbg);padding:8px 10px;margin:8px 0}
.muted{color:var(--muted)}pre.text{white-space:pre-wrap;font:inherit;background:#f7f8fa;border:1px solid var(--line);border-radius:6px;padding:8px;margin:4px 0}
.bar{height:14px;background:var(--emptybg);border-radius:7px;overflow:hidden}.bar span{display:block;height:100%;background:var(--ok)}
.tg{background:#e6f0fa;border-radius:10px;padding:8px 10px;white-space:pre-wrap;max-width:420px}.wa{background:#dcf8c6;border-radius:10px;padding:8px 10px;white-space:pre-wrap;max-width:420px}
.previews{display:flex;flex-wrap:wrap;gap:12px}section.sec{border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin:10px 0}
@media (max-width:600px){main{padding:8px}th,td{padding:4px}}
`;

/** The page frame: skip link, header with navigation, language switch and sign-out. */
export function page(c: Ctx, kit: Kit, title: string, body: Html | string, nav: Html | string = ""): Html {
  const t = c.get("t");
  const locale = c.get("locale");
  const viewer = c.get("viewer");
  const flash = c.req.query("ok");
  const error = c.req.query("err");
  const u = new URL(c.req.url);
  u.searchParams.delete("ok");
  u.searchParams.delete("err");
  const here = u.pathname + u.search;
  const other = locale === "id" ? "en" : "id";
  return html`<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title} · ${t.appName}</title><style>${raw(STYLE)}</style></head>
<body><a class="skip" href="#isi">${t.skip}</a>
<header><strong><a href="${kit.base}">${t.appName}</a></strong>
<nav aria-label="${t.home}">${nav}
${viewer ? html`<a href="${kit.base}/tiket">${t.tickets}</a><a href="${kit.base}/audit">${t.audit}</a><a href="${kit.base}/sesi">${t.sessions}</a>` : ""}
<a href="${kit.base}/bahasa/${other}?next=${encodeURIComponent(here)}" lang="${other}" hreflang="${other}">${other === "en" ? "English" : "Bahasa Indonesia"}</a>
${viewer ? html`<form method="post" action="${kit.base}/keluar">${csrfField(c)}<button type="submit">${t.signOut}</button></form>` : ""}
</nav></header>
<main id="isi">
${flash ? html`<p class="flash" role="status">${flash}</p>` : ""}
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
<h1>${title}</h1>
${body}
</main></body></html>`;
}

/** Navigation inside one competition. */
export function competitionNav(c: Ctx, kit: Kit, slug: string, secretariat: boolean): Html {
  const t = c.get("t");
  const b = `${kit.base}/k/${encodeURIComponent(slug)}`;
  if (!secretariat) return html`<a href="${b}/menilai">${t.myAssignments}</a>`;
  return html`<a href="${b}">${t.overview}</a><a href="${b}/juri">${t.judging}</a><a href="${b}/rilis">${t.release}</a><a href="${b}/pengumuman">${t.announcements}</a><a href="${b}/ekspor">${t.exports}</a>`;
}

/** A 303 back to a page with a message shown once (in the query string, escaped on render). */
export function redirectWith(c: Ctx, to: string, msg: { ok?: string; err?: string }): Response {
  const u = new URL(to, "http://x");
  if (msg.ok) u.searchParams.set("ok", msg.ok);
  if (msg.err) u.searchParams.set("err", msg.err);
  return c.redirect(`${u.pathname}${u.search}`, 303);
}

export function formatDateTime(d: Date | null | undefined, locale: string, timeZone: string): string {
  if (!d) return "";
  return dateFormat(locale === "en" ? "en-GB" : "id-ID", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(d);
}
