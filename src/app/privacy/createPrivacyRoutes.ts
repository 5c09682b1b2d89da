import type { Locale } from "../../core/i18n/locale.ts";
import type { Db } from "../../db/createDatabase.ts";
import { eraseContactRows, loadPersonalData } from "../../db/queries/personalData.ts";
import type { AppRoute } from "../createMessageHandler.ts";
import { privacyText as pt } from "./privacyTexts.ts";

/**
 * Personal-data rights: /datasaya shows everything stored about the person; /hapusdata deletes it
 * after confirmation. Drafts belong to the unit and stay, with their author set to null
 * ("former member"); the deletion itself is audited without naming the person.
 */
export function createPrivacyRoutes(deps: { db: Db }): AppRoute[] {
  const { db } = deps;

  const show: AppRoute = async (msg, contact) => {
    if (!/^\/(datasaya|mydata)(@\w+)?\s*$/i.test(msg.text?.trim() ?? "")) return undefined;
    const L = contact.locale;
    const c = await loadPersonalData(db, contact.id);
    const list = (xs: string[]) => (xs.length ? xs.map((x) => `  • ${x}`).join("\n") : `  ${pt("none", L)}`);
    const lines = [
      pt("header", L),
      `${pt("name", L)}: ${c.displayName || pt("none", L)}`,
      `${pt("language", L)}: ${c.locale}`,
      `${pt("announcements", L)}: ${pt(c.optedOut ? "optedOut" : "subscribed", L)}`,
      `${pt("since", L)}: ${c.createdAt.toISOString().slice(0, 10)}`,
      `${pt("accounts", L)}:`,
      list(
        c.identities.map((i) =>
          [i.channel, i.phone, i.username && `@${i.username}`, i.externalId].filter(Boolean).join(" · "),
        ),
      ),
      `${pt("units", L)}:`,
      list(c.memberships.map((m) => [m.unit.name, m.unit.instansi].filter(Boolean).join(", "))),
      `${pt("proposals", L)}:`,
      list(c.memberships.flatMap((m) => m.unit.proposals.map((p) => `${p.code} ${p.title}`))),
      `${pt("roles", L)}:`,
      list(c.staffRoles.map((r) => `${r.role} · ${r.competition.name}`)),
      `${pt("revisions", L)}: ${c.revisions}`,
      "",
      pt("footer", L),
    ];
    return [{ text: [lines.join("\n")] }];
  };

  const erase: AppRoute = async (msg, contact) => {
    const L: Locale = contact.locale;
    if (/^\/(hapusdata|deletemydata)(@\w+)?\s*$/i.test(msg.text?.trim() ?? "")) {
      return [
        {
          text: [pt("confirm", L)],
          choices: [
            { id: "erase:yes", label: pt("yes", L) },
            { id: "erase:no", label: pt("no", L) },
          ],
        },
      ];
    }
    if (msg.choice === "erase:no") return [{ text: [pt("kept", L)] }];
    if (msg.choice !== "erase:yes") return undefined;
    await eraseContactRows(db, contact.id);
    return [{ text: [pt("erased", L)] }];
  };

  return [show, erase];
}
