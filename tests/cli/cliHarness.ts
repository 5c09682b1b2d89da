import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { createNotifier } from "../../src/app/notifier.ts";
import { runCli } from "../../src/cli/main.ts";
import type { ChannelName, ChannelSender } from "../../src/core/messages.ts";
import { recordingSender, silent } from "../app/status/statusHarness.ts";
import { deliverOutbox } from "../helpers/deliverOutbox.ts";
import type { TestDb } from "../helpers/testDb.ts";

/**
 * Runs `klinik …` against the test database; notifications go to recording senders. Like a
 * script, it has no terminal unless `ask` stands for the operator's answers.
 */
export function makeCli(db: TestDb, opts: { ask?: (question: string) => Promise<boolean> } = {}) {
  const telegram = recordingSender("telegram");
  const whatsapp = recordingSender("whatsapp");
  const senders = new Map<ChannelName, ChannelSender>([
    ["telegram", telegram],
    ["whatsapp", whatsapp],
  ]);
  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      argv,
      {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
        // Quiet hours off, as the notifier below: what a command queues goes at any hour of the run.
        env: { DATABASE_URL: db.url, LOG_LEVEL: "silent", QUIET_HOURS: "off" },
        ask: opts.ask,
      },
      { notifier: (prisma) => createNotifier({ db: prisma, quietHours: null }), logger: silent },
    );
    return { code, out: out.join("\n"), err: err.join("\n") };
  }
  /** Sends what the commands queued, as the running bot's dispatcher would. */
  const deliver = () => deliverOutbox(db.prisma, senders);
  return { run, telegram, whatsapp, deliver };
}

const dir = mkdtempSync(join(tmpdir(), "klinik-cli-"));
let n = 0;

/** Writes rows (header first) as a CSV file; `;` separated when asked, as Indonesian Excel does. */
export function csvFile(rows: (string | number)[][], sep = ","): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return s.includes(sep) || s.includes('"') || s.includes("\n") ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const path = join(dir, `t${n++}.csv`);
  writeFileSync(path, `${rows.map((r) => r.map(cell).join(sep)).join("\r\n")}\r\n`);
  return path;
}

/** Writes rows (header first) as the first sheet of an XLSX workbook. */
export async function xlsxFile(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Data");
  for (const r of rows) sheet.addRow(r);
  const path = join(dir, `t${n++}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

export const tmpPath = (name: string) => join(dir, name);
