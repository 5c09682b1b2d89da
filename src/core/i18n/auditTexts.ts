import { catalog } from "./catalog.ts";

/** The secretariat's chat view of the audit trail (/audit), Indonesian first. */
export interface AuditTexts {
  header: (n: number) => string;
  none: string;
  onlySecretariat: string;
  notFound: (code: string) => string;
  byCli: (name: string) => string;
  bySystem: string;
  action: (key: string) => string;
}

const ACTIONS_ID: Record<string, string> = {
  "stage.set": "ubah tahap",
  "stage.import": "impor tahap",
  "scores.import": "impor nilai",
  "scores.release": "rilis nilai",
  "scores.conflict": "konflik kepentingan juri",
  "units.import": "impor unit",
  "competition.create": "buat kompetisi",
  "broadcast.create": "buat pengumuman",
  "broadcast.retryFailed": "kirim ulang pengumuman gagal",
  "proposal.import": "impor dokumen proposal",
  "staff.add": "tambah staf",
  "staff.remove": "hapus staf",
  "access.denied": "akses ditolak",
  "link.failed": "penautan gagal",
  "contact.erase": "hapus data pribadi",
};

const id: AuditTexts = {
  header: (n) => `Riwayat tindakan, ${n} terbaru (terbaru di atas):`,
  none: "Belum ada tindakan yang tercatat.",
  onlySecretariat: "Maaf, riwayat tindakan hanya untuk sekretariat kompetisi.",
  notFound: (code) => `Proposal ${code} tidak ditemukan di kompetisi Bapak/Ibu.`,
  byCli: (name) => `${name} (CLI)`,
  bySystem: "sistem",
  action: (key) => ACTIONS_ID[key] ?? key,
};

const en: AuditTexts = {
  header: (n) => `Recorded actions, latest ${n} (newest first):`,
  none: "No actions recorded yet.",
  onlySecretariat: "Sorry, the action history is for the competition's secretariat only.",
  notFound: (code) => `Proposal ${code} was not found in your competitions.`,
  byCli: (name) => `${name} (CLI)`,
  bySystem: "system",
  action: (key) => key,
};

export const auditTexts = catalog<AuditTexts>({ id, en });
