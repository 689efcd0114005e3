// How error messages quote the values users pass: short, and safe for anything — a 1,000,000-
// character string, a deeply nested object, a revoked Proxy, an object without toString — so that
// forming the message can never throw, recurse or echo a huge input back.

/** Strings are quoted by at most this many characters, then "…". */
export const QUOTE_LIMIT = 40;

/** A string quoted by a short prefix: 'abc' or 'abcdefghij…'. */
export function quote(s: string): string {
  return `'${shorten(s)}'`;
}

function arrayKind(v: object): string | undefined {
  if (ArrayBuffer.isView(v)) {
    const n = (v as unknown as { length?: number }).length ?? v.byteLength;
    return `a ${v.constructor.name} of ${n} values`;
  }
  if (Array.isArray(v)) return `an array of ${v.length} values`;
  return undefined;
}

/** A string cut to its first `limit` characters and "…" if longer. */
export function shorten(s: string, limit = QUOTE_LIMIT): string {
  const chars = Array.from(s.slice(0, 2 * limit + 2)); // code points, not halves of a pair
  return chars.length > limit ? `${chars.slice(0, limit).join("")}…` : s;
}

/** A short description of any value: numbers and strings (cut short) as they are, objects by kind. */
export function showValue(v: unknown): string {
  switch (typeof v) {
    case "string":
      return shorten(v);
    case "number":
      return Object.is(v, -0) ? "-0" : String(v);
    case "bigint": {
      const s = v.toString();
      return s.length > QUOTE_LIMIT ? `${s.slice(0, QUOTE_LIMIT)}…n` : `${s}n`;
    }
    case "boolean":
    case "undefined":
      return String(v);
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      if (v === null) return "null";
      try {
        return arrayKind(v as object) ?? "an object";
      } catch {
        return "an object"; // a revoked Proxy throws even on Array.isArray
      }
  }
}

/** The message of something thrown, short, without calling anything that can throw. */
export function thrownMessage(e: unknown, limit = 120): string {
  try {
    const m = e instanceof Error ? e.message : undefined;
    if (typeof m === "string") return shorten(m, limit);
  } catch {
    // fall through
  }
  return showValue(e);
}
