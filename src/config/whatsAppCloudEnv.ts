import { z } from "zod";

const opt = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === "" ? undefined : v), s.optional());

/** Daily tiers of business-initiated conversations Meta grants a number. */
const TIERS: Record<string, number> = { "1k": 1_000, "10k": 10_000, "100k": 100_000, unlimited: Infinity };

/** The WhatsApp Cloud API part of the environment (merged into config.ts's one schema). */
export const whatsAppCloudEnvShape = {
  WHATSAPP_MODE: opt(z.enum(["baileys", "cloud"], { message: 'use "baileys" or "cloud"' })),
  WHATSAPP_CLOUD_TOKEN: opt(z.string().min(20, "looks too short for a Graph API access token")),
  WHATSAPP_PHONE_NUMBER_ID: opt(
    z.string().regex(/^\d{5,20}$/, "the numeric phone number ID from WhatsApp Manager"),
  ),
  WHATSAPP_BUSINESS_ACCOUNT_ID: opt(
    z.string().regex(/^\d{5,20}$/, "the numeric WhatsApp Business Account ID"),
  ),
  WHATSAPP_APP_SECRET: opt(z.string().min(16, "the app secret from the Meta app's basic settings")),
  WHATSAPP_VERIFY_TOKEN: opt(z.string().min(8, "use at least 8 characters")),
  WHATSAPP_GRAPH_URL: z
    .string()
    .url("must be a URL such as https://graph.facebook.com/v23.0")
    .default("https://graph.facebook.com/v23.0"),
  WHATSAPP_CLOUD_PER_SECOND: z.coerce.number().positive().max(1000).default(80),
  WHATSAPP_CLOUD_DAILY_TIER: z
    .enum(["1k", "10k", "100k", "unlimited"], { message: "use 1k, 10k, 100k or unlimited" })
    .default("1k"),
};

type CloudEnv = z.infer<z.ZodObject<typeof whatsAppCloudEnvShape>>;

export type WhatsAppCloudConfig =
  | { enabled: false }
  | {
      enabled: true;
      token: string;
      phoneNumberId: string;
      businessAccountId?: string;
      appSecret: string;
      verifyToken: string;
      graphUrl: string;
      perSecond: number;
      dailyTier: number;
    };

/** Cloud mode and its settings; a missing required variable is a ConfigError-style message. */
export function readWhatsAppCloudConfig(e: CloudEnv, fail: (message: string) => never): WhatsAppCloudConfig {
  if (e.WHATSAPP_MODE !== "cloud") return { enabled: false };
  const need = (v: string | undefined, name: string) =>
    v ?? fail(`${name}: is required when WHATSAPP_MODE=cloud`);
  return {
    enabled: true,
    token: need(e.WHATSAPP_CLOUD_TOKEN, "WHATSAPP_CLOUD_TOKEN"),
    phoneNumberId: need(e.WHATSAPP_PHONE_NUMBER_ID, "WHATSAPP_PHONE_NUMBER_ID"),
    businessAccountId: e.WHATSAPP_BUSINESS_ACCOUNT_ID,
    appSecret: need(e.WHATSAPP_APP_SECRET, "WHATSAPP_APP_SECRET"),
    verifyToken: need(e.WHATSAPP_VERIFY_TOKEN, "WHATSAPP_VERIFY_TOKEN"),
    graphUrl: e.WHATSAPP_GRAPH_URL,
    perSecond: e.WHATSAPP_CLOUD_PER_SECOND,
    dailyTier: TIERS[e.WHATSAPP_CLOUD_DAILY_TIER] ?? 1_000,
  };
}
