import { createHmac, timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import type { Logger } from "pino";
import { type CloudWebhook, cloudWebhookSchema } from "./webhookSchema.ts";

/** Meta retries a webhook that is not answered 200; a body larger than this is not Meta's. */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface CloudWebhookDeps {
  verifyToken: string;
  appSecret: string;
  logger: Logger;
  /** Takes a verified, parsed body; runs after the 200 is sent and must not throw. */
  onPayload(payload: CloudWebhook): void;
  /**
   * Records the body's messages before the 200 (the inbox), so a process that dies before
   * handling them loses nothing; a failed write answers 500 and Meta sends the body again.
   */
  record?(payload: CloudWebhook): Promise<void>;
}

/**
 * The Cloud API webhook as a Hono app (mounted at /whatsapp on the HTTP surface):
 * GET answers Meta's verification handshake; POST checks `X-Hub-Signature-256` over the raw
 * body BEFORE parsing (401 otherwise), validates the payload, answers 200 at once and hands the
 * body on, so a slow turn never makes Meta retry (and so deliver twice).
 */
export function createCloudWebhook(deps: CloudWebhookDeps): Hono {
  const app = new Hono();
  app.get("/", (c) => {
    const mode = c.req.query("hub.mode");
    const token = c.req.query("hub.verify_token");
    const challenge = c.req.query("hub.challenge") ?? "";
    if (mode === "subscribe" && token !== undefined && safeEqual(token, deps.verifyToken))
      return c.text(challenge);
    deps.logger.warn("WhatsApp webhook verification refused (wrong verify token)");
    return c.text("forbidden", 403);
  });
  app.post("/", async (c) => {
    const declared = Number(c.req.header("content-length") ?? "0");
    if (declared > MAX_BODY_BYTES) return c.text("too large", 413);
    const raw = Buffer.from(await c.req.arrayBuffer());
    if (raw.length > MAX_BODY_BYTES) return c.text("too large", 413);
    if (!validSignature(raw, c.req.header("x-hub-signature-256"), deps.appSecret)) {
      deps.logger.warn("WhatsApp webhook post refused: bad or missing signature");
      return c.text("invalid signature", 401);
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString("utf8"));
    } catch {
      return c.text("not JSON", 400);
    }
    const parsed = cloudWebhookSchema.safeParse(json);
    if (!parsed.success) {
      // Signed by Meta but not a shape we read (another field, a new object kind): acknowledge,
      // or Meta retries it for days.
      deps.logger.info({ issues: parsed.error.issues.slice(0, 3) }, "WhatsApp webhook body ignored");
      return c.text("ok");
    }
    if (deps.record) {
      try {
        await deps.record(parsed.data);
      } catch (err) {
        deps.logger.warn({ err }, "WhatsApp webhook body not recorded; Meta will send it again");
        return c.text("not recorded", 500);
      }
    }
    setImmediate(() => deps.onPayload(parsed.data));
    return c.text("ok");
  });
  return app;
}

/** HMAC-SHA256 of the raw body with the app secret, compared in constant time. */
export function validSignature(raw: Buffer, header: string | undefined, secret: string): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const expected = createHmac("sha256", secret).update(raw).digest();
  const given = Buffer.from(header.slice("sha256=".length), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
