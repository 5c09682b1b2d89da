import { advance } from "../../../src/core/dialogue/advance.ts";
import { type DialogueState, initialState } from "../../../src/core/dialogue/dialogueState.ts";
import type { TurnContext, TurnInput, TurnResult } from "../../../src/core/dialogue/turnTypes.ts";
import { plainText } from "../../../src/core/messages.ts";
import { loadTemplateFile } from "../../../src/core/templates/loadTemplates.ts";

export const KIPP = loadTemplateFile("prompts/templates/kipp-2023-umum.json");
export const PEKPPP = loadTemplateFile("prompts/templates/pekppp.json");

/** A pure conversation with the engine: state and section texts carried between turns as the app would. */
export class EngineChat {
  state: DialogueState;
  texts: Record<string, string> = {};
  last!: TurnResult;

  constructor(
    readonly template = KIPP,
    opts: {
      state?: Partial<DialogueState>;
      texts?: Record<string, string>;
      isOpen?: boolean;
      now?: Date;
    } = {},
  ) {
    this.state = { ...initialState(), welcomed: true, proposalId: "p1", ...opts.state };
    this.texts = { ...opts.texts };
    this.isOpen = opts.isOpen ?? true;
    this.now = opts.now ?? new Date("2026-11-22T03:00:00Z");
  }
  isOpen: boolean;
  now: Date;
  hasProposal = true;

  ctx(): TurnContext {
    return {
      now: this.now,
      locale: "id",
      timezone: "Asia/Jakarta",
      contactName: "Sari",
      competitions: [{ id: "c1", name: "KIPP Uji", template: this.template, isOpen: this.isOpen }],
      proposals: this.hasProposal
        ? [{ id: "p1", code: "KP-AAAA", title: "Jemput Bola", unitName: "Puskesmas", competitionId: "c1" }]
        : [],
      texts: this.texts,
      fresh: { proposalId: "p2", code: "KP-BBBB" },
    };
  }

  send(input: TurnInput): string {
    this.last = advance(this.state, input, this.ctx());
    this.state = this.last.state;
    for (const e of this.last.effects) if (e.kind === "saveSection") this.texts[e.sectionKey] = e.text;
    return this.last.replies.map((r) => plainText(r.text)).join("\n---\n");
  }

  say(text: string): string {
    return this.send({ text });
  }

  press(choice: string): string {
    return this.send({ choice });
  }

  choices(): string[] {
    return this.last.replies.flatMap((r) => r.choices ?? []).map((c) => c.label);
  }

  buffer(): string[] {
    return this.state.step.kind === "writing" ? this.state.step.buffer : [];
  }
}
