// Turns the module's recorded C++ error into a thrown JS Error (see wasm/bindings/error_slot.hpp):
// no C++ exception ever unwinds into JavaScript, and the module keeps working after an error.
import { quote } from "./show-value.js";

/** The error gradscope throws for bad input or a failed C++ call; message from the core. */
export class GradscopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GradscopeError";
  }
}

/** What checked() needs of a module: its error slot (every bindings file shares it). */
export interface ErrorSlot {
  takeError(): string;
}

/**
 * The C++ message made short: every long quoted name cut (the core echoes what it was given), and
 * std::to_string's full decimal expansion of a huge number (1e300 has 300 digits) written as
 * JavaScript writes it.
 */
function shortenMessage(message: string): string {
  return message
    .replace(/'([^']{41,})'/gsu, (_, inner: string) => quote(inner))
    .replace(/-?\d{16,}(\.\d+)?/g, (digits) => String(Number(digits)));
}

/** Runs one raw call and throws the C++ message if it failed. */
export function checked<T>(raw: ErrorSlot, call: () => T): T {
  const result = call();
  const message = raw.takeError();
  if (message !== "") throw new GradscopeError(shortenMessage(message));
  return result;
}
