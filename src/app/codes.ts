import { randomBytes, randomUUID } from "node:crypto";

// No 0/O, 1/I/L: codes are read aloud on the phone and typed from paper.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A short submission code such as "KP-7Q2M": unique by database constraint, retried on clash. */
export function newProposalCode(): string {
  const bytes = randomBytes(4);
  let s = "";
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return `KP-${s}`;
}

export function newId(): string {
  return randomUUID();
}
