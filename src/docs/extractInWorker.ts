import { Worker } from "node:worker_threads";
import { MAX_FILE_BYTES, PARSE_LIMITS } from "../core/importing/importLimits.ts";
import { sniffFileType } from "./detectFileType.ts";
import { type ExtractResult, extractText } from "./extractText.ts";

export interface ParseLimits {
  /** V8 heap of each parser thread. */
  heapMb: number;
  /** Growth of the whole process's resident memory allowed while parses run (buffers included). */
  rssMb: number;
  timeoutMs: number;
  /** Parser threads; more documents wait their turn. */
  concurrent: number;
  /** A parser thread with nothing to do ends after this long (pdfjs holds ~100 MB). */
  idleMs: number;
}

export type Extractor = (bytes: Uint8Array, fileName: string, mimeType?: string) => Promise<ExtractResult>;

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  idle?: NodeJS.Timeout;
}

/**
 * Runs `extractText` for PDF and DOCX in worker threads, so a hostile file can fail only its own
 * parse, never the bot: each thread's heap is capped (out of memory ends that thread), a parse
 * past the time limit is stopped, and a watchdog stops the parses when the process's resident
 * memory grows past `rssMb` (what pdfjs or JSZip inflate lives in buffers outside the V8 heap
 * cap). A stopped thread is replaced by a fresh one on the next document. Every failure is an
 * ExtractResult, never a throw: too_complex for memory or time, corrupt for a parser crash.
 */
export function createIsolatedExtractor(limits: ParseLimits = PARSE_LIMITS): Extractor {
  const free: Slot[] = [];
  let started = 0;
  const waiting: ((s: Slot | undefined) => void)[] = [];
  let seq = 0;

  const spawn = (): Slot => {
    const worker = new Worker(new URL("./extractWorker.mjs", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 },
      // The parent's flags, less those that only apply to an entry given as a string.
      execArgv: process.execArgv.filter((a) => !a.startsWith("--input-type") && a !== "-e" && a !== "--eval"),
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
      worker.once("exit", () => reject(new Error("parser thread ended")));
    });
    ready.catch(() => {});
    started++;
    return { worker, ready };
  };
  const take = async (): Promise<Slot> => {
    const s = free.pop();
    if (s) {
      clearTimeout(s.idle);
      return s;
    }
    if (started < limits.concurrent) return spawn();
    return (await new Promise<Slot | undefined>((r) => waiting.push(r))) ?? spawn();
  };
  const give = (s: Slot | undefined) => {
    if (!s) started--;
    const next = waiting.shift();
    if (next) return next(s);
    if (!s) return;
    s.idle = setTimeout(() => {
      free.splice(free.indexOf(s), 1);
      started--;
      void s.worker.terminate();
    }, limits.idleMs);
    s.idle.unref();
    free.push(s);
  };

  return async (bytes, fileName, mimeType) => {
    // Text, images and unknown bytes are cheap and bounded by the upload cap: read them here.
    const kind = bytes.byteLength <= MAX_FILE_BYTES ? sniffFileType(bytes).kind : "too_large";
    if (kind !== "pdf" && kind !== "docx") return extractText(bytes, fileName, mimeType);
    const slot = await take();
    const { result, healthy } = await parseOn(slot, ++seq, bytes, fileName, mimeType, limits);
    if (!healthy) void slot.worker.terminate();
    give(healthy ? slot : undefined);
    return result;
  };
}

async function parseOn(
  slot: Slot,
  id: number,
  bytes: Uint8Array,
  fileName: string,
  mimeType: string | undefined,
  limits: ParseLimits,
): Promise<{ result: ExtractResult; healthy: boolean }> {
  try {
    await slot.ready;
  } catch {
    return { result: { ok: false, reason: "corrupt" }, healthy: false };
  }
  const { worker } = slot;
  return new Promise((resolve) => {
    const baseline = process.memoryUsage.rss();
    const settle = (result: ExtractResult, healthy: boolean) => {
      clearTimeout(timer);
      clearInterval(watch);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      resolve({ result, healthy });
    };
    const onMessage = (m: { id?: number; result?: ExtractResult }) => {
      if (m.id === id && m.result) settle(m.result, true);
    };
    const onError = (e: NodeJS.ErrnoException) =>
      settle({ ok: false, reason: e.code === "ERR_WORKER_OUT_OF_MEMORY" ? "too_complex" : "corrupt" }, false);
    const onExit = () => settle({ ok: false, reason: "corrupt" }, false);
    const timer = setTimeout(() => settle({ ok: false, reason: "too_complex" }, false), limits.timeoutMs);
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > limits.rssMb * 1024 * 1024)
        settle({ ok: false, reason: "too_complex" }, false);
    }, 50);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    // A fresh buffer of its own (a Buffer's slice() shares the pool it was cut from): transferred.
    const copy = new Uint8Array(bytes);
    worker.postMessage({ id, bytes: copy, fileName, mimeType }, [copy.buffer]);
  });
}

/** The bot's one extractor: every uploaded document is parsed through it. */
export const extractIsolated: Extractor = createIsolatedExtractor();
