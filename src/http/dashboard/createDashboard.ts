import { timingSafeEqual } from "node:crypto";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { sessionOf } from "../../app/dashboard/dashboardAuth.ts";
import { dashboardTexts } from "../../core/i18n/dashboardTexts.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import { recordDenied } from "../../db/queries/audit.ts";
import { contactLocale } from "../../db/queries/dashboardAuth.ts";
import { rolesOf } from "../../db/queries/staffRoles.ts";
import { announcementRoutes } from "./announcementRoutes.ts";
import { auditRoutes } from "./auditRoutes.ts";
import { authRoutes, LANG_COOKIE, SESSION_COOKIE } from "./authRoutes.ts";
import { exportRoutes } from "./exportRoutes.ts";
import { judgeRoutes } from "./judgeRoutes.ts";
import { judgingRoutes } from "./judgingRoutes.ts";
import { page } from "./layout.ts";
import { overviewRoutes } from "./overviewRoutes.ts";
import { proposalRoutes } from "./proposalRoutes.ts";
import { releaseRoutes } from "./releaseRoutes.ts";
import { scoreSheetRoutes } from "./scoreSheetRoutes.ts";
import { stageRoutes } from "./stageRoutes.ts";
import { createTicketsPage } from "./ticketsPage.ts";
import type { Ctx, DashboardDeps, DashboardEnv, Kit, Viewer } from "./types.ts";

/** Forms are small; the largest upload is a score sheet (5 MB). */
const MAX_BODY_BYTES = 6_000_000;
const PUBLIC = /^\/(masuk\/[^/]+|bahasa\/(id|en))$/;

/**
 * The secretariat's and judges' web dashboard as a self-contained Hono app, server-rendered.
 * Every request outside sign-in needs a live session cookie; every POST passes Hono's Origin
 * check and the session's own CSRF token; every page checks the viewer's roles on the
 * competition it shows (route modules, through kit helpers).
 */
export function createDashboard(deps: DashboardDeps): Hono<DashboardEnv> {
  const kit: Kit = { ...deps, base: deps.basePath ?? "/dashboard", clock: deps.now ?? (() => new Date()) };
  const publicOrigin = new URL(deps.dashboardUrl).origin;
  const app = new Hono<DashboardEnv>();

  app.use("*", bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text("Payload too large", 413) }));
  app.use(
    "*",
    csrf({ origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin }),
  );
  app.use("*", async (c, next) => {
    c.header("X-Frame-Options", "DENY");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Cache-Control", "no-store");
    const rel = c.req.path.slice(kit.base.length) || "/";
    const cookieLocale = getCookie(c, LANG_COOKIE);
    let locale: Locale = cookieLocale === "en" ? "en" : "id";
    const raw = getCookie(c, SESSION_COOKIE);
    const session = raw ? await sessionOf(deps.db, raw, kit.clock()) : undefined;
    if (session) {
      const [roles, who] = await Promise.all([
        rolesOf(deps.db, session.contactId),
        contactLocale(deps.db, session.contactId),
      ]);
      if (!cookieLocale && who?.locale === "en") locale = "en";
      const viewer: Viewer = {
        contactId: session.contactId,
        name: who?.displayName ?? "",
        sessionId: session.id,
        csrf: session.csrfToken,
        roles,
        isSecretariat: (id) => roles.some((r) => r.competitionId === id && r.role === "secretariat"),
        judgeRefs: (id) =>
          roles
            .filter((r) => r.competitionId === id && r.role === "judge" && r.judgeRef)
            .map((r) => r.judgeRef),
      };
      c.set("viewer", viewer);
    }
    c.set("locale", locale);
    c.set("t", dashboardTexts(locale));
    if (PUBLIC.test(rel)) return next();
    const viewer = c.get("viewer");
    if (!viewer) {
      c.status(401);
      return c.html(page(c, kit, dashboardTexts(locale).signInTitle, dashboardTexts(locale).needSignIn));
    }
    if (c.req.method === "POST") {
      const body = await c.req.parseBody();
      const sent = typeof body._csrf === "string" ? body._csrf : "";
      if (!sameSecret(sent, viewer.csrf)) {
        await recordDenied(deps.db, viewer.contactId, "csrf", rel);
        throw new HTTPException(403, { message: "csrf" });
      }
    }
    return next();
  });

  authRoutes(app, kit);
  overviewRoutes(app, kit);
  proposalRoutes(app, kit);
  stageRoutes(app, kit);
  judgingRoutes(app, kit);
  scoreSheetRoutes(app, kit);
  judgeRoutes(app, kit);
  releaseRoutes(app, kit);
  announcementRoutes(app, kit);
  exportRoutes(app, kit);
  auditRoutes(app, kit);
  // Questions and appeals (src/http/dashboard/ticketsPage.ts), in the dashboard's frame and session.
  app.route(
    "/tiket",
    createTicketsPage({
      db: deps.db,
      competitions: deps.competitions,
      timezone: deps.timezone ?? "Asia/Jakarta",
      viewer: (c) => (c as Ctx).get("viewer")?.contactId,
      frame: (c, title, body) => page(c as Ctx, kit, title, body),
    }),
  );

  const ensureTexts = (c: Context<DashboardEnv>) => {
    if (!c.get("t")) {
      c.set("locale", getCookie(c, LANG_COOKIE) === "en" ? "en" : "id");
      c.set("t", dashboardTexts(c.get("locale")));
    }
    return c.get("t");
  };
  app.notFound((c) => {
    const t = ensureTexts(c);
    c.status(404);
    return c.html(page(c, kit, t.notFound, ""));
  });
  app.onError((err, c) => {
    const t = ensureTexts(c);
    if (err instanceof HTTPException) {
      const status = err.status;
      const msg =
        status === 403
          ? err.message === "role"
            ? t.notAllowed
            : t.csrfRefused
          : status === 404
            ? t.notFound
            : t.badInput;
      c.status(status);
      return c.html(page(c, kit, msg, ""));
    }
    deps.logger.error({ err, path: c.req.path }, "dashboard request failed");
    c.status(500);
    return c.html(page(c, kit, t.badInput, ""));
  });
  return app;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
