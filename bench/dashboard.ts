/**
 * The dashboard's overview page (counts, readiness distribution and the full units × sections
 * grid) for a competition of 3,000 proposals on PostgreSQL: 3,000 units with a member each,
 * 24,000 section drafts of mixed marks, seeded with bulk SQL; then the page is requested through
 * the Hono app with a signed-in secretariat session, as a browser would. Target: under 1 s.
 * Run alone: TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test npx tsx bench/dashboard.ts
 */
import { performance } from "node:perf_hooks";
import { Hono } from "hono";
import pino from "pino";
import { createCompetitionCache } from "../src/app/competitionCache.ts";
import { createLoginLink, redeemLoginLink } from "../src/app/dashboard/dashboardAuth.ts";
import type { Notifier } from "../src/app/notifier.ts";
import { loadTemplateFile } from "../src/core/templates/loadTemplates.ts";
import { mountDashboard } from "../src/http/dashboard/mountDashboard.ts";
import { type BenchRow, median, openBenchDb, percentile } from "./benchDb.ts";

const PROPOSALS = 3_000;
const RUNS = 20;
const TARGET_MS = 1_000;

export async function runDashboardBench(opts: { pgUrl?: string }): Promise<BenchRow[]> {
  const url = opts.pgUrl ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    process.stderr.write("dashboard bench skipped: it needs PostgreSQL (set TEST_DATABASE_URL)\n");
    return [];
  }
  const db = await openBenchDb("postgres", url);
  try {
    const template = loadTemplateFile("prompts/templates/kipp-2023-umum.json");
    const comp = await db.prisma.competition.create({
      data: {
        slug: "bench-dash",
        name: "KIPP dashboard bench",
        templateId: template.id,
        template,
        timeline: { submission_deadline: new Date(Date.now() + 20 * 86_400_000).toISOString() },
      },
      select: { id: true, slug: true },
    });
    const stages = template.stages.map((s) => s.key).slice(0, 3);
    const sections = template.sections.map((s) => s.key);
    const t0 = performance.now();
    await db.prisma.$executeRaw`
      INSERT INTO "Unit" (id, name, instansi, region)
      SELECT 'u' || g, 'Unit ' || g, 'Pemda ' || (g % 300), (ARRAY['Jawa Tengah','Bali','Aceh','Papua','Riau'])[1 + g % 5]
      FROM generate_series(1, ${PROPOSALS}) g`;
    await db.prisma.$executeRaw`
      INSERT INTO "Contact" (id, "displayName", "lastActiveAt")
      SELECT 'c' || g, 'Orang ' || g, now() - (g % 30) * interval '1 day' FROM generate_series(1, ${PROPOSALS}) g`;
    await db.prisma.$executeRaw`
      INSERT INTO "Membership" ("contactId", "unitId") SELECT 'c' || g, 'u' || g FROM generate_series(1, ${PROPOSALS}) g`;
    await db.prisma.$executeRaw`
      INSERT INTO "Proposal" (id, "competitionId", "unitId", code, title, "group", category, stage, readiness, "updatedAt")
      SELECT 'p' || g, ${comp.id}, 'u' || g, 'KP-' || lpad(upper(to_hex(g)), 4, '0'), 'Inovasi pelayanan nomor ' || g,
        (ARRAY['umum','khusus'])[1 + g % 2], (ARRAY['inklusif_berkeadilan','efektivitas_institusi','ketahanan_institusi'])[1 + g % 3],
        (${stages}::text[])[1 + g % ${stages.length}], (g * 7) % 101, now()
      FROM generate_series(1, ${PROPOSALS}) g`;
    await db.prisma.$executeRaw`
      INSERT INTO "SectionDraft" (id, "proposalId", "sectionKey", text, mark, "updatedAt")
      SELECT 'd' || g || '_' || k, 'p' || g, k, 'Teks bagian ' || k, (ARRAY['complete','incomplete','empty'])[1 + (g + length(k)) % 3], now()
      FROM generate_series(1, ${PROPOSALS}) g, unnest(${sections}::text[]) k`;
    await db.prisma.$executeRawUnsafe("ANALYZE");
    const seedSecs = (performance.now() - t0) / 1000;

    const sec = await db.prisma.contact.create({
      data: { displayName: "Sekretariat" },
      select: { id: true },
    });
    await db.prisma.staffRole.create({
      data: { contactId: sec.id, competitionId: comp.id, role: "secretariat" },
    });
    const base = "http://127.0.0.1/dashboard";
    const link = await createLoginLink(db.prisma, sec.id, base, new Date());
    const session = (await redeemLoginLink(db.prisma, link.url.split("/").pop()!, "bench", new Date()))!;
    const logger = pino({ level: "silent" });
    const notifier: Notifier = { notify: async () => ({ announcementId: "", queued: 0, skipped: 0 }) };
    const mount = mountDashboard({
      db: db.prisma,
      logger,
      competitions: createCompetitionCache(db.prisma),
      notifier,
      dashboardUrl: base,
      quietHours: null,
    });
    const root = new Hono();
    root.route(mount.path, mount.app);
    const get = async () => {
      const t = performance.now();
      const res = await root.request(`${base}/k/${comp.slug}`, {
        headers: { cookie: `klinik_dash=${session.cookie}` },
      });
      const body = await res.text();
      const ms = performance.now() - t;
      if (res.status !== 200 || !body.includes(`${PROPOSALS} dari ${PROPOSALS} proposal`))
        throw new Error(`unexpected overview page: ${res.status} ${body.slice(0, 200)}`);
      return { ms, bytes: body.length };
    };
    await get();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await get();
      times.push(r.ms);
      bytes = r.bytes;
    }
    times.sort((a, b) => a - b);
    const p50 = median(times);
    const worst = percentile(times, 100);
    return [
      {
        bench: "dashboard",
        name: `seed ${PROPOSALS} proposals, ${PROPOSALS * sections.length} sections`,
        value: seedSecs,
        unit: "s",
        target: "report",
        ok: null,
      },
      {
        bench: "dashboard",
        name: `overview page, ${PROPOSALS} proposals (p50 of ${RUNS})`,
        value: p50,
        unit: "ms",
        target: `< ${TARGET_MS} ms`,
        ok: p50 < TARGET_MS,
      },
      {
        bench: "dashboard",
        name: `overview page, ${PROPOSALS} proposals (slowest of ${RUNS})`,
        value: worst,
        unit: "ms",
        target: `< ${TARGET_MS} ms`,
        ok: worst < TARGET_MS,
      },
      {
        bench: "dashboard",
        name: "overview page size",
        value: bytes / 1024,
        unit: "KiB",
        target: "report",
        ok: null,
      },
    ];
  } finally {
    await db.close();
  }
}

if (process.argv[1]?.endsWith("dashboard.ts")) {
  const rows = await runDashboardBench({});
  for (const r of rows)
    process.stdout.write(
      `${r.ok === null ? "·" : r.ok ? "✔" : "✘"} ${r.name}: ${r.value.toFixed(1)} ${r.unit} (target ${r.target})\n`,
    );
  process.exit(0);
}
