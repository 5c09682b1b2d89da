import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { FakeTelegramServer, type SentMessage } from "../../tests/fakes/fakeTelegramServer.ts";
import { callbackQuery, telegramUser, textMessage } from "../../tests/fakes/telegramUpdates.ts";
import { sampleTree, watchPeak } from "./processTree.ts";

type User = ReturnType<typeof telegramUser>;
type NewUpdate = ReturnType<typeof textMessage>;
/** One turn of a simulated person: what they send (seeing the bot's last reply) and how many replies follow. */
export interface Turn {
  send: (user: User, last: SentMessage | undefined) => NewUpdate;
  replies: number;
}

export interface BotSpec {
  name: string;
  /** Turn i of a chat of `turns` turns. */
  turn: (i: number, chat: number) => Turn;
  /** Prepares a fresh database or folder; returns the command, arguments and environment. */
  prepare(
    token: string,
    apiRoot: string,
  ): Promise<{ cmd: string; args: string[]; env: Record<string, string>; cleanup: () => Promise<void> }>;
}

export interface RunResult {
  bot: string;
  chats: number;
  turns: number;
  updatesPerSecond: number;
  p50: number;
  p99: number;
  /** p50/p99 of turns 1–10, 11–50, 51–100. */
  byRange: { range: string; p50: number; p99: number }[];
  cpuMsPerUpdate: number;
  peakRssMb: number;
  idleRssMb: number;
  startupMs: number;
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

const buttonsOf = (m: SentMessage | undefined) =>
  (
    (m?.replyMarkup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)
      ?.inline_keyboard ?? []
  ).flat();

const draft = (i: number) =>
  `Pada tahap ${i} petugas mencatat antrean loket turun dari 180 menit menjadi ${40 + (i % 17)} menit setelah layanan daring dibuka.`;

/** Klinik Inovasi's newcomer dialogue on the demo KIPP template: registration, then drafting Ringkasan. */
export function klinikTurn(i: number, chat: number): Turn {
  const press = (label: RegExp | number) => (u: User, last: SentMessage | undefined) => {
    const bs = buttonsOf(last);
    const b = typeof label === "number" ? bs[label] : bs.find((x) => label.test(x.text));
    if (!b) throw new Error(`no button ${label} in ${JSON.stringify(last?.text)}`);
    return callbackQuery(u, b.callback_data);
  };
  const say = (text: string) => (u: User) => textMessage(u, text);
  const script: Turn[] = [
    { send: say("/start"), replies: 2 },
    { send: press(/Mulai proposal baru/), replies: 1 },
    { send: say(`Puskesmas Sukamaju ${chat}`), replies: 1 },
    { send: say("Pemerintah Kota Contoh"), replies: 1 },
    { send: press(0), replies: 1 },
    { send: press(0), replies: 1 },
    { send: say(`Antrean Layanan Cepat Nomor ${chat}`), replies: 1 },
    { send: say("2020"), replies: 2 },
  ];
  return script[i] ?? { send: say(draft(i)), replies: 1 };
}

/** The conversations peer's dialogue (bench/peers/formBot.ts). */
export function peerTurn(i: number, chat: number): Turn {
  const say = (text: string) => (u: User) => textMessage(u, text);
  const script: Turn[] = [
    { send: say("/start"), replies: 1 },
    { send: say(`Puskesmas Sukamaju ${chat}`), replies: 1 },
    { send: say("Pemerintah Kota Contoh"), replies: 1 },
    { send: say(`Antrean Layanan Cepat Nomor ${chat}`), replies: 1 },
    { send: say("2020"), replies: 1 },
  ];
  return script[i] ?? { send: say(draft(i)), replies: 1 };
}

/** Runs one bot process against a fresh fake Bot API server with `chats` simulated people. */
export async function runOnce(spec: BotSpec, chats: number, turns: number): Promise<RunResult> {
  const token = `${900_000 + Math.floor(Math.random() * 99_999)}:peer-bench-token`;
  const fake = new FakeTelegramServer({ token });
  await fake.start();
  const prepared = await spec.prepare(token, fake.apiRoot);
  const started = performance.now();
  const child: ChildProcess = spawn(prepared.cmd, prepared.args, {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...prepared.env },
    stdio: ["ignore", "ignore", "pipe"],
    // Its own process group: the stop signal reaches npm and the bot it started alike.
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  try {
    // The first poll arriving, not its answer: a long poll is answered only when updates come.
    await fake
      .waitUntil(() => fake.calls.some((c) => c.method === "getUpdates"), "the first getUpdates", 120_000)
      .catch((e) => {
        throw new Error(`${spec.name} did not start: ${e.message}\n${stderr}`);
      });
    const startupMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 1500));
    const idleRss = sampleTree(child.pid!).rssBytes;

    // Replies counted incrementally per chat; waiters resolve the moment their count is reached.
    const counts = new Map<number, number>();
    const lastOf = new Map<number, SentMessage>();
    const waiters = new Map<number, { n: number; resolve: () => void }>();
    let seen = 0;
    const off = fake.onChange(() => {
      while (seen < fake.messages.length) {
        const m = fake.messages[seen++]!;
        counts.set(m.chatId, (counts.get(m.chatId) ?? 0) + 1);
        lastOf.set(m.chatId, m);
        const w = waiters.get(m.chatId);
        if (w && counts.get(m.chatId)! >= w.n) {
          waiters.delete(m.chatId);
          w.resolve();
        }
      }
    });
    const peak = watchPeak(child.pid!);
    const cpu0 = sampleTree(child.pid!).cpuMs;
    const latencies: { turn: number; ms: number }[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: chats }, async (_, c) => {
        const user = telegramUser(10_000 + c, { first_name: `Peserta ${c}` });
        let expected = 0;
        for (let i = 0; i < turns; i++) {
          const turn = spec.turn(i, c);
          expected += turn.replies;
          const update = turn.send(user, lastOf.get(user.id));
          const sent = performance.now();
          await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(
              () =>
                reject(
                  new Error(
                    `${spec.name}: chat ${c} turn ${i} got ${counts.get(user.id) ?? 0}/${expected} replies\n${stderr}`,
                  ),
                ),
              60_000,
            );
            waiters.set(user.id, {
              n: expected,
              resolve: () => {
                clearTimeout(timer);
                resolve();
              },
            });
            fake.injectUpdate(update);
          });
          latencies.push({ turn: i, ms: performance.now() - sent });
        }
      }),
    );
    const wall = performance.now() - t0;
    const cpu1 = sampleTree(child.pid!).cpuMs;
    peak.stop();
    off();
    const all = latencies.map((l) => l.ms);
    const range = (lo: number, hi: number) =>
      latencies.filter((l) => l.turn >= lo && l.turn < hi).map((l) => l.ms);
    const updates = chats * turns;
    return {
      bot: spec.name,
      chats,
      turns,
      updatesPerSecond: updates / (wall / 1000),
      p50: pct(all, 50),
      p99: pct(all, 99),
      byRange: [
        ["1–10", 0, 10],
        ["11–50", 10, 50],
        ["51–100", 50, 100],
      ]
        .filter(([, lo]) => (lo as number) < turns)
        .map(([label, lo, hi]) => {
          const xs = range(lo as number, hi as number);
          return { range: label as string, p50: pct(xs, 50), p99: pct(xs, 99) };
        }),
      cpuMsPerUpdate: (cpu1 - cpu0) / updates,
      peakRssMb: peak.peak() / 1e6,
      idleRssMb: idleRss / 1e6,
      startupMs,
    };
  } finally {
    const group = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    group("SIGTERM");
    for (
      let i = 0;
      i < 100 && sampleTree(child.pid!).pids.length + (child.exitCode === null ? 1 : 0) > 0;
      i++
    )
      await new Promise((r) => setTimeout(r, 100));
    group("SIGKILL");
    await fake.close();
    await prepared.cleanup();
  }
}

const node = process.execPath;

export function peerSpec(storage: "memory" | "file", loop: "runner" | "start"): BotSpec {
  return {
    name: `conversations ${storage}/${loop}`,
    turn: peerTurn,
    async prepare(token, apiRoot) {
      const dir = mkdtempSync(join(tmpdir(), "peer-"));
      return {
        cmd: node,
        args: ["--import", "tsx", "bench/peers/formBot.ts", storage, loop],
        env: { TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot, PEER_DATA_DIR: join(dir, "sessions") },
        cleanup: async () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }),
      };
    },
  };
}

/** Klinik through its one start command (`npm start`), on a migrated and seeded database. */
export function klinikSpec(db: "embedded" | "postgres", pgUrl?: string): BotSpec {
  return {
    name: `Klinik ${db}`,
    turn: klinikTurn,
    async prepare(token, apiRoot) {
      const dir = mkdtempSync(join(tmpdir(), "klinik-peer-"));
      const env: Record<string, string> = {
        TELEGRAM_BOT_TOKEN: token,
        TELEGRAM_API_ROOT: apiRoot,
        CONSOLE_CHAT: "off",
        FLOOD_LIMIT_PER_MINUTE: "0",
        LOG_LEVEL: "warn",
        HTTP_PORT: "0",
        DATA_DIR: join(dir, "data"),
      };
      let dbName: string | undefined;
      if (db === "postgres") {
        if (!pgUrl) throw new Error("TEST_DATABASE_URL is needed for the PostgreSQL run");
        dbName = `klinik_peers_${process.pid}_${Date.now() % 1e7}`;
        const admin = new pg.Client({ connectionString: pgUrl });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${dbName}`);
        await admin.end();
        const u = new URL(pgUrl);
        u.pathname = `/${dbName}`;
        env.DATABASE_URL = u.toString();
      }
      // Migrated (and seeded with the demo competition) before the measured start.
      for (const args of [
        ["db", "migrate"],
        ["seed", "demo"],
      ]) {
        const r = spawnSync(node, ["--import", "tsx", "src/cli/main.ts", ...args], {
          env: { ...process.env, ...env },
          encoding: "utf8",
        });
        if (r.status !== 0) throw new Error(`klinik ${args.join(" ")} failed: ${r.stderr}`);
      }
      // `PEERS_CPU_PROF=<dir>` runs the start script under `node --cpu-prof` (a profile, not a figure).
      const prof = process.env.PEERS_CPU_PROF;
      return {
        cmd: prof ? node : "npm",
        args: prof ? ["--cpu-prof", `--cpu-prof-dir=${prof}`, "scripts/start.mjs"] : ["start", "--silent"],
        env,
        cleanup: async () => {
          rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
          if (dbName && pgUrl) {
            const admin = new pg.Client({ connectionString: pgUrl });
            await admin.connect();
            await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
            await admin.end();
          }
        },
      };
    },
  };
}
