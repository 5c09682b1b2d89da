import type { Hono } from "hono";
import { buildScoreSheet, readScoreSheet } from "../../app/dashboard/scoreSheet.ts";
import { importScores } from "../../app/status/importScores.ts";
import { TableImportError } from "../../app/status/readTable.ts";
import {
  assignmentsOfCompetition,
  judgeScores,
  markSubmittedByCode,
} from "../../db/queries/judgeAssignments.ts";
import { auditDownload } from "./auditDownload.ts";
import { compBase, competitionFor } from "./guard.ts";
import { scoredStage } from "./judgingRoutes.ts";
import { redirectWith } from "./layout.ts";
import type { DashboardEnv, Kit } from "./types.ts";

const MAX_SHEET_BYTES = 5_000_000;

/** A judge's pre-filled XLSX score sheet (codes × criteria) to download, and a filled one imported back. */
export function scoreSheetRoutes(app: Hono<DashboardEnv>, kit: Kit): void {
  app.get("/k/:slug/juri/lembar", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const stage = scoredStage(comp, c.req.query("stage"));
    const judge = c.req.query("judge") ?? "";
    const assigned = (await assignmentsOfCompetition(kit.db, comp.id, stage)).filter(
      (a) => a.judge === judge,
    );
    // Later revisions (corrections after an appeal) come last, so they win below.
    const scores = await judgeScores(kit.db, {
      judge,
      stage,
      proposalIds: assigned.map((a) => a.proposalId),
    });
    const data = await buildScoreSheet(
      comp.template,
      c.get("locale"),
      judge,
      assigned.map((a) => ({
        code: a.proposal.code,
        title: a.proposal.title,
        scores: Object.fromEntries(
          scores
            .filter((s) => s.proposalId === a.proposalId)
            .map((s) => [s.criterion, { value: s.value, comment: s.comment }]),
        ),
      })),
    );
    await auditDownload(kit, c.get("viewer").contactId, "scoresheet.xlsx", `${comp.slug}/${stage}`, {
      judge,
    });
    const safe = judge.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 40) || "juri";
    return c.body(data as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="nilai-${comp.slug}-${stage}-${safe}.xlsx"`,
    });
  });

  app.post("/k/:slug/juri/impor", async (c) => {
    const comp = await competitionFor(c, kit, "secretariat");
    const t = c.get("t");
    const body = await c.req.parseBody();
    const stage = scoredStage(comp, body.stage);
    const back = `${compBase(kit, comp.slug)}/juri?stage=${stage}`;
    const file = body.file;
    if (!(file instanceof File) || file.size === 0 || file.size > MAX_SHEET_BYTES)
      return redirectWith(c, back, { err: t.badInput });
    try {
      const rows = await readScoreSheet(new Uint8Array(await file.arrayBuffer()), comp.template);
      const r = await importScores(kit.db, comp, stage, rows, {
        actorId: c.get("viewer").contactId,
        file: file.name.slice(0, 120),
      });
      // Imported sheets count as submitted for the judges' assignments they cover.
      const codes = [...new Set(rows.map((x) => `${x.cells.code}|${x.cells.judge}`))];
      for (const key of codes) {
        const [code, judge] = key.split("|") as [string, string];
        await markSubmittedByCode(kit.db, { competitionId: comp.id, code, judge, stage }, kit.clock());
      }
      return redirectWith(c, back, { ok: t.imported(r.scores) });
    } catch (e) {
      if (e instanceof TableImportError)
        return redirectWith(c, back, {
          err: `${t.importFailed} ${[e.message, ...e.errors.slice(0, 5).map((x) => `#${x.row} ${x.column}: ${x.reason}`)].join("; ")}`,
        });
      throw e;
    }
  });
}
