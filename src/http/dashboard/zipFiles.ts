import { zip } from "fflate";

/** Files into one ZIP (DOCX is compressed already: stored, not deflated again). */
export function zipFiles(files: { name: string; data: Uint8Array }[]): Promise<Uint8Array> {
  const tree: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of files) tree[f.name] = [f.data, { level: 0 }];
  return new Promise((resolve, reject) => zip(tree, (err, out) => (err ? reject(err) : resolve(out))));
}
