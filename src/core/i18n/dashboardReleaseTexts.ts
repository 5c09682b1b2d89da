import { catalog } from "./catalog.ts";

/** Releasing scores: the preview with totals and ranks. */
const id = {
  release: "Rilis nilai",
  preview: "Pratinjau",
  total: "Total",
  rank: "Peringkat",
  advances: "Lolos",
  releaseTotalsOnly: "Rilis total saja",
  releaseWithComments: "Rilis dengan komentar juri",
  released: (n: number, told: number) => `Nilai ${n} proposal dirilis; ${told} peserta diberi tahu.`,
  alreadyReleased: (at: string) => `Sudah dirilis ${at}.`,
  notScoredStage: "Tahap ini tidak dinilai.",
};

export type DashboardReleaseTexts = typeof id;

const en: DashboardReleaseTexts = {
  release: "Release scores",
  preview: "Preview",
  total: "Total",
  rank: "Rank",
  advances: "Advances",
  releaseTotalsOnly: "Release totals only",
  releaseWithComments: "Release with judges' comments",
  released: (n, told) => `Scores of ${n} proposal(s) released; ${told} participant(s) told.`,
  alreadyReleased: (at) => `Released ${at}.`,
  notScoredStage: "This stage is not scored.",
};

export const dashboardReleaseTexts = catalog<DashboardReleaseTexts>({ id, en });
