/**
 * Closeness of a new question to the questions saved answers were given for: TF-IDF weighted
 * cosine over normalised word tokens (lower case, no diacritics or punctuation, common Indonesian
 * and English function words dropped, Indonesian affixes stripped so "pengumuman" and
 * "diumumkan" meet at "umum"). Small, explainable, no model: the saved set is tens to hundreds
 * of questions per competition.
 */

const STOPWORDS = new Set(
  (
    "yang dan di ke dari untuk pada dengan ini itu apa apakah bagaimana gimana kapan mengapa kenapa " +
    "berapa siapa mana ada adalah akan sudah belum bisa dapat tidak ya saya kami kita bapak ibu pak bu " +
    "mohon tolong minta info informasi terima kasih selamat pagi siang sore malam halo mau ingin juga " +
    "atau karena jika kalau agar supaya sebagai oleh dalam tersebut nya lah kah sih dong kak min admin " +
    "the a an and or of to in on for is are was be it this that what how when why which who can do does " +
    "please hello hi we our i my you your with about"
  ).split(/\s+/),
);

/** The words of a text that carry its meaning. */
export function tokenize(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !STOPWORDS.has(w))
    .map(stem);
}

const PARTICLE = /(nya|kah|lah|pun)$/;
const SUFFIX = /(kan|an|i)$/;
const PREFIX = /^(di|ke|se|ber|ter|me(ng|ny|m|n)?|pe(ng|ny|m|n)?)/;

/**
 * A crude Indonesian stemmer: a particle, a suffix and a prefix off, never below four letters
 * (enough to match questions; not a dictionary stemmer like Sastrawi: "menunggu" → "unggu").
 */
export function stem(word: string): string {
  if (/\d/.test(word)) return word;
  let w = word;
  for (const re of [PARTICLE, SUFFIX, PREFIX]) {
    const cut = w.replace(re, "");
    if (cut.length >= 4) w = cut;
  }
  return w;
}

export interface Match<T> {
  item: T;
  score: number;
}

/** Questions at least this close are offered (0..1). */
export const MATCH_THRESHOLD = 0.5;

/** The saved item whose question is closest to `query`, when at least `threshold` close. */
export function bestMatch<T>(
  query: string,
  items: readonly T[],
  questionOf: (t: T) => string,
  threshold = MATCH_THRESHOLD,
): Match<T> | undefined {
  const docs = items.map((it) => tokenize(questionOf(it)));
  const q = tokenize(query);
  if (q.length === 0 || docs.length === 0) return undefined;
  const df = new Map<string, number>();
  for (const d of [...docs, q]) for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = docs.length + 1;
  const vector = (tokens: string[]) => {
    const tf = new Map<string, number>();
    for (const w of tokens) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v = new Map<string, number>();
    // Smoothed IDF (as scikit-learn): a word in every question still counts once.
    for (const [w, c] of tf) v.set(w, c * (1 + Math.log((1 + n) / (1 + (df.get(w) ?? 0)))));
    return v;
  };
  const qv = vector(q);
  let best: Match<T> | undefined;
  docs.forEach((d, i) => {
    const score = cosine(qv, vector(d));
    if (score >= threshold && (!best || score > best.score)) best = { item: items[i]!, score };
  });
  return best;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [w, x] of a) dot += x * (b.get(w) ?? 0);
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
  const d = norm(a) * norm(b);
  return d === 0 ? 0 : dot / d;
}
