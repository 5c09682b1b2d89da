import {
  type Audience,
  audienceParts,
  PUSH_CHANNELS,
  type PushChannel,
} from "../../core/broadcast/audienceSchema.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import type { Db } from "../../db/createDatabase.ts";
import { audienceMembers } from "../../db/queries/audience.ts";

/** One person to reach, on one of their chat identities. */
export interface Recipient {
  contactId: string;
  /** The identity chosen for this person; undefined when they have none we can push to. */
  channel?: PushChannel;
  externalId?: string;
  optedOut: boolean;
  locale: Locale;
  /** Their proposals in the competition that matched the audience. */
  proposalIds: string[];
}

export interface AudienceResolution {
  /** Every matched person once (opted-out and unreachable ones included, to be counted). */
  recipients: Recipient[];
  contacts: number;
  proposals: number;
  optedOut: number;
  /** Matched people without a Telegram or WhatsApp identity (terminal-only users). */
  unreachable: number;
}

export interface ResolveOptions {
  /** Template section keys: "incomplete" means one of them is not marked complete. */
  sectionKeys: readonly string[];
  /** Channels that can be pushed to, in order of preference; default Telegram, then WhatsApp. */
  channels?: readonly PushChannel[];
}

/**
 * The people an audience reaches in a competition: everyone with a membership in a unit that has
 * a matching proposal, each once. A person with several identities gets the announcement on one
 * of them: the first channel in the preference order (Telegram before WhatsApp: no daily cap, no
 * risk to the bot's number), on WhatsApp the phone JID before a LID, then the newest identity.
 * With a channel filter only people reachable on it match.
 */
export async function resolveAudience(
  db: Db,
  competitionId: string,
  audience: Audience,
  opts: ResolveOptions,
): Promise<AudienceResolution> {
  const parts = audienceParts(audience);
  const preference = (opts.channels ?? PUSH_CHANNELS).filter(
    (c) => parts.channels.length === 0 || parts.channels.includes(c),
  );
  const rows = await audienceMembers(db, {
    competitionId,
    parts,
    sectionKeys: opts.sectionKeys,
    preference,
  });
  const recipients: Recipient[] = [];
  for (const r of rows) {
    if (parts.channels.length > 0 && r.channel === null) continue;
    recipients.push({
      contactId: r.contactId,
      ...(r.channel && r.externalId ? { channel: r.channel as PushChannel, externalId: r.externalId } : {}),
      optedOut: r.optedOut,
      locale: r.locale === "en" ? "en" : "id",
      proposalIds: r.proposals,
    });
  }
  return {
    recipients,
    contacts: recipients.length,
    proposals: new Set(recipients.flatMap((r) => r.proposalIds)).size,
    optedOut: recipients.filter((r) => r.optedOut).length,
    unreachable: recipients.filter((r) => !r.optedOut && !r.channel).length,
  };
}
