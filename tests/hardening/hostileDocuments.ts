import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * Real hostile documents, built byte by byte: zip bombs that unpack to hundreds of MB from a few
 * hundred KB (with honest or lying headers), XML nested 100,000 deep or declaring entities
 * (billion laughs), a 5,000-page PDF and a one-page PDF whose content stream inflates to
 * hundreds of MB. Repeated content is deflated once with a full flush (byte-aligned, no
 * back-references) and the compressed segment repeated, so building a 400 MB bomb takes
 * milliseconds and a few KB of memory per segment.
 */

interface Part {
  name: string;
  /** Raw deflate bytes and what they inflate to. */
  deflated: Uint8Array;
  size: number;
  crc: number;
  /** What the headers claim (a lying zip); default the truth. */
  claimedSize?: number;
}

/** Content = head + body × times + tail, deflated without ever holding the inflated bytes. */
function part(name: string, head: string, body = "", times = 0, tail = "", claimedSize?: number): Part {
  const full = (s: string) => deflateRawSync(Buffer.from(s), { finishFlush: constants.Z_FULL_FLUSH });
  const h = Buffer.from(head);
  const b = Buffer.from(body);
  const t = Buffer.from(tail);
  const segments: Uint8Array[] = [full(head)];
  let crc = crc32(h);
  if (times > 0) {
    const seg = full(body);
    for (let i = 0; i < times; i++) {
      segments.push(seg);
      crc = crc32(b, crc);
    }
  }
  segments.push(deflateRawSync(t));
  crc = crc32(t, crc);
  return {
    name,
    deflated: Buffer.concat(segments),
    size: h.byteLength + b.byteLength * times + t.byteLength,
    crc,
    ...(claimedSize !== undefined ? { claimedSize } : {}),
  };
}

function zip(parts: Part[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = p.claimedSize ?? p.size;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0, 6);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(p.crc >>> 0, 14);
    lh.writeUInt32LE(p.deflated.byteLength, 18);
    lh.writeUInt32LE(size >>> 0, 22);
    lh.writeUInt16LE(name.byteLength, 26);
    local.push(lh, name, Buffer.from(p.deflated));
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(p.crc >>> 0, 16);
    ch.writeUInt32LE(p.deflated.byteLength, 20);
    ch.writeUInt32LE(size >>> 0, 24);
    ch.writeUInt16LE(name.byteLength, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.byteLength + p.deflated.byteLength;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, cd, end]));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const PARA = "<w:p><w:r><w:t>Inovasi pelayanan publik yang berdampak bagi masyarakat. </w:t></w:r></w:p>";

function docx(document: Part, extra: Part[] = []): Uint8Array {
  return zip([part("[Content_Types].xml", CONTENT_TYPES), part("_rels/.rels", RELS), document, ...extra]);
}

const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`;
const DOC_TAIL = "</w:body></w:document>";

/** A plain, valid DOCX with these paragraphs (to show the generator makes real documents). */
export function plainDocx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join("");
  return docx(part("word/document.xml", DOC_HEAD + body + DOC_TAIL));
}

/** A DOCX whose document.xml unpacks to about `mb` MB; the headers say so honestly. */
export function docxBomb(mb: number): Uint8Array {
  const block = PARA.repeat(Math.ceil((1024 * 1024) / PARA.length));
  return docx(part("word/document.xml", DOC_HEAD, block, mb, DOC_TAIL));
}

/** The same bomb, but its headers claim document.xml unpacks to 20 KB. */
export function lyingDocxBomb(mb: number): Uint8Array {
  const block = PARA.repeat(Math.ceil((1024 * 1024) / PARA.length));
  return docx(part("word/document.xml", DOC_HEAD, block, mb, DOC_TAIL, 20_000));
}

/** document.xml with elements nested `depth` deep. */
export function deepDocx(depth: number): Uint8Array {
  return docx(
    part(
      "word/document.xml",
      `${DOC_HEAD}<w:p><w:r><w:t>Ringkasan</w:t></w:r></w:p>`,
      "<w:sdt><w:sdtContent>",
      depth,
      `${"</w:sdtContent></w:sdt>".repeat(depth)}${DOC_TAIL}`,
    ),
  );
}

/** The billion-laughs entity expansion inside document.xml. */
export function entityDocx(): Uint8Array {
  const ents = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
  return docx(
    part(
      "word/document.xml",
      `<?xml version="1.0"?><!DOCTYPE w:document [${ents.join("")}]><w:document ${W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>${DOC_TAIL}`,
    ),
  );
}

/** A DOCX with `n` tiny extra parts. */
export function manyEntriesDocx(n: number): Uint8Array {
  const extra = Array.from({ length: n }, (_, i) => part(`word/media/p${i}.xml`, "<x/>"));
  return docx(part("word/document.xml", `${DOC_HEAD}${PARA}${DOC_TAIL}`), extra);
}

/** A PDF from page content streams (each already encoded, with its /Filter if any). */
function pdf(pages: { stream: Uint8Array; filter?: string }[]): Uint8Array {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  const emit = (b: Buffer) => {
    chunks.push(b);
    at += b.byteLength;
  };
  const obj = (n: number, body: Buffer | string, stream?: Uint8Array) => {
    offsets[n] = at;
    emit(Buffer.from(`${n} 0 obj\n`));
    emit(typeof body === "string" ? Buffer.from(body) : body);
    if (stream) {
      emit(Buffer.from("\nstream\n"));
      emit(Buffer.from(stream));
      emit(Buffer.from("\nendstream"));
    }
    emit(Buffer.from("\nendobj\n"));
  };
  emit(Buffer.from("%PDF-1.4\n"));
  const kids = pages.map((_, i) => `${4 + 2 * i} 0 R`).join(" ");
  obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
  obj(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  obj(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  pages.forEach((p, i) => {
    obj(
      4 + 2 * i,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
    );
    obj(5 + 2 * i, `<< /Length ${p.stream.byteLength}${p.filter ? ` /Filter ${p.filter}` : ""} >>`, p.stream);
  });
  const count = 4 + 2 * pages.length;
  const xref = at;
  emit(Buffer.from(`xref\n0 ${count}\n0000000000 65535 f \n`));
  for (let n = 1; n < count; n++) emit(Buffer.from(`${String(offsets[n]).padStart(10, "0")} 00000 n \n`));
  emit(Buffer.from(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

const textOps = (s: string, y = 720) => Buffer.from(`BT /F1 12 Tf 72 ${y} Td (${s}) Tj ET`);

/** A text PDF of `n` pages, one line each. */
export function manyPagesPdf(n: number): Uint8Array {
  return pdf(
    Array.from({ length: n }, (_, i) => ({ stream: textOps(`Halaman ${i + 1} dari proposal inovasi`) })),
  );
}

/** One page whose FlateDecode content stream inflates to about `mb` MB of text operators. */
export function heavyPagePdf(mb: number): Uint8Array {
  const op = "BT /F1 12 Tf 72 700 Td (Inovasi pelayanan publik) Tj ET\n";
  const block = op.repeat(Math.ceil((1024 * 1024) / op.length));
  const full = (s: string) => deflateRawSync(Buffer.from(s), { finishFlush: constants.Z_FULL_FLUSH });
  const seg = full(block);
  // zlib wrapper (FlateDecode is zlib, not raw deflate): header, segments, final block; pdfjs
  // does not insist on the Adler-32 trailer of a stream this size, so it is left out.
  const stream = Buffer.concat([
    Buffer.from([0x78, 0x9c]),
    ...Array.from({ length: mb }, () => seg),
    deflateRawSync(Buffer.alloc(0)),
  ]);
  return pdf([{ stream: textOps("Ringkasan") }, { stream, filter: "/FlateDecode" }]);
}

/** An XLSX whose first sheet unpacks to about `mb` MB. */
export function xlsxBomb(mb: number): Uint8Array {
  const row = '<row><c t="inlineStr"><is><t>Dinas Kependudukan</t></is></c></row>';
  const block = row.repeat(Math.ceil((1024 * 1024) / row.length));
  return zip([
    part("[Content_Types].xml", CONTENT_TYPES),
    part(
      "xl/worksheets/sheet1.xml",
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      block,
      mb,
      "</sheetData></worksheet>",
    ),
  ]);
}
