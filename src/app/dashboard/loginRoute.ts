import { dashboardChatTexts } from "../../core/i18n/dashboardChatTexts.ts";
import type { Db } from "../../db/createDatabase.ts";
import { rolesOf } from "../../db/queries/staffRoles.ts";
import { Composer } from "../pipeline/Composer.ts";
import { recordDenied } from "../status/routeKit.ts";
import { createLoginLink, LOGIN_LINK_MINUTES } from "./dashboardAuth.ts";

export interface LoginRouteDeps {
  db: Db;
  /** The dashboard's public address (DASHBOARD_URL). */
  dashboardUrl: string;
  now?: () => Date;
}

/**
 * /masuk: a secretariat member or judge gets a one-time link to the web dashboard; anyone else a
 * polite refusal (recorded as a denied access). The registry lets every role through: a judge is
 * not secretariat staff, so who may sign in is decided here.
 */
export function loginRoute(deps: LoginRouteDeps): Composer {
  const now = deps.now ?? (() => new Date());
  return new Composer().command("masuk", async ({ contact }) => {
    const t = dashboardChatTexts(contact.locale);
    const roles = await rolesOf(deps.db, contact.id);
    if (roles.length === 0) {
      await recordDenied(deps.db, contact.id, "masuk", "");
      return [{ text: [t.notStaff] }];
    }
    const link = await createLoginLink(deps.db, contact.id, deps.dashboardUrl, now());
    return [{ text: [t.link(LOGIN_LINK_MINUTES), "\n", link.url] }];
  });
}
