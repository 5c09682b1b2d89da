// A separate process that takes the data-folder lock and holds it until killed.
import { acquireDataDirLock } from "../../src/db/dataDirLock.ts";

const [dir, stale] = process.argv.slice(2);
await acquireDataDirLock(dir!, { staleMs: Number(stale) });
process.stdout.write("locked\n");
setInterval(() => {}, 60_000);
