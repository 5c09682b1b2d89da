import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
// @ts-expect-error plain JS build script without types
import { build } from "../../scripts/build.mjs";
import { plainDocx } from "../hardening/hostileDocuments.ts";

// `npm start` runs the compiled dist/: the parser threads must find the compiled extractText.js
// there, not the TypeScript source (which dist/ does not have).
it("the compiled bot parses a DOCX (given as a Buffer, as WhatsApp hands it) in its worker threads", async () => {
  await build();
  const docx = Buffer.from(plainDocx(["Ringkasan", "Teks dari bot terkompilasi."])).toString("base64");
  const script = `
    const { extractIsolated } = await import("./dist/docs/extractInWorker.js");
    const r = await extractIsolated(Buffer.from(process.argv[2], "base64"), "draf.docx");
    process.stdout.write(JSON.stringify(r));
    process.exit(0);`;
  const file = join(mkdtempSync(join(tmpdir(), "klinik-dist-")), "parse.mjs");
  writeFileSync(file, script.replaceAll("./dist/", `${pathToFileURL(process.cwd()).href}/dist/`));
  const run = spawnSync(process.execPath, [file, docx], {
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.stderr).toBe("");
  expect(JSON.parse(run.stdout)).toEqual({ ok: true, text: "Ringkasan\n\nTeks dari bot terkompilasi." });
}, 90_000);
