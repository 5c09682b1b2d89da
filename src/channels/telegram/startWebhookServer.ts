import { timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Bot, type Context, webhookCallback } from "grammy";
import type { Logger } from "pino";
import { InFlight } from "./InFlight.ts";

export interface WebhookServerOptions<C extends Context> {
  bot: Bot<C>;
  host: string;
  port: number;
  path: string;
  secret: string;
  logger: Logger;
  /** Update handling that outlives its HTTP request (after the reply timeout); awaited on close. */
  updates: InFlight;
}

export interface WebhookServer {
  address(): { host: string; port: number };
  /** Stops accepting, waits for requests and update handling in flight, then closes. */
  close(): Promise<void>;
}

/**
 * Answer Telegram within this time even if the app is still working, so a slow LLM call does
 * not make Telegram redeliver; the update keeps running and stop() waits for it.
 */
const REPLY_TIMEOUT_MS = 8_000;

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/**
 * A node:http server for Telegram's webhook. The secret header is checked here (403, where
 * grammY's own check answers 401) before the body is read; grammY's webhookCallback handles
 * the rest.
 */
export async function startWebhookServer<C extends Context>(
  opts: WebhookServerOptions<C>,
): Promise<WebhookServer> {
  const callback = webhookCallback(opts.bot, "http", {
    secretToken: opts.secret,
    onTimeout: "return",
    timeoutMilliseconds: REPLY_TIMEOUT_MS,
  });
  const requests = new InFlight();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== opts.path) {
      res.writeHead(404).end();
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST" }).end();
      return;
    }
    if (!secretMatches(req.headers[SECRET_HEADER], opts.secret)) {
      opts.logger.warn({ remote: req.socket.remoteAddress }, "webhook call without the right secret token");
      res.writeHead(403).end();
      return;
    }
    void requests.track(
      Promise.resolve(callback(req, res)).catch((err: unknown) => {
        // Answer 200 anyway: redelivering an update our own code failed on would only fail again.
        opts.logger.error({ err }, "webhook update failed");
        if (!res.headersSent) res.writeHead(200);
        if (!res.writableEnded) res.end();
      }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  let closing: Promise<void> | undefined;
  return {
    address() {
      const info = server.address() as AddressInfo;
      return { host: info.address, port: info.port };
    },
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await requests.drain();
        await opts.updates.drain();
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return false;
  const given = Buffer.from(value);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
