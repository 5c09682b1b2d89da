import { KlinikError } from "../core/errors.ts";

/** A database problem an operator must fix; `message` is one readable line. */
export class DatabaseError extends KlinikError {
  override readonly name = "DatabaseError";
}
