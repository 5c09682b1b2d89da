import { describe, expect, it } from "vitest";
import { looksLikeSk } from "../../../src/core/attachments/looksLikeSk.ts";
import { normalizeTitle } from "../../../src/core/attachments/normalizeTitle.ts";
import { parseVideoLink } from "../../../src/core/attachments/videoLink.ts";
import { checkUpload, type UploadFacts } from "../../../src/core/completeness/uploadChecklist.ts";
import { loadTemplateFile } from "../../../src/core/templates/loadTemplates.ts";

const KIPP = loadTemplateFile("prompts/templates/kipp-2023-umum.json");

describe("video link", () => {
  it.each([
    ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube"],
    ["youtu.be/dQw4w9WgXcQ", "youtube"],
    ["https://youtube.com/shorts/abcdef123", "youtube"],
    ["https://drive.google.com/file/d/1AbCdEf/view?usp=sharing", "google_drive"],
    ["https://contoh-my.sharepoint.com/:v:/g/personal/x/EAbc", "onedrive"],
    ["https://1drv.ms/v/s!AbCd", "onedrive"],
    ["https://www.dropbox.com/s/abc/video.mp4?dl=0", "dropbox"],
  ])("accepts %s", (url, host) => {
    const r = parseVideoLink(url);
    expect(r).toMatchObject({ ok: true, host });
    expect(r.ok && r.url.startsWith("https://")).toBe(true);
  });

  it.each([
    ["https://youtube.com", "not_a_video_page"],
    ["https://www.youtube.com/watch", "not_a_video_page"],
    ["https://drive.google.com/", "not_a_video_page"],
    ["https://example.com/video.mp4", "unknown_host"],
    ["https://wa.me/628123", "unknown_host"],
    ["video kami di youtube", "not_url"],
    ["ftp://youtube.com/watch?v=abc", "not_url"],
    ["", "not_url"],
  ])("refuses %s (%s)", (url, reason) => {
    expect(parseVideoLink(url)).toEqual({ ok: false, reason });
  });
});

describe("title normalisation and decree hints", () => {
  it("ignores case, accents, punctuation and spacing", () => {
    expect(normalizeTitle("SI-CANTIK: Layanan  Cepat")).toBe(normalizeTitle("Si Cantik, layanan cepat"));
    expect(normalizeTitle("Pelayanan Terpadu Café")).toBe(normalizeTitle("pelayanan terpadu cafe"));
    expect(normalizeTitle("Jemput Bola KTP-el")).not.toBe(normalizeTitle("Jemput Bola KIA"));
  });

  it("recognises a decree by its name or its standard words, not any PDF", () => {
    expect(looksLikeSk("SK Tim Inovator.pdf")).toBe(true);
    expect(looksLikeSk("sk_inovasi_2023.jpg")).toBe(true);
    expect(looksLikeSk("Surat-Keputusan-Kadis.pdf")).toBe(true);
    expect(looksLikeSk("scan.pdf", "KEPUTUSAN BUPATI BANYUMAS NOMOR 12\nMEMUTUSKAN:\nMenetapkan")).toBe(true);
    expect(looksLikeSk("laporan-skm-2023.pdf", "Survei kepuasan masyarakat")).toBe(false);
    expect(looksLikeSk("risk-register.pdf")).toBe(false);
  });
});

const facts = (over: Partial<UploadFacts> = {}): UploadFacts => ({
  attachments: [],
  videoUrl: null,
  startYear: 2021,
  group: "umum",
  instansi: "Pemerintah Kabupaten Uji",
  sameTitle: { otherUnits: 0, sameUnit: 0 },
  instansiProposals: { all: 1, sameGroup: 1 },
  ...over,
});
const when = { now: new Date("2022-11-01T03:00:00Z"), timezone: "Asia/Jakarta" };

describe("upload checklist", () => {
  it("counts the innovation's age to the registration deadline, not to today", () => {
    const deadline = new Date("2023-05-31T16:59:00Z");
    const [age] = checkUpload(KIPP, facts(), { ...when, deadline }).filter((i) => i.key === "age");
    expect(age).toMatchObject({ ok: true, age: 2, min: 2, atDeadline: true });
    const [today] = checkUpload(KIPP, facts(), when).filter((i) => i.key === "age");
    expect(today).toMatchObject({ ok: false, age: 1, atDeadline: false });
    const [unknown] = checkUpload(KIPP, facts({ startYear: null }), { ...when, deadline }).filter(
      (i) => i.key === "age",
    );
    expect(unknown).toMatchObject({ ok: false, min: 2 });
  });

  it("lists SK, supporting documents of every section but Ringkasan, video, age and title for KIPP", () => {
    const items = checkUpload(
      KIPP,
      facts({
        attachments: [
          { id: "1", kind: "sk", sectionKey: null, fileName: "sk.pdf", size: 10 },
          { id: "2", kind: "supporting", sectionKey: "signifikansi", fileName: "data.pdf", size: 10 },
          { id: "3", kind: "supporting", sectionKey: "ringkasan", fileName: "x.pdf", size: 10 },
        ],
      }),
      when,
    );
    expect(items.map((i) => [i.key, i.ok])).toEqual([
      ["sk", true],
      ["video", false],
      ["supporting", false],
      ["age", false],
      ["title", true],
    ]);
    const supporting = items.find((i) => i.key === "supporting");
    expect(supporting?.key === "supporting" && supporting.missing).toEqual([
      "latar_belakang",
      "kebaruan",
      "implementasi",
      "adaptabilitas",
      "sumber_daya",
      "keberlanjutan",
    ]);
  });

  it("checks the instansi's quota only where the template sets one, per group when keyed by group", () => {
    expect(checkUpload(KIPP, facts(), when).some((i) => i.key === "quota")).toBe(false);
    const quota = {
      ...KIPP,
      eligibility: { ...KIPP.eligibility, maxProposalsPerInstansi: { umum: 10, replikasi: 5 } },
    };
    const over = checkUpload(quota, facts({ instansiProposals: { all: 14, sameGroup: 11 } }), when).find(
      (i) => i.key === "quota",
    );
    expect(over).toEqual({ key: "quota", ok: false, count: 11, max: 10, group: "umum" });
    const within = checkUpload(quota, facts({ instansiProposals: { all: 14, sameGroup: 10 } }), when).find(
      (i) => i.key === "quota",
    );
    expect(within?.ok).toBe(true);
  });

  it("flags a duplicate title in the same unit as well as in other units", () => {
    const dup = checkUpload(KIPP, facts({ sameTitle: { otherUnits: 0, sameUnit: 1 } }), when).find(
      (i) => i.key === "title",
    );
    expect(dup).toEqual({ key: "title", ok: false, otherUnits: 0, sameUnit: 1 });
  });
});
