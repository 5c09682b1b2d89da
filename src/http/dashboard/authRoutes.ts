import type { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { redeemLoginLink, sha256 } from "../../app/dashboard/dashboardAuth.ts";
import { recordAudit } from "../../db/queries/audit.ts";
import { listSessions, loginTokenValid, revokeSession } from "../../db/queries/dashboardAuth.ts";
import { csrfField, formatDateTime, page, redirectWith } from "./layout.ts";
import type { DashboardEnv, Kit } from "./types.ts";

export const SESSION_COOKIE = "klinik_dash";
export const LANG_COOKIE = "klinik_lang";

/**
 * Sign-in from a chat link, language switch, sign-out and the session list. The link's GET only
 * shows a button: chat apps fetch links for previews, and a preview must not spend the link.
 */
export function authRoutes(app: Hono<DashboardEnv>, kit: Kit): void {
  const secure = new URL(kit.dashboardUrl).protocol === "https:";

  app.get("/masuk/:token", async (c) => {
    const t = c.get("t");
    const token = c.req.param("token");
    if (!(await loginTokenValid(kit.db, sha256(token), kit.clock()))) {
      c.status(410);
      return c.html(page(c, kit, t.signInTitle, html`<p class="error" role="alert">${t.linkSpent}</p>`));
    }
    return c.html(
      page(
        c,
        kit,
        t.signInTitle,
        html`<p>${t.signInLead}</p><form method="post"><button type="submit">${t.signInButton}</button></form>`,
      ),
    );
  });

  app.post("/masuk/:token", async (c) => {
    const t = c.get("t");
    const s = await redeemLoginLink(
      kit.db,
      c.req.param("token"),
      c.req.header("user-agent") ?? "",
      kit.clock(),
    );
    if (!s) {
      c.status(410);
      return c.html(page(c, kit, t.signInTitle, html`<p class="error" role="alert">${t.linkSpent}</p>`));
    }
    setCookie(c, SESSION_COOKIE, s.cookie, {
      httpOnly: true,
      sameSite: "Lax",
      secure,
      path: kit.base,
      expires: s.expiresAt,
    });
    return c.redirect(kit.base, 303);
  });

  app.get("/bahasa/:lang", (c) => {
    const lang = c.req.param("lang") === "en" ? "en" : "id";
    setCookie(c, LANG_COOKIE, lang, { sameSite: "Lax", secure, path: kit.base, maxAge: 365 * 86_400 });
    const next = c.req.query("next") ?? "";
    return c.redirect(next.startsWith(`${kit.base}/`) || next === kit.base ? next : kit.base, 303);
  });

  app.post("/keluar", async (c) => {
    const v = c.get("viewer");
    await revokeSession(kit.db, v.contactId, v.sessionId, kit.clock());
    await recordAudit(kit.db, { actorId: v.contactId, action: "dashboard.signout", subject: "" });
    deleteCookie(c, SESSION_COOKIE, { path: kit.base });
    c.set("viewer", undefined as never);
    return c.html(page(c, kit, c.get("t").signOut, html`<p>${c.get("t").needSignIn}</p>`));
  });

  app.get("/sesi", async (c) => {
    const t = c.get("t");
    const v = c.get("viewer");
    const rows = await listSessions(kit.db, v.contactId, kit.clock());
    const tz = "Asia/Jakarta";
    const loc = c.get("locale");
    const body = html`<div class="tablewrap"><table>
<thead><tr><th scope="col">${t.device}</th><th scope="col">${t.started}</th><th scope="col">${t.lastSeen}</th><th scope="col">${t.expires}</th><th scope="col"></th></tr></thead>
<tbody>${rows.map(
      (
        r,
      ) => html`<tr><td>${r.userAgent.slice(0, 80)}${r.id === v.sessionId ? html` <strong>(${t.thisSession})</strong>` : ""}</td>
<td>${formatDateTime(r.createdAt, loc, tz)}</td><td>${formatDateTime(r.lastSeenAt, loc, tz)}</td><td>${formatDateTime(r.expiresAt, loc, tz)}</td>
<td><form method="post" action="${kit.base}/sesi/${r.id}/akhiri">${csrfField(c)}<button type="submit" class="secondary">${t.endSession}</button></form></td></tr>`,
    )}</tbody></table></div>`;
    return c.html(page(c, kit, t.sessionsTitle, body));
  });

  app.post("/sesi/:id/akhiri", async (c) => {
    const v = c.get("viewer");
    const id = c.req.param("id");
    await revokeSession(kit.db, v.contactId, id, kit.clock());
    if (id === v.sessionId) deleteCookie(c, SESSION_COOKIE, { path: kit.base });
    return redirectWith(c, id === v.sessionId ? kit.base : `${kit.base}/sesi`, {});
  });
}
