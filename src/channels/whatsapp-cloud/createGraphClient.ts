import { PermanentSendError, TransientSendError } from "../../core/messages.ts";

/** What the Graph API's /messages call answers. */
export interface SentMessage {
  messageId: string;
}

export interface MediaInfo {
  url: string;
  mimeType: string;
  size: number;
}

export interface TemplateInfo {
  name: string;
  language: string;
  status: string;
  /** The BODY component's text ("Pengumuman {{1}}: {{2}}"). */
  body: string;
}

/** The calls Klinik makes to the WhatsApp Cloud API, over plain fetch. */
export interface GraphClient {
  sendMessage(payload: Record<string, unknown>): Promise<SentMessage>;
  uploadMedia(data: Uint8Array, mimeType: string, fileName: string): Promise<string>;
  mediaInfo(mediaId: string): Promise<MediaInfo>;
  /** Downloads a media URL with the token; refuses more than maxBytes, even if the size lied. */
  download(url: string, maxBytes: number): Promise<Uint8Array>;
  templates(name: string): Promise<TemplateInfo[]>;
}

export interface GraphClientDeps {
  /** e.g. https://graph.facebook.com/v23.0 */
  graphUrl: string;
  token: string;
  phoneNumberId: string;
  businessAccountId?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Graph error codes that mean "slow down" (throughput, pair and account rate limits) and those
 * retrying cannot fix. Codes from Meta's Cloud API error reference.
 */
const RATE_LIMIT_CODES = new Set([4, 80007, 130429, 131048, 131056]);
const PERMANENT_CODES = new Map<number, string>([
  [131026, "not on WhatsApp (message undeliverable)"],
  [131047, "outside the 24-hour window"],
  [131051, "unsupported message type"],
  [131021, "recipient cannot be the sender"],
  [132000, "template parameter count mismatch"],
  [132001, "template does not exist"],
  [132005, "template text too long"],
  [132007, "template format policy violated"],
  [132012, "template parameter format mismatch"],
  [132015, "template paused"],
  [132016, "template disabled"],
  [132018, "template parameter has new lines or tabs"],
  [133010, "phone number not registered"],
  [100, "invalid parameter"],
]);
/** How long to back off on a rate-limit answer (Graph does not send Retry-After). */
const RATE_LIMIT_WAIT_MS = 2_000;

export class GraphApiError extends Error {
  override readonly name = "GraphApiError";
  constructor(
    message: string,
    readonly status: number,
    readonly code: number | undefined,
  ) {
    super(message);
  }
}

export function createGraphClient(deps: GraphClientDeps): GraphClient {
  const f = deps.fetch ?? fetch;
  const base = deps.graphUrl.replace(/\/+$/, "");
  const timeoutMs = deps.timeoutMs ?? 20_000;
  const auth = { authorization: `Bearer ${deps.token}` };

  async function call(path: string, init: RequestInit): Promise<unknown> {
    let res: Response;
    try {
      res = await f(`${base}/${path}`, {
        ...init,
        headers: { ...auth, ...(init.headers as Record<string, string>) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new TransientSendError(`Graph API unreachable: ${(err as Error).message}`);
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = {};
    }
    if (res.ok) return body;
    throw toSendError(res.status, body);
  }

  return {
    async sendMessage(payload) {
      const body = (await call(`${deps.phoneNumberId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", ...payload }),
      })) as { messages?: { id?: string }[] };
      return { messageId: body.messages?.[0]?.id ?? "" };
    },
    async uploadMedia(data, mimeType, fileName) {
      const form = new FormData();
      form.set("messaging_product", "whatsapp");
      form.set("type", mimeType);
      form.set("file", new Blob([data], { type: mimeType }), fileName);
      const body = (await call(`${deps.phoneNumberId}/media`, { method: "POST", body: form })) as {
        id?: string;
      };
      if (!body.id) throw new TransientSendError("Graph API media upload returned no id");
      return body.id;
    },
    async mediaInfo(mediaId) {
      const body = (await call(encodeURIComponent(mediaId), { method: "GET" })) as {
        url?: string;
        mime_type?: string;
        file_size?: number;
      };
      if (!body.url) throw new GraphApiError("media has no URL", 404, undefined);
      return {
        url: body.url,
        mimeType: body.mime_type ?? "application/octet-stream",
        size: body.file_size ?? 0,
      };
    },
    async download(url, maxBytes) {
      const res = await f(url, { headers: auth, signal: AbortSignal.timeout(timeoutMs) });
      if (!res.ok || !res.body)
        throw new GraphApiError(`media download failed (${res.status})`, res.status, undefined);
      const declared = Number(res.headers.get("content-length") ?? "0");
      if (declared > maxBytes) throw new GraphApiError("media too large", 413, undefined);
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        total += chunk.length;
        if (total > maxBytes) throw new GraphApiError("media too large", 413, undefined);
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    },
    async templates(name) {
      if (!deps.businessAccountId)
        throw new GraphApiError("WHATSAPP_BUSINESS_ACCOUNT_ID is not set", 400, undefined);
      const body = (await call(
        `${deps.businessAccountId}/message_templates?name=${encodeURIComponent(name)}&limit=100`,
        { method: "GET" },
      )) as {
        data?: {
          name: string;
          language: string;
          status: string;
          components?: { type: string; text?: string }[];
        }[];
      };
      return (body.data ?? []).map((t) => ({
        name: t.name,
        language: t.language,
        status: t.status,
        body: t.components?.find((c) => c.type.toUpperCase() === "BODY")?.text ?? "",
      }));
    },
  };
}

/** A Graph error body as a send error the delivery lane understands. */
export function toSendError(status: number, body: unknown): Error {
  const e = (body as { error?: { message?: string; code?: number } }).error ?? {};
  const code = typeof e.code === "number" ? e.code : undefined;
  const message = `Graph API ${status}${code !== undefined ? ` (#${code})` : ""}: ${e.message ?? "error"}`;
  if (code !== undefined && RATE_LIMIT_CODES.has(code))
    return new TransientSendError(message, RATE_LIMIT_WAIT_MS, { code, rateLimited: true });
  if (code !== undefined && PERMANENT_CODES.has(code)) {
    const reason = code === 131026 || code === 133010 ? "not on whatsapp" : PERMANENT_CODES.get(code);
    return new PermanentSendError(`${message} [${reason}]`, { code });
  }
  // An expired or revoked token fails every send: the channel is down, not this recipient.
  if (status === 401 || code === 190)
    return new TransientSendError(message, undefined, { code, fatal: true });
  return new TransientSendError(message, undefined, { code });
}
