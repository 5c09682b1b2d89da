import yauzl from "yauzl";
import { ZIP_LIMITS } from "../core/importing/importLimits.ts";

export type ZipLimits = { [K in keyof typeof ZIP_LIMITS]: number };

export type ZipVerdict =
  | { ok: true; entries: number; unpackedBytes: number }
  | {
      ok: false;
      reason:
        | "corrupt"
        | "too_many_entries"
        | "too_large_unpacked"
        | "compression_ratio"
        | "xml_dtd"
        | "xml_too_deep";
    };

const RATIO_FLOOR = 1024 * 1024;

/**
 * Checks a zip (DOCX, XLSX) before any parser unzips it: the central directory's entry count,
 * declared sizes and ratios first; then every part is inflated as a stream, counting the real
 * bytes (a lying header is caught by yauzl's size validation and by our running total), and XML
 * parts are scanned for DTDs (entity expansion: OOXML never has one) and for nesting depth.
 * Memory stays at one chunk per part: nothing is kept.
 */
export async function inspectZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipVerdict> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
        (err, z) => (err || !z ? reject(err) : resolve(z)),
      ),
    );
  } catch {
    return { ok: false, reason: "corrupt" };
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    return { ok: false, reason: "too_many_entries" };
  }
  let declared = 0;
  let packed = 0;
  let unpacked = 0;
  return new Promise<ZipVerdict>((resolve) => {
    let done = false;
    const finish = (v: ZipVerdict) => {
      if (done) return;
      done = true;
      zip.close();
      resolve(v);
    };
    zip.on("error", () => finish({ ok: false, reason: "corrupt" }));
    zip.on("end", () => finish({ ok: true, entries: zip.entryCount, unpackedBytes: unpacked }));
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith("/")) return zip.readEntry();
      declared += entry.uncompressedSize;
      packed += entry.compressedSize;
      if (declared > limits.maxUnpackedBytes) return finish({ ok: false, reason: "too_large_unpacked" });
      if (
        entry.uncompressedSize > RATIO_FLOOR &&
        entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)
      )
        return finish({ ok: false, reason: "compression_ratio" });
      if (declared > RATIO_FLOOR && declared > limits.maxRatio * Math.max(packed, 1))
        return finish({ ok: false, reason: "compression_ratio" });
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return finish({ ok: false, reason: "corrupt" });
        const xml = /\.(xml|rels)$/i.test(entry.fileName) ? xmlScanner(limits.maxXmlDepth) : undefined;
        stream.on("data", (chunk: Buffer) => {
          unpacked += chunk.byteLength;
          const problem =
            unpacked > limits.maxUnpackedBytes ? "too_large_unpacked" : (xml?.push(chunk) ?? undefined);
          if (problem) {
            stream.destroy();
            finish({ ok: false, reason: problem });
          }
        });
        // yauzl stops a part that inflates past the size its header declared: a lying bomb.
        stream.on("error", (e: Error) =>
          finish({ ok: false, reason: /too many bytes/.test(e.message) ? "too_large_unpacked" : "corrupt" }),
        );
        stream.on("end", () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
}

/**
 * A streaming look at XML: a DOCTYPE (the only way to declare entities) is refused, and the
 * element depth is followed tag by tag (`<a>` +1, `</a>` −1, `<a/>` 0) across chunk borders.
 */
function xmlScanner(maxDepth: number) {
  let depth = 0;
  let tail = "";
  return {
    push(chunk: Buffer): "xml_dtd" | "xml_too_deep" | undefined {
      const text = tail + chunk.toString("latin1");
      const cut = text.lastIndexOf("<");
      const closed = cut >= 0 && text.indexOf(">", cut) < 0 ? cut : text.length;
      const body = text.slice(0, closed);
      tail = text.slice(closed).slice(-4096);
      if (/<!DOCTYPE|<!ENTITY/i.test(body)) return "xml_dtd";
      for (const m of body.matchAll(/<(\/?)[A-Za-z_][^<>]*?(\/?)>/g)) {
        if (m[1]) depth--;
        else if (!m[2]) depth++;
        if (depth > maxDepth) return "xml_too_deep";
      }
      return undefined;
    },
  };
}
