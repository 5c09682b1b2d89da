// The embedded PostgreSQL (PGlite) and its socket server on a thread of their own, so the
// database's work runs on the second core beside the bot's (startEmbeddedInThread.ts, ADR 0001).
// Plain JavaScript: it runs the same from src/ (tests, tsx) and from dist/ (npm start).
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dataDir, conf, maxConnections } = workerData;
const db = await PGlite.create({ dataDir, postgresqlconf: conf });
const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections });
await server.start();
parentPort.postMessage({ kind: "ready", conn: server.getServerConn() });

parentPort.on("message", async (m) => {
  if (m.kind === "dump") {
    try {
      const blob = await db.dumpDataDir("gzip");
      const bytes = new Uint8Array(await blob.arrayBuffer());
      parentPort.postMessage({ kind: "dump", id: m.id, bytes }, [bytes.buffer]);
    } catch (e) {
      parentPort.postMessage({ kind: "dump", id: m.id, error: String(e?.message ?? e) });
    }
  } else if (m.kind === "stop") {
    await server.stop().catch(() => {});
    await db.close().catch(() => {});
    parentPort.postMessage({ kind: "stopped" });
  }
});
