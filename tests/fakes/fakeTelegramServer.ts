import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  BotCommand,
  InlineKeyboardMarkup,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  Update,
} from "grammy/types";
import type { NewUpdate } from "./telegramUpdates.ts";

/** A canned failure for the next call of a method. */
export type Failure =
  | { status: 429; retryAfter: number; description?: string }
  | { status: 500 | 502 | 503 | 504; description?: string }
  | { status: 400 | 401 | 403 | 409; description: string };

/** Outgoing-message limits; over them the server answers 429 with retry_after, like Telegram. */
export interface RateLimits {
  perChatPerSecond?: number;
  globalPerSecond?: number;
  /** retry_after in 429 answers; default 1. */
  retryAfterSeconds?: number;
}

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  limits?: RateLimits;
}

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** One API call as received; status is 0 while it is still being answered (long polls). */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  files: Record<string, UploadedFile>;
  status: number;
  at: number;
}

export type FakeReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;

/** A message the bot delivered (after any edits). text is what the user sees, HTML decoded. */
export interface SentMessage {
  chatId: number;
  messageId: number;
  text: string;
  /** The raw text or caption parameter as sent. */
  raw: string;
  entities: Array<{ type: string; text: string }>;
  replyMarkup?: FakeReplyMarkup;
  document?: UploadedFile;
  edits: number;
}

type Reply = { status: number; body: unknown };
type Params = Record<string, unknown>;

class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

const SEND_METHODS = new Set(["sendmessage", "senddocument", "editmessagetext"]);
const NUMERIC = new Set(["chat_id", "message_id", "offset", "limit", "timeout", "max_connections"]);
const MAX_DOWNLOAD = 20 * 1024 * 1024;

/**
 * A Telegram Bot API server on 127.0.0.1 for tests, reached through grammY's client.apiRoot.
 * It records every call, validates HTML like Telegram does (unbalanced tags, raw "<" or "&"
 * and texts over 4096 characters are refused), long-polls getUpdates, serves files, and can
 * fail the next call of a method or enforce per-chat/global rate limits with 429s.
 */
export class FakeTelegramServer {
  readonly token: string;
  readonly botUsername: string;
  readonly botId: number;
  readonly calls: RecordedCall[] = [];
  readonly messages: SentMessage[] = [];
  /** Published command menus by language_code ("" for the default). */
  readonly commands = new Map<string, BotCommand[]>();
  webhook: { url: string; secretToken?: string } | undefined;
  /** The highest offset a getUpdates call confirmed (updates below it are gone). */
  confirmedOffset = 0;

  #server: Server;
  #port = 0;
  #limits: RateLimits;
  #pending: Update[] = [];
  #nextUpdateId = 700_000;
  #nextMessageId = 1;
  #failures = new Map<string, Failure[]>();
  #files = new Map<string, { bytes: Uint8Array; path: string; fileName: string }>();
  #blocked = new Set<number>();
  #sendTimes: Array<{ chatId: number; at: number }> = [];
  #pollWaiters = new Set<() => void>();
  #events = new EventEmitter().setMaxListeners(0);

  constructor(opts: FakeTelegramOptions = {}) {
    this.token = opts.token ?? "123456:TEST-token";
    this.botUsername = opts.botUsername ?? "KlinikInovasiBot";
    this.botId = Number(this.token.split(":")[0]);
    this.#limits = opts.limits ?? {};
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(err));
      });
    });
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.#port = (this.#server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const wake of this.#pollWaiters) wake();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
  }

  /** Queues an update for getUpdates; returns its update_id. Same-tick injections batch. */
  injectUpdate(update: NewUpdate): number {
    const full = { ...update, update_id: update.update_id ?? this.#nextUpdateId++ } as Update;
    this.#pending.push(full);
    setImmediate(() => {
      for (const wake of this.#pollWaiters) wake();
    });
    return full.update_id;
  }

  /** Plays Telegram delivering an update to a webhook (with the secret header when given). */
  async webhookPost(
    url: string,
    update: NewUpdate,
    secret?: string,
  ): Promise<{ status: number; body: string; updateId: number }> {
    const full = { ...update, update_id: update.update_id ?? this.#nextUpdateId++ };
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (secret !== undefined) headers["X-Telegram-Bot-Api-Secret-Token"] = secret;
    const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(full) });
    return { status: res.status, body: await res.text(), updateId: full.update_id };
  }

  /** Makes a file downloadable through getFile and /file/bot<token>/<path>. */
  addFile(fileId: string, bytes: Uint8Array, opts: { fileName?: string } = {}): void {
    const fileName = opts.fileName ?? `${fileId}.bin`;
    const ext = fileName.includes(".") ? fileName.slice(fileName.lastIndexOf(".")) : "";
    this.#files.set(fileId, { bytes, path: `documents/file_${this.#files.size + 1}${ext}`, fileName });
  }

  /** The next `times` calls of method fail this way (retries included). */
  failNext(method: string, failure: Failure, times = 1): void {
    const queue = this.#failures.get(method.toLowerCase()) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.#failures.set(method.toLowerCase(), queue);
  }

  setLimits(limits: RateLimits): void {
    this.#limits = limits;
  }

  /** From now on, sending to this chat answers 403 "bot was blocked by the user". */
  blockChat(chatId: number): void {
    this.#blocked.add(chatId);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  messagesTo(chatId: number): SentMessage[] {
    return this.messages.filter((m) => m.chatId === chatId);
  }

  /** Resolves once check returns something other than undefined/false; re-checked on every call. */
  waitUntil<T>(check: () => T | undefined | false, description: string, timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onChange = () => {
        const value = check();
        if (value === undefined || value === false) return;
        clearTimeout(timer);
        this.#events.off("change", onChange);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.#events.off("change", onChange);
        const recent = this.calls.slice(-15).map((c) => `${c.method}:${c.status}`);
        reject(new Error(`Timed out waiting for ${description}; recent calls: ${recent.join(", ")}`));
      }, timeoutMs);
      this.#events.on("change", onChange);
      onChange();
    });
  }

  /** The first answered call of method matching predicate. */
  waitForCall(method: string, predicate: (c: RecordedCall) => boolean = () => true, timeoutMs?: number) {
    return this.waitUntil(
      () => this.calls.find((c) => c.method === method && c.status !== 0 && predicate(c)),
      `a ${method} call`,
      timeoutMs,
    );
  }

  /** Resolves with the chat's messages once there are at least count. */
  waitForMessages(chatId: number, count: number, timeoutMs?: number): Promise<SentMessage[]> {
    return this.waitUntil(
      () => this.messagesTo(chatId).length >= count && this.messagesTo(chatId),
      `${count} message(s) to chat ${chatId}`,
      timeoutMs,
    );
  }

  /** Resolves once a getUpdates call confirmed updateId (the poller has taken it). */
  waitForDelivered(updateId: number, timeoutMs?: number): Promise<true> {
    return this.waitUntil(() => this.confirmedOffset > updateId, `update ${updateId} delivered`, timeoutMs);
  }

  /** Calls the listener after every recorded call (benchmarks count replies incrementally). */
  onChange(listener: () => void): () => void {
    this.#events.on("change", listener);
    return () => this.#events.off("change", listener);
  }

  #changed(): void {
    this.#events.emit("change");
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.#serveFile(file[1]!, decodeURIComponent(file[2]!), res);
    const route = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!route) return send(res, failure(404, "Not Found"));
    if (route[1] !== this.token) return send(res, failure(401, "Unauthorized"));
    const { params, files } = parseRequest(req.headers["content-type"], url, await readBody(req));
    const call: RecordedCall = { method: route[2]!, params, files, status: 0, at: Date.now() };
    this.calls.push(call);
    this.#changed();
    const reply = await this.#dispatch(call, res);
    call.status = reply.status;
    send(res, reply);
    this.#changed();
  }

  async #dispatch(call: RecordedCall, res: ServerResponse): Promise<Reply> {
    const method = call.method.toLowerCase();
    const canned = this.#failures.get(method)?.shift();
    if (canned) return cannedFailure(canned);
    try {
      if (SEND_METHODS.has(method)) this.#checkSendAllowed(Number(call.params.chat_id));
      switch (method) {
        case "getme":
          return ok(this.#botUser());
        case "getupdates":
          return ok(await this.#getUpdates(call.params, res));
        case "sendmessage":
          return ok(this.#sendMessage(call.params));
        case "editmessagetext":
          return ok(this.#editMessageText(call.params));
        case "senddocument":
          return ok(this.#sendDocument(call.params, call.files));
        case "answercallbackquery":
        case "sendchataction":
          return ok(true);
        case "setmycommands":
          this.commands.set(String(call.params.language_code ?? ""), call.params.commands as BotCommand[]);
          return ok(true);
        case "getmycommands":
          return ok(this.commands.get(String(call.params.language_code ?? "")) ?? []);
        case "getfile":
          return ok(this.#getFile(String(call.params.file_id)));
        case "setwebhook":
          this.webhook = { url: String(call.params.url), ...optionalSecret(call.params.secret_token) };
          return ok(true);
        case "deletewebhook":
          this.webhook = undefined;
          return ok(true);
        case "getwebhookinfo":
          return ok({ url: this.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: 0 });
        default:
          return failure(404, "Not Found: method not found");
      }
    } catch (err) {
      if (err instanceof ApiFailure) return failure(err.code, err.description, err.parameters);
      throw err;
    }
  }

  async #getUpdates(params: Params, res: ServerResponse): Promise<Update[]> {
    if (this.webhook) {
      throw new ApiFailure(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const offset = Number(params.offset ?? 0);
    const limit = Number(params.limit ?? 100);
    if (offset > 0) {
      this.#pending = this.#pending.filter((u) => u.update_id >= offset);
      this.confirmedOffset = Math.max(this.confirmedOffset, offset);
      this.#changed();
    }
    const available = () => this.#pending.filter((u) => u.update_id >= offset).slice(0, limit);
    const timeoutMs = Number(params.timeout ?? 0) * 1000;
    if (available().length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.#pollWaiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        this.#pollWaiters.add(done);
        res.once("close", done);
      });
    }
    return available();
  }

  #sendMessage(params: Params): unknown {
    const chatId = Number(params.chat_id);
    const { text, entities } = parseText(String(params.text ?? ""), params.parse_mode);
    if (text.trim() === "") throw new ApiFailure(400, "Bad Request: message text is empty");
    if (text.length > 4096) throw new ApiFailure(400, "Bad Request: message is too long");
    const replyMarkup = checkMarkup(params.reply_markup);
    const sent: SentMessage = {
      chatId,
      messageId: this.#nextMessageId++,
      text,
      raw: String(params.text),
      entities,
      ...(replyMarkup ? { replyMarkup } : {}),
      edits: 0,
    };
    this.messages.push(sent);
    return this.#messageObject(sent);
  }

  #editMessageText(params: Params): unknown {
    const chatId = Number(params.chat_id);
    const sent = this.messages.find((m) => m.chatId === chatId && m.messageId === Number(params.message_id));
    if (!sent) throw new ApiFailure(400, "Bad Request: message to edit not found");
    const { text, entities } = parseText(String(params.text ?? ""), params.parse_mode);
    if (text.length > 4096) throw new ApiFailure(400, "Bad Request: message is too long");
    const replyMarkup = checkMarkup(params.reply_markup);
    if (
      String(params.text) === sent.raw &&
      JSON.stringify(replyMarkup) === JSON.stringify(sent.replyMarkup)
    ) {
      throw new ApiFailure(
        400,
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    Object.assign(sent, { text, raw: String(params.text), entities, replyMarkup, edits: sent.edits + 1 });
    return this.#messageObject(sent);
  }

  #sendDocument(params: Params, files: Record<string, UploadedFile>): unknown {
    const ref = String(params.document ?? "");
    const known = this.#files.get(ref);
    const document = ref.startsWith("attach://")
      ? files[ref.slice("attach://".length)]
      : known && { fileName: known.fileName, bytes: known.bytes };
    if (!document) throw new ApiFailure(400, "Bad Request: there is no document in the request");
    const caption = params.caption === undefined ? "" : String(params.caption);
    const parsed = parseText(caption, params.parse_mode);
    if (parsed.text.length > 1024) throw new ApiFailure(400, "Bad Request: message caption is too long");
    const replyMarkup = checkMarkup(params.reply_markup);
    const sent: SentMessage = {
      chatId: Number(params.chat_id),
      messageId: this.#nextMessageId++,
      text: parsed.text,
      raw: caption,
      entities: parsed.entities,
      ...(replyMarkup ? { replyMarkup } : {}),
      document,
      edits: 0,
    };
    this.messages.push(sent);
    return this.#messageObject(sent);
  }

  #getFile(fileId: string): unknown {
    const file = this.#files.get(fileId);
    if (!file) throw new ApiFailure(400, "Bad Request: invalid file_id");
    if (file.bytes.byteLength > MAX_DOWNLOAD) throw new ApiFailure(400, "Bad Request: file is too big");
    return {
      file_id: fileId,
      file_unique_id: `u-${fileId}`,
      file_size: file.bytes.byteLength,
      file_path: file.path,
    };
  }

  #serveFile(token: string, path: string, res: ServerResponse): void {
    const file = token === this.token ? [...this.#files.values()].find((f) => f.path === path) : undefined;
    if (!file) {
      send(res, failure(404, "Not Found: file not found"));
      return;
    }
    res.writeHead(200, {
      "content-type": "application/octet-stream",
      "content-length": file.bytes.byteLength,
    });
    res.end(Buffer.from(file.bytes));
  }

  #checkSendAllowed(chatId: number): void {
    if (this.#blocked.has(chatId)) throw new ApiFailure(403, "Forbidden: bot was blocked by the user");
    const { perChatPerSecond, globalPerSecond, retryAfterSeconds = 1 } = this.#limits;
    const now = Date.now();
    this.#sendTimes = this.#sendTimes.filter((s) => now - s.at < 1000);
    const tooMany =
      (perChatPerSecond !== undefined &&
        this.#sendTimes.filter((s) => s.chatId === chatId).length >= perChatPerSecond) ||
      (globalPerSecond !== undefined && this.#sendTimes.length >= globalPerSecond);
    if (tooMany) {
      throw new ApiFailure(429, `Too Many Requests: retry after ${retryAfterSeconds}`, {
        retry_after: retryAfterSeconds,
      });
    }
    this.#sendTimes.push({ chatId, at: now });
  }

  #botUser() {
    return {
      id: this.botId,
      is_bot: true,
      first_name: "Klinik Inovasi",
      username: this.botUsername,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
  }

  #messageObject(sent: SentMessage): unknown {
    const chat =
      sent.chatId > 0
        ? { id: sent.chatId, type: "private", first_name: "User" }
        : { id: sent.chatId, type: "supergroup", title: "Grup" };
    const content = sent.document
      ? {
          document: {
            file_id: `sent-${sent.messageId}`,
            file_unique_id: `su-${sent.messageId}`,
            file_name: sent.document.fileName,
          },
          ...(sent.text ? { caption: sent.text } : {}),
        }
      : { text: sent.text };
    const inline =
      sent.replyMarkup && "inline_keyboard" in sent.replyMarkup ? { reply_markup: sent.replyMarkup } : {};
    return {
      message_id: sent.messageId,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: this.#botUser(),
      ...content,
      ...inline,
    };
  }
}

function ok(result: unknown): Reply {
  return { status: 200, body: { ok: true, result } };
}

function failure(code: number, description: string, parameters?: Record<string, unknown>): Reply {
  return {
    status: code,
    body: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) },
  };
}

function cannedFailure(f: Failure): Reply {
  if (f.status === 429) {
    return failure(429, f.description ?? `Too Many Requests: retry after ${f.retryAfter}`, {
      retry_after: f.retryAfter,
    });
  }
  return failure(f.status, f.description ?? "Internal Server Error");
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
}

function optionalSecret(secret: unknown): { secretToken?: string } {
  return typeof secret === "string" ? { secretToken: secret } : {};
}

function checkMarkup(markup: unknown): FakeReplyMarkup | undefined {
  if (markup === undefined) return undefined;
  const parsed = (typeof markup === "string" ? JSON.parse(markup) : markup) as FakeReplyMarkup;
  if ("inline_keyboard" in parsed) {
    for (const button of parsed.inline_keyboard.flat()) {
      if (!button.text)
        throw new ApiFailure(400, "Bad Request: text buttons are unallowed in the inline keyboard");
      const data = "callback_data" in button ? button.callback_data : undefined;
      if (data !== undefined && (data === "" || Buffer.byteLength(data) > 64)) {
        throw new ApiFailure(400, "Bad Request: BUTTON_DATA_INVALID");
      }
    }
  }
  return parsed;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseRequest(
  contentType: string | undefined,
  url: URL,
  body: Buffer,
): { params: Params; files: Record<string, UploadedFile> } {
  const params: Params = {};
  const files: Record<string, UploadedFile> = {};
  for (const [k, v] of url.searchParams) params[k] = coerce(k, v);
  const type = contentType ?? "";
  if (type.startsWith("application/json") && body.length > 0) {
    Object.assign(params, JSON.parse(body.toString("utf8")) as Params);
  } else if (type.startsWith("application/x-www-form-urlencoded")) {
    for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = coerce(k, v);
  } else if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
    if (boundary) {
      for (const part of parseMultipart(body, boundary)) {
        if (part.fileName !== undefined)
          files[part.name] = { fileName: part.fileName, bytes: new Uint8Array(part.data) };
        else params[part.name] = coerce(part.name, part.data.toString("utf8"));
      }
    }
  }
  return { params, files };
}

/** Form values arrive as strings: objects are JSON, ids numbers (as Telegram reads them). */
function coerce(key: string, value: string): unknown {
  if (value.startsWith("{") || value.startsWith("[")) return JSON.parse(value);
  if (NUMERIC.has(key) && /^-?\d+$/.test(value)) return Number(value);
  return value;
}

/** multipart/form-data, tolerant of grammY's unquoted filename=… */
function parseMultipart(
  body: Buffer,
  boundary: string,
): Array<{ name: string; fileName?: string; data: Buffer }> {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Array<{ name: string; fileName?: string; data: Buffer }> = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    let chunk = body.subarray(start + delimiter.length, next);
    if (chunk.subarray(0, 2).toString() === "\r\n") chunk = chunk.subarray(2);
    if (chunk.subarray(-2).toString() === "\r\n") chunk = chunk.subarray(0, -2);
    const headerEnd = chunk.indexOf("\r\n\r\n");
    if (headerEnd >= 0) {
      const headers = chunk.subarray(0, headerEnd).toString("utf8");
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? "";
      const fileName = /filename=(?:"([^"]*)"|([^;\r\n]*))/i.exec(headers);
      const data = chunk.subarray(headerEnd + 4);
      parts.push({
        name,
        ...(fileName ? { fileName: (fileName[1] ?? fileName[2] ?? "").trim() } : {}),
        data,
      });
    }
    start = next;
  }
  return parts;
}

const TAG_ENTITY: Record<string, string> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  code: "code",
  pre: "pre",
  a: "text_link",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  blockquote: "blockquote",
  "tg-emoji": "custom_emoji",
};
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

function parseText(text: string, parseMode: unknown): { text: string; entities: SentMessage["entities"] } {
  if (parseMode !== "HTML") return { text, entities: [] };
  return parseTelegramHtml(text);
}

/** Telegram's HTML parse mode, strictly: only its tags, balanced, "<", ">" and "&" escaped. */
export function parseTelegramHtml(html: string): { text: string; entities: SentMessage["entities"] } {
  const bad = (why: string) => new ApiFailure(400, `Bad Request: can't parse entities: ${why}`);
  let text = "";
  const open: Array<{ tag: string; offset: number }> = [];
  const entities: Array<{ type: string; offset: number; length: number }> = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === "<") {
      const end = html.indexOf(">", i);
      if (end < 0) throw bad(`Unclosed start tag at byte offset ${i}`);
      const inner = html.slice(i + 1, end);
      if (inner.startsWith("/")) {
        const tag = inner.slice(1).trim().toLowerCase();
        const top = open.pop();
        if (!top || top.tag !== tag)
          throw bad(`Unmatched end tag at byte offset ${i}, expected "</${top?.tag}>", found "</${tag}>"`);
        entities.push({ type: TAG_ENTITY[tag]!, offset: top.offset, length: text.length - top.offset });
      } else {
        const tag = (/^[a-z-]+/i.exec(inner)?.[0] ?? "").toLowerCase();
        if (!(tag in TAG_ENTITY)) throw bad(`Unsupported start tag "${tag}" at byte offset ${i}`);
        open.push({ tag, offset: text.length });
      }
      i = end + 1;
    } else if (ch === "&") {
      const end = html.indexOf(";", i);
      const name = end < 0 ? "" : html.slice(i + 1, end);
      const decoded =
        NAMED_ENTITIES[name] ??
        (/^#\d+$/.test(name) ? String.fromCodePoint(Number(name.slice(1))) : undefined);
      if (decoded === undefined) throw bad(`Can't find end of the entity starting at byte offset ${i}`);
      text += decoded;
      i = end + 1;
    } else if (ch === ">") {
      throw bad(`Unexpected ">" at byte offset ${i}`);
    } else {
      text += ch;
      i++;
    }
  }
  if (open.length > 0) throw bad(`Can't find end tag corresponding to start tag "${open.at(-1)!.tag}"`);
  entities.sort((a, b) => a.offset - b.offset);
  return {
    text,
    entities: entities.map((e) => ({ type: e.type, text: text.slice(e.offset, e.offset + e.length) })),
  };
}
