import type { ComposeOption, ComposeState } from "../../core/broadcast/composeState.ts";
import { broadcastComposeTexts } from "../../core/i18n/broadcastComposeTexts.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import type { Choice, IncomingMessage } from "../../core/messages.ts";

export const AUDIENCE_IDS = ["all", "stage", "group", "region", "incomplete", "channel"] as const;
export type AudienceId = (typeof AUDIENCE_IDS)[number];

/** The composer's buttons, and reading a pick from a button, a typed number or a typed label. */
export function optionChoices(options: readonly ComposeOption[]): Choice[] {
  return options.map((o, i) => ({ id: `bc:o:${i}`, label: o.label }));
}

export function audienceChoices(locale: Locale): Choice[] {
  const t = broadcastComposeTexts(locale);
  const label: Record<AudienceId, string> = {
    all: t.audienceAll,
    stage: t.audienceStage,
    group: t.audienceGroup,
    region: t.audienceRegion,
    incomplete: t.audienceIncomplete,
    channel: t.audienceChannel,
  };
  return AUDIENCE_IDS.map((id) => ({ id: `bc:a:${id}`, label: label[id] }));
}

export function previewChoices(locale: Locale): Choice[] {
  const t = broadcastComposeTexts(locale);
  return [
    { id: "bc:send", label: t.btnSend },
    { id: "bc:schedule", label: t.btnSchedule },
    { id: "bc:cancel", label: t.btnCancel },
  ];
}

/** The choices the current step offers, so typed numbers and labels work like buttons. */
export function stepChoices(state: ComposeState, locale: Locale): Choice[] {
  switch (state.step) {
    case "competition":
    case "sub":
      return optionChoices(state.options);
    case "audience":
      return audienceChoices(locale);
    case "preview":
      return previewChoices(locale);
    case "when":
      return [{ id: "bc:cancel", label: broadcastComposeTexts(locale).btnCancel }];
    case "text":
      return [];
  }
}

export function picked(msg: IncomingMessage, choices: readonly Choice[]): string | undefined {
  if (msg.choice) return choices.some((c) => c.id === msg.choice) ? msg.choice : undefined;
  const text = msg.text?.trim() ?? "";
  const n = /^(\d{1,2})\.?$/.exec(text);
  if (n) return choices[Number(n[1]) - 1]?.id;
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/\s*\(\d+\)$/, "")
      .replace(/\s+/g, " ")
      .trim();
  return choices.find((c) => norm(c.label) === norm(text))?.id;
}

/** WIB, WITA or WIT for Indonesia's zones; the zone name elsewhere. */
export function zoneName(timeZone: string): string {
  const known: Record<string, string> = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
  };
  return known[timeZone] ?? timeZone;
}
