import { catalog } from "./catalog.ts";

/** Texts the message pipeline says itself (access refused, an interrupted command). Indonesian first. */
export interface PipelineTexts {
  onlySecretariat: string;
  interrupted: (command: string) => string;
  confirmationUsed: string;
  /** Heads advice that arrives after the person moved on. */
  laterAbout: (about: string) => string;
}

const id: PipelineTexts = {
  onlySecretariat:
    "Maaf, perintah ini khusus untuk sekretariat kompetisi. Ketik /bantuan untuk perintah yang bisa Bapak/Ibu pakai.",
  interrupted: (command) =>
    `Perintah /${command} sebelumnya terputus saat diproses dan tidak saya jalankan ulang agar tidak terjadi dua kali. Mohon periksa hasilnya, lalu kirim lagi bila perlu.`,
  confirmationUsed: "Konfirmasi ini sudah dipakai atau sudah kedaluwarsa; tidak ada yang diubah.",
  laterAbout: (about) => `↩️ Saran ini untuk ${about}:`,
};

const en: PipelineTexts = {
  onlySecretariat:
    "Sorry, this command is for the competition secretariat only. Type /bantuan for the commands you can use.",
  interrupted: (command) =>
    `Your earlier /${command} was interrupted while it was being handled, and I did not run it again so that it does not happen twice. Please check the result, then send it again if needed.`,
  confirmationUsed: "This confirmation was already used or has expired; nothing was changed.",
  laterAbout: (about) => `↩️ This advice is about ${about}:`,
};

export const pipelineTexts = catalog<PipelineTexts>({ id, en });
