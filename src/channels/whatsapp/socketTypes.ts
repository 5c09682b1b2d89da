import type {
  AnyMessageContent,
  BaileysEventEmitter,
  Contact,
  MiscMessageGenerationOptions,
  UserFacingSocketConfig,
  WAMessage,
  WAMessageKey,
} from "@whiskeysockets/baileys";

/**
 * The part of Baileys' WASocket this adapter uses. makeWASocket's result satisfies it; the test
 * fake (tests/fakes/fakeBaileysSocket.ts) implements exactly this.
 */
export interface WASocketLike {
  ev: BaileysEventEmitter;
  user: Contact | undefined;
  sendMessage(
    jid: string,
    content: AnyMessageContent,
    options?: MiscMessageGenerationOptions,
  ): Promise<WAMessage | undefined>;
  requestPairingCode(phoneNumber: string): Promise<string>;
  onWhatsApp(...phoneNumbers: string[]): Promise<{ jid: string; exists: boolean }[] | undefined>;
  /** Closes the connection, keeping the session (unlike logout). */
  end(error: Error | undefined): Promise<void>;
  logout(msg?: string): Promise<void>;
  readMessages?(keys: WAMessageKey[]): Promise<void>;
  /** Asks the sender's phone to upload expired media again (used by downloadMediaMessage). */
  updateMediaMessage?(message: WAMessage): Promise<WAMessage>;
  signalRepository?: { lidMapping?: { getPNForLID(lid: string): Promise<string | null> } };
}

export type MakeSocket = (config: UserFacingSocketConfig) => WASocketLike;
