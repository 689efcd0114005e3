// A declarative table of URL properties and the one serializer that walks it (the pattern of
// TensorFlow Playground's state.ts, without its globals). Each property knows how to parse its
// text form and how to write it back; nothing here touches the DOM.

/** How one property's value is read from and written to its URL text. */
export interface PropertyKind<V> {
  /** The value for `text`, or an Error naming the bad text and what is allowed. */
  parse(text: string): V | Error;
  format(value: V): string;
  equals(a: V, b: V): boolean;
  /** The longest text this kind reads, when longer than MAX_TEXT (the `points` key's codes). */
  maxText?: number;
}

export interface PropertySpec<S, K extends keyof S = keyof S> {
  key: K;
  kind: PropertyKind<S[K]>;
}

/** One entry per property of the state object S. */
export type PropertyTable<S> = ReadonlyArray<{ [K in keyof S]: PropertySpec<S, K> }[keyof S]>;

export interface ParseResult<S> {
  value: S;
  /** One human-readable line per rejected or unknown key; empty when the text was clean. */
  problems: string[];
}

/** Keys longer than this, or values longer than this, are rejected before any parsing. */
const MAX_TEXT = 200;

function describe(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(shown);
}

/**
 * Reads `params` through `table`, starting from `defaults`. A bad value leaves that property at
 * its default and adds a problem. Keys outside the table are not this table's business (other
 * views own them); `unknownKeys` reports keys nobody owns.
 */
export function parseParams<S>(
  table: PropertyTable<S>,
  defaults: S,
  params: URLSearchParams,
): ParseResult<S> {
  const value: S = { ...defaults };
  const problems: string[] = [];
  for (const spec of table) {
    const text = params.get(String(spec.key));
    if (text === null) continue;
    const repeated = repeatedKey(params, String(spec.key));
    if (repeated !== null) problems.push(repeated);
    const longest = Math.max(MAX_TEXT, spec.kind.maxText ?? 0);
    if (text.length > longest) {
      problems.push(`${String(spec.key)}: value longer than ${longest} characters, default used`);
      continue;
    }
    const parsed = spec.kind.parse(text);
    if (parsed instanceof Error) {
      problems.push(`${String(spec.key)}: ${parsed.message}; default used`);
    } else {
      (value as Record<keyof S, unknown>)[spec.key] = parsed;
    }
  }
  return { value, problems };
}

/**
 * A problem line when `key` is given more than once (`seed=1&seed=<bad>`): the page reads the
 * first value, and a later one must not be dropped without a word. Null when it appears once.
 */
export function repeatedKey(params: URLSearchParams, key: string): string | null {
  const all = params.getAll(key);
  if (all.length < 2) return null;
  return `${key}: given ${all.length} times; only the first (${describe(all[0] ?? "")}) is read`;
}

/** One problem line per key of `params` that is not in `known`. */
export function unknownKeys(params: URLSearchParams, known: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const key of new Set(params.keys())) {
    if (!known.has(key)) problems.push(`unknown setting ${describe(key)} ignored`);
  }
  return problems;
}

export function tableKeys<S>(table: PropertyTable<S>): string[] {
  return table.map((spec) => String(spec.key));
}

/** Writes every property of `value` into `params` (existing keys of other owners are kept). */
export function writeParams<S>(table: PropertyTable<S>, value: S, params: URLSearchParams): void {
  for (const spec of table) {
    params.set(String(spec.key), spec.kind.format(value[spec.key]));
  }
}

export function sameState<S>(table: PropertyTable<S>, a: S, b: S): boolean {
  return table.every((spec) => spec.kind.equals(a[spec.key], b[spec.key]));
}

// ---- Property kinds -------------------------------------------------------------------------

export function enumKind<V extends string>(choices: readonly V[]): PropertyKind<V> {
  return {
    parse(text) {
      return (choices as readonly string[]).includes(text)
        ? (text as V)
        : new Error(`${describe(text)} is not one of ${choices.join(", ")}`);
    },
    format: (v) => v,
    equals: (a, b) => a === b,
  };
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function numberKind(min: number, max: number, integer = false): PropertyKind<number> {
  return {
    parse(text) {
      if (!NUMBER_TEXT.test(text)) return new Error(`${describe(text)} is not a number`);
      const v = Number(text);
      if (integer && !Number.isInteger(v)) return new Error(`${describe(text)} is not an integer`);
      if (!(v >= min && v <= max))
        return new Error(`${describe(text)} is outside [${min}, ${max}]`);
      return v;
    },
    format: (v) => String(v),
    equals: (a, b) => a === b,
  };
}

/**
 * A comma-separated list of `minLength` … `maxLength` values of one kind ("" is the empty list);
 * each entry is parsed, written and compared by `item`.
 */
export function listKind<V>(
  item: PropertyKind<V>,
  minLength: number,
  maxLength: number,
): PropertyKind<V[]> {
  return {
    parse(text) {
      const parts = text === "" ? [] : text.split(",");
      if (parts.length < minLength || parts.length > maxLength) {
        const allowed = minLength === 0 ? `at most ${maxLength}` : `${minLength} to ${maxLength}`;
        return new Error(`${parts.length} entries, ${allowed} allowed`);
      }
      const values: V[] = [];
      for (const part of parts) {
        const v = item.parse(part);
        if (v instanceof Error) return v;
        values.push(v);
      }
      return values;
    },
    format: (v) => v.map((x) => item.format(x)).join(","),
    equals: (a, b) => a.length === b.length && a.every((x, i) => item.equals(x, b[i] as V)),
  };
}

export function integerListKind(
  maxLength: number,
  min: number,
  max: number,
): PropertyKind<number[]> {
  return listKind(numberKind(min, max, true), 0, maxLength);
}
