// The JSON form of a network. Weights are written as the numbers their float32 values are; JSON
// prints each double in its shortest round-tripping form, so parsing gives back the same float
// bits. JSON.stringify writes −0 as 0, so a negative zero is written as the string "-0". Reading
// copies each field once (a getter cannot change a value after it was checked) and checks
// everything before a network is built, so a bad file is never half-loaded.
import { GradscopeError } from "./checked-call.js";
import type { Network } from "./network.js";
import { isArray, readOptions } from "./options.js";
import { shorten, showValue } from "./show-value.js";
import type { NetworkJSON, NetworkOptions } from "./types.js";

export const NETWORK_JSON_FORMAT = "gradscope-network";
export const NETWORK_JSON_VERSION = 1;

const DOCUMENT_KEYS = [
  "format",
  "version",
  "layers",
  "hidden",
  "output",
  "cost",
  "init",
  "seed",
  "parameters",
] as const satisfies readonly (keyof NetworkJSON)[];
const ENTRY_KEYS = ["layer", "weights", "biases"] as const;
type Entry = NetworkJSON["parameters"][number];

/** Float32 values as JSON numbers, −0 as "-0"; refuses NaN and ±∞ (a diverged network). */
function jsonValues(values: Float32Array, what: string): (number | "-0")[] {
  const out: (number | "-0")[] = new Array<number | "-0">(values.length);
  for (let i = 0; i < values.length; ++i) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) {
      throw new GradscopeError(
        `toJSON: ${what}[${i}] is ${v}: the network's parameters are not finite (training ` +
          `diverged), so it cannot be saved; lower the learning rate and train again`,
      );
    }
    out[i] = Object.is(v, -0) ? "-0" : v;
  }
  return out;
}

export function networkToJSON(net: Network): NetworkJSON {
  const parameters: NetworkJSON["parameters"] = [];
  for (let l = 2; l <= net.numLayers; ++l) {
    const p = net.getParameters(l);
    parameters.push({
      layer: l,
      weights: jsonValues(p.weights, `layer ${l} weights`),
      biases: jsonValues(p.biases, `layer ${l} biases`),
    });
  }
  return {
    format: NETWORK_JSON_FORMAT,
    version: NETWORK_JSON_VERSION,
    layers: [...net.layers],
    hidden: net.hidden,
    output: net.output,
    cost: net.cost,
    init: net.init,
    seed: net.seed,
    parameters,
  };
}

function fail(path: string, problem: string): never {
  throw new GradscopeError(`networkFromJSON: ${path} ${problem}`);
}

function isShortPrimitive(v: unknown): boolean {
  return (
    v === null ||
    typeof v === "number" ||
    typeof v === "boolean" ||
    (typeof v === "string" && v.length <= 20)
  );
}

/**
 * "missing", or "is <value>": strings in JSON quotes and cut short, small flat arrays and empty
 * objects as JSON, anything else by kind. Never recurses, so a deeply nested value is safe.
 */
function describe(v: unknown): string {
  if (v === undefined) return "missing";
  if (typeof v === "string") return `is ${JSON.stringify(shorten(v))}`;
  try {
    if (Array.isArray(v) && v.length <= 8 && Array.from(v).every(isShortPrimitive)) {
      return `is ${JSON.stringify(v)}`;
    }
    const plain =
      v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;
    if (plain && Reflect.ownKeys(v).length === 0) return "is {}";
  } catch {
    // a hostile object: described by kind below
  }
  return `is ${showValue(v)}`;
}

/** The array's length, read once; the array itself must be a real Array. */
function arrayOf(v: unknown, path: string, expected: string): unknown[] {
  if (!isArray(v)) fail(path, `${describe(v)}, expected ${expected}`);
  return v as unknown[];
}

function finiteArray(v: unknown, length: number, path: string): Float32Array {
  const a = arrayOf(v, path, `an array of ${length} numbers`);
  const n = a.length;
  if (n !== length) fail(path, `has ${n} values, expected ${length}`);
  const out = new Float32Array(length);
  for (let i = 0; i < length; ++i) {
    const x: unknown = a[i];
    if (x === "-0") {
      out[i] = -0;
      continue;
    }
    if (typeof x !== "number" || !Number.isFinite(x)) {
      fail(`${path}[${i}]`, `${describe(x)}, expected a finite number`);
    }
    out[i] = x;
    if (!Number.isFinite(out[i])) fail(`${path}[${i}]`, `${describe(x)} overflows float32`);
  }
  return out;
}

function nameField(v: unknown, key: string): string {
  if (typeof v !== "string") fail(key, `${describe(v)}, expected a name`);
  return v;
}

export interface ParsedNetwork {
  options: Required<NetworkOptions>;
  parameters: { weights: Float32Array; biases: Float32Array }[];
}

function parseDocument(json: unknown): ParsedNetwork {
  if (json === null || typeof json !== "object" || isArray(json)) {
    fail("the input", `${describe(json)}, expected a network object`);
  }
  const o = readOptions<NetworkJSON>(json, DOCUMENT_KEYS, "the network JSON", "field");
  if (o.format !== NETWORK_JSON_FORMAT) {
    fail("format", `${describe(o.format)}, expected "${NETWORK_JSON_FORMAT}"`);
  }
  if (o.version !== NETWORK_JSON_VERSION) {
    fail("version", `${describe(o.version)}, expected ${NETWORK_JSON_VERSION}`);
  }
  const layerList = arrayOf(o.layers, "layers", "an array of at least 2 layer sizes");
  if (layerList.length < 2) {
    fail("layers", `${describe(layerList)}, expected an array of at least 2 layer sizes`);
  }
  const sizes: number[] = [];
  for (let i = 0, n = layerList.length; i < n; ++i) {
    const v: unknown = layerList[i];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 2 ** 31 - 1) {
      fail(`layers[${i}]`, `${describe(v)}, expected an integer >= 1`);
    }
    sizes.push(v);
  }
  const seed: unknown = o.seed;
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 53) {
    fail("seed", `${describe(seed)}, expected an integer >= 0 (at most 2^53)`);
  }
  const hidden = nameField(o.hidden, "hidden");
  const output = nameField(o.output, "output");
  const cost = nameField(o.cost, "cost");
  const init = nameField(o.init, "init");
  const params = arrayOf(o.parameters, "parameters", "an array");
  const count = params.length;
  if (count !== sizes.length - 1) {
    const expected = `${sizes.length - 1} (layers 2..${sizes.length})`;
    fail("parameters", `has ${count} entries, expected ${expected}`);
  }
  const parameters: ParsedNetwork["parameters"] = [];
  for (let i = 0; i < count; ++i) {
    const l = i + 2;
    const path = `parameters[${i}]`;
    const p: unknown = params[i];
    if (p === null || typeof p !== "object" || isArray(p)) {
      fail(path, `${describe(p)}, expected { layer, weights, biases }`);
    }
    const e = readOptions<Entry>(p, ENTRY_KEYS, path, "field");
    if (e.layer !== l) fail(`${path}.layer`, `${describe(e.layer)}, expected ${l}`);
    const rows = sizes[l - 1] as number;
    const cols = sizes[l - 2] as number;
    parameters.push({
      weights: finiteArray(e.weights, rows * cols, `${path}.weights`),
      biases: finiteArray(e.biases, rows, `${path}.biases`),
    });
  }
  const typed = { hidden, output, cost, init } as Pick<
    Required<NetworkOptions>,
    "hidden" | "output" | "cost" | "init"
  >;
  return { options: { layers: sizes, ...typed, seed }, parameters };
}

/** Checks a network's JSON (object or string) completely; throws naming the first bad field. */
export function parseNetworkJSON(input: unknown): ParsedNetwork {
  let json = input;
  if (typeof input === "string") {
    try {
      json = JSON.parse(input);
    } catch (e) {
      throw new GradscopeError(
        `networkFromJSON: not valid JSON (${shorten((e as Error).message)})`,
      );
    }
  }
  try {
    return parseDocument(json);
  } catch (e) {
    if (e instanceof GradscopeError) {
      if (e.message.startsWith("networkFromJSON")) throw e;
      throw new GradscopeError(`networkFromJSON: ${e.message}`);
    }
    // A hostile object (a throwing Proxy trap, say) that readOptions did not already catch.
    throw new GradscopeError(`networkFromJSON: the input cannot be read (${showValue(e)})`);
  }
}
