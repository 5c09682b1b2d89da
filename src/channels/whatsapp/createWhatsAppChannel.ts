import { unlink } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import type { Boom } from "@hapi/boom";
import makeWASocket, {
  type BaileysEventMap,
  DisconnectReason,
  downloadMediaMessage,
  jidNormalizedUser,
  makeCacheableSignalKeyStore,
  proto,
  type SignalKeyStore,
  type UserFacingSocketConfig,
  type WAMessage,
} from "@whiskeysockets/baileys";
import type { Logger } from "pino";
import type { ChannelState } from "../../core/channelState.ts";
import type { ChannelSender, MessageHandler } from "../../core/messages.ts";
import type { UpdateInbox } from "../../db/queries/inboxUpdates.ts";
import { createChatQueue } from "./chatQueue.ts";
import { createChoiceMemory } from "./choiceMemory.ts";
import { createInboundRouter } from "./createInboundRouter.ts";
import { createWhatsAppOutbound } from "./createWhatsAppOutbound.ts";
import { createFloodGuard, DEFAULT_FLOOD, type FloodOptions } from "./floodGuard.ts";
import { createIdentityResolver } from "./identityResolver.ts";
import { maskJid } from "./maskJid.ts";
import { toWhatsAppDigits } from "./phone.ts";
import { createReconnectPolicy, type ReconnectOptions } from "./reconnectPolicy.ts";
import { createSendLane, DEFAULT_PACING, type PacingOptions } from "./sendLane.ts";
import { formatPairingCode, type QrOutput, showQr } from "./showQr.ts";
import type { MakeSocket, WASocketLike } from "./socketTypes.ts";
import { type AuthKeyValueStore, type StoredAuthState, useStoredAuthState } from "./useStoredAuthState.ts";

export interface WhatsAppChannelDeps {
  handler: MessageHandler;
  logger: Logger;
  auth: AuthKeyValueStore;
  /** Default: Baileys' makeWASocket; tests pass the fake socket factory. */
  makeSocket?: MakeSocket;
  /** Phone number (E.164 or digits): pair with a code typed on the phone instead of a QR. */
  pairingPhone?: string;
  /** Also write the pairing QR as a PNG here (headless servers). */
  qrPngPath?: string;
  /** Where the terminal QR and pairing code are printed; default stdout. */
  terminal?: QrOutput;
  /** Answer in groups too; default false (groups are ignored). */
  allowGroups?: boolean;
  reconnect?: ReconnectOptions;
  pacing?: Partial<PacingOptions>;
  flood?: FloodOptions;
  /** Media download; default Baileys' downloadMediaMessage (tests replace it). */
  downloadMedia?: (msg: WAMessage) => Promise<Uint8Array>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told when the connection opens, drops, or stops for good (logged out, replaced, reconnect limit). */
  onState?: (state: ChannelState) => void;
  /** Messages are recorded here as they arrive; what a stopped process left is handled at open. */
  inbox?: UpdateInbox;
}

export type WhatsAppState = "connecting" | "open" | "closed" | "logged_out";

export interface WhatsAppChannel {
  sender: ChannelSender;
  /** Loads the stored session and connects (pairing first when there is none). */
  start(): Promise<void>;
  /** Stops taking messages, finishes those in flight, closes the socket; keeps the session. */
  stop(): Promise<void>;
  status(): { state: WhatsAppState; me?: string };
}

/** The Baileys adapter: connection lifecycle, inbound routing, paced outbound sending. */
export function createWhatsAppChannel(deps: WhatsAppChannelDeps): WhatsAppChannel {
  const { logger } = deps;
  const makeSocket: MakeSocket = deps.makeSocket ?? ((config) => makeWASocket(config));
  const now = deps.now ?? Date.now;
  const stopSignal = new AbortController();
  const sleep =
    deps.sleep ??
    ((ms: number) =>
      delay(ms, undefined, { signal: stopSignal.signal }).catch(() => undefined) as Promise<void>);
  // Baileys is chatty at info; it logs at warn or at whatever quieter level the app runs.
  const baileysLogger = logger.child(
    { module: "baileys" },
    { level: logger.levelVal > 40 ? logger.level : "warn" },
  );

  let state: WhatsAppState = "closed";
  let sock: WASocketLike | undefined;
  let auth: StoredAuthState | undefined;
  let keys: SignalKeyStore | undefined;
  let generation = 0;
  let stopping = false;
  let saving: Promise<void> = Promise.resolve();

  const identity = createIdentityResolver({
    lookupPnForLid: async (lid) => sock?.signalRepository?.lidMapping?.getPNForLID(lid) ?? null,
  });
  const choices = createChoiceMemory();
  const lane = createSendLane({ ...DEFAULT_PACING, ...deps.pacing, now, sleep, random: deps.random });
  const policy = createReconnectPolicy({ ...deps.reconnect, now, random: deps.random });
  const queue = createChatQueue((err, chatKey) =>
    logger.error({ err, chatKey: maskJid(chatKey) }, "WhatsApp chat task failed"),
  );
  const outbound = createWhatsAppOutbound({
    openSocket: () => (state === "open" ? sock : undefined),
    lane,
    choices,
    identity,
    logger,
  });
  const inbound = createInboundRouter({
    handler: deps.handler,
    logger,
    allowGroups: deps.allowGroups ?? false,
    identity,
    choices,
    flood: createFloodGuard({ ...DEFAULT_FLOOD, ...deps.flood, now }),
    queue,
    outbound,
    now,
    download: deps.downloadMedia ?? ((msg) => download(msg)),
    markRead: async (key) => {
      if (state === "open") await sock?.readMessages?.([key]);
    },
    ...(deps.inbox ? { inbox: deps.inbox } : {}),
  });

  const download = async (msg: WAMessage): Promise<Uint8Array> => {
    const current = sock;
    const ctx = current?.updateMediaMessage
      ? { logger: baileysLogger, reuploadRequest: current.updateMediaMessage.bind(current) }
      : undefined;
    return downloadMediaMessage(msg, "buffer", {}, ctx);
  };

  const terminal = deps.terminal ?? process.stdout;
  const pairingDigits = deps.pairingPhone ? toWhatsAppDigits(deps.pairingPhone) : undefined;
  if (deps.pairingPhone && !pairingDigits)
    logger.warn("WHATSAPP pairing phone is not a valid number; using QR");

  const connect = (): void => {
    const gen = ++generation;
    const config: UserFacingSocketConfig = {
      auth: { creds: auth!.state.creds, keys: keys! },
      logger: baileysLogger,
      getMessage: outbound.getMessage,
      markOnlineOnConnect: false,
      // No full history download, but the bootstrap and recent syncs carry the LID ↔ phone
      // mappings Baileys 7 needs; refusing every sync type breaks identity and decryption.
      syncFullHistory: false,
      shouldSyncHistoryMessage: (msg) => msg.syncType !== proto.HistorySync.HistorySyncType.FULL,
    };
    const current = makeSocket(config);
    sock = current;
    state = "connecting";
    let pairingRequested = false;

    current.ev.on("creds.update", () => {
      if (state === "logged_out") return;
      saving = saving
        .then(() => auth?.saveCreds())
        .catch((err: unknown) => logger.error({ err }, "Saving WhatsApp credentials failed"));
    });
    current.ev.on("lid-mapping.update", ({ lid, pn }) => identity.learn(lid, pn));
    current.ev.on("messages.upsert", (event) => {
      if (gen === generation) inbound.onUpsert(event);
    });
    current.ev.on("connection.update", (update) => {
      if (gen !== generation || stopping) return;
      void onConnectionUpdate(current, update, () => {
        if (pairingRequested) return false;
        pairingRequested = true;
        return true;
      }).catch((err: unknown) => logger.error({ err }, "WhatsApp connection update failed"));
    });
  };

  const onConnectionUpdate = async (
    current: WASocketLike,
    update: BaileysEventMap["connection.update"],
    firstPairingRequest: () => boolean,
  ): Promise<void> => {
    if (update.qr) {
      // A QR that cannot be shown must not keep the open/close handling below from running.
      await showPairing(current, update.qr, firstPairingRequest).catch((err: unknown) =>
        logger.error({ err }, "Showing the WhatsApp pairing QR or code failed"),
      );
    }
    if (update.connection === "open") {
      state = "open";
      policy.reset();
      deps.onState?.({ state: "connected" });
      logger.info({ me: current.user?.id }, "WhatsApp connected");
      if (deps.qrPngPath) await unlink(deps.qrPngPath).catch(() => undefined);
      await inbound.replayInbox();
    }
    if (update.connection === "close") await onClose(update.lastDisconnect?.error);
  };

  const showPairing = async (current: WASocketLike, qr: string, firstPairingRequest: () => boolean) => {
    if (pairingDigits && !auth!.state.creds.registered) {
      if (!firstPairingRequest()) return;
      const code = formatPairingCode(await current.requestPairingCode(pairingDigits));
      terminal.write(`\nWhatsApp pairing code: ${code} (phone: Linked devices → Link with phone number)\n`);
      logger.info({ code }, "WhatsApp pairing code requested");
      return;
    }
    await showQr(qr, { terminal, pngPath: deps.qrPngPath, logger });
  };

  const onClose = async (error: Error | undefined): Promise<void> => {
    const code = (error as Partial<Boom> | undefined)?.output?.statusCode;
    const closedGen = ++generation; // later events of the closed socket are stale
    sock = undefined;
    if (code === DisconnectReason.loggedOut) {
      state = "logged_out";
      deps.onState?.({ state: "fatal", reason: "logged_out" });
      await saving;
      await auth?.clear();
      logger.error(
        "WhatsApp logged out (the device was unlinked): the stored session was deleted. Restart the bot and pair again with the QR or pairing code.",
      );
      return;
    }
    if (code === DisconnectReason.connectionReplaced || code === DisconnectReason.forbidden) {
      state = "closed";
      deps.onState?.({
        state: "fatal",
        reason: code === DisconnectReason.forbidden ? "forbidden" : "replaced",
      });
      const why =
        code === DisconnectReason.forbidden
          ? "WhatsApp refused this account (403)"
          : "another session took over this number (440)";
      logger.error(
        { code },
        `WhatsApp closed: ${why}; not reconnecting. Make sure only one bot process uses the number, then restart.`,
      );
      return;
    }
    const next = policy.next({ immediate: code === DisconnectReason.restartRequired });
    if (!next) {
      state = "closed";
      deps.onState?.({ state: "fatal", reason: "reconnect_limit" });
      const attempts = policy.recentAttempts();
      logger.error(
        { code, attempts },
        `WhatsApp reconnect limit reached (${attempts} attempts in the last hour); giving up. Check the network and restart.`,
      );
      return;
    }
    state = "connecting";
    deps.onState?.({ state: "disconnected", reason: `closed (${code ?? "network"})` });
    logger.warn(
      { code, delayMs: next.delayMs, attempt: next.attempt },
      "WhatsApp connection closed; reconnecting",
    );
    if (next.delayMs > 0) await sleep(next.delayMs);
    if (stopping || closedGen !== generation) return;
    connect();
  };

  return {
    sender: outbound.sender,
    async start() {
      if (stopping) throw new Error("The WhatsApp channel was stopped; create a new one to start again");
      if (state === "open" || state === "connecting") return;
      auth = await useStoredAuthState(deps.auth);
      keys = makeCacheableSignalKeyStore(auth.state.keys, baileysLogger);
      policy.reset();
      connect();
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      inbound.stopAccepting();
      await queue.drain();
      await deps.inbox?.flush();
      lane.close();
      stopSignal.abort();
      const current = sock;
      sock = undefined;
      state = "closed";
      await current?.end(undefined);
      await saving;
    },
    status() {
      const me = state === "open" && sock?.user?.id ? jidNormalizedUser(sock.user.id) : undefined;
      return me ? { state, me } : { state };
    },
  };
}
