import { z } from "zod";

/** The two building blocks of every part of a template: a lower_snake_case key, a text in both languages. */
export const keySchema = z.string().regex(/^[a-z][a-z0-9_]*$/, "use lower_snake_case");
export const localizedSchema = z.object({ id: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof localizedSchema>;
