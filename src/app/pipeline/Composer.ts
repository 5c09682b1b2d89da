import type { ParsedCommand } from "../../core/commands/parseCommand.ts";
import type { CommandName, Role } from "../../core/commands/registry.ts";
import type { IncomingMessage, Replies } from "../../core/messages.ts";
import type { Claim } from "../../db/queries/processedUpdates.ts";
import type { ContactView } from "../resolveContact.ts";

/** What every middleware sees for one message: read once, before the first one runs. */
export interface TurnCtx {
  readonly msg: IncomingMessage;
  readonly contact: ContactView;
  /** The slash command, parsed once against the registry (spec absent: unknown command). */
  readonly command?: ParsedCommand;
  readonly role: Role;
  /** The message's place among the person's messages in this process (labels late advice). */
  readonly arrival?: number;
  /**
   * Set by a handler that saved the inbox row as done itself, in the transaction of its effect
   * (the dialogue turn): the inbox then only hands the replies on.
   */
  settled?: boolean;
  /** The inbox's claim on this message, which the dialogue's transaction completes. */
  claim?: Claim;
}

export type Next = () => Promise<Replies>;
/** Answers the message, or calls next() to let the following middleware answer it. */
export type Middleware = (ctx: TurnCtx, next: Next) => Promise<Replies>;

/** Runs middleware in order; each decides to answer or to pass on with next(). */
export function compose(stack: readonly Middleware[]): Middleware {
  return (ctx, last) => {
    let index = -1;
    const run = (i: number): Promise<Replies> => {
      if (i <= index) return Promise.reject(new Error("next() called twice"));
      index = i;
      const mw = stack[i];
      return mw ? mw(ctx, () => run(i + 1)) : last();
    };
    return run(0);
  };
}

const none: Next = async () => [];

/**
 * Middleware in the shape of grammY's Composer: `use` for everything, `filter` and `command` for
 * a part of the messages, `errorBoundary` for a part that must not fail the rest. The app's use
 * cases are composers; createMessageHandler runs them in front of the coaching dialogue.
 */
export class Composer {
  private readonly stack: Middleware[] = [];

  constructor(...mw: Middleware[]) {
    this.stack.push(...mw);
  }

  use(...mw: Middleware[]): this {
    this.stack.push(...mw);
    return this;
  }

  /** Runs mw for the messages the predicate accepts; the others pass on untouched. */
  filter(pred: (ctx: TurnCtx) => boolean | Promise<boolean>, ...mw: Middleware[]): this {
    const inner = compose(mw);
    return this.use(async (ctx, next) => ((await pred(ctx)) ? inner(ctx, next) : next()));
  }

  /** Runs mw for a registry command (any of its aliases; see core/commands/registry.ts). */
  command(name: CommandName | readonly CommandName[], ...mw: Middleware[]): this {
    const names = new Set<string>(typeof name === "string" ? [name] : name);
    return this.filter((ctx) => ctx.command?.spec !== undefined && names.has(ctx.command.name), ...mw);
  }

  /** Runs mw for a pressed button whose id starts with the prefix ("erase:", "imp:"). */
  choice(prefix: string, ...mw: Middleware[]): this {
    return this.filter((ctx) => ctx.msg.choice?.startsWith(prefix) === true, ...mw);
  }

  /**
   * A failure inside mw is answered by onError (and goes no further); middleware after the
   * boundary still runs for messages mw passes on.
   */
  errorBoundary(
    onError: (err: unknown, ctx: TurnCtx) => Replies | Promise<Replies>,
    ...mw: Middleware[]
  ): this {
    const inner = compose(mw);
    return this.use(async (ctx, next) => {
      let passed = false;
      try {
        return await inner(ctx, () => {
          passed = true;
          return next();
        });
      } catch (err) {
        // A failure after next() belongs to the middleware downstream: let it through.
        if (passed) throw err;
        return onError(err, ctx);
      }
    });
  }

  middleware(): Middleware {
    return compose(this.stack);
  }

  /** Runs the composer alone: messages nobody answers get no reply. */
  run(ctx: TurnCtx): Promise<Replies> {
    return this.middleware()(ctx, none);
  }
}
