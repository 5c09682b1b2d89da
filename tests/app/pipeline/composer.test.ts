import { describe, expect, it } from "vitest";
import { Composer, type TurnCtx } from "../../../src/app/pipeline/Composer.ts";
import { parseCommand } from "../../../src/core/commands/parseCommand.ts";

const ctx = (text: string, choice?: string): TurnCtx => ({
  msg: { channel: "console", chatId: "c", userId: "u", messageId: "m", text, ...(choice ? { choice } : {}) },
  contact: { id: "k", displayName: "", locale: "id", optedOut: false },
  command: parseCommand(text),
  role: "participant",
});
const say = (t: string) => async () => [{ text: [t] }];

describe("Composer (middleware with next)", () => {
  it("runs a command's handler for any alias; other messages pass on", async () => {
    const c = new Composer().command("nilai", say("nilai")).use(say("dialog"));
    expect((await c.run(ctx("/score KP-1"))).map((r) => r.text[0])).toEqual(["nilai"]);
    expect((await c.run(ctx("/status"))).map((r) => r.text[0])).toEqual(["dialog"]);
    expect((await c.run(ctx("halo"))).map((r) => r.text[0])).toEqual(["dialog"]);
  });

  it("lets a middleware act and pass on (opt-in then the dialogue answers /mulai)", async () => {
    const seen: string[] = [];
    const c = new Composer()
      .command("mulai", async (_x, next) => {
        seen.push("opt-in");
        return next();
      })
      .use(say("welcome"));
    expect((await c.run(ctx("/start"))).map((r) => r.text[0])).toEqual(["welcome"]);
    expect(seen).toEqual(["opt-in"]);
  });

  it("filters buttons by prefix and answers a failing part from its error boundary only", async () => {
    const c = new Composer()
      .errorBoundary(
        async () => [{ text: ["maaf"] }],
        new Composer()
          .choice("erase:", async () => {
            throw new Error("boom");
          })
          .middleware(),
      )
      .use(say("dialog"));
    expect((await c.run(ctx("", "erase:yes:1"))).map((r) => r.text[0])).toEqual(["maaf"]);
    expect((await c.run(ctx("", "sec:x"))).map((r) => r.text[0])).toEqual(["dialog"]);
  });

  it("refuses a second next() from one middleware", async () => {
    const c = new Composer(async (_x, next) => {
      await next();
      return next();
    });
    await expect(c.run(ctx("halo"))).rejects.toThrow("next() called twice");
  });
});
