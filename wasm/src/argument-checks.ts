// Checks of the scalar arguments users pass (counts, seeds, rates, coordinates): each returns the
// value or throws a GradscopeError naming the argument and the bad value.
import { GradscopeError } from "./checked-call.js";

export function checkInteger(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new GradscopeError(`${name} ${String(value)} must be an integer in [${min}, ${max}]`);
  }
  return value;
}

/** An integer with no upper bound worth naming (counts of epochs, samples, …). */
export function checkIntegerAtLeast(value: unknown, name: string, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new GradscopeError(`${name} ${String(value)} must be an integer ≥ ${min}`);
  }
  return value;
}

export function checkNumber(value: unknown, name: string): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new GradscopeError(`${name} ${String(value)} must be a number`);
  }
  return value;
}

export function checkFinite(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new GradscopeError(`${name} ${String(value)} must be a finite number`);
  }
  return value;
}
