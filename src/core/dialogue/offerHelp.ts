import type { Turn } from "./Turn.ts";

/** Replies in a row that did not understand the person before "Tanya sekretariat" is offered. */
export const MISSES_BEFORE_HELP = 2;
/** The choice id the ticket routes answer (it opens a question to the secretariat). */
export const ASK_SECRETARIAT_CHOICE = "tk:ask";

/**
 * Counts the replies that did not understand the person; at the second in a row the last reply
 * also offers to ask the secretariat (a human) instead of another hint, and the count restarts.
 */
export function offerHelp(turn: Turn): void {
  if (!turn.missed) {
    turn.state.misses = undefined;
    return;
  }
  const misses = (turn.state.misses ?? 0) + 1;
  const last = turn.replies.at(-1);
  if (misses < MISSES_BEFORE_HELP || !last) {
    turn.state.misses = misses;
    return;
  }
  turn.state.misses = undefined;
  const choice = { id: ASK_SECRETARIAT_CHOICE, label: turn.t.askSecretariat };
  last.choices = [...(last.choices ?? []), choice];
  turn.state.choices = [...turn.state.choices, choice];
}
