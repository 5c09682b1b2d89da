import type { Role } from "../commands/registry.ts";
import type { UploadFacts } from "../completeness/uploadChecklist.ts";
import type { Locale } from "../i18n/locale.ts";
import type { MessageKind } from "../intent/classifyMessage.ts";
import type { OutgoingMessage } from "../messages.ts";
import type { ReleasedScores } from "../scoring/scoreFocus.ts";
import type { Template } from "../templates/templateSchema.ts";
import type { DialogueState } from "./dialogueState.ts";

export interface CompetitionView {
  id: string;
  name: string;
  template: Template;
  /** Open for new proposals; closed ones still serve their existing proposals. */
  isOpen: boolean;
  /** Submission deadline, when the timeline has one. */
  deadline?: Date;
}

export interface ProposalView {
  id: string;
  code: string;
  title: string;
  unitName: string;
  competitionId: string;
  /** As registered; compared with the start year the texts give. */
  startYear?: number | null;
}

export interface RevisionView {
  id: string;
  text: string;
  createdAt: Date;
}

/** What one user's message is, after the channel adapter: text, a pressed choice, or neither. */
export interface TurnInput {
  text?: string;
  choice?: string;
  /** Set when the message carried only a non-text attachment (sticker, photo, voice…). */
  attachmentKind?: string;
  /**
   * What free text reads as, when the app asked a language model (core/intent's rules decide
   * otherwise). Only consulted while a section is open.
   */
  intent?: MessageKind;
}

/** Everything the engine may read this turn, loaded by the app before calling it. */
export interface TurnContext {
  now: Date;
  locale: Locale;
  timezone: string;
  contactName: string;
  competitions: CompetitionView[];
  proposals: ProposalView[];
  /** Section texts of the active proposal (state.proposalId), when there is one. */
  texts: Record<string, string>;
  /** Revisions of one section, newest first, when the engine asked for them (see contextNeeds). */
  revisions?: RevisionView[];
  /** Attachments, video, title and quota facts of the active proposal, when asked (contextNeeds). */
  upload?: UploadFacts;
  /** The active proposal's latest released round, when the engine asked (see contextNeeds). */
  released?: ReleasedScores;
  /** Sections of the active proposal whose writers were shown AI advice, when asked. */
  aiAdvised?: string[];
  /** Ids the engine may use if it creates a proposal this turn. */
  fresh: { proposalId: string; code: string };
  /** The person's role for commands and /bantuan (registry); participant when absent. */
  role?: Role;
}

export type Effect =
  | {
      kind: "createProposal";
      proposalId: string;
      code: string;
      competitionId: string;
      unit: string;
      instansi: string;
      group: string;
      category: string;
      title: string;
      /** The innovation's start year, when the template's registration asks one. */
      startYear: number | null;
    }
  | {
      kind: "saveSection";
      proposalId: string;
      sectionKey: string;
      text: string;
      mark: "complete" | "incomplete" | "empty";
      /** Whole-proposal readiness after this save, kept on the proposal for reports. */
      readiness: number;
      source: "chat" | "restore" | "cancel";
    }
  | { kind: "setLocale"; locale: Locale }
  /** The proposal's video link (null removes it), already validated by core/attachments/videoLink. */
  | { kind: "setVideo"; proposalId: string; url: string | null }
  | { kind: "sectionChecked"; proposalId: string; sectionKey: string }
  | { kind: "proposalChecked"; proposalId: string };

export interface TurnResult {
  state: DialogueState;
  replies: OutgoingMessage[];
  effects: Effect[];
  /**
   * A request in words the app's routes answer (status, scores, export, advice): the app runs this
   * command and shows its answer before the replies, which lead back to the section.
   */
  redirect?: { command: string };
}
