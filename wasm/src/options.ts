// Reading the objects users pass. readOptions is the one check of every options object of the
// public API. It
// refuses null and non-objects, refuses keys it does not know (naming the closest known key, so
// a misspelt option is never ignored silently), and reads each known key exactly once into a
// plain copy, so a getter cannot change a value after it was checked.
import { GradscopeError } from "./checked-call.js";
import { quote, showValue, thrownMessage } from "./show-value.js";

/** Levenshtein distance, case-insensitive (the usual slip is the case of one letter). */
function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let row = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; ++i) {
    const next = [i];
    for (let j = 1; j <= t.length; ++j) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + cost,
      );
    }
    row = next;
  }
  return row[t.length] as number;
}

/** The known key closest to `key`, if it is close: at most 2 edits, and fewer than half its length. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  if (key.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(key, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return bestDistance <= 2 && bestDistance * 2 < Math.max(key.length, 2) ? best : undefined;
}

/** Array.isArray that answers false for a revoked Proxy instead of throwing. */
export function isArray(v: unknown): v is unknown[] {
  try {
    return Array.isArray(v);
  } catch {
    return false;
  }
}

/** `v instanceof C` that answers false for a revoked Proxy instead of throwing. */
export function isInstance<T>(v: unknown, C: abstract new (...args: never[]) => T): v is T {
  try {
    return v instanceof C;
  } catch {
    return false;
  }
}

/**
 * The fields `keys` of a data object (a data set, an IDX array, { weights, biases }), each read
 * once into a plain copy; other keys are allowed (results of the API carry extra fields).
 */
export function readFields<K extends string>(
  value: unknown,
  keys: readonly K[],
  what: string,
): Record<K, unknown> {
  if (value === null || typeof value !== "object") {
    throw new GradscopeError(`${what} must be an object, got ${showValue(value)}`);
  }
  const copy = {} as Record<K, unknown>;
  for (const key of keys) {
    try {
      copy[key] = (value as Record<string, unknown>)[key];
    } catch (e) {
      throw new GradscopeError(`${what}: ${key} cannot be read (${thrownMessage(e)})`);
    }
  }
  return copy;
}

/**
 * The options object `value` of `what` (e.g. "train options") as a plain copy holding only
 * `keys`, each read once. undefined gives {} (every option has a default).
 */
export function readOptions<T extends object>(
  value: unknown,
  keys: readonly (keyof T & string)[],
  what: string,
  noun = "option",
): Partial<T> {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || isArray(value)) {
    throw new GradscopeError(`${what} must be an object, got ${showValue(value)}`);
  }
  let present: string[];
  try {
    present = Object.keys(value);
  } catch (e) {
    throw new GradscopeError(`${what} cannot be read (${thrownMessage(e)})`);
  }
  for (const key of present) {
    if ((keys as readonly string[]).includes(key)) continue;
    const near = closestKey(key, keys);
    const hint = near === undefined ? ` (valid: ${keys.join(", ")})` : `; did you mean '${near}'?`;
    throw new GradscopeError(`unknown ${noun} ${quote(key)} in ${what}${hint}`);
  }
  const copy: Partial<T> = {};
  for (const key of keys) {
    let v: unknown;
    try {
      v = (value as Record<string, unknown>)[key];
    } catch (e) {
      throw new GradscopeError(`${what}: ${key} cannot be read (${thrownMessage(e)})`);
    }
    // null is not "use the default" (that is leaving the key out or undefined): a null that
    // slipped in from elsewhere should not train with defaults silently.
    if (v === null)
      throw new GradscopeError(`${what}: ${key} is null; leave it out for the default`);
    if (v !== undefined) (copy as Record<string, unknown>)[key] = v;
  }
  return copy;
}
