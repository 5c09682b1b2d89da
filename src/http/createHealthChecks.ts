import type { ServiceStatus } from "../app/service/createServiceStatus.ts";
import type { Db } from "../db/createDatabase.ts";
import { oldestDueDelivery, pingDatabase } from "../db/queries/outbox.ts";
import type { CheckResult, HealthChecks } from "./createHttpServer.ts";
import { outboxLag } from "./metrics.ts";

export interface HealthCheckDeps {
  db: Db;
  status: ServiceStatus;
  /** Not ready when the oldest due delivery waits longer than this. */
  maxOutboxAgeMs: number;
  /** Not ready when the dispatcher's loop has not gone round for this long (default 60 s). */
  maxBeatAgeMs?: number;
  now?: () => Date;
}

/**
 * Liveness: the database answers. Readiness: every configured channel connected (or standing
 * by for the dispatcher), the dispatcher's loop alive when this process is the dispatcher, and
 * the outbox not lagging (a lag with no dispatcher anywhere shows on every process).
 */
export function createHealthChecks(deps: HealthCheckDeps): HealthChecks {
  const now = deps.now ?? (() => new Date());
  const maxBeat = deps.maxBeatAgeMs ?? 60_000;
  return {
    async database() {
      await pingDatabase(deps.db);
      return { ok: true };
    },
    async readiness() {
      const checks: Record<string, CheckResult> = {};
      for (const [channel, s] of deps.status.channels()) {
        const ok = s.state === "connected" || s.state === "standby";
        checks[`channel:${channel}`] = { ok, detail: "reason" in s ? `${s.state}: ${s.reason}` : s.state };
      }
      if (deps.status.role() === "dispatcher") {
        const beat = deps.status.lastBeat();
        const age = beat ? now().getTime() - beat.getTime() : Number.POSITIVE_INFINITY;
        checks.dispatcher =
          age <= maxBeat
            ? { ok: true, detail: "dispatcher loop alive" }
            : {
                ok: false,
                detail: beat ? `loop silent for ${Math.round(age / 1000)} s` : "loop not started",
              };
      } else {
        checks.dispatcher = { ok: true, detail: "receiver (another process dispatches)" };
      }
      const oldest = await oldestDueDelivery(deps.db, now());
      const lagMs = oldest ? Math.max(0, now().getTime() - oldest.getTime()) : 0;
      outboxLag.set(lagMs / 1000);
      checks.outbox =
        lagMs <= deps.maxOutboxAgeMs
          ? { ok: true, detail: `oldest due delivery ${Math.round(lagMs / 1000)} s` }
          : { ok: false, detail: `oldest due delivery waits ${Math.round(lagMs / 1000)} s` };
      return checks;
    },
  };
}
