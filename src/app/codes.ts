import { randomInt, randomUUID } from "node:crypto";

// No 0/O, 1/I/L: codes are read aloud on the phone and typed from paper.
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** 31^10 ≈ 8·10^14 codes: with five wrong tries per account and hour, guessing is hopeless. */
export const CODE_LENGTH = 10;

/**
 * A proposal (invitation) code such as "KP-7Q2M9X4KTD": unique by database constraint, retried on
 * clash. Codes of the earlier 4-character format keep working.
 */
export function newProposalCode(): string {
  let s = "";
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `KP-${s}`;
}

/** A short reference for a join (the /keluarkan argument): six characters of the same alphabet. */
export function newJoinRef(): string {
  let s = "";
  for (let i = 0; i < 6; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

export function newId(): string {
  return randomUUID();
}
