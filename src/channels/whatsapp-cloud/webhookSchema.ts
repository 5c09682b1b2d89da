import { z } from "zod";

/**
 * The parts of a WhatsApp Cloud API webhook body that Klinik reads (Meta's "messages" field):
 * incoming messages, the sender's profile, and statuses of messages the bot sent. Unknown
 * fields and message types pass (Meta adds them over time); what is read is checked.
 */
const media = z.object({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  filename: z.string().optional(),
  caption: z.string().optional(),
});

export const cloudMessageSchema = z
  .object({
    from: z.string().regex(/^\d{6,20}$/),
    id: z.string().min(1).max(256),
    timestamp: z.string().optional(),
    type: z.string(),
    text: z.object({ body: z.string() }).optional(),
    interactive: z
      .object({
        type: z.string(),
        button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
        list_reply: z
          .object({ id: z.string(), title: z.string(), description: z.string().optional() })
          .optional(),
      })
      .optional(),
    /** A quick-reply button of a template message. */
    button: z.object({ payload: z.string().optional(), text: z.string() }).optional(),
    document: media.optional(),
    image: media.optional(),
    audio: media.optional(),
    video: media.optional(),
    sticker: media.optional(),
    location: z.object({}).passthrough().optional(),
    context: z.object({ id: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();
export type CloudMessage = z.infer<typeof cloudMessageSchema>;

export const cloudStatusSchema = z
  .object({
    id: z.string().min(1),
    status: z.enum(["sent", "delivered", "read", "failed", "deleted", "warning"]).or(z.string()),
    timestamp: z.string().optional(),
    recipient_id: z.string().optional(),
    errors: z
      .array(
        z
          .object({ code: z.number(), title: z.string().optional(), message: z.string().optional() })
          .passthrough(),
      )
      .optional(),
  })
  .passthrough();
export type CloudStatus = z.infer<typeof cloudStatusSchema>;

export const cloudWebhookSchema = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.object({
      id: z.string().optional(),
      changes: z.array(
        z.object({
          field: z.string(),
          value: z
            .object({
              metadata: z.object({ phone_number_id: z.string() }).passthrough().optional(),
              contacts: z
                .array(
                  z.object({
                    wa_id: z.string(),
                    profile: z.object({ name: z.string().optional() }).optional(),
                  }),
                )
                .optional(),
              messages: z.array(z.unknown()).optional(),
              statuses: z.array(z.unknown()).optional(),
            })
            .passthrough(),
        }),
      ),
    }),
  ),
});
export type CloudWebhook = z.infer<typeof cloudWebhookSchema>;
