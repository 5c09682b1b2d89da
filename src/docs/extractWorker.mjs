// Worker-thread entry of extractInWorker.ts: parses the documents it is sent, one at a time,
// under the heap limit the parent set. Plain JS: beside the compiled bot (dist/, npm start) it
// imports the compiled parser; beside the sources (tsx, vitest) it starts the TypeScript loader.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parentPort } from "node:worker_threads";

// pdfjs and its parser loaded natively, before the TypeScript loader is on: through it, the
// 2 MB pdf.worker.mjs costs ~2 s and ~300 MB on first use. pdfjs then runs its parser in this
// thread (globalThis.pdfjsWorker) instead of loading it again.
await import("pdfjs-dist/legacy/build/pdf.mjs");
globalThis.pdfjsWorker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
const compiled = new URL("./extractText.js", import.meta.url);
let extractText;
if (existsSync(fileURLToPath(compiled))) ({ extractText } = await import(compiled.href));
else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ extractText } = await import("./extractText.ts"));
}
parentPort.on("message", async ({ id, bytes, fileName, mimeType }) => {
  const result = await extractText(bytes, fileName, mimeType);
  parentPort.postMessage({ id, result });
});
parentPort.postMessage({ ready: true });
