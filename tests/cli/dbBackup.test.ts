import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { createDatabase } from "../../src/db/createDatabase.ts";
import { readControlFile } from "../../src/http/controlFile.ts";
import { runBot } from "../helpers/runBot.ts";

// `klinik db backup|restore|status` on the embedded database, stopped and while the bot runs.
const dir = mkdtempSync(join(tmpdir(), "klinik-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(dataDir: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { DATA_DIR: dataDir, LOG_LEVEL: "silent" },
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function units(dataDir: string): Promise<string[]> {
  const db = await createDatabase({ dataDir });
  try {
    return (await db.prisma.unit.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map(
      (u) => u.name,
    );
  } finally {
    await db.close();
  }
}

async function addUnit(dataDir: string, name: string): Promise<void> {
  const db = await createDatabase({ dataDir });
  try {
    await db.prisma.unit.create({ data: { name } });
  } finally {
    await db.close();
  }
}

it("backs up a stopped database and restores it: later changes are gone, the replaced database is kept", async () => {
  const data = join(dir, "stopped");
  await addUnit(data, "Unit Sebelum Cadangan");
  const file = join(dir, "stopped.tar.gz");
  const b = await cli(data, "db", "backup", file);
  expect(b).toMatchObject({ code: 0, err: "" });
  expect(b.out).toMatch(/^Backed up .* to .*stopped\.tar\.gz \(\d+ KB\)\.$/);
  await addUnit(data, "Unit Sesudah Cadangan");

  const r = await cli(data, "db", "restore", file);
  expect(r).toMatchObject({ code: 0, err: "" });
  expect(await units(data)).toEqual(["Unit Sebelum Cadangan"]);
  expect(readdirSync(data).filter((f) => f.startsWith("pg.before-restore-"))).toHaveLength(1);

  const notABackup = join(dir, "not-a-backup.tar.gz");
  await import("node:fs").then((fs) => fs.writeFileSync(notABackup, "halo"));
  const bad = await cli(data, "db", "restore", notABackup);
  expect(bad.code).toBe(1);
  expect(bad.err).toContain("is not a Klinik Inovasi database backup");
  expect(await units(data)).toEqual(["Unit Sebelum Cadangan"]);
}, 180_000);

it("db status exits 0 when up to date and 1 when a migration is pending", async () => {
  const data = join(dir, "status");
  await addUnit(data, "Unit Status");
  expect(await cli(data, "db", "status")).toMatchObject({ code: 0 });
  const db = await createDatabase({ dataDir: data });
  const last = await db.prisma.$queryRaw<{ migration_name: string }[]>`
    DELETE FROM "_prisma_migrations" WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")
    RETURNING migration_name`;
  await db.close();
  const s = await cli(data, "db", "status");
  expect(s.code).toBe(1);
  expect(s.out).toContain(`pending: 1`);
  expect(s.out).toContain(`… ${last[0]!.migration_name}`);
}, 180_000);

it("while the bot runs: backup through the bot process, restore staged and loaded at the next start", async () => {
  const data = join(dir, "running");
  await addUnit(data, "Unit Saat Berjalan");
  const bot = runBot({ DATA_DIR: data, CONSOLE_CHAT: "off", LOG_LEVEL: "warn" });
  try {
    const end = Date.now() + 90_000;
    while (!readControlFile(data) && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    expect(readControlFile(data)?.pid).toBe(bot.child.pid);
    const file = join(dir, "running.tar.gz");
    const b = await cli(data, "db", "backup", file);
    expect(b).toMatchObject({ code: 0, err: "" });
    expect(b.out).toContain("Backed up the running bot's database");
    expect(await cli(data, "db", "status")).toMatchObject({ code: 0 });

    const r = await cli(data, "db", "restore", file);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("Restart the bot");
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  } finally {
    bot.child.kill("SIGKILL");
  }
  expect(readControlFile(data)).toBeUndefined();
  // The next start (here the CLI's own open) loads the staged backup first.
  expect(existsSync(join(data, "restore-pending.tar.gz"))).toBe(true);
  expect(await units(data)).toEqual(["Unit Saat Berjalan"]);
  expect(existsSync(join(data, "restore-pending.tar.gz"))).toBe(false);
}, 240_000);
