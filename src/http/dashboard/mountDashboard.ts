import type { Hono } from "hono";
import { createDashboard } from "./createDashboard.ts";
import type { DashboardDeps } from "./types.ts";

/** The dashboard as a mount for the service's HTTP server: `{ path, app }` at the path of DASHBOARD_URL. */
export function mountDashboard(deps: Omit<DashboardDeps, "basePath">): { path: string; app: Hono } {
  const path = new URL(deps.dashboardUrl).pathname.replace(/\/+$/, "") || "/dashboard";
  return { path, app: createDashboard({ ...deps, basePath: path }) as unknown as Hono };
}
