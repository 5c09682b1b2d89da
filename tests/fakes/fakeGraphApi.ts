import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Meta's Graph API (WhatsApp Cloud API) speaking its real request and
 * response shapes: POST /{version}/{phone-number-id}/messages, POST …/media (multipart),
 * GET /{version}/{media-id}, the media download URL, GET /{version}/{waba-id}/message_templates,
 * and Graph error bodies `{ error: { message, type, code, error_subcode, fbtrace_id } }`.
 *
 * Like the real platform it refuses a free-form message to a user who has not written within
 * 24 hours (error 131047) and accepts a template there; it enforces a throughput limit (error
 * 130429) when `perSecondLimit` is set. It also plays WhatsApp's side of the webhook: `inbound()`
 * posts a signed message to the bot's webhook, and each accepted message gets "sent",
 * "delivered" and (optionally) "read" status webhooks, as Meta sends them.
 */
export interface FakeGraphOptions {
  token: string;
  phoneNumberId: string;
  appSecret: string;
  wabaId?: string;
  /** Where the bot's webhook listens (set later with setWebhook when unknown at start). */
  webhookUrl?: string;
  /** Messages accepted per rolling second before 130429 (undefined = unlimited). */
  perSecondLimit?: number;
  /** Post status webhooks (sent, delivered, read) for each accepted message. */
  statuses?: { read: boolean };
  now?: () => number;
}

export interface SentRecord {
  id: string;
  to: string;
  type: string;
  body: Record<string, unknown>;
  at: number;
}

export interface TemplateDef {
  name: string;
  language: string;
  status: "APPROVED" | "PENDING" | "REJECTED";
  category?: string;
  body: string;
}

export class FakeGraphApi {
  readonly sent: SentRecord[] = [];
  readonly rejected: { to: string; code: number; body: Record<string, unknown> }[] = [];
  readonly uploads = new Map<string, { bytes: Buffer; mime: string; fileName: string }>();
  readonly media = new Map<string, { bytes: Buffer; mime: string; fileName?: string }>();
  readonly templates: TemplateDef[] = [];
  /** Webhook posts answered with something other than 200. */
  readonly webhookFailures: { status: number; body: string }[] = [];
  /** Numbers the fake treats as not on WhatsApp (error 131026). */
  readonly undeliverable = new Set<string>();
  /** Media ids whose bytes were downloaded. */
  readonly downloads: string[] = [];
  private lastInbound = new Map<string, number>();
  private window: number[] = [];
  private server?: Server;
  private url = "";
  private pendingPosts = new Set<Promise<unknown>>();
  private readonly now: () => number;

  constructor(private opts: FakeGraphOptions) {
    this.now = opts.now ?? Date.now;
  }

  get baseUrl(): string {
    return this.url;
  }

  setWebhook(url: string): void {
    this.opts.webhookUrl = url;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.route(req, res));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await this.settle();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Waits for every webhook post the fake has started. */
  async settle(): Promise<void> {
    while (this.pendingPosts.size) await Promise.all([...this.pendingPosts]);
  }

  /** The user `waId` writes to the business (opens their 24-hour window); returns the wamid. */
  async inbound(
    waId: string,
    message: Record<string, unknown>,
    extra: { name?: string; id?: string; at?: number } = {},
  ): Promise<{ id: string; status: number }> {
    const at = extra.at ?? this.now();
    this.lastInbound.set(waId, at);
    const id = extra.id ?? `wamid.IN${randomUUID().replace(/-/g, "")}`;
    const status = await this.postWebhook({
      messaging_product: "whatsapp",
      metadata: { display_phone_number: "6281100000000", phone_number_id: this.opts.phoneNumberId },
      contacts: [{ profile: { name: extra.name ?? "Pengguna" }, wa_id: waId }],
      messages: [{ from: waId, id, timestamp: String(Math.floor(at / 1000)), ...message }],
    });
    return { id, status };
  }

  text(waId: string, body: string, extra: { name?: string; id?: string } = {}) {
    return this.inbound(waId, { type: "text", text: { body } }, extra);
  }

  /** The user taps a reply button (or a list row) the bot sent. */
  tap(
    waId: string,
    choice: { id: string; title: string },
    kind: "button_reply" | "list_reply" = "button_reply",
  ) {
    return this.inbound(waId, { type: "interactive", interactive: { type: kind, [kind]: choice } });
  }

  /** The user sends a document: stored as media the bot can download with its token. */
  document(waId: string, bytes: Buffer, fileName: string, mime: string) {
    const mediaId = `${Math.floor(Math.random() * 1e15)}`;
    this.media.set(mediaId, { bytes, mime, fileName });
    return this.inbound(waId, {
      type: "document",
      document: { id: mediaId, mime_type: mime, sha256: "x", filename: fileName },
    });
  }

  /** Records that a user wrote at `at` (without a webhook post): their window is open from then. */
  openWindow(waId: string, at = this.now()): void {
    this.lastInbound.set(waId, at);
  }

  /** Marks a user's last message as long ago (outside the 24-hour window). */
  ageWindow(waId: string, hours: number): void {
    this.lastInbound.set(waId, this.now() - hours * 3_600_000);
  }

  /** Posts any webhook body to the bot, signed like Meta (or with a given signature). */
  async postWebhook(value: Record<string, unknown>, signature?: string): Promise<number> {
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [{ id: this.opts.wabaId ?? "WABA", changes: [{ field: "messages", value }] }],
    });
    return this.postRaw(body, signature ?? sign(body, this.opts.appSecret));
  }

  async postRaw(body: string, signature: string | undefined): Promise<number> {
    if (!this.opts.webhookUrl) throw new Error("fake Graph API: no webhook URL set");
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (signature !== undefined) headers["x-hub-signature-256"] = signature;
    const p = fetch(this.opts.webhookUrl, { method: "POST", headers, body }).then(async (r) => {
      const text = await r.text();
      if (r.status !== 200) this.webhookFailures.push({ status: r.status, body: text });
      return r.status;
    });
    this.pendingPosts.add(p);
    try {
      return await p;
    } finally {
      this.pendingPosts.delete(p);
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const parts = url.pathname.split("/").filter(Boolean); // [version, ...]
    const auth = req.headers.authorization;
    if (url.pathname.startsWith("/download/")) {
      if (auth !== `Bearer ${this.opts.token}`)
        return graphError(res, 401, 190, "Invalid OAuth access token.");
      const m = this.media.get(parts[1] ?? "");
      if (!m) return graphError(res, 404, 100, "Unsupported get request.");
      this.downloads.push(parts[1] ?? "");
      res.writeHead(200, { "content-type": m.mime, "content-length": m.bytes.length });
      res.end(m.bytes);
      return;
    }
    if (auth !== `Bearer ${this.opts.token}`) return graphError(res, 401, 190, "Invalid OAuth access token.");
    const body = await readBody(req);
    if (req.method === "POST" && parts[1] === this.opts.phoneNumberId && parts[2] === "messages") {
      return this.acceptMessage(res, JSON.parse(body.toString("utf8")) as Record<string, unknown>);
    }
    if (req.method === "POST" && parts[1] === this.opts.phoneNumberId && parts[2] === "media") {
      const file = parseMultipartFile(body, String(req.headers["content-type"] ?? ""));
      if (!file) return graphError(res, 400, 100, "(#100) The parameter file is required.");
      const id = `${Math.floor(Math.random() * 1e15)}`;
      this.uploads.set(id, file);
      return json(res, 200, { id });
    }
    if (
      req.method === "GET" &&
      parts[1] === (this.opts.wabaId ?? "WABA") &&
      parts[2] === "message_templates"
    ) {
      const name = url.searchParams.get("name");
      const data = this.templates
        .filter((t) => !name || t.name === name)
        .map((t) => ({
          name: t.name,
          language: t.language,
          status: t.status,
          category: t.category ?? "UTILITY",
          id: `${t.name}-${t.language}`,
          components: [{ type: "BODY", text: t.body }],
        }));
      return json(res, 200, { data, paging: {} });
    }
    if (req.method === "GET" && parts.length === 2) {
      const m = this.media.get(parts[1]!);
      if (!m) return graphError(res, 400, 100, "Unsupported get request. Object does not exist.");
      return json(res, 200, {
        messaging_product: "whatsapp",
        url: `${this.url}/download/${parts[1]}`,
        mime_type: m.mime,
        sha256: "x",
        file_size: m.bytes.length,
        id: parts[1],
      });
    }
    graphError(res, 400, 100, `Unsupported ${req.method} request.`);
  }

  private acceptMessage(res: ServerResponse, body: Record<string, unknown>): void {
    const to = String(body.to ?? "");
    const type = String(body.type ?? "text");
    if (body.messaging_product !== "whatsapp")
      return graphError(res, 400, 100, "(#100) The parameter messaging_product is required.");
    const t = this.now();
    if (this.opts.perSecondLimit !== undefined) {
      this.window = this.window.filter((x) => t - x < 1000);
      if (this.window.length >= this.opts.perSecondLimit) {
        this.rejected.push({ to, code: 130429, body });
        return graphError(res, 400, 130429, "(#130429) Rate limit hit");
      }
      this.window.push(t);
    }
    if (this.undeliverable.has(to)) {
      this.rejected.push({ to, code: 131026, body });
      return graphError(res, 400, 131026, "(#131026) Message undeliverable");
    }
    const last = this.lastInbound.get(to);
    if (type !== "template" && (last === undefined || t - last > 24 * 3_600_000)) {
      this.rejected.push({ to, code: 131047, body });
      return graphError(
        res,
        400,
        131047,
        "(#131047) Re-engagement message: more than 24 hours have passed since the customer last replied to this number.",
      );
    }
    const problem = validateShape(type, body);
    if (problem) {
      this.rejected.push({ to, code: 100, body });
      return graphError(res, 400, 100, `(#100) ${problem}`);
    }
    if (type === "template") {
      const tpl = body.template as { name?: string; language?: { code?: string } };
      const def = this.templates.find((d) => d.name === tpl.name && d.language === tpl.language?.code);
      if (def?.status !== "APPROVED") {
        this.rejected.push({ to, code: 132001, body });
        return graphError(res, 404, 132001, "(#132001) Template name does not exist in the translation");
      }
    }
    const id = `wamid.OUT${randomUUID().replace(/-/g, "")}`;
    this.sent.push({ id, to, type, body, at: t });
    json(res, 200, {
      messaging_product: "whatsapp",
      contacts: [{ input: to, wa_id: to }],
      messages: [{ id }],
    });
    if (this.opts.statuses && this.opts.webhookUrl) {
      const read = this.opts.statuses.read;
      void (async () => {
        for (const status of read ? ["sent", "delivered", "read"] : ["sent", "delivered"]) {
          await this.postWebhook({
            messaging_product: "whatsapp",
            metadata: { display_phone_number: "6281100000000", phone_number_id: this.opts.phoneNumberId },
            statuses: [{ id, status, timestamp: String(Math.floor(this.now() / 1000)), recipient_id: to }],
          }).catch(() => undefined);
        }
      })();
    }
  }
}

/** `sha256=<hex HMAC of the raw body with the app secret>`, as Meta signs webhook posts. */
export function sign(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** The limits Meta enforces on interactive messages, so a bad payload fails here as it would there. */
function validateShape(type: string, body: Record<string, unknown>): string | undefined {
  if (type === "text") {
    const text = (body.text as { body?: string } | undefined)?.body ?? "";
    if (!text) return "The parameter text['body'] is required.";
    if (text.length > 4096) return "Param text['body'] must be at most 4096 characters long.";
  }
  if (type === "interactive") {
    const i = body.interactive as {
      type: string;
      body?: { text?: string };
      action?: {
        buttons?: { reply: { id: string; title: string } }[];
        button?: string;
        sections?: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
      };
    };
    const text = i.body?.text ?? "";
    if (!text || text.length > 1024) return "Param interactive['body']['text'] must be 1-1024 characters.";
    if (i.type === "button") {
      const b = i.action?.buttons ?? [];
      if (b.length < 1 || b.length > 3) return "Param interactive['action']['buttons'] must have 1-3 items.";
      for (const x of b) {
        if (!x.reply.title || x.reply.title.length > 20) return "Button title must be 1-20 characters.";
        if (x.reply.id.length > 256) return "Button id too long.";
      }
      if (new Set(b.map((x) => x.reply.title)).size !== b.length) return "Button titles must be unique.";
    } else if (i.type === "list") {
      const button = i.action?.button ?? "";
      if (!button || button.length > 20)
        return "Param interactive['action']['button'] must be 1-20 characters.";
      const rows = (i.action?.sections ?? []).flatMap((s) => s.rows);
      if (rows.length < 1 || rows.length > 10) return "Total row count exceed max allowed count: 10";
      for (const r of rows) {
        if (!r.title || r.title.length > 24) return "Row title must be 1-24 characters.";
        if ((r.description ?? "").length > 72) return "Row description must be at most 72 characters.";
        if (r.id.length > 200) return "Row id too long.";
      }
    } else return `Unsupported interactive type ${i.type}`;
  }
  if (type === "template") {
    const params = (
      (body.template as { components?: { parameters?: { text?: string }[] }[] }).components ?? []
    )
      .flatMap((c) => c.parameters ?? [])
      .map((p) => p.text ?? "");
    // Meta: a text parameter cannot hold new lines, tabs or more than 4 consecutive spaces (132018).
    if (params.some((p) => /[\n\t]| {5,}/.test(p)))
      return "Param text cannot have new-line/tab characters or more than 4 consecutive spaces";
  }
  return undefined;
}

function graphError(res: ServerResponse, status: number, code: number, message: string): void {
  json(res, status, {
    error: { message, type: "OAuthException", code, error_data: { details: message }, fbtrace_id: "AbCdEf" },
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Reads the `file` part of a multipart/form-data body (enough for the media upload call). */
function parseMultipartFile(
  body: Buffer,
  contentType: string,
): { bytes: Buffer; mime: string; fileName: string } | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) return undefined;
  const sep = Buffer.from(`--${b}`);
  let start = body.indexOf(sep);
  while (start >= 0) {
    const next = body.indexOf(sep, start + sep.length);
    if (next < 0) break;
    const part = body.subarray(start + sep.length + 2, next - 2);
    const headEnd = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, headEnd).toString("utf8");
    if (/name="file"/.test(head)) {
      const fileName = /filename="([^"]*)"/.exec(head)?.[1] ?? "file";
      const mime = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? "application/octet-stream";
      return { bytes: Buffer.from(part.subarray(headEnd + 4)), mime, fileName };
    }
    start = next;
  }
  return undefined;
}
