import { describe, expect, it } from "vitest";
import { backoffMs, classifySendError, reasonOf } from "../../../src/core/broadcast/deliveryPolicy.ts";
import { PermanentSendError, TransientSendError } from "../../../src/core/messages.ts";

const policy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 3_000 };

describe("delivery policy", () => {
  it("fails permanent refusals at once, with their reason", () => {
    const blocked = new PermanentSendError("Forbidden: bot was blocked by the user", { reason: "blocked" });
    expect(classifySendError(blocked, 0, policy)).toEqual({
      kind: "failed",
      error: "blocked: Forbidden: bot was blocked by the user",
    });
    const gone = new PermanentSendError("Forbidden: user is deactivated", { reason: "deactivated" });
    expect(classifySendError(gone, 0, policy)).toMatchObject({
      kind: "failed",
      error: expect.stringMatching(/^deactivated:/),
    });
    const notOnWa = new PermanentSendError("Number is not on WhatsApp", { jid: "62…" });
    expect(reasonOf((classifySendError(notOnWa, 0, policy) as { error: string }).error)).toBe(
      "not_on_whatsapp",
    );
  });

  it("waits out rate limits without spending an attempt", () => {
    const err = new TransientSendError("Too Many Requests: retry after 3", 3_000);
    expect(classifySendError(err, 2, policy)).toMatchObject({ kind: "rateLimited", retryAfterMs: 3_000 });
  });

  it("backs off transient failures exponentially, then gives up", () => {
    const err = new TransientSendError("Bad Gateway");
    expect(classifySendError(err, 0, policy)).toMatchObject({ kind: "retry", delayMs: 1_000 });
    expect(classifySendError(err, 1, policy)).toMatchObject({ kind: "retry", delayMs: 2_000 });
    expect(classifySendError(err, 2, policy)).toMatchObject({
      kind: "failed",
      error: "transient: Bad Gateway",
    });
    expect(classifySendError(new Error("boom"), 0, policy)).toMatchObject({ kind: "retry" });
    expect(backoffMs(10, policy)).toBe(3_000);
  });

  it("reads the reason back from a stored error", () => {
    expect(reasonOf("chat_not_found: Bad Request: chat not found")).toBe("chat_not_found");
    expect(reasonOf("something else")).toBe("transient");
    expect(reasonOf(null)).toBe("transient");
  });
});
