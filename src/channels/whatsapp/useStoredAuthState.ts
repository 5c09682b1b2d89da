import {
  type AuthenticationCreds,
  type AuthenticationState,
  BufferJSON,
  initAuthCreds,
  proto,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from "@whiskeysockets/baileys";

/**
 * Where the WhatsApp session lives: string values under "creds" and "<type>-<id>" keys.
 * Implemented over the WhatsAppAuth table (src/db/whatsAppAuthStore.ts); in memory in tests.
 */
export interface AuthKeyValueStore {
  /** Values of the keys that exist; missing keys are absent from the map. */
  read(keys: string[]): Promise<Map<string, string>>;
  /** Applies all entries atomically (one transaction); a null value deletes the key. */
  write(entries: { key: string; value: string | null }[]): Promise<void>;
  /** Removes the whole session (after a logout). */
  clear(): Promise<void>;
}

export interface StoredAuthState {
  state: AuthenticationState;
  /** Persists the creds object Baileys mutates in place; call on every `creds.update`. */
  saveCreds(): Promise<void>;
  /** Forgets the session: stored keys and creds. */
  clear(): Promise<void>;
}

export const CREDS_KEY = "creds";

/** The store key of a signal key, the same name useMultiFileAuthState gives its file (minus .json). */
export function signalKeyName(type: keyof SignalDataTypeMap, id: string): string {
  return `${type}-${id}`;
}

/**
 * Baileys' useMultiFileAuthState over an injected key-value store: the same serialisation
 * (BufferJSON) and key names, so a session can move between the two (see importMultiFileAuth).
 */
export async function useStoredAuthState(store: AuthKeyValueStore): Promise<StoredAuthState> {
  const stored = (await store.read([CREDS_KEY])).get(CREDS_KEY);
  const creds: AuthenticationCreds = stored ? JSON.parse(stored, BufferJSON.reviver) : initAuthCreds();

  const keys: SignalKeyStore = {
    async get(type, ids) {
      const names = ids.map((id) => signalKeyName(type, id));
      const values = await store.read(names);
      const data: { [id: string]: SignalDataTypeMap[typeof type] } = {};
      ids.forEach((id, index) => {
        const raw = values.get(names[index]!);
        if (raw === undefined) return;
        let value = JSON.parse(raw, BufferJSON.reviver);
        if (type === "app-state-sync-key" && value)
          value = proto.Message.AppStateSyncKeyData.fromObject(value);
        data[id] = value;
      });
      return data;
    },
    async set(data: SignalDataSet) {
      const entries: { key: string; value: string | null }[] = [];
      for (const type of Object.keys(data) as (keyof SignalDataTypeMap)[]) {
        const byId = data[type] ?? {};
        for (const [id, value] of Object.entries(byId)) {
          entries.push({ key: signalKeyName(type, id), value: value ? serialise(value) : null });
        }
      }
      if (entries.length > 0) await store.write(entries);
    },
    clear: () => store.clear(),
  };

  // Writes are chained so an older snapshot can never commit after a newer one.
  let saving: Promise<void> = Promise.resolve();
  const saveCreds = (): Promise<void> => {
    const next = saving.then(() => store.write([{ key: CREDS_KEY, value: serialise(creds) }]));
    saving = next.catch(() => {});
    return next;
  };

  return { state: { creds, keys }, saveCreds, clear: () => store.clear() };
}

function serialise(value: unknown): string {
  return JSON.stringify(value, BufferJSON.replacer);
}
