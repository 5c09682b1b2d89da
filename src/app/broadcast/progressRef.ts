import { z } from "zod";

/**
 * Where an announcement's progress is shown (Announcement.progressRef): the composer's chat, the
 * progress message once sent, and the last reported step (WhatsApp posts every N percent).
 */
export const progressRefSchema = z.object({
  version: z.literal(1),
  channel: z.enum(["telegram", "whatsapp", "console"]),
  chatId: z.string(),
  locale: z.enum(["id", "en"]),
  messageId: z.string().optional(),
  lastText: z.string().optional(),
  step: z.number().int().optional(),
});
export type ProgressRef = z.infer<typeof progressRefSchema>;

export function readProgressRef(json: unknown): ProgressRef | undefined {
  const r = progressRefSchema.safeParse(json);
  return r.success ? r.data : undefined;
}
