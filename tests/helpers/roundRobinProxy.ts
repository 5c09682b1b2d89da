import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small load balancer in front of several bot processes: each request goes to the next
 * backend in turn; a backend that refuses (connection error, 5xx) is skipped and the same
 * request goes to the next one, as a load balancer fails over and as Telegram redelivers an
 * update it got no 200 for.
 */
export class RoundRobinProxy {
  readonly hits: number[];
  /** Requests that had to be sent to a second backend (the first refused or failed). */
  retried = 0;
  #server: Server;
  #next = 0;
  #port = 0;

  constructor(private backends: string[]) {
    this.hits = backends.map(() => 0);
    this.#server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === "string" && k !== "host" && k !== "content-length") headers[k] = v;
      for (let tries = 0; tries < this.backends.length * 3; tries++) {
        if (tries === 1) this.retried++;
        const i = this.#next++ % this.backends.length;
        try {
          const r = await fetch(`${this.backends[i]}${req.url ?? "/"}`, {
            method: req.method,
            headers,
            body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
          });
          if (r.status >= 500) continue;
          this.hits[i]!++;
          res.writeHead(r.status, { "content-type": r.headers.get("content-type") ?? "text/plain" });
          res.end(Buffer.from(await r.arrayBuffer()));
          return;
        } catch {
          // That backend is down: the next one.
        }
      }
      res.writeHead(502).end();
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.#port = (this.#server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
  }
}

/** A port that was free a moment ago (for a child process that must be told its port). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
