import { timingSafeEqual } from "node:crypto";
import { type Bot, type Context, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import { Hono } from "hono";
import type { Logger } from "pino";
import { InFlight } from "./InFlight.ts";

export interface WebhookAppOptions<C extends Context> {
  bot: Bot<C>;
  secret: string;
  logger: Logger;
  /** True once the channel stops: new calls get 503, so Telegram redelivers them (elsewhere). */
  stopping: () => boolean;
  /**
   * Records the update before it is handled (the inbox): if this process dies while handling it,
   * another process finds it there, even after Telegram got its 200 at the reply timeout. A failed
   * write answers 503, so Telegram delivers it again.
   */
  record?: (update: Update) => Promise<void>;
}

export interface WebhookApp {
  /** Mount under the webhook's path (POST on the sub-app's root). */
  app: Hono;
  /** Resolves once every webhook request in flight is answered. */
  drain(): Promise<void>;
}

/**
 * Answer Telegram within this time even if the app is still working, so a slow LLM call does
 * not make Telegram redeliver; the update keeps running and the channel's stop() waits for it.
 */
const REPLY_TIMEOUT_MS = 8_000;

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/**
 * Telegram's webhook as a Hono sub-app for the bot's HTTP server. The secret header is checked
 * here (403, where grammY's own check answers 401) before the body is read; grammY's hono
 * adapter handles the rest. Any number of processes may serve it behind a load balancer: each
 * update is handled once by whichever process receives it (message ids are deduplicated in the
 * database).
 */
export function createWebhookApp<C extends Context>(opts: WebhookAppOptions<C>): WebhookApp {
  const callback = webhookCallback(opts.bot, "hono", {
    secretToken: opts.secret,
    onTimeout: "return",
    timeoutMilliseconds: REPLY_TIMEOUT_MS,
  });
  const requests = new InFlight();
  const app = new Hono();
  app.post("/", async (c) => {
    if (!secretMatches(c.req.header(SECRET_HEADER), opts.secret)) {
      opts.logger.warn("webhook call without the right secret token");
      return c.body(null, 403);
    }
    if (opts.stopping()) return c.body(null, 503);
    if (opts.record) {
      // Hono keeps the parsed body: grammY's adapter reads the same one.
      const update = await c.req.json<Update>().catch(() => undefined);
      if (update && typeof update.update_id === "number") {
        try {
          await opts.record(update);
        } catch (err) {
          opts.logger.warn(
            { err, updateId: update.update_id },
            "could not record a webhook update; asked Telegram to resend",
          );
          return c.body(null, 503);
        }
      }
    }
    return requests.track(
      Promise.resolve(callback(c)).catch((err: unknown) => {
        // Answer 200 anyway: redelivering an update our own code failed on would only fail again.
        opts.logger.error({ err }, "webhook update failed");
        return c.body(null, 200);
      }),
    );
  });
  app.all("/", (c) => c.body(null, 405, { allow: "POST" }));
  return { app, drain: () => requests.drain() };
}

function secretMatches(value: string | undefined, secret: string): boolean {
  if (value === undefined) return false;
  const given = Buffer.from(value);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
