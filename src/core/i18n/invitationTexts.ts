import type { Locale } from "./locale.ts";

/** Channel names as people say them. */
const CHANNEL: Record<Locale, Record<string, string>> = {
  id: { telegram: "Telegram", whatsapp: "WhatsApp", console: "terminal" },
  en: { telegram: "Telegram", whatsapp: "WhatsApp", console: "the terminal" },
};

export interface InvitationTexts {
  channel: (name: string) => string;
  /** To the unit's other members and the secretariat. */
  joinNotice: (who: string, channel: string, unit: string, code: string, ref: string) => string;
  joinedOk: (unit: string, code: string, title: string) => string;
  removeUsage: string;
  removeNotFound: string;
  removeNotAllowed: string;
  removeDone: (who: string, unit: string) => string;
  removedNotice: (unit: string) => string;
  rotateUsage: string;
  rotateNotAllowed: string;
  rotateDone: (old: string, fresh: string) => string;
  /** To the unit's members and the secretariat. */
  rotateNotice: (who: string, old: string, fresh: string) => string;
  linkPrivateOnly: string;
  linkSameChannel: (channel: string) => string;
  linkAlreadyLinked: (channel: string) => string;
  linkStaffNeedsSecretariat: string;
  linkDone: (here: string, other: string) => string;
  /** To the other account of the linked person. */
  linkNotice: (here: string, other: string) => string;
  someone: string;
}

const id: InvitationTexts = {
  channel: (name) => CHANNEL.id[name] ?? name,
  joinNotice: (who, channel, unit, code, ref) =>
    `🔔 ${who} baru saja bergabung dengan ${unit} (proposal ${code}) lewat ${channel} dan kini dapat melihat serta mengubah draf proposal. Bila Bapak/Ibu tidak mengenalnya, ketik /keluarkan ${ref}, lalu /kodebaru agar kode lama tidak berlaku lagi.`,
  joinedOk: (unit, code, title) =>
    `Terima kasih. Bapak/Ibu kini terhubung dengan ${unit}, proposal ${code} "${title}". Anggota unit lainnya dan sekretariat sudah diberi tahu. Ketik /status untuk melihat tahapnya.`,
  removeUsage: "Tulis kode anggota dari pemberitahuan bergabung, misalnya: /keluarkan 7Q2M9X",
  removeNotFound: "Maaf, kode anggota itu tidak ditemukan atau orangnya sudah tidak bergabung.",
  removeNotAllowed: "Maaf, hanya anggota unit itu atau sekretariat yang dapat mengeluarkan anggota.",
  removeDone: (who, unit) =>
    `${who} sudah dikeluarkan dari ${unit}. Ketik /kodebaru agar kode lama tidak dapat dipakai lagi.`,
  removedNotice: (unit) => `Bapak/Ibu sudah dikeluarkan dari ${unit} oleh anggota unit atau sekretariat.`,
  rotateUsage:
    "Ketik /kodebaru untuk proposal yang sedang Bapak/Ibu kerjakan, atau /kodebaru <kode> untuk proposal tertentu.",
  rotateNotAllowed: "Maaf, hanya anggota unit proposal itu atau sekretariat yang dapat mengganti kodenya.",
  rotateDone: (old, fresh) =>
    `Kode proposal sudah diganti: ${old} tidak berlaku lagi. Kode barunya ${fresh}; bagikan hanya kepada rekan satu unit.`,
  rotateNotice: (who, old, fresh) =>
    `🔔 ${who} mengganti kode proposal ${old} menjadi ${fresh}. Kode lama tidak berlaku lagi untuk bergabung.`,
  linkPrivateOnly: "Demi keamanan, kode penautan hanya dikirim di chat pribadi dengan bot, bukan di grup.",
  linkSameChannel: (channel) =>
    `Kode penautan hanya menautkan akun Telegram dengan akun WhatsApp milik orang yang sama. Kode ini dibuat di ${channel}; kirimkan dari aplikasi yang lain.`,
  linkAlreadyLinked: (channel) =>
    `Akun ini sudah tertaut dengan akun ${channel} lain. Satu orang hanya dapat menautkan satu akun Telegram dan satu akun WhatsApp.`,
  linkStaffNeedsSecretariat:
    "Akun ini tidak dapat ditautkan sendiri karena salah satu akun berperan sebagai panitia (sekretariat atau juri). Mohon minta sekretariat menambahkan peran itu untuk akun yang lain (klinik staff add), lalu ulangi /tautkan.",
  linkDone: (here, other) =>
    `Akun ${here} ini sudah ditautkan dengan akun ${other} Bapak/Ibu. Proposal yang terhubung kini dapat dilihat dari kedua akun itu.`,
  linkNotice: (here, other) =>
    `🔔 Akun ${other} Bapak/Ibu baru saja ditautkan dengan akun ${here} ini. Bila bukan Bapak/Ibu yang melakukannya, segera hubungi sekretariat.`,
  someone: "Seseorang",
};

const en: InvitationTexts = {
  channel: (name) => CHANNEL.en[name] ?? name,
  joinNotice: (who, channel, unit, code, ref) =>
    `🔔 ${who} has just joined ${unit} (proposal ${code}) via ${channel} and can now see and edit the proposal drafts. If you do not know them, send /keluarkan ${ref}, then /kodebaru so the old code stops working.`,
  joinedOk: (unit, code, title) =>
    `Thank you. You are now linked to ${unit}, proposal ${code} "${title}". The unit's other members and the secretariat have been told. Send /status to see its stage.`,
  removeUsage: "Send the member code from the join notice, e.g.: /keluarkan 7Q2M9X",
  removeNotFound: "Sorry, that member code was not found, or the person is no longer a member.",
  removeNotAllowed: "Sorry, only members of that unit or the secretariat can remove a member.",
  removeDone: (who, unit) =>
    `${who} has been removed from ${unit}. Send /kodebaru so the old code cannot be used again.`,
  removedNotice: (unit) => `You have been removed from ${unit} by a member of the unit or the secretariat.`,
  rotateUsage:
    "Send /kodebaru for the proposal you are working on, or /kodebaru <code> for a given proposal.",
  rotateNotAllowed: "Sorry, only members of that proposal's unit or the secretariat can change its code.",
  rotateDone: (old, fresh) =>
    `The proposal code has been changed: ${old} no longer works. The new code is ${fresh}; share it only with colleagues in your unit.`,
  rotateNotice: (who, old, fresh) =>
    `🔔 ${who} changed the proposal code ${old} to ${fresh}. The old code no longer works for joining.`,
  linkPrivateOnly: "For safety, link codes are only sent in a private chat with the bot, not in a group.",
  linkSameChannel: (channel) =>
    `A link code only links a Telegram account with a WhatsApp account of the same person. This code was made on ${channel}; send it from the other app.`,
  linkAlreadyLinked: (channel) =>
    `This account is already linked with another ${channel} account. One person can link one Telegram and one WhatsApp account.`,
  linkStaffNeedsSecretariat:
    "These accounts cannot be linked by themselves because one of them has a committee role (secretariat or judge). Please ask the secretariat to add that role for the other account (klinik staff add), then repeat /tautkan.",
  linkDone: (here, other) =>
    `This ${here} account is now linked with your ${other} account. Linked proposals can now be seen from both of these accounts.`,
  linkNotice: (here, other) =>
    `🔔 Your ${other} account has just been linked with this ${here} account. If this was not you, contact the secretariat at once.`,
  someone: "Someone",
};

export function invitationTexts(locale: Locale): InvitationTexts {
  return locale === "en" ? en : id;
}
