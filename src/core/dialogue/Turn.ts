import { countWords } from "../completeness/countWords.ts";
import { type DialogueTexts, dialogueTexts } from "../i18n/dialogueTexts.ts";
import type { Locale } from "../i18n/locale.ts";
import type { Choice, OutgoingMessage, RichText } from "../messages.ts";
import type { Section } from "../templates/sectionSchema.ts";
import type { Template } from "../templates/templateSchema.ts";
import type { DialogueState } from "./dialogueState.ts";
import type { CompetitionView, Effect, ProposalView, TurnContext, TurnResult } from "./turnTypes.ts";

/**
 * Accumulates one turn's new state, replies and effects. Lives only inside advance(): the
 * engine stays a pure function of (state, input, context).
 */
export class Turn {
  readonly replies: OutgoingMessage[] = [];
  readonly effects: Effect[] = [];
  state: DialogueState;
  locale: Locale;
  t: DialogueTexts;
  /** Section texts as they stand after this turn's effects. */
  readonly texts: Record<string, string>;
  /** A proposal created during this turn (not yet in ctx.proposals). */
  created?: ProposalView;
  /** A command the app answers for the engine this turn (see TurnResult.redirect). */
  redirect?: { command: string };
  /** This turn's reply says the bot did not understand (free text it cannot place, unknown command). */
  missed = false;

  constructor(
    state: DialogueState,
    readonly ctx: TurnContext,
  ) {
    this.state = { ...state, choices: [] };
    this.locale = ctx.locale;
    this.t = dialogueTexts(ctx.locale);
    this.texts = { ...ctx.texts };
  }

  say(text: string | RichText, choices?: Choice[]): void {
    const rich = typeof text === "string" ? [text] : text;
    this.replies.push(choices?.length ? { text: rich, choices } : { text: rich });
    if (choices?.length) this.state.choices = choices;
  }

  effect(e: Effect): void {
    this.effects.push(e);
    if (e.kind === "saveSection") this.texts[e.sectionKey] = e.text;
    if (e.kind === "setLocale") {
      this.locale = e.locale;
      this.t = dialogueTexts(e.locale);
    }
  }

  proposal(): ProposalView | undefined {
    const id = this.state.proposalId;
    if (!id) return undefined;
    return this.created?.id === id ? this.created : this.ctx.proposals.find((p) => p.id === id);
  }

  competition(id: string | undefined): CompetitionView | undefined {
    return this.ctx.competitions.find((c) => c.id === id);
  }

  template(): Template | undefined {
    return this.competition(this.proposal()?.competitionId)?.template;
  }

  section(key: string | undefined): Section | undefined {
    return this.template()?.sections.find((s) => s.key === key);
  }

  words(key: string): number {
    return countWords(this.texts[key] ?? "");
  }

  result(): TurnResult {
    const r: TurnResult = { state: this.state, replies: this.replies, effects: this.effects };
    if (this.redirect) r.redirect = this.redirect;
    return r;
  }
}
