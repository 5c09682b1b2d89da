/**
 * Why a mention is not evidence: the judges count what has been done, not what is planned,
 * drafted, hoped for or denied ("rancangan Perbup sedang disusun", "akan diusulkan dalam APBD
 * tahun depan", "belum ada anggaran khusus").
 */
export type NotDone = "plan" | "negation";

const PLAN_BEFORE =
  /(?<!\p{L})(?:akan|rencana(?:nya)?|ditargetkan|menargetkan|target(?:nya)?|direncanakan|merencanakan|berencana|diharapkan|harapan(?:nya)?|rancangan|ranperbup|ranperda|raperda|raperbup|draf|draft|konsep|usulan|diusulkan|mengusulkan|diajukan|mengajukan|ke\s+depan(?:nya)?|nantinya|kelak|sedang\s+(?:disusun|diproses|dirancang|diupayakan|diajukan)|dalam\s+(?:proses|tahap)\s+(?:penyusunan|pengajuan|pembahasan|perencanaan)|will|plan(?:ned)?|draft(?:ing)?)(?!\p{L})/iu;
const NEGATION_BEFORE =
  /(?<!\p{L})(?:belum|blm|tidak|tdk|tak|tanpa|bukan|not|no|without)(?!\p{L})(?!\s+(?:hanya|sekadar|saja|cuma|only)(?!\p{L}))/iu;
/** "Perbup … masih dalam proses", "SOP sedang disusun", "anggaran belum tersedia". */
const NOT_DONE_AFTER =
  /^[^.;,\n]{0,40}?(?<!\p{L})(?:(masih|sedang|baru\s+akan|akan|direncanakan|diusulkan|diharapkan)(?:\s+dalam)?\s+(?:proses|tahap|penyusunan|disusun|dirancang|diusulkan|diajukan|dibahas|ditetapkan|disahkan|diupayakan|dialokasikan|diterbitkan|rancangan|draf|usulan|[\p{L}]+kan)|akan\s+(?!terus|tetap|selalu)\p{L}+|(?:menyesuaikan|seadanya)|(belum|tidak|tdk|blm|gak|nggak)\s+(?:ada|ditetapkan|disahkan|tersedia|dialokasikan|diterbitkan|dilakukan|dilaksanakan|pernah|dianggarkan|memiliki|punya))(?!\p{L})/iu;

/**
 * Whether the mention at [start, end) is stated as done. Looks at its own clause only: a plan
 * in another sentence, or after a comma, does not undo a fact ("Perbup Nomor 5 Tahun 2022
 * telah ditetapkan, dan akan diperbarui" still counts).
 */
export function notDoneAt(text: string, start: number, end: number): NotDone | undefined {
  const before = clauseBefore(text, start);
  if (NEGATION_BEFORE.test(lastWords(before, 5))) return "negation";
  if (PLAN_BEFORE.test(before)) return "plan";
  const after = NOT_DONE_AFTER.exec(text.slice(end, end + 80));
  if (after) return after[2] ? "negation" : "plan";
  // "Kami akan menyusun Perbup dan SOP": the plan governs every item of the list
  if (governingPlan(text, start)) return "plan";
  return undefined;
}

const GOVERNING_PLAN =
  /(?<!\p{L})(?:akan|rencana(?:nya)?|direncanakan|berencana|ditargetkan|will|plan\s+to)(?!\p{L})/iu;
const CONTRAST = /(?<!\p{L})(?:sedangkan|namun|tetapi|tapi|sementara|adapun)(?!\p{L})/iu;

function governingPlan(text: string, index: number): boolean {
  const head = text.slice(Math.max(0, index - 160), index);
  const start = Math.max(head.lastIndexOf("."), head.lastIndexOf("\n"), head.lastIndexOf(";"));
  const sentence = head.slice(start + 1);
  const plan = GOVERNING_PLAN.exec(sentence);
  return plan !== null && !CONTRAST.test(sentence.slice(plan.index));
}

/** The clause before `index`: back to the last sentence end, comma, or clause-opening word. */
function clauseBefore(text: string, index: number): string {
  const head = text.slice(Math.max(0, index - 80), index);
  const cut = Math.max(
    head.lastIndexOf("."),
    head.lastIndexOf(";"),
    head.lastIndexOf(","),
    head.lastIndexOf("\n"),
    head.lastIndexOf(":"),
  );
  const clause = head.slice(cut + 1);
  // "Sudah ditetapkan Perbup …, sedangkan SOP akan disusun": only the clause of the mention
  const m =
    /(?<!\p{L})(?:dan|serta|sedangkan|namun|tetapi|tapi|sementara)\s+(?![\s\S]*(?<!\p{L})(?:dan|serta|sedangkan|namun|tetapi|tapi|sementara)\s)/iu.exec(
      clause,
    );
  return m ? clause.slice(m.index + m[0].length) : clause;
}

function lastWords(s: string, n: number): string {
  const words = s.trim().split(/\s+/u);
  return words.slice(-n).join(" ");
}

/** Whether the sentence holding `index` speaks of a plan before that point ("Rencananya … oleh Dinas"). */
export function plannedSentence(text: string, index: number): boolean {
  const head = text.slice(Math.max(0, index - 200), index);
  const start = Math.max(head.lastIndexOf("."), head.lastIndexOf("\n"), head.lastIndexOf(";"));
  return PLAN_BEFORE.test(head.slice(start + 1));
}
