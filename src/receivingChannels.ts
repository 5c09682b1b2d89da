import { createTelegramChannel, type TelegramChannel } from "./channels/telegram/createTelegramChannel.ts";
import { type CloudChannel, createCloudChannel } from "./channels/whatsapp-cloud/createCloudChannel.ts";
import { createGraphClient } from "./channels/whatsapp-cloud/createGraphClient.ts";
import type { Config } from "./config.ts";
import type { ChannelState } from "./core/channelState.ts";
import type { MessageHandler } from "./core/messages.ts";
import type { ClaimHolder } from "./db/claimHolder.ts";
import { createCloudStore } from "./db/createCloudStore.ts";
import type { Db } from "./db/createDatabase.ts";
import { createUpdateInbox } from "./db/queries/inboxUpdates.ts";
import { secretariatTelegramIds } from "./db/queries/staff.ts";
import type { Logger } from "./logger.ts";

/**
 * How often each process on PostgreSQL looks for updates that a process that died had received
 * and not finished (the webhook's 200 may have gone out at the reply timeout): seconds of delay
 * for a rare message, one cheap statement per process otherwise.
 */
const INBOX_SWEEP_MS = 2_000;

/**
 * The channels every bot process receives on (main.ts wires them): Telegram (polling or its
 * webhook) and the WhatsApp Cloud API webhook, each as configured. Every update is recorded in
 * the inbox before it is handled; with several processes (PostgreSQL, a claim holder) each one
 * takes over what a process that died left there (ADR 0007).
 */
export function createReceivingChannels(deps: {
  config: Config;
  db: Db;
  handler: MessageHandler;
  logger: Logger;
  onTelegramState: (state: ChannelState) => void;
  claimHolder?: ClaimHolder;
}): { telegram?: TelegramChannel; cloud?: CloudChannel } {
  const { config, db, handler, logger, claimHolder } = deps;
  const sweep = claimHolder ? { inboxSweepMs: INBOX_SWEEP_MS } : {};
  const cloudConfig = config.whatsappCloud;
  return {
    telegram: config.telegram.enabled
      ? createTelegramChannel({
          token: config.telegram.token,
          apiRoot: config.telegram.apiRoot,
          mode: config.telegram.mode,
          handler,
          logger: logger.child({ channel: "telegram" }),
          flood: config.flood,
          onState: deps.onTelegramState,
          secretariatChats: () => secretariatTelegramIds(db),
          inbox: createUpdateInbox(db, "telegram", claimHolder?.id),
          ...sweep,
        })
      : undefined,
    cloud: cloudConfig.enabled
      ? createCloudChannel({
          handler,
          graph: createGraphClient(cloudConfig),
          store: createCloudStore(db, { dailyTier: cloudConfig.dailyTier }),
          logger: logger.child({ channel: "whatsapp-cloud" }),
          verifyToken: cloudConfig.verifyToken,
          appSecret: cloudConfig.appSecret,
          flood: config.flood,
          inbox: createUpdateInbox(db, "whatsapp-cloud", claimHolder?.id),
          ...sweep,
        })
      : undefined,
  };
}
