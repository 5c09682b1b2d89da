import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FakeTelegramServer } from "../fakes/fakeTelegramServer.ts";
import { telegramUser, textMessage } from "../fakes/telegramUpdates.ts";
import { runBot } from "../helpers/runBot.ts";

// The real entry point as a process: what an operator sees on the terminal.
const dirs: string[] = [];
function dataDir() {
  const d = mkdtempSync(join(tmpdir(), "klinik-e2e-"));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("npm start", () => {
  it("creates the data folder, seeds the demo, chats in the terminal, and a second process on the folder stops with the lock message", async () => {
    const dir = join(dataDir(), "data");
    const bot = runBot({ DATA_DIR: dir });
    await bot.waitFor("Kompetisi yang sedang dibuka: KIPP 2023 – Kelompok Umum (demo)");
    const second = runBot({ DATA_DIR: dir });
    expect(await second.exited).toBe(1);
    expect(second.stderr().trim()).toMatch(
      /^klinik: the data folder .* is in use by another Klinik Inovasi process \(pid \d+\)/,
    );
    expect(second.stderr().trim().split("\n")).toHaveLength(1);
    bot.child.stdin.write("1\n");
    await bot.waitFor("nama unit pelayanan");
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    // Started again on the same folder, the conversation continues where it was.
    const again = runBot({ DATA_DIR: dir });
    await again.waitFor("Selamat datang kembali");
    again.child.stdin.end("Dinas Uji\n");
    await again.waitFor("Apa instansi induk unit tersebut?");
    expect(await again.exited).toBe(0);
  }, 90_000);

  it.each([
    [{ DATABASE_URL: "mysql://localhost/x" }, 2, /^klinik: DATABASE_URL: must be a postgresql:\/\/ URL$/],
    [{ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" }, 1, /^klinik: cannot reach the database/],
    [{ DATA_DIR: "package.json/data" }, 1, /^klinik: DATA_DIR .* is not writable \(ENOTDIR\)$/],
    [{ TELEGRAM_MODE: "webhook" }, 2, /^klinik: TELEGRAM_BOT_TOKEN: is required when TELEGRAM_MODE=webhook$/],
  ])(
    "with %o ends with one clear line and exit code %i",
    async (env, code, line) => {
      const bot = runBot({ DATA_DIR: join(dataDir(), "d"), ...env });
      expect(await bot.exited).toBe(code);
      expect(bot.stderr().trim()).toMatch(line);
      expect(bot.stderr().trim().split("\n")).toHaveLength(1);
    },
    60_000,
  );

  it("with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT runs the Telegram bot, and stops cleanly on SIGTERM", async () => {
    const fake = new FakeTelegramServer({ token: "4242:e2e-start-token" });
    await fake.start();
    let bot: ReturnType<typeof runBot> | undefined;
    try {
      bot = runBot({
        DATA_DIR: join(dataDir(), "d"),
        TELEGRAM_BOT_TOKEN: "4242:e2e-start-token",
        TELEGRAM_API_ROOT: fake.apiRoot,
        SECRETARIAT_TELEGRAM_ID: "778",
      });
      await fake.waitForCall("setMyCommands", () => true, 30_000);
      const user = telegramUser(777);
      fake.injectUpdate(textMessage(user, "/start"));
      const [welcome, open] = await fake.waitForMessages(777, 2, 30_000);
      expect(welcome!.text).toContain("Selamat datang di Klinik Inovasi");
      expect(open!.text).toMatch(/^Kompetisi yang sedang dibuka: /);
      // Status and announcements are wired: the configured secretariat gets the recap, others do not.
      const replyTo = async (chatId: number, text: string) => {
        const before = fake.messagesTo(chatId).length;
        fake.injectUpdate(textMessage(telegramUser(chatId), text));
        return (await fake.waitForMessages(chatId, before + 1, 30_000))
          .slice(before)
          .map((m) => m.text)
          .join("\n");
      };
      expect(await replyTo(777, "/rekap")).toMatch(
        /^Maaf, perintah ini khusus untuk sekretariat kompetisi\./,
      );
      expect(await replyTo(778, "/rekap")).toMatch(/^Rekap .+ · \d+ proposal/);
      expect(await replyTo(777, "/berhenti")).toMatch(/pengumuman/i);
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
    } finally {
      bot?.child.kill("SIGKILL");
      await fake.close();
    }
  }, 60_000);
});

describe("npm start (the README's command)", () => {
  it("compiles the sources once, then runs the compiled bot: the terminal chat answers, and a restart without changes skips the build", async () => {
    const dir = join(dataDir(), "data");
    const { spawn } = await import("node:child_process");
    const { statSync } = await import("node:fs");
    const start = () => {
      const child = spawn("npm", ["start", "--silent"], {
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "/tmp",
          DATA_DIR: dir,
          HTTP_PORT: "0",
        },
        stdio: "pipe",
      });
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
      });
      const exited = new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
      const waitFor = async (text: string) => {
        const end = Date.now() + 90_000;
        while (!out.includes(text)) {
          if (Date.now() > end) throw new Error(`timed out waiting for ${text}; got ${out.slice(-400)}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      return { child, waitFor, exited };
    };
    const first = start();
    await first.waitFor("Kompetisi yang sedang dibuka");
    first.child.stdin.end("1\n");
    await first.waitFor("nama unit pelayanan");
    expect(await first.exited).toBe(0);
    const built = statSync("dist/.built").mtimeMs;
    const second = start();
    await second.waitFor("Selamat datang kembali");
    second.child.stdin.end();
    expect(await second.exited).toBe(0);
    expect(statSync("dist/.built").mtimeMs).toBe(built);
  }, 180_000);
});
