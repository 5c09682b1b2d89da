import type { PushChannel } from "../../core/broadcast/audienceSchema.ts";
import type { QuietHours } from "../../core/broadcast/quietHours.ts";
import type { Db } from "../../db/createDatabase.ts";
import type { Logger } from "../../logger.ts";
import type { CompetitionCache } from "../competitionCache.ts";
import { Composer } from "../pipeline/Composer.ts";
import { composeRoute } from "./composeRoute.ts";
import { optOutRoute } from "./optOutRoute.ts";
import { reportRoute } from "./reportRoute.ts";

export interface BroadcastRouteDeps {
  db: Db;
  competitions: CompetitionCache;
  logger: Logger;
  now?: () => Date;
  /** Channels the bot pushes to, in order of preference (default Telegram, then WhatsApp). */
  channels?: readonly PushChannel[];
  /** Default 21:00–06:00 in the competition's time zone; null for none. */
  quietHours?: QuietHours | null;
  /** Told when an announcement was queued, so the worker starts at once (worker.wake). */
  onQueued?: () => void;
}

/**
 * Announcements as app routes, to be placed before other routes and the coaching dialogue:
 * /berhenti and the re-subscribe side of /mulai; /umumkan, whose draft also takes the composer's
 * free text while it is open (everything else passes through); /laporan.
 */
export function createBroadcastRoutes(deps: BroadcastRouteDeps): Composer {
  return new Composer(
    optOutRoute(deps).middleware(),
    composeRoute(deps).middleware(),
    reportRoute(deps).middleware(),
  );
}
