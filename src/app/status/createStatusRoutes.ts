import { Composer } from "../pipeline/Composer.ts";
import { auditRoute } from "./auditRoute.ts";
import { identityRoute } from "./identityRoute.ts";
import { invitationRoute } from "./invitationRoute.ts";
import { queryRoute } from "./queryRoute.ts";
import { createRouteKit, type StatusRouteDeps } from "./routeKit.ts";
import { staffRoute } from "./staffRoute.ts";

export type { StatusRouteDeps } from "./routeKit.ts";

/**
 * The status, scores and identity use cases as app routes, run before the coaching dialogue:
 * linking (phone, /daftar, /tautkan) first, so a just-linked user's question already sees the
 * unit's proposals; then /status and /nilai (and the same questions in plain words); then the
 * secretariat's /tahap and /rekap.
 */
export function createStatusRoutes(deps: StatusRouteDeps): Composer {
  const kit = createRouteKit(deps);
  return new Composer(
    identityRoute(kit).middleware(),
    invitationRoute(kit).middleware(),
    queryRoute(kit).middleware(),
    staffRoute(kit).middleware(),
    auditRoute(kit).middleware(),
  );
}
