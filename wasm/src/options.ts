// Reading an options object: one shared check for every options object of the public API. It
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
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
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
    if (v !== undefined) (copy as Record<string, unknown>)[key] = v;
  }
  return copy;
}
