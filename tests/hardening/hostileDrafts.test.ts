import { afterAll, beforeAll, expect, it } from "vitest";
import { channelTexts } from "../../src/core/i18n/channelTexts.ts";
import { makeHandler, Person, seedKipp } from "../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../helpers/testDb.ts";
import { HOSTILE_COUNT, hostileMessages } from "./hostileMessages.ts";
import { soakReport } from "./soakReport.ts";

// The channel suites mostly meet a bot at its menus; here every hostile text lands where it is
// stored: inside a section being written, then saved with "selesai".
let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterAll(async () => {
  await db.close();
});
const soak = soakReport("hostile drafts", { inProcess: true });

it(
  `${HOSTILE_COUNT} hostile texts written into a section and saved: no crash, every one answered`,
  async () => {
    const p = new Person(makeHandler(db), "hostile-writer");
    await p.createProposal("Inovasi Uji Masukan Aneh");
    const texts = hostileMessages(HOSTILE_COUNT, 99).flatMap((m) =>
      m.kind === "text" && !m.text.startsWith("/") ? [m.text] : [],
    );
    let apologies = 0;
    let unanswered = 0;
    for (const [i, text] of texts.entries()) {
      const out = await p.say(text);
      if (out === "") unanswered++;
      if (out.includes(channelTexts("id").apology)) apologies++;
      if (i % 5 === 4) {
        if ((await p.say("selesai")).includes(channelTexts("id").apology)) apologies++;
        const revise = p.choices().find((c) => c.id === "revise");
        if (revise) await p.press(revise.id);
        else await p.say("/bagian").then(() => p.press("sec:ringkasan"));
      }
    }
    process.stdout.write(
      `hostile drafts: texts ${texts.length}, unanswered ${unanswered}, crashed ${apologies}\n`,
    );
    // One person in turn: each text is answered before the next is sent, so none can be doubled.
    soak.add({
      sent: texts.length,
      replies: texts.length - unanswered,
      lost: unanswered,
      crashed: apologies,
    });
    expect(apologies).toBe(0);
    expect(unanswered).toBe(0);
    expect(await db.prisma.sectionRevision.count()).toBeGreaterThan(texts.length / 10);
  },
  process.env.SOAK ? 1_800_000 : 120_000,
);
