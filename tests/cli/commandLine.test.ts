import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProgram } from "../../src/cli/program.ts";
import { seedCompetition, seedParticipants } from "../app/broadcast/broadcastHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { makeCli, tmpPath } from "./cliHarness.ts";

let db: TestDb;
let text: string;

beforeAll(async () => {
  db = await createTestDb();
  const competitionId = await seedCompetition(db, { slug: "kipp-cl" });
  await seedParticipants(db, competitionId, [{ telegram: 930_001 }, { telegram: 930_002 }]);
  text = tmpPath("umum.txt");
  writeFileSync(text, "Rapat koordinasi Senin pukul 09.00 WIB.");
});
afterAll(async () => {
  await db.close();
});

/** Every runnable command of the program, e.g. ["broadcast", "create"]. */
function leafCommands(): string[][] {
  const io = { out: () => {}, err: () => {}, env: {} };
  const out: string[][] = [];
  const walk = (c: ReturnType<typeof createProgram>, path: string[]) => {
    for (const sub of c.commands) {
      if (sub.name() === "help") continue;
      const p = [...path, sub.name()];
      if (sub.commands.length === 0 || p.join(" ") === "report") out.push(p);
      walk(sub, p);
    }
  };
  walk(createProgram({ io, deps: {} }), []);
  return out;
}

describe("klinik command line", () => {
  it("gives every command a --help with its options and an example, exit 0", async () => {
    const cli = makeCli(db);
    const commands = leafCommands();
    expect(commands.map((c) => c.join(" "))).toEqual(
      expect.arrayContaining([
        "broadcast create",
        "scores release",
        "status import",
        "whatsapp logout",
        "report",
      ]),
    );
    for (const c of commands) {
      const r = await cli.run(...c, "--help");
      expect({ c, code: r.code }).toEqual({ c, code: 0 });
      expect(r.out).toContain(`Usage: klinik ${c.join(" ")}`);
      expect(r.out).toContain("Options:");
      expect(r.out).toMatch(/Examples?:\n {2}\$ klinik [a-z]/);
    }
    expect(await cli.run("--help")).toMatchObject({ code: 0, out: expect.stringContaining("broadcast") });
  });

  it("refuses a mistyped option, naming it, and queues nothing", async () => {
    const cli = makeCli(db);
    const r = await cli.run(
      "broadcast",
      "create",
      "--competition",
      "kipp-cl",
      "--text-file",
      text,
      "--dryrun",
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown option '--dryrun'");
    expect(r.err).toContain("Did you mean --dry-run?");
    expect(await db.prisma.announcement.count()).toBe(0);
  });

  it("refuses an option without its value, an unknown command and stray arguments with exit 2", async () => {
    const cli = makeCli(db);
    const missing = await cli.run("report", "--competition");
    expect(missing).toMatchObject({
      code: 2,
      err: expect.stringContaining("'--competition <slug>' argument missing"),
    });
    expect(await cli.run("broadcats", "create")).toMatchObject({
      code: 2,
      err: expect.stringContaining("unknown command 'broadcats'"),
    });
    expect(await cli.run("whatsapp", "status", "extra")).toMatchObject({ code: 2 });
    expect((await cli.run()).code).toBe(2);
  });

  it("shows what an announcement will do and queues it only with --yes when not on a terminal", async () => {
    const args = ["broadcast", "create", "--competition", "kipp-cl", "--text-file", text];
    const script = await makeCli(db).run(...args);
    expect(script.code).toBe(2);
    expect(script.out).toContain("Audience all: 2 contact(s) to send to, from 2 proposal(s).");
    expect(script.out).toContain("Rapat koordinasi Senin pukul 09.00 WIB.");
    expect(script.err).toContain("run again with --yes");
    expect(await db.prisma.announcement.count()).toBe(0);

    const questions: string[] = [];
    const declined = await makeCli(db, {
      ask: async (q) => {
        questions.push(q);
        return false;
      },
    }).run(...args);
    expect(declined).toMatchObject({ code: 1, err: expect.stringContaining("cancelled") });
    expect(questions).toEqual(["Queue this announcement for 2 contact(s)? [y/N] "]);
    expect(await db.prisma.announcement.count()).toBe(0);

    const agreed = await makeCli(db, { ask: async () => true }).run(...args);
    expect(agreed).toMatchObject({ code: 0, out: expect.stringContaining("queued for 2 contact(s)") });
    const yes = await makeCli(db).run(...args, "--yes");
    expect(yes.code).toBe(0);
    expect(await db.prisma.announcement.count()).toBe(2);
  });
});
