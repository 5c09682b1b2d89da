import { Counter, collectDefaultMetrics, Gauge, Registry } from "prom-client";

/**
 * The process's Prometheus registry and every metric the bot counts, module-level so any layer
 * can count without wiring (prom-client's own model). `/metrics` serves `registry`. Labels are
 * small closed sets (channel, status, outcome): never a chat id or a text.
 */
export const registry = new Registry();
registry.setDefaultLabels({ app: "klinik" });
collectDefaultMetrics({ register: registry, prefix: "klinik_" });

/** Messages handled by the app, by channel and outcome (ok, error). */
export const turns = new Counter({
  name: "klinik_turns_total",
  help: "Incoming messages handled, by channel and outcome",
  labelNames: ["channel", "outcome"] as const,
  registers: [registry],
});

/** Which use case claimed a message (announcements, status, privacy, documents, advice, dialogue). */
export const routeHits = new Counter({
  name: "klinik_route_hits_total",
  help: "Messages claimed by each app route",
  labelNames: ["route"] as const,
  registers: [registry],
});

/** Failures worth a look, by where they happened (handler, worker, channel…). */
export const errors = new Counter({
  name: "klinik_errors_total",
  help: "Errors by place",
  labelNames: ["where"] as const,
  registers: [registry],
});

/** LLM calls by purpose and outcome (ok, timeout, invalid, error, skipped…). */
export const llmCalls = new Counter({
  name: "klinik_llm_calls_total",
  help: "LLM calls by purpose and outcome",
  labelNames: ["purpose", "outcome"] as const,
  registers: [registry],
});

/** Outbox sends by channel and resulting status (sent, failed, retry, held). */
export const deliveries = new Counter({
  name: "klinik_deliveries_total",
  help: "Outbox deliveries by channel and status",
  labelNames: ["channel", "status"] as const,
  registers: [registry],
});

/** Rate-limit answers (Telegram 429, WhatsApp rate-overlimit) by channel. */
export const rateLimited = new Counter({
  name: "klinik_rate_limited_total",
  help: "429 / rate-limit answers from a platform, by channel",
  labelNames: ["channel"] as const,
  registers: [registry],
});

/** A channel that stopped for good (Telegram 401/409, WhatsApp logged out, reconnect limit). */
export const channelFatal = new Counter({
  name: "klinik_channel_fatal_total",
  help: "Channels that stopped for good, by channel and reason",
  labelNames: ["channel", "reason"] as const,
  registers: [registry],
});

/** Age in seconds of the oldest delivery that is due and not sent; 0 when none. */
export const outboxLag = new Gauge({
  name: "klinik_outbox_lag_seconds",
  help: "Age of the oldest due, unsent delivery (seconds)",
  registers: [registry],
});

/** 1 for the WhatsApp connection's current state (connecting, open, closed, logged_out, standby). */
export const whatsappState = new Gauge({
  name: "klinik_whatsapp_connection_state",
  help: "WhatsApp connection state (1 = current)",
  labelNames: ["state"] as const,
  registers: [registry],
});

/** WhatsApp messages the bot started itself in the last 24 hours, and the cap. */
export const whatsappDailyCapUsed = new Gauge({
  name: "klinik_whatsapp_daily_cap_used",
  help: "WhatsApp messages started by the bot in the last 24 h",
  registers: [registry],
});
export const whatsappDailyCapLimit = new Gauge({
  name: "klinik_whatsapp_daily_cap_limit",
  help: "WhatsApp daily cap (BROADCAST_WHATSAPP_DAILY_CAP)",
  registers: [registry],
});

/** 1 while this process is the elected dispatcher. */
export const dispatcherRole = new Gauge({
  name: "klinik_dispatcher",
  help: "1 while this process is the elected dispatcher",
  registers: [registry],
});

const WHATSAPP_STATES = ["connecting", "open", "closed", "logged_out", "standby"] as const;
export type WhatsAppMetricState = (typeof WHATSAPP_STATES)[number];

/** Sets the WhatsApp state gauge: 1 for `state`, 0 for the others. */
export function setWhatsAppState(state: WhatsAppMetricState): void {
  for (const s of WHATSAPP_STATES) whatsappState.set({ state: s }, s === state ? 1 : 0);
}
