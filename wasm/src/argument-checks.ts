// Checks of the scalar arguments users pass (counts, seeds, rates, coordinates): each returns the
// value or throws a GradscopeError naming the argument and the bad value.
import { catalogue, type ProblemKind } from "./catalogue.js";
import { GradscopeError } from "./checked-call.js";
import { showValue } from "./show-value.js";

export function checkInteger(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new GradscopeError(`${name} ${showValue(value)} must be an integer in [${min}, ${max}]`);
  }
  return value;
}

/** A count (of epochs, samples, …): an integer ≥ min that fits the module's 32-bit int. */
export function checkIntegerAtLeast(value: unknown, name: string, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new GradscopeError(`${name} ${showValue(value)} must be an integer ≥ ${min}`);
  }
  if (value > 2 ** 31 - 1) {
    throw new GradscopeError(`${name} ${showValue(value)} is too large (at most 2^31 − 1)`);
  }
  return value;
}

export function checkNumber(value: unknown, name: string): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new GradscopeError(`${name} ${showValue(value)} must be a number`);
  }
  return value;
}

export function checkFinite(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new GradscopeError(`${name} ${showValue(value)} must be a finite number`);
  }
  return value;
}

/** Seeds are integers in [0, 2^53], the integers a JavaScript number holds exactly. */
export function checkSeed(value: unknown, name = "seed"): number {
  checkNumber(value, name);
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 2 ** 53) {
    throw new GradscopeError(`${name} ${showValue(value)} must be an integer in [0, 2^53]`);
  }
  return value as number;
}

export function checkBoolean(value: unknown, name: string): boolean {
  if (typeof value !== "boolean") {
    throw new GradscopeError(`${name} ${showValue(value)} must be true or false`);
  }
  return value;
}

/** A name option (activation, cost, init, kind): a string; the module checks it is known. */
export function checkName(value: unknown, name: string): string {
  if (typeof value !== "string") {
    throw new GradscopeError(`${name} ${showValue(value)} must be a name (a string)`);
  }
  return value;
}

const PROBLEM_NAMES: readonly string[] = catalogue.problems.map((p) => p.name);

/** A problem kind (a name of catalogue.problems), or a GradscopeError naming the value. */
export function checkProblem(value: unknown, name = "problem"): ProblemKind {
  if (typeof value !== "string" || !PROBLEM_NAMES.includes(value)) {
    const valid = PROBLEM_NAMES.map((p) => `'${p}'`).join(", ");
    throw new GradscopeError(`${name} ${showValue(value)} must be one of ${valid}`);
  }
  return value as ProblemKind;
}
