import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error fails the test that caused it (Epic Stack's habit): errors must be
// handled and logged through the logger, never leak to the console.
let spy: ReturnType<typeof vi.spyOn> | undefined;
beforeEach(() => {
  spy = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = spy?.mock.calls ?? [];
  spy?.mockRestore();
  if (calls.length > 0)
    throw new Error(`console.error was called: ${calls.map((c: unknown[]) => c.join(" ")).join("\n")}`);
});
