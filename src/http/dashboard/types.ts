import type { Context } from "hono";
import type { CompetitionCache } from "../../app/competitionCache.ts";
import type { Notifier } from "../../app/notifier.ts";
import type { PushChannel } from "../../core/broadcast/audienceSchema.ts";
import type { QuietHours } from "../../core/broadcast/quietHours.ts";
import type { DashboardTexts } from "../../core/i18n/dashboardTexts.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import type { Db } from "../../db/createDatabase.ts";
import type { RoleRow } from "../../db/queries/staffRoles.ts";
import type { Logger } from "../../logger.ts";

/** What the dashboard needs from the composition root. */
export interface DashboardDeps {
  db: Db;
  logger: Logger;
  competitions: CompetitionCache;
  /** Stage changes and score releases tell participants through it. */
  notifier: Notifier;
  /** Public address of the dashboard (DASHBOARD_URL): its origin is accepted by the CSRF check. */
  dashboardUrl: string;
  /** Where the sub-app is mounted; links are built from it. Default "/dashboard". */
  basePath?: string;
  quietHours: QuietHours | null;
  /** Channels the bot runs, Telegram first (announcement recipients). */
  channels?: readonly PushChannel[];
  /** Wakes the delivery worker after an announcement was queued. */
  onQueued?: () => void;
  now?: () => Date;
  /** Time zone for dates on the ticket queue when a competition has none (TIMEZONE). */
  timezone?: string;
}

/** The signed-in person, with their roles per competition. */
export interface Viewer {
  contactId: string;
  name: string;
  sessionId: string;
  csrf: string;
  roles: RoleRow[];
  isSecretariat(competitionId: string): boolean;
  judgeRefs(competitionId: string): string[];
}

export interface DashboardEnv {
  Variables: {
    viewer: Viewer;
    locale: Locale;
    t: DashboardTexts;
  };
}

export type Ctx = Context<DashboardEnv>;

/** What the route modules share. */
export interface Kit extends DashboardDeps {
  base: string;
  clock: () => Date;
}
