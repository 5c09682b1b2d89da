import { absent, type DetectorResult, found, rejected, sentences } from "./detectorResult.ts";
import { notDoneAt } from "./statedAsDone.ts";

const EVAL =
  /(?<![\p{L}\p{N}])(?:evaluasi|dievaluasi|mengevaluasi|monev|monitoring|pemantauan|memantau|dipantau|supervisi|penilaian|menilai|dinilai|kajian|mengkaji|dikaji|penelitian|meneliti|diteliti|riset|survei|survey|audit|diaudit|mengaudit|pemeriksaan|diperiksa|memeriksa|reviu|review|direviu|telaah|ditelaah|pengukuran|mengukur|diukur|SKM|IKM|survei\s+kepuasan|indeks\s+kepuasan|asesmen|akreditasi|terakreditasi|visitasi|(?:eksternal|external|internal)(?=\s*:)|evaluation|evaluated|assessed|assessment|audited|survey(?:ed)?)(?![\p{L}\p{N}])/giu;
/** Who evaluated, when it was someone outside the unit. */
const EXTERNAL =
  /(?<![\p{L}\p{N}])(?:Inspektorat|APIP|BPKP|BPK|Ombudsman|universitas|univ\.|perguruan\s+tinggi|politeknik|poltekkes|institut|akademisi|peneliti|dosen|mahasiswa\s+KKN|lembaga\s+(?:independen|survei)|konsultan|pihak\s+(?:ketiga|independen|eksternal|luar)|evaluator\s+(?:eksternal|independen)|(?:evaluasi|audit|penilaian|survei)\s+(?:eksternal|independen)|eksternal|independen|KemenPANRB|Kementerian\s+PANRB|Kemendagri|Kementerian\s+Dalam\s+Negeri|Kementerian|Kemenkes|Dinas\s+Kesehatan\s+Provinsi|Dinkes\s+Provinsi|Tim\s+Penilai|TPI|Tim\s+Evaluasi|BPJS(?:\s+Kesehatan)?|Balai\s+\p{Lu}\p{L}+|UNICEF|WHO|UNDP|LAFKES\p{L}*|KARS|lembaga\s+akreditasi|akreditasi|Bagian\s+Organisasi|Biro\s+Organisasi|external|independent|university)(?![\p{L}\p{N}])/iu;
/** The unit evaluating itself: named as such, or an evaluation with no outside party. */
const SELF =
  /(?<![\p{L}\p{N}])(?:internal|intern|tim\s+inovasi|tim\s+inovator|tim\s+internal|secara\s+mandiri|mandiri|kami|rapat|kepala\s+(?:puskesmas|dinas|bidang|seksi|unit|sekolah|kantor)|pimpinan|atasan|petugas|koordinator|penanggung\s+jawab|self)(?![\p{L}\p{N}])/iu;

/**
 * Evaluation of the innovation, told apart by who evaluated. `external` wants an outside party
 * (Inspektorat, BPK, BPKP, Ombudsman, a university, an independent surveyor) named as the one
 * who evaluated; otherwise an evaluation by the unit itself (its own team, its own monthly
 * review, the satisfaction survey it runs) is wanted, and an outside audit does not stand in for
 * it. Planned or denied evaluations ("akan dievaluasi", "belum pernah diaudit") do not count.
 */
export function detectEvaluation(text: string, external = false): DetectorResult {
  let why: DetectorResult | undefined;
  for (const s of sentences(text)) {
    for (const clause of clausesOf(s.text)) {
      const m = new RegExp(EVAL.source, "iu").exec(clause.text);
      if (!m) continue;
      // "Evaluasi eksternal: -" or "Eksternal: belum ada": a heading with nothing after it
      if (
        /^\s*:\s*(?:-|belum\s+ada|tidak\s+ada|belum)?[\s.–-]*$/iu.test(
          clause.text.slice(m.index + m[0].length).replace(/^\s*(?:eksternal|external|internal)/iu, ""),
        )
      )
        continue;
      const at = s.start + clause.start + m.index;
      const notDone = notDoneAt(text, at, at + m[0].length);
      const quote = clause.text.trim();
      if (notDone) {
        why ??= rejected(notDone, quote);
        continue;
      }
      const isExternal = EXTERNAL.test(clause.text) || (!SELF.test(clause.text) && outsideInSentence(s.text));
      if (isExternal === external) return found(short(quote));
      why ??= rejected(external ? "internal_only" : "external_only", quote);
    }
  }
  return why ?? absent;
}

/** The clause names no evaluator but its sentence does, and holds only one evaluation. */
function outsideInSentence(sentence: string): boolean {
  return EXTERNAL.test(sentence) && [...sentence.matchAll(EVAL)].length === 1;
}

/** Clauses split at commas and conjunctions that join two evaluations. */
function clausesOf(sentence: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re =
    /(?:(?<!\d),(?!\d)|(?<!\p{L})(?:sedangkan|sementara\s+itu|serta|dan\s+(?=(?:\p{L}+\s+){0,3}(?:evaluasi|audit|survei|penilaian|monev|SKM|IKM))))/giu;
  let last = 0;
  for (const m of sentence.matchAll(re)) {
    out.push({ text: sentence.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  out.push({ text: sentence.slice(last), start: last });
  // a clause without its evaluation word ("Pada 2023,") joins the next one
  const merged: { text: string; start: number }[] = [];
  for (const c of out) {
    const prev = merged[merged.length - 1];
    if (prev && !new RegExp(EVAL.source, "iu").test(prev.text)) {
      prev.text = sentence.slice(prev.start, c.start + c.text.length);
      continue;
    }
    merged.push({ ...c });
  }
  return merged;
}

function short(quote: string): string {
  return quote.length <= 90 ? quote : `${quote.slice(0, quote.lastIndexOf(" ", 88))}…`;
}
