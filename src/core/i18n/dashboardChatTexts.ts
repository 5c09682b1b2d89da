import { catalog } from "./catalog.ts";

/** What /masuk says in chat. */
export interface DashboardChatTexts {
  link: (minutes: number) => string;
  notStaff: string;
  judgeReminder: (open: number) => string;
}

const chatId: DashboardChatTexts = {
  link: (m) =>
    `Berikut tautan masuk ke dasbor sekretariat dan juri. Tautan ini hanya berlaku ${m} menit dan sekali pakai; mohon tidak diteruskan kepada orang lain.`,
  notStaff:
    "Mohon maaf, dasbor hanya untuk sekretariat dan juri kompetisi. Bapak/Ibu tetap dapat melihat proposal melalui /status dan nilai melalui /nilai di sini.",
  judgeReminder: (n) =>
    `Yth. Bapak/Ibu juri, masih ada ${n} proposal yang menunggu penilaian Bapak/Ibu. Ketik /masuk untuk membuka dasbor penilaian.`,
};

const chatEn: DashboardChatTexts = {
  link: (m) =>
    `Here is your sign-in link to the secretariat and judges' dashboard. It works once, for ${m} minutes; please do not forward it.`,
  notStaff:
    "Sorry, the dashboard is for the competition's secretariat and judges only. You can still see your proposal with /status and your scores with /nilai here.",
  judgeReminder: (n) =>
    `Dear judge, ${n} proposal(s) are still waiting for your scores. Type /masuk to open the scoring dashboard.`,
};

export const dashboardChatTexts = catalog<DashboardChatTexts>({ id: chatId, en: chatEn });
