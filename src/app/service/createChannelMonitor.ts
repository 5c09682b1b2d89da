import type { ChannelState } from "../../core/channelState.ts";
import { serviceTexts } from "../../core/i18n/serviceTexts.ts";
import type { ChannelName } from "../../core/messages.ts";
import type { Db } from "../../db/createDatabase.ts";
import { anyCompetitionId, insertNotification } from "../../db/queries/notifications.ts";
import * as metrics from "../../http/metrics.ts";
import type { Logger } from "../../logger.ts";
import type { ServiceStatus } from "./createServiceStatus.ts";

export interface ChannelMonitorDeps {
  db: Db;
  status: ServiceStatus;
  logger: Logger;
  /** The in-process dispatcher polls at once (the alert is urgent). */
  onQueued?: () => void;
  now?: () => Date;
}

/**
 * Where channel adapters report their state: /readyz reads it, metrics count it, and a channel
 * that stops for good (Telegram 401/409, WhatsApp logged out or out of reconnects) is told to
 * the secretariat in chat through the outbox, on another channel, once an hour at most over
 * all bot processes (a dedupe key per channel, reason and hour).
 */
export function createChannelMonitor(deps: ChannelMonitorDeps) {
  const now = deps.now ?? (() => new Date());

  async function alert(channel: ChannelName, reason: string): Promise<void> {
    const competitionId = await anyCompetitionId(deps.db);
    if (!competitionId) return;
    const hour = now().toISOString().slice(0, 13);
    const r = await insertNotification(deps.db, {
      competitionId,
      people: { secretariat: true },
      avoidChannel: channel,
      dedupeKey: `alert:${channel}:${reason}:${hour}`,
      texts: {
        id: serviceTexts("id").channelDown(channel, reason),
        en: serviceTexts("en").channelDown(channel, reason),
      },
      summary: `channel ${channel} stopped: ${reason}`,
      firstAttemptAt: now(),
      urgent: true,
      reasons: { optedOut: "opted_out: unsubscribed", noIdentity: "no_identity: no other channel" },
    });
    if (r.queued > 0) deps.onQueued?.();
    deps.logger.info({ channel, reason, queued: r.queued }, "secretariat told that a channel stopped");
  }

  return {
    /** The state callback for one channel's adapter. */
    reporter(channel: ChannelName): (state: ChannelState) => void {
      return (state) => {
        const before = deps.status.channels().get(channel);
        deps.status.setChannel(channel, state);
        if (channel === "whatsapp")
          metrics.setWhatsAppState(
            state.state === "connected"
              ? "open"
              : state.state === "fatal"
                ? state.reason === "logged_out"
                  ? "logged_out"
                  : "closed"
                : state.state === "standby"
                  ? "standby"
                  : state.state === "disconnected"
                    ? "closed"
                    : "connecting",
          );
        if (state.state !== "fatal" || before?.state === "fatal") return;
        metrics.channelFatal.inc({ channel, reason: state.reason });
        deps.logger.fatal(
          { channel, reason: state.reason },
          "channel stopped for good; the process is not ready",
        );
        alert(channel, state.reason).catch((err: unknown) =>
          deps.logger.error({ err, channel }, "could not queue the secretariat's alert"),
        );
      };
    },
  };
}
