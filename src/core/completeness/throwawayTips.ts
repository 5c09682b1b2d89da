import type { Localized } from "../templates/baseSchemas.ts";
import type { ThrowawayReason } from "./detectThrowaway.ts";

/**
 * What the coach says about a "jawaban asal" (throwaway answer). Administrative verification
 * rejects whole proposals for these, so each tip names that risk and one concrete next step.
 */
export const throwawayTips: Record<ThrowawayReason, Localized> = {
  too_short: {
    id: "Jawaban asal bisa membuat proposal gugur di verifikasi administrasi. Jawab pertanyaan pemandu satu per satu, dengan data.",
    en: "Throwaway answers can get a proposal rejected at the administrative check. Answer the guiding questions one by one, with data.",
  },
  repeated_chars: {
    id: "Teks ini berisi huruf atau kata yang diulang-ulang, sehingga terbaca sebagai jawaban asal. Ganti dengan jawaban yang sebenarnya sebelum proposal dikirim.",
    en: "This text repeats the same letters or words, so it reads as a throwaway answer. Replace it with the real answer before the proposal is submitted.",
  },
  question_copied: {
    id: "Teks ini hanya menyalin pertanyaan pemandu. Tim verifikasi menganggapnya jawaban asal. Tulis jawabannya: apa yang terjadi di unit Bapak/Ibu, dengan angka.",
    en: "This text only copies the guiding question back. The verification team treats that as a throwaway answer. Write the answer: what happens at your unit, with numbers.",
  },
  lorem_ipsum: {
    id: "Teks ini masih berisi teks contoh (lorem ipsum). Ganti dengan jawaban yang sebenarnya; teks contoh membuat proposal gugur di verifikasi administrasi.",
    en: "This text still contains placeholder text (lorem ipsum). Replace it with the real answer; placeholder text gets a proposal rejected at the administrative check.",
  },
  duplicate_of_section: {
    id: "Teks ini sama dengan bagian lain. Setiap bagian menjawab pertanyaan yang berbeda dan dinilai terpisah; jawaban yang disalin dianggap jawaban asal. Tulis ulang sesuai pertanyaan bagian ini.",
    en: "This text is the same as another section. Each section answers a different question and is scored separately; copied answers count as throwaway answers. Rewrite it for this section's questions.",
  },
  nothing_yet: {
    id: "Jawaban “belum ada” tidak bisa dinilai dan terbaca sebagai jawaban asal. Bila memang belum ada, tulis apa yang sudah berjalan dan rencananya secara singkat; bila ada, tulis faktanya dengan angka.",
    en: "An answer of “nothing yet” cannot be assessed and reads as a throwaway answer. If there really is nothing, say briefly what is in place and what is planned; if there is, state the facts with numbers.",
  },
  off_topic: {
    id: "Teks ini tidak menjawab pertanyaan bagian ini (misalnya ucapan syukur, kontak, atau catatan untuk pembaca). Tim verifikasi menganggapnya jawaban asal. Tulis jawabannya: apa yang terjadi di unit Bapak/Ibu, dengan angka.",
    en: "This text does not answer this section's questions (e.g. thanks, contact details or a note to the reader). The verification team treats that as a throwaway answer. Write the answer: what happens at your unit, with numbers.",
  },
};
