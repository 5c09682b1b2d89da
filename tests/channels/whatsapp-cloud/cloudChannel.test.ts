import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createUpdateInbox } from "../../../src/db/queries/inboxUpdates.ts";
import { makeDocx, paragraphs } from "../../docs/fixtures.ts";
import { sign } from "../../fakes/fakeGraphApi.ts";
import { seedKipp } from "../../helpers/appHarness.ts";
import { createTestDb, type TestDb } from "../../helpers/testDb.ts";
import { type CloudHarness, startCloudHarness, until, VERIFY } from "./harness.ts";

let db: TestDb;
let h: CloudHarness | undefined;
beforeAll(async () => {
  db = await createTestDb();
  await seedKipp(db);
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(async () => {
  await db.close();
});

type Sent = CloudHarness["fake"]["sent"][number];
const bodyText = (s: Sent): string => {
  const b = s.body as { text?: { body: string }; interactive?: { body: { text: string } } };
  return b.text?.body ?? b.interactive?.body.text ?? "";
};
const options = (s: Sent): { id: string; title: string }[] => {
  const i = (s.body as { interactive?: Record<string, unknown> }).interactive as
    | {
        type: string;
        action: {
          buttons?: { reply: { id: string; title: string } }[];
          sections?: { rows: { id: string; title: string }[] }[];
        };
      }
    | undefined;
  if (!i) return [];
  return i.type === "button"
    ? (i.action.buttons ?? []).map((b) => b.reply)
    : (i.action.sections ?? []).flatMap((s) => s.rows);
};

describe("WhatsApp Cloud API channel", () => {
  it("answers Meta's verification handshake only with the verify token", async () => {
    h = await startCloudHarness(db);
    const ok = await fetch(`${h.url}?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    const bad = await fetch(`${h.url}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`);
    expect(bad.status).toBe(403);
  });

  it("refuses a post with a wrong or missing signature before reading it, and changes nothing", async () => {
    h = await startCloudHarness(db);
    const contactsBefore = await db.prisma.contact.count();
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          changes: [
            {
              field: "messages",
              value: {
                messages: [
                  { from: "628111000001", id: "wamid.forged", type: "text", text: { body: "halo" } },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(await h.fake.postRaw(body, sign(body, "not-the-app-secret"))).toBe(401);
    expect(await h.fake.postRaw(body, undefined)).toBe(401);
    expect(await h.fake.postRaw(`${body} `, sign(body, "app-secret-0123456789abcdef"))).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.sent).toHaveLength(0);
    expect(await db.prisma.contact.count()).toBe(contactsBefore);
    expect(await db.prisma.processedUpdate.count({ where: { updateId: "wamid.forged" } })).toBe(0);
  });

  it("a participant registers and drafts a section with buttons and lists, imports a DOCX and asks the status; a repeated webhook delivery gives one reply", async () => {
    h = await startCloudHarness(db);
    const fake = h.fake;
    const wa = "628122334455";
    let seen = 0;
    /** Sends, then waits for `n` new messages from the bot; returns them. */
    const say = async (send: () => Promise<unknown>, n = 1): Promise<Sent[]> => {
      await send();
      seen += n;
      await until(() => fake.sent.filter((s) => s.to === wa).length >= seen, `${seen} messages to ${wa}`);
      return fake.sent.filter((s) => s.to === wa).slice(seen - n, seen);
    };
    const pick = (s: Sent, title: RegExp) => {
      const o = options(s).find((x) => title.test(x.title));
      if (!o) throw new Error(`no option ${title} in ${JSON.stringify(options(s))}`);
      return o;
    };

    const welcome = await say(() => fake.text(wa, "halo", { name: "Bu Rina" }), 2);
    const offer = welcome.at(-1)!;
    expect(offer.type).toBe("interactive");
    expect(bodyText(offer)).toContain("Kompetisi yang sedang dibuka");
    const [unitQ] = await say(() => fake.tap(wa, pick(offer, /Mulai proposal baru/)));
    expect(bodyText(unitQ!)).toContain("nama unit pelayanan");
    const [instansiQ] = await say(() => fake.text(wa, "Puskesmas Sukamaju"));
    const [groupQ] = await say(() => fake.text(wa, "Pemerintah Kabupaten Banyumas"));
    expect(["button", "list"]).toContain(
      (groupQ!.body as { interactive: { type: string } }).interactive.type,
    );
    const [catQ] = await say(() => fake.tap(wa, options(groupQ!)[0]!, "button_reply"));
    expect(options(catQ!).length).toBeGreaterThan(3);
    expect((catQ!.body as { interactive: { type: string } }).interactive.type).toBe("list");
    for (const row of options(catQ!)) expect(row.title.length).toBeLessThanOrEqual(24);
    const [titleQ] = await say(() => fake.tap(wa, options(catQ!)[0]!, "list_reply"));
    expect(instansiQ).toBeDefined();
    expect(bodyText(titleQ!)).toMatch(/judul/i);
    const section = await say(() => fake.text(wa, "Jemput Bola Layanan Kesehatan Lansia"));
    const yearReplies = await say(() => fake.text(wa, "2021"), 2);
    expect(section).toBeDefined();
    expect(bodyText(yearReplies.at(-1)!)).toContain("Ringkasan");

    // A message Meta delivers twice (a retry after a slow 200) is answered once.
    const draft = "Antrean lansia di Puskesmas Sukamaju mencapai 3 jam; sejak 2021 petugas datang ke rumah.";
    const first = await say(() => fake.text(wa, draft, { id: "wamid.REPEATED1" }));
    expect(bodyText(first[0]!)).toMatch(/kata/);
    await fake.text(wa, draft, { id: "wamid.REPEATED1" });
    await fake.settle();
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.sent.filter((s) => s.to === wa)).toHaveLength(seen);

    const [check] = await say(() => fake.text(wa, "selesai"));
    expect(bodyText(check!)).toContain("Ringkasan ·");
    expect(options(check!).length).toBeGreaterThan(0);

    // A DOCX draft sent as a document is downloaded through the media URL and imported.
    const docx = await makeDocx([
      { heading: "Latar Belakang dan Tujuan" },
      ...paragraphs(
        "Pada 2020 sebanyak 1.240 lansia di Kecamatan Sukamaju belum terlayani karena jarak ke Puskesmas 12 km.",
      ),
    ]);
    const imported = await say(() =>
      fake.document(
        wa,
        Buffer.from(docx),
        "draf.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ),
    );
    expect(bodyText(imported[0]!)).toMatch(/Latar Belakang/);
    const confirm = options(imported[0]!).find((o) => /simpan|impor|ya/i.test(o.title));
    expect(confirm).toBeDefined();
    await say(() => fake.tap(wa, confirm!));
    const state = await db.prisma.sectionDraft.findFirst({
      where: { sectionKey: "latar_belakang", proposal: { title: "Jemput Bola Layanan Kesehatan Lansia" } },
      select: { text: true },
    });
    expect(state?.text).toContain("1.240 lansia");

    const [status] = await say(() => fake.text(wa, "/status"));
    expect(bodyText(status!)).toContain("Jemput Bola Layanan Kesehatan Lansia");

    // The DOCX export goes out as a document uploaded through the media endpoint.
    const exported = await say(() => fake.text(wa, "/ekspor"));
    const doc = exported.find((m) => m.type === "document") ?? exported[0]!;
    expect(doc.type).toBe("document");
    const mediaId = (doc.body as { document: { id: string; filename: string } }).document.id;
    const upload = fake.uploads.get(mediaId);
    expect(upload?.fileName).toMatch(/\.docx$/);
    expect(upload?.bytes.subarray(0, 2).toString()).toBe("PK");
    expect(fake.rejected).toHaveLength(0);
  });

  it("a document larger than the limit is refused politely from its size, before any byte is downloaded", async () => {
    h = await startCloudHarness(db);
    // The participant of the test above, who has a proposal to import into.
    const wa = "628122334455";
    const big = Buffer.alloc(11 * 1024 * 1024, 65);
    await h.fake.document(wa, big, "draf-besar.pdf", "application/pdf");
    const reply = await until(() => h!.fake.sent.filter((s) => s.to === wa)[0], "size reply");
    expect(bodyText(reply)).toMatch(/10 MB/);
    expect(h.fake.downloads).toHaveLength(0);
  });

  it("a message recorded by a process that died before handling it is handled by the next one", async () => {
    // The first process writes the message to its inbox, answers Meta 200 and hangs (killed).
    const stuck: { open?: () => void } = {};
    const hang = new Promise<never[]>((r) => {
      stuck.open = () => r([]);
    });
    let reached = 0;
    const first = await startCloudHarness(db, {
      inbox: createUpdateInbox(db.prisma, "whatsapp-cloud"),
      handler: async () => {
        reached++;
        return hang;
      },
    });
    try {
      const { id, status } = await first.fake.text("628111000077", "/start");
      expect(status).toBe(200);
      await until(() => reached === 1, "the first process took the message");
      expect(
        (await db.prisma.inboxUpdate.findMany({ where: { channel: "whatsapp-cloud" } })).map(
          (r) => r.updateId,
        ),
      ).toEqual([id]);
      // Meta will not send it again (it got its 200); the next process finds it in the inbox.
      h = await startCloudHarness(db, {
        inbox: createUpdateInbox(db.prisma, "whatsapp-cloud"),
        sharing: first.fake,
      });
      await h.channel.ready;
      const welcome = await until(
        () => h!.fake.sent.find((s) => (s.body as { to?: string }).to === "628111000077"),
        "the next process answered the message",
      );
      expect(bodyText(welcome)).toMatch(/Klinik Inovasi/);
      await until(
        async () => (await db.prisma.inboxUpdate.count({ where: { channel: "whatsapp-cloud" } })) === 0,
        "the handled message cleared from the inbox",
      );
    } finally {
      stuck.open?.();
      await h?.close();
      h = undefined;
      await first.close();
    }
  });
});
