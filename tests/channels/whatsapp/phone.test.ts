import { describe, expect, it } from "vitest";
import { toE164, toWhatsAppDigits } from "../../../src/channels/whatsapp/phone.ts";

describe("toE164", () => {
  it("reads phone JIDs, with or without a device", () => {
    expect(toE164("6281234567890@s.whatsapp.net")).toBe("+6281234567890");
    expect(toE164("6281234567890:12@s.whatsapp.net")).toBe("+6281234567890");
  });

  it("reads typed numbers, local Indonesian ones included", () => {
    expect(toE164("+62 812-3456-7890")).toBe("+6281234567890");
    expect(toE164("0812 3456 7890")).toBe("+6281234567890");
    expect(toE164("6281234567890")).toBe("+6281234567890");
    expect(toWhatsAppDigits("+62 811 0000 0000")).toBe("6281100000000");
  });

  it("refuses LIDs, groups and non-numbers", () => {
    expect(toE164("123456789012345@lid")).toBeUndefined();
    expect(toE164("120363025246125486@g.us")).toBeUndefined();
    expect(toE164("bukan nomor")).toBeUndefined();
    expect(toE164("12")).toBeUndefined();
  });
});
