// Turns the module's recorded C++ error into a thrown JS Error (see wasm/bindings/error_slot.hpp):
// no C++ exception ever unwinds into JavaScript, and the module keeps working after an error.
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

/** Runs one raw call and throws the C++ message if it failed. */
export function checked<T>(raw: ErrorSlot, call: () => T): T {
  const result = call();
  const message = raw.takeError();
  if (message !== "") throw new GradscopeError(message);
  return result;
}
