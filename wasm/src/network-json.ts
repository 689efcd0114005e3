// The JSON form of a network. Weights are written as the numbers their float32 values are; JSON
// prints each double in its shortest round-tripping form, so parsing gives back the same float
// bits. Reading checks everything before a network is built, so a bad file is never half-loaded.
import { GradscopeError } from "./checked-call.js";
import type { Network } from "./network.js";
import type { NetworkJSON, NetworkOptions } from "./types.js";

export const NETWORK_JSON_FORMAT = "gradscope-network";
export const NETWORK_JSON_VERSION = 1;

export function networkToJSON(net: Network): NetworkJSON {
  const parameters: NetworkJSON["parameters"] = [];
  for (let l = 2; l <= net.numLayers; ++l) {
    const p = net.getParameters(l);
    parameters.push({ layer: l, weights: Array.from(p.weights), biases: Array.from(p.biases) });
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

function describe(v: unknown): string {
  if (v === undefined) return "missing";
  return `is ${JSON.stringify(v) ?? String(v)}`;
}

function finiteArray(v: unknown, length: number, path: string): Float32Array {
  if (!Array.isArray(v)) fail(path, `${describe(v)}, expected an array of ${length} numbers`);
  if (v.length !== length) fail(path, `has ${v.length} values, expected ${length}`);
  const out = new Float32Array(length);
  for (let i = 0; i < length; ++i) {
    const x: unknown = v[i];
    if (typeof x !== "number" || !Number.isFinite(x)) {
      fail(`${path}[${i}]`, `${describe(x)}, expected a finite number`);
    }
    out[i] = x;
  }
  return out;
}

function nameField(o: Record<string, unknown>, key: string): string {
  const v = o[key];
  if (typeof v !== "string") fail(key, `${describe(v)}, expected a name`);
  return v;
}

export interface ParsedNetwork {
  options: Required<NetworkOptions>;
  parameters: { weights: Float32Array; biases: Float32Array }[];
}

/** Checks a network's JSON (object or string) completely; throws naming the first bad field. */
export function parseNetworkJSON(input: unknown): ParsedNetwork {
  let json = input;
  if (typeof input === "string") {
    try {
      json = JSON.parse(input);
    } catch (e) {
      throw new GradscopeError(`networkFromJSON: not valid JSON (${(e as Error).message})`);
    }
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    fail("the input", `${describe(json)}, expected a network object`);
  }
  const o = json as Record<string, unknown>;
  if (o.format !== NETWORK_JSON_FORMAT) {
    fail("format", `${describe(o.format)}, expected "${NETWORK_JSON_FORMAT}"`);
  }
  if (o.version !== NETWORK_JSON_VERSION) {
    fail("version", `${describe(o.version)}, expected ${NETWORK_JSON_VERSION}`);
  }
  const layers = o.layers;
  if (!Array.isArray(layers) || layers.length < 2) {
    fail("layers", `${describe(layers)}, expected an array of at least 2 layer sizes`);
  }
  layers.forEach((n: unknown, i) => {
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 2 ** 31 - 1) {
      fail(`layers[${i}]`, `${describe(n)}, expected an integer >= 1`);
    }
  });
  const sizes = layers as number[];
  const seed = o.seed;
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0) {
    fail("seed", `${describe(seed)}, expected an integer >= 0`);
  }
  const params = o.parameters;
  if (!Array.isArray(params)) fail("parameters", `${describe(params)}, expected an array`);
  if (params.length !== sizes.length - 1) {
    const expected = `${sizes.length - 1} (layers 2..${sizes.length})`;
    fail("parameters", `has ${params.length} entries, expected ${expected}`);
  }
  const parameters = params.map((p: unknown, i) => {
    const l = i + 2;
    const path = `parameters[${i}]`;
    if (p === null || typeof p !== "object") {
      fail(path, `${describe(p)}, expected { layer, weights, biases }`);
    }
    const e = p as Record<string, unknown>;
    if (e.layer !== l) fail(`${path}.layer`, `${describe(e.layer)}, expected ${l}`);
    const rows = sizes[l - 1] as number;
    const cols = sizes[l - 2] as number;
    return {
      weights: finiteArray(e.weights, rows * cols, `${path}.weights`),
      biases: finiteArray(e.biases, rows, `${path}.biases`),
    };
  });
  return {
    options: {
      layers: sizes,
      hidden: nameField(o, "hidden") as NetworkOptions["hidden"] & string,
      output: nameField(o, "output") as NetworkOptions["output"] & string,
      cost: nameField(o, "cost") as NetworkOptions["cost"] & string,
      init: nameField(o, "init") as NetworkOptions["init"] & string,
      seed,
    },
    parameters,
  };
}
