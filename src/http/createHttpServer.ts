import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import type { Logger } from "../logger.ts";
import { registry } from "./metrics.ts";

/** One readiness (or liveness) check's answer. */
export interface CheckResult {
  ok: boolean;
  /** Why not (or what state), for the operator; never personal data. */
  detail?: string;
}

/** What /healthz and /readyz ask; built in src/http/createHealthChecks.ts from the running parts. */
export interface HealthChecks {
  /** Liveness beyond "the process answers": the database answers. */
  database(): Promise<CheckResult>;
  /** Readiness: each named check (channels, dispatcher loop, outbox age). */
  readiness(): Promise<Record<string, CheckResult>>;
}

export interface HttpServerDeps {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  logger: Logger;
  /** Sub-apps mounted under a path (the Telegram webhook, the dashboard, the Cloud API webhook). */
  mounts: { path: string; app: Hono }[];
  health: HealthChecks;
  /** A check that takes longer fails (a hung database must not hang the probe). */
  checkTimeoutMs?: number;
}

export interface HttpServer {
  /** Listens; resolves with the port actually bound. */
  start(): Promise<{ port: number }>;
  /** Stops accepting and closes once requests in flight are answered. */
  stop(): Promise<void>;
  app: Hono;
}

/**
 * The bot's one HTTP surface (Hono on @hono/node-server), served in every mode: probes for a
 * supervisor or load balancer, Prometheus metrics, and the mounted webhooks and dashboard.
 */
export function createHttpServer(deps: HttpServerDeps): HttpServer {
  const timeoutMs = deps.checkTimeoutMs ?? 3_000;
  const app = new Hono();
  app.get("/healthz", async (c) => {
    const r = await bounded(() => deps.health.database(), timeoutMs);
    const database = r.ok ? r.value : r.failed;
    return c.json({ status: database.ok ? "ok" : "fail", checks: { database } }, database.ok ? 200 : 503);
  });
  app.get("/readyz", async (c) => {
    const r = await bounded(() => deps.health.readiness(), timeoutMs);
    const checks = r.ok ? r.value : { readiness: r.failed };
    const notReady = Object.entries(checks)
      .filter(([, r]) => !r.ok)
      .map(([name]) => name);
    return c.json({ ready: notReady.length === 0, notReady, checks }, notReady.length ? 503 : 200);
  });
  app.get("/metrics", async (c) => {
    c.header("content-type", registry.contentType);
    return c.body(await registry.metrics());
  });
  for (const m of deps.mounts) app.route(m.path, m.app);
  app.onError((err, c) => {
    deps.logger.error({ err, path: c.req.path }, "HTTP request failed");
    return c.json({ error: "internal" }, 500);
  });

  let server: ServerType | undefined;
  let stopping: Promise<void> | undefined;
  return {
    app,
    start() {
      return new Promise((resolve, reject) => {
        const s = serve({ fetch: app.fetch, hostname: deps.host, port: deps.port }, (info: AddressInfo) => {
          s.off("error", reject);
          deps.logger.info({ host: deps.host, port: info.port }, "HTTP server listening");
          resolve({ port: info.port });
        });
        s.once("error", reject);
        server = s;
      });
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        const s = server as import("node:http").Server | undefined;
        if (!s?.listening) return resolve();
        s.close(() => resolve());
        s.closeIdleConnections();
        // Keep-alive clients that never go idle must not hold shutdown forever.
        setTimeout(() => s.closeAllConnections(), 5_000).unref();
      });
      return stopping;
    },
  };
}

/** Runs a check within a time limit; a throw or a timeout is a failed check, never a 500. */
async function bounded<T>(
  check: () => Promise<T>,
  ms: number,
): Promise<{ ok: true; value: T } | { ok: false; failed: CheckResult }> {
  let timer: NodeJS.Timeout | undefined;
  const fail = (detail: string) => ({ ok: false as const, failed: { ok: false, detail } });
  try {
    return await Promise.race([
      check().then((value) => ({ ok: true as const, value })),
      new Promise<ReturnType<typeof fail>>((resolve) => {
        timer = setTimeout(() => resolve(fail(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } catch (err) {
    return fail((err as Error).message);
  } finally {
    clearTimeout(timer);
  }
}
