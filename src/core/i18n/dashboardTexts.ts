import { catalog } from "./catalog.ts";
import { type DashboardAnnouncementTexts, dashboardAnnouncementTexts } from "./dashboardAnnouncementTexts.ts";
import { type DashboardExportTexts, dashboardExportTexts } from "./dashboardExportTexts.ts";
import { type DashboardJudgingTexts, dashboardJudgingTexts } from "./dashboardJudgingTexts.ts";
import { type DashboardOverviewTexts, dashboardOverviewTexts } from "./dashboardOverviewTexts.ts";
import { type DashboardProposalTexts, dashboardProposalTexts } from "./dashboardProposalTexts.ts";
import { type DashboardReleaseTexts, dashboardReleaseTexts } from "./dashboardReleaseTexts.ts";
import { type DashboardShellTexts, dashboardShellTexts } from "./dashboardShellTexts.ts";
import type { Locale } from "./locale.ts";

/**
 * Every label of the web dashboard (Indonesian first); values are plain strings, escaped when
 * rendered. Written one catalog per page, read as one: every page gets the same `t`, and the
 * layout's navigation names the other pages.
 */
export type DashboardTexts = DashboardShellTexts &
  DashboardOverviewTexts &
  DashboardProposalTexts &
  DashboardJudgingTexts &
  DashboardReleaseTexts &
  DashboardAnnouncementTexts &
  DashboardExportTexts;

function everyPage(locale: Locale): DashboardTexts {
  return {
    ...dashboardShellTexts(locale),
    ...dashboardOverviewTexts(locale),
    ...dashboardProposalTexts(locale),
    ...dashboardJudgingTexts(locale),
    ...dashboardReleaseTexts(locale),
    ...dashboardAnnouncementTexts(locale),
    ...dashboardExportTexts(locale),
  };
}

export const dashboardTexts = catalog<DashboardTexts>({ id: everyPage("id"), en: everyPage("en") });
