import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/core/commands/parseCommand.ts";
import { COMMANDS, commandSpec, mayUse } from "../../../src/core/commands/registry.ts";
import { menuEntries, renderHelp } from "../../../src/core/commands/renderHelp.ts";
import { commandTexts } from "../../../src/core/i18n/commandTexts.ts";

describe("the command registry", () => {
  it("parses every name and alias to the registry name, with the bot's username and arguments", () => {
    expect(parseCommand("/Score@KlinikBot KP-7Q2M")).toMatchObject({ name: "nilai", args: ["KP-7Q2M"] });
    expect(parseCommand("/start")).toMatchObject({ name: "mulai" });
    expect(parseCommand("/tahap KP-7Q2M evaluasi catatan panjang")).toMatchObject({
      name: "tahap",
      arg: "KP-7Q2M evaluasi catatan panjang",
      args: ["KP-7Q2M", "evaluasi", "catatan", "panjang"],
    });
    for (const c of COMMANDS)
      for (const n of [c.name, ...c.aliases.id, ...c.aliases.en]) expect(parseCommand(`/${n}`)?.spec).toBe(c);
  });

  it("keeps an unknown command apart (no spec) and plain text as no command", () => {
    expect(parseCommand("/terbang")).toEqual({ name: "terbang", arg: "", args: [] });
    expect(parseCommand("status proposal kami?")).toBeUndefined();
    expect(parseCommand("1/2 dari warga")).toBeUndefined();
  });

  it("has Indonesian and English texts for every command", () => {
    for (const c of COMMANDS)
      for (const l of ["id", "en"] as const) {
        const t = commandTexts(l).commands[c.name];
        expect(t.menu.length, `${c.name}.${l}`).toBeGreaterThan(3);
        expect(t.help.length, `${c.name}.${l}`).toBeGreaterThan(3);
      }
  });

  it("lets only the secretariat use the secretariat's commands", () => {
    const tahap = commandSpec("stage")!;
    expect(mayUse(tahap, "participant")).toBe(false);
    expect(mayUse(tahap, "secretariat")).toBe(true);
    expect(mayUse(commandSpec("status")!, "participant")).toBe(true);
  });

  it("/bantuan lists the secretariat's commands only to the secretariat", () => {
    const participant = renderHelp("id", "participant");
    const staff = renderHelp("id", "secretariat");
    for (const c of ["/tahap", "/rekap", "/umumkan", "/laporan"]) {
      expect(participant).not.toContain(c);
      expect(staff).toContain(c);
    }
    expect(participant).toContain("/daftar <kode> – hubungkan diri ke proposal terdaftar");
    expect(participant).not.toMatch(/\bAnda\b/);
    expect(staff).toContain("Sekretariat:");
    expect(renderHelp("en", "participant")).toContain("/status – status of the proposal");
  });

  it("builds the Telegram menu per role and language from the same entries", () => {
    const names = (l: "id" | "en", r: "participant" | "secretariat") =>
      menuEntries(l, r).map((e) => e.command);
    expect(names("id", "participant")[0]).toBe("mulai");
    expect(names("en", "participant")[0]).toBe("start");
    expect(names("id", "participant")).not.toContain("tahap");
    expect(names("id", "secretariat")).toEqual([
      ...names("id", "participant"),
      "tahap",
      "rekap",
      "umumkan",
      "laporan",
      "jawab",
      "tutup",
      "putuskan",
      "koreksi",
      "audit",
    ]);
    // Telegram accepts 1-32 lower-case letters, digits and underscores.
    for (const e of menuEntries("en", "secretariat")) expect(e.command).toMatch(/^[a-z0-9_]{1,32}$/);
  });
});
