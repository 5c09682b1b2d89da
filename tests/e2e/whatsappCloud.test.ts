import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FakeGraphApi } from "../fakes/fakeGraphApi.ts";
import { runBot } from "../helpers/runBot.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("npm start with WHATSAPP_MODE=cloud", () => {
  it("serves the Cloud API webhook on the HTTP surface, answers a person through the Graph API, and reports the channel ready", async () => {
    const dir = mkdtempSync(join(tmpdir(), "klinik-cloud-"));
    dirs.push(dir);
    const env = {
      token: "EAAG-e2e-token-0123456789abcdef",
      phoneNumberId: "100200300400",
      appSecret: "e2e-app-secret-0123456789",
    };
    const fake = new FakeGraphApi(env);
    await fake.start();
    const bot = runBot({
      DATA_DIR: join(dir, "data"),
      LOG_LEVEL: "info",
      WHATSAPP_MODE: "cloud",
      WHATSAPP_CLOUD_TOKEN: env.token,
      WHATSAPP_PHONE_NUMBER_ID: env.phoneNumberId,
      WHATSAPP_APP_SECRET: env.appSecret,
      WHATSAPP_VERIFY_TOKEN: "e2e-verify-token",
      WHATSAPP_GRAPH_URL: `${fake.baseUrl}/v23.0`,
    });
    try {
      // Log lines (JSON) go to stderr.
      const logged = async (what: RegExp) => {
        const end = Date.now() + 60_000;
        while (!what.test(bot.stderr())) {
          if (Date.now() > end) throw new Error(`no log ${what}; stderr: ${bot.stderr().slice(-800)}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await logged(/"msg":"HTTP server listening"/);
      const port = Number(/"port":(\d+)[^\n]*"msg":"HTTP server listening"/.exec(bot.stderr())?.[1]);
      const base = `http://127.0.0.1:${port}`;
      fake.setWebhook(`${base}/whatsapp`);
      const hello = await fetch(
        `${base}/whatsapp?hub.mode=subscribe&hub.verify_token=e2e-verify-token&hub.challenge=42`,
      );
      expect(await hello.text()).toBe("42");
      await logged(/Klinik Inovasi running/);
      expect((await fake.text("6281377788899", "halo")).status).toBe(200);
      const end = Date.now() + 20_000;
      while (fake.sent.filter((s) => s.to === "6281377788899").length < 2 && Date.now() < end)
        await new Promise((r) => setTimeout(r, 50));
      const texts = fake.sent.map((s) => JSON.stringify(s.body));
      expect(texts.join("\n")).toContain("Kompetisi yang sedang dibuka");
      const ready = (await (await fetch(`${base}/readyz`)).json()) as {
        checks: Record<string, { ok: boolean }>;
      };
      expect(JSON.stringify(ready.checks)).toContain("whatsapp");
      expect(Object.entries(ready.checks).find(([k]) => k.includes("whatsapp"))?.[1].ok).toBe(true);
    } finally {
      bot.child.kill("SIGTERM");
      await bot.exited;
      await fake.stop();
    }
  }, 120_000);
});
