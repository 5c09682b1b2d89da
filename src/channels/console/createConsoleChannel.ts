import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import {
  type ChannelSender,
  confirmDelivered,
  followUpOf,
  type MessageHandler,
  type OutgoingMessage,
} from "../../core/messages.ts";
import { renderConsole } from "./renderConsole.ts";

export interface ConsoleChannelDeps {
  handler: MessageHandler;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The demo innovator's id; the same across runs so the dialogue continues where it was. */
  userId?: string;
  displayName?: string;
  color?: boolean;
  /** Called when input ends (pipe closed, Ctrl-D) or Ctrl-C, after in-flight lines finish. */
  onClose?: () => void;
}

/**
 * A chat in the terminal on the same engine and database as Telegram and WhatsApp, for the
 * embedded default and for scripted conversations piped into stdin. Lines are handled in order.
 */
export function createConsoleChannel(deps: ConsoleChannelDeps) {
  const userId = deps.userId ?? "demo-innovator";
  const color = deps.color ?? false;
  const write = (msg: OutgoingMessage) => deps.output.write(`${renderConsole(msg, color)}\n\n`);
  let chain: Promise<void> = Promise.resolve();
  // The last choices shown, so typing "2" picks one, whichever use case offered them.
  let lastChoices: { id: string }[] = [];
  let rl: ReturnType<typeof createInterface> | undefined;
  let closed = false;
  const pending = new Set<Promise<void>>();

  const sender: ChannelSender = {
    name: "console",
    async send(_chatId, msg) {
      write(msg);
      return { messageId: randomUUID() };
    },
  };

  function enqueue(line: string): void {
    chain = chain.then(async () => {
      const picked = /^\s*(\d{1,2})\s*$/.exec(line);
      const choice = picked ? lastChoices[Number(picked[1]) - 1]?.id : undefined;
      const replies = await deps.handler({
        channel: "console",
        chatId: "console",
        userId,
        messageId: randomUUID(),
        text: line,
        ...(choice ? { choice } : {}),
        profile: { displayName: deps.displayName },
      });
      if (replies.length > 0) lastChoices = replies.flatMap((r) => r.choices ?? []);
      for (const r of replies) write(r);
      await confirmDelivered(replies);
      // Advice comes when ready; the next line is answered meanwhile.
      const later = followUpOf(replies).then((rs) => {
        for (const r of rs) write(r);
        if (rs.length > 0 && color && !closed) rl?.prompt();
      });
      pending.add(later);
      void later.finally(() => pending.delete(later));
      if (color && !closed) rl?.prompt();
    });
  }

  return {
    sender,
    async start(opening = "/mulai"): Promise<void> {
      rl = createInterface({ input: deps.input, output: color ? deps.output : undefined, terminal: color });
      rl.setPrompt("> ");
      rl.on("line", (line) => enqueue(line));
      rl.on("SIGINT", () => rl?.close());
      rl.on("close", () => {
        closed = true;
        chain.then(() => deps.onClose?.());
      });
      enqueue(opening);
    },
    /** Resolves when every line read so far has been answered. */
    async stop(): Promise<void> {
      closed = true;
      rl?.close();
      await chain;
      await Promise.allSettled([...pending]);
    },
  };
}
