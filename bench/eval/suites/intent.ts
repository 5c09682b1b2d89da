import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import {
  classifyMessage,
  MESSAGE_KINDS,
  type MessageKind,
} from "../../../src/core/intent/classifyMessage.ts";

/**
 * Accuracy of the rule classifier on the labelled corpus of messages typed while a section is
 * open (tests/fixtures/corpus/intent.jsonl). Besides the overall figure, the two costly errors:
 * a draft passage taken for something else (the writer is answered instead of saved), and a
 * question or request appended to the draft (it ends up in the exported proposal).
 */
const CORPUS = fileURLToPath(new URL("../../../tests/fixtures/corpus/intent.jsonl", import.meta.url));

const rowSchema = z.object({
  text: z.string(),
  label: z.enum(MESSAGE_KINDS as [MessageKind, ...MessageKind[]]),
});

export interface SuiteResult {
  name: string;
  lines: string[];
  targets: { name: string; value: number; target: number; op: ">=" | "<="; met: boolean }[];
}

export function loadIntentCorpus(): z.infer<typeof rowSchema>[] {
  return readFileSync(CORPUS, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => rowSchema.parse(JSON.parse(l)));
}

export async function run(): Promise<SuiteResult> {
  const rows = loadIntentCorpus();
  const misses = rows.map((r) => ({ ...r, got: classifyMessage(r.text) })).filter((r) => r.got !== r.label);
  const accuracy = round((rows.length - misses.length) / rows.length);
  const drafts = rows.filter((r) => r.label === "draft");
  const others = rows.filter((r) => r.label !== "draft" && r.label !== "unsure");
  const draftLost = misses.filter((m) => m.label === "draft").length;
  const intoDraft = misses.filter((m) => m.got === "draft" && m.label !== "unsure").length;
  const lines = [
    `intent (rules only): ${rows.length - misses.length}/${rows.length} correct, accuracy ${accuracy}`,
    `  drafts taken for something else: ${draftLost}/${drafts.length}`,
    `  questions/requests appended to the draft: ${intoDraft}/${others.length}`,
    ...misses.map((m) => `  miss: ${JSON.stringify(m.text)} labelled ${m.label}, got ${m.got}`),
  ];
  return {
    name: "intent",
    lines,
    targets: [
      { name: "intent accuracy (rules)", value: accuracy, target: 0.95, op: ">=", met: accuracy >= 0.95 },
    ],
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await run();
  for (const l of r.lines) console.log(l);
  for (const t of r.targets)
    console.log(`${t.met ? "✓" : "✗"} ${t.name}: ${t.value} (target ${t.op} ${t.target})`);
}
