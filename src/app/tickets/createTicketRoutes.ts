import { readState } from "../../core/dialogue/dialogueState.ts";
import { ASK_SECRETARIAT_CHOICE } from "../../core/dialogue/offerHelp.ts";
import { ticketTexts } from "../../core/i18n/ticketTexts.ts";
import type { IncomingMessage, OutgoingMessage } from "../../core/messages.ts";
import { TICKET_KINDS, type TicketKind } from "../../core/tickets/inferKind.ts";
import { dialogueStateOf } from "../../db/queries/dialogueStates.ts";
import { dropTicketDraft } from "../../db/queries/ticketDrafts.ts";
import { picked } from "../broadcast/composeChoices.ts";
import { Composer, type Middleware } from "../pipeline/Composer.ts";
import type { ContactView } from "../resolveContact.ts";
import { answerCommand } from "./answerCommand.ts";
import { openTicket, savedReply, startAsk, withProposal, withText } from "./askFlow.ts";
import { closeCommand } from "./closeCommand.ts";
import { correctCommand } from "./correctCommand.ts";
import { decideCommand } from "./decideCommand.ts";
import { listCommand } from "./listCommand.ts";
import { pickCriterion, scoreAction, withReason } from "./scoreFlow.ts";
import { loadDraft, type TicketDraft } from "./ticketDraft.ts";
import { createTicketKit, type TicketDeps, type TicketKit } from "./ticketKit.ts";

export type { TicketDeps } from "./ticketKit.ts";

/**
 * Questions and appeals to the secretariat as middleware, run before the status routes (a
 * person writing an appeal reason must not be taken for a status question): the commands
 * (/tanya, /tiket, /jawab, /tutup, /putuskan, /koreksi; /batal while a question is being
 * written), then the buttons ("tk:…"), then the open draft's next step. Each command's handler
 * lives in its own file; this composer is thin.
 */
export function createTicketRoutes(deps: TicketDeps | TicketKit): Composer {
  const kit = "tell" in deps ? deps : createTicketKit(deps);
  return new Composer()
    .command("tanya", async ({ msg, contact, command }) => {
      await dropTicketDraft(kit.db, contact.id);
      return startAsk(kit, msg, contact, command!.arg);
    })
    .command("tiket", ({ contact, command }) => listCommand(kit, contact, command!.args[0]))
    .command("jawab", ({ msg, contact, command }) => answerCommand(kit, msg, contact, command!.args))
    .command("tutup", ({ msg, contact, command }) => closeCommand(kit, msg, contact, command!.args))
    .command("putuskan", ({ msg, contact, command }) => decideCommand(kit, msg, contact, command!.args))
    .command("koreksi", ({ msg, contact, command }) => correctCommand(kit, msg, contact, command!.args))
    .command("batal", async ({ contact }, next) => {
      // /batal is the dialogue's too: it is ours only while a question is being written.
      const draft = contact.asking === false ? undefined : await loadDraft(kit.db, contact.id);
      if (!draft || draft.step === "offered") return next();
      await dropTicketDraft(kit.db, contact.id);
      return [{ text: [ticketTexts(contact.locale).cancelled] }];
    })
    .use(draftStep(kit));
}

function draftStep(kit: TicketKit): Middleware {
  return async ({ msg, contact }, next) => {
    const pressed = msg.choice?.startsWith("tk:") ? msg.choice : undefined;
    // Buttons that work without a draft: "Tanya sekretariat" and a criterion under /nilai.
    if (pressed === "tk:ask") {
      await dropTicketDraft(kit.db, contact.id);
      return startAsk(kit, msg, contact, "");
    }
    if (pressed?.startsWith("tk:c:")) return pickCriterion(kit, contact, msg.channel, pressed);
    if (msg.choice && !pressed) return next();
    if (!pressed && (msg.text === undefined || msg.text.trim().startsWith("/"))) return next();
    // Most messages come from people not writing a question: the contact's read says so.
    const draft = contact.asking === false ? undefined : await loadDraft(kit.db, contact.id);
    if (!draft && !pressed && (await pickedInDialogue(kit, msg, contact)) === ASK_SECRETARIAT_CHOICE)
      return startAsk(kit, msg, contact, "");
    if (!draft) return pressed ? [{ text: [ticketTexts(contact.locale).staleChoice] }] : next();
    return (await step(kit, msg, contact, draft)) ?? next();
  };
}

/**
 * "Tanya sekretariat" offered by the dialogue (after two misses) and picked by typing its number
 * or label (WhatsApp, terminal): the dialogue's last choices say what the number means.
 */
async function pickedInDialogue(kit: TicketKit, msg: IncomingMessage, contact: ContactView) {
  const text = msg.text?.trim() ?? "";
  if (
    !/^\d{1,2}\.?$/.test(text) &&
    text.toLowerCase() !== ticketTexts(contact.locale).askSecretariat.toLowerCase()
  )
    return undefined;
  const raw = await dialogueStateOf(kit.db, contact.id);
  return raw === undefined ? undefined : picked(msg, readState(raw).state.choices);
}

async function step(
  kit: TicketKit,
  msg: IncomingMessage,
  contact: ContactView,
  draft: TicketDraft,
): Promise<OutgoingMessage[] | undefined> {
  const t = ticketTexts(contact.locale);
  const text = msg.text?.trim() ?? "";
  const choice = draft.choices.length ? picked(msg, draft.choices) : undefined;
  switch (draft.step) {
    case "offered":
      // Choices under /status or /nilai: a typed number picks one; anything else is not ours.
      if (choice === "tk:ask") return startAsk(kit, msg, contact, "");
      if (choice?.startsWith("tk:c:")) return pickCriterion(kit, contact, msg.channel, choice);
      await dropTicketDraft(kit.db, contact.id);
      return undefined;
    case "text":
      if (!text) return [{ text: [t.askPrompt] }];
      return withText(kit, contact, draft, text);
    case "reason":
      if (!text) return [{ text: [t.appealTooShort] }];
      return withReason(kit, contact, draft, text);
    case "proposal":
      if (!choice) return [{ text: [t.pickProposal], choices: draft.choices }];
      return withProposal(kit, contact, draft, choice.slice("tk:p:".length));
    case "saved":
      if (!choice) return [{ text: [t.savedOffer("").trim()], choices: draft.choices }];
      return savedReply(kit, contact, draft, choice === "tk:y");
    case "kind": {
      const kind = choice?.slice("tk:k:".length);
      if (!kind || !(TICKET_KINDS as readonly string[]).includes(kind))
        return [{ text: [t.pickKind], choices: draft.choices }];
      return openTicket(kit, contact, draft, kind as TicketKind);
    }
    case "scoreAction":
      if (!choice) return [{ text: [t.staleChoice] }];
      return scoreAction(kit, contact, draft, choice === "tk:a");
  }
}
