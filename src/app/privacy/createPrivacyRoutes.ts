import { pipelineTexts } from "../../core/i18n/pipelineTexts.ts";
import { privacyTexts } from "../../core/i18n/privacyTexts.ts";
import type { Db } from "../../db/createDatabase.ts";
import { consumeConfirmation, dropConfirmations, issueConfirmation } from "../../db/queries/confirmations.ts";
import { eraseContactRows, loadPersonalData } from "../../db/queries/personalData.ts";
import { Composer, type Middleware } from "../pipeline/Composer.ts";

/**
 * Personal-data rights: /datasaya shows everything stored about the person; /hapusdata deletes it
 * after confirmation. Drafts belong to the unit and stay, with their author set to null
 * ("former member"); the deletion itself is audited without naming the person.
 */
export function createPrivacyRoutes(deps: { db: Db; now?: () => Date }): Composer {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  const show: Middleware = async ({ contact }) => {
    const pt = privacyTexts(contact.locale);
    const c = await loadPersonalData(db, contact.id);
    const list = (xs: string[]) => (xs.length ? xs.map((x) => `  • ${x}`).join("\n") : `  ${pt.none}`);
    const lines = [
      pt.header,
      `${pt.name}: ${c.displayName || pt.none}`,
      `${pt.language}: ${c.locale}`,
      `${pt.announcements}: ${c.optedOut ? pt.optedOut : pt.subscribed}`,
      `${pt.since}: ${c.createdAt.toISOString().slice(0, 10)}`,
      `${pt.accounts}:`,
      list(
        c.identities.map((i) =>
          [i.channel, i.phone, i.username && `@${i.username}`, i.externalId].filter(Boolean).join(" · "),
        ),
      ),
      `${pt.units}:`,
      list(c.memberships.map((m) => [m.unit.name, m.unit.instansi].filter(Boolean).join(", "))),
      `${pt.proposals}:`,
      list(c.memberships.flatMap((m) => m.unit.proposals.map((p) => `${p.code} ${p.title}`))),
      `${pt.roles}:`,
      list(c.staffRoles.map((r) => `${r.role} · ${r.competition.name}`)),
      `${pt.revisions}: ${c.revisions}`,
      "",
      pt.footer,
    ];
    return [{ text: [lines.join("\n")] }];
  };

  /** The question: its "yes" button carries a one-time id, so a second press or a late repeat erases nothing. */
  const ask: Middleware = async ({ contact }) => {
    const pt = privacyTexts(contact.locale);
    const id = await issueConfirmation(db, {
      contactId: contact.id,
      kind: ERASE,
      now: now(),
      ttlMs: CONFIRM_TTL_MS,
    });
    return [
      {
        text: [pt.confirm],
        choices: [
          { id: `erase:yes:${id}`, label: pt.yes },
          { id: "erase:no", label: pt.no },
        ],
      },
    ];
  };

  const answer: Middleware = async ({ msg, contact }) => {
    const pt = privacyTexts(contact.locale);
    if (msg.choice === "erase:no") {
      await dropConfirmations(db, contact.id, ERASE);
      return [{ text: [pt.kept] }];
    }
    const id = /^erase:yes:([\w-]+)$/.exec(msg.choice ?? "")?.[1];
    if (!id || !(await consumeConfirmation(db, { id, contactId: contact.id, kind: ERASE, now: now() })))
      return [{ text: [pipelineTexts(contact.locale).confirmationUsed] }];
    await eraseContactRows(db, contact.id);
    return [{ text: [pt.erased] }];
  };

  return new Composer().command("datasaya", show).command("hapusdata", ask).choice("erase:", answer);
}

const ERASE = "erase";
const CONFIRM_TTL_MS = 24 * 3_600_000;
