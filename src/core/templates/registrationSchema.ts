import { z } from "zod";
import { keySchema as key, localizedSchema } from "./baseSchemas.ts";

/** One question of the registration of a proposal, after the unit, its instansi, group and category. */
export const registrationFieldSchema = z.object({
  key,
  /** "year": a four-digit year up to this year; "text": a short phrase with letters in it. */
  kind: z.enum(["text", "year"]),
  /** What the answer is called in replies ("Judul inovasi" → "Judul inovasi terlalu pendek…"). */
  label: localizedSchema,
  question: localizedSchema,
  example: localizedSchema,
});
export type RegistrationField = z.infer<typeof registrationFieldSchema>;

/** An innovation competition registers a title and the year the innovation started (KIPP). */
export const DEFAULT_REGISTRATION = {
  fields: [
    {
      key: "title",
      kind: "text" as const,
      label: { id: "Judul inovasi", en: "The innovation's title" },
      question: { id: "Apa judul inovasi ini?", en: "What is the title of the innovation?" },
      example: { id: "Jemput Bola KTP-el untuk Lansia", en: "Jemput Bola KTP-el for the Elderly" },
    },
    {
      key: "start_year",
      kind: "year" as const,
      label: { id: "Tahun mulai", en: "Start year" },
      question: {
        id: "Sejak tahun berapa inovasi ini berjalan?",
        en: "Since which year has the innovation been running?",
      },
      example: { id: "2021", en: "2021" },
    },
  ],
  title: "{title}",
  startYear: "start_year",
};

export const registrationSchema = z.object({
  fields: z.array(registrationFieldSchema).min(1),
  /** The proposal's title built from the answers, e.g. "{service_type} ({period})". */
  title: z.string().min(1),
  /** The year field that dates the innovation (minimum-age rule), when the template has one. */
  startYear: key.optional(),
});
export type Registration = z.infer<typeof registrationSchema>;
