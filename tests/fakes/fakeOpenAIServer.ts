import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A fake OpenAI-compatible server over real HTTP (127.0.0.1, a free port): POST
 * /v1/chat/completions, reached through the OpenAI SDK's `baseURL`. Replies come from a queue,
 * then from a responder function; the default responder answers with JSON derived from the
 * request's json_schema, so a well-behaved model is the default.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when the body was not JSON). */
  body: ChatBody | undefined;
  receivedAt: number;
}

export interface ChatBody {
  model?: string;
  messages?: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema?: JsonSchema } };
  [k: string]: unknown;
}

type JsonSchema = Record<string, unknown>;
type Usage = { prompt_tokens: number; completion_tokens: number };

export type FakeReply =
  /** A chat completion whose content is JSON.stringify(body), or JSON derived from the schema. */
  | { kind: "json"; body?: unknown; usage?: Usage; finishReason?: string; delayMs?: number }
  /** A chat completion with this raw content (malformed JSON, prose…). */
  | { kind: "content"; content: string; usage?: Usage; delayMs?: number }
  /** A refusal, as OpenAI sends when the model declines. */
  | { kind: "refusal"; refusal: string }
  /** An error status with an OpenAI-style error body (429, 500…). */
  | { kind: "status"; status: number; headers?: Record<string, string>; delayMs?: number }
  /** Never answers until close(). */
  | { kind: "hang" }
  /** 200 with text/html instead of application/json. */
  | { kind: "wrongContentType" };

export type Responder = (req: RecordedRequest) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAIServer {
  /** For the SDK: http://127.0.0.1:PORT/v1 */
  baseURL: string;
  /** Chat-completion requests received, in order. */
  requests: RecordedRequest[];
  /** Usage reported in each completion sent, in order. */
  sentUsage: Usage[];
  /** Most requests in flight at the same time so far. */
  readonly maxInFlight: number;
  readonly inFlight: number;
  /** Replies for the next requests, in order; the responder answers once the queue is empty. */
  enqueue(...replies: FakeReply[]): void;
  respondWith(responder: Responder): void;
  /** Stops the server and cuts every open (also hanging) connection. */
  close(): Promise<void>;
}

export async function startFakeOpenAIServer(): Promise<FakeOpenAIServer> {
  const requests: RecordedRequest[] = [];
  const sentUsage: Usage[] = [];
  const queue: FakeReply[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let responder: Responder = () => ({ kind: "json" });
  let inFlight = 0;
  let maxInFlight = 0;
  let completions = 0;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = (req.url ?? "").split("?")[0]!;
    if (req.method !== "POST" || path !== "/v1/chat/completions") {
      sendJson(res, 404, {
        error: { message: `no route ${req.method} ${path}`, type: "invalid_request_error" },
      });
      return;
    }
    let body: ChatBody | undefined;
    try {
      body = JSON.parse(raw) as ChatBody;
    } catch {
      body = undefined;
    }
    const recorded: RecordedRequest = {
      method: req.method,
      path,
      headers: req.headers,
      body,
      receivedAt: Date.now(),
    };
    requests.push(recorded);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const finished = () => {
      if (!done) inFlight--;
      done = true;
    };
    res.on("finish", finished);
    res.on("close", finished);
    try {
      const reply = queue.shift() ?? (await responder(recorded));
      if ("delayMs" in reply && reply.delayMs) await wait(reply.delayMs);
      if (res.destroyed) return;
      switch (reply.kind) {
        case "hang":
          return;
        case "wrongContentType":
          res
            .writeHead(200, { "content-type": "text/html" })
            .end("<html><body>Bad gateway page</body></html>");
          return;
        case "status":
          sendJson(
            res,
            reply.status,
            {
              error: {
                message: `fake status ${reply.status}`,
                type: reply.status === 429 ? "rate_limit_exceeded" : "server_error",
              },
            },
            reply.headers,
          );
          return;
        case "refusal":
          sendJson(res, 200, completion(body, null, reply.refusal, "stop", undefined));
          return;
        case "content":
          sendJson(res, 200, completion(body, reply.content, null, "stop", reply.usage));
          return;
        case "json": {
          const content = JSON.stringify(
            reply.body ?? sampleFromSchema(body?.response_format?.json_schema?.schema ?? {}),
          );
          sendJson(res, 200, completion(body, content, null, reply.finishReason ?? "stop", reply.usage));
          return;
        }
      }
    } catch (e) {
      sendJson(res, 500, {
        error: { message: `fake responder failed: ${(e as Error).message}`, type: "server_error" },
      });
    }
  });

  function completion(
    body: ChatBody | undefined,
    content: string | null,
    refusal: string | null,
    finish: string,
    usage?: Usage,
  ) {
    const u = usage ?? {
      prompt_tokens: Math.ceil(JSON.stringify(body?.messages ?? []).length / 4),
      completion_tokens: Math.ceil((content ?? refusal ?? "").length / 4),
    };
    sentUsage.push(u);
    completions++;
    return {
      id: `chatcmpl-fake-${completions}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body?.model ?? "fake-model",
      choices: [
        { index: 0, message: { role: "assistant", content, refusal }, finish_reason: finish, logprobs: null },
      ],
      usage: { ...u, total_tokens: u.prompt_tokens + u.completion_tokens },
    };
  }

  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    sentUsage,
    get maxInFlight() {
      return maxInFlight;
    },
    get inFlight() {
      return inFlight;
    },
    enqueue: (...replies) => void queue.push(...replies),
    respondWith: (r) => {
      responder = r;
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}

function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(payload));
}

/**
 * A value valid against a (strict-output subset) JSON Schema. The i-th item of an array takes the
 * i-th value of each enum inside it, so "one entry per key" arrays come out with distinct keys.
 */
export function sampleFromSchema(schema: JsonSchema, index = 0): unknown {
  if ("const" in schema) return schema.const;
  const pick = (values: unknown[]) => values[index % values.length];
  if (Array.isArray(schema.enum)) return pick(schema.enum);
  if (Array.isArray(schema.anyOf)) {
    const options = schema.anyOf as JsonSchema[];
    return sampleFromSchema(options.find((o) => o.type !== "null") ?? options[0]!, index);
  }
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") ?? "null") : schema.type;
  switch (type) {
    case "object": {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, sampleFromSchema(v, index)]));
    }
    case "array": {
      const n = Math.max(1, Number(schema.minItems ?? 1));
      const len = Math.min(n, Number(schema.maxItems ?? n));
      return Array.from({ length: len }, (_, i) => sampleFromSchema((schema.items ?? {}) as JsonSchema, i));
    }
    case "string":
      return `contoh teks ${index + 1}`;
    case "number":
    case "integer": {
      const min = typeof schema.minimum === "number" ? schema.minimum : 0;
      const max = typeof schema.maximum === "number" ? schema.maximum : min + 1;
      return type === "integer" ? Math.ceil((min + max) / 2) : (min + max) / 2;
    }
    case "boolean":
      return true;
    default:
      return null;
  }
}
