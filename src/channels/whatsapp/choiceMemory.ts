import type { Choice } from "../../core/messages.ts";
import { BoundedMap } from "./boundedMap.ts";

/**
 * Remembers, per chat, the numbered choices the bot last showed, so a reply of "2" or of a
 * label's words comes back as that choice's id (WhatsApp has no reliable buttons).
 */
export interface ChoiceMemory {
  /** The choices of the newest batch sent to the chat; an empty list forgets older ones. */
  remember(chatKey: string, choices: readonly Choice[]): void;
  /** The id of the choice the text picks: exactly a listed number or a label (any case). */
  match(chatKey: string, text: string): string | undefined;
}

export function createChoiceMemory(capacity = 10_000): ChoiceMemory {
  const byChat = new BoundedMap<string, readonly Choice[]>(capacity);
  return {
    remember(chatKey, choices) {
      if (choices.length === 0) byChat.delete(chatKey);
      else byChat.set(chatKey, [...choices]);
    },
    match(chatKey, text) {
      const choices = byChat.get(chatKey);
      if (!choices) return undefined;
      const wanted = normalise(text);
      const number = /^(\d{1,3})\.?$/.exec(wanted);
      if (number) return choices[Number(number[1]) - 1]?.id;
      return choices.find((choice) => normalise(choice.label) === wanted)?.id;
    },
  };
}

function normalise(text: string): string {
  return text
    .replace(/\u2060/g, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLocaleLowerCase("id");
}
