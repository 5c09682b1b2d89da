import { createHmac } from "node:crypto";
import type { IncomingMessage } from "../../core/messages.ts";
import type { Db } from "../../db/createDatabase.ts";
import { appSecret, countCodeAttempts, recordCodeAttempt } from "../../db/queries/codeAttempts.ts";

/** Wrong /daftar and /tautkan codes allowed per chat account and hour. */
export const MAX_FAILED_CODES_PER_HOUR = 5;
export const CODE_WINDOW_MS = 3_600_000;

export interface CodeGuard {
  /** The account has used up its wrong codes for the window. */
  blocked(msg: Pick<IncomingMessage, "channel" | "userId">, now: Date): Promise<boolean>;
  /** Counts one wrong code against the account. */
  failed(
    msg: Pick<IncomingMessage, "channel" | "userId">,
    kind: "daftar" | "tautkan",
    now: Date,
  ): Promise<void>;
}

/**
 * The wrong-code limit, kept per chat account (channel + user id) in its own table, not per
 * contact: /hapusdata deletes the contact, so a limit kept on contact rows gave five fresh guesses
 * after every erase. The table stores only an HMAC of the account with a key made on first use
 * and kept in the database (AppSecret), so it holds no chat id; rows older than the window are
 * dropped by pruneExpired.
 */
export function createCodeGuard(db: Db): CodeGuard {
  let key: Promise<string> | undefined;
  const accountKey = async (m: Pick<IncomingMessage, "channel" | "userId">) => {
    key ??= appSecret(db, "code-attempts-hmac").catch((e) => {
      key = undefined;
      throw e;
    });
    return createHmac("sha256", await key)
      .update(`${m.channel}\n${m.userId}`)
      .digest("base64url");
  };
  return {
    async blocked(msg, now) {
      const n = await countCodeAttempts(db, await accountKey(msg), new Date(now.getTime() - CODE_WINDOW_MS));
      return n >= MAX_FAILED_CODES_PER_HOUR;
    },
    async failed(msg, kind, now) {
      await recordCodeAttempt(db, await accountKey(msg), kind, now);
    },
  };
}
