// Seeded fuzzing of networkFromJSON (issue 10): 3,000 mutated network documents — fields replaced
// by hostile values, deleted, duplicated or misspelt, and JSON text cut, spliced and garbled. An
// independent reading of the format decides which documents are valid: those must load as
// exactly the network they describe, every other one must end in a short GradscopeError, and the
// run must leave malloc use where it was.
import assert from "node:assert/strict";
import { test } from "node:test";

import { init } from "./support/built-package.js";
import { expectHandled, nested, rng } from "./support/fuzz.js";

const KEYS = [
  "format",
  "version",
  "layers",
  "hidden",
  "output",
  "cost",
  "init",
  "seed",
  "parameters",
];
const HIDDEN = ["sigmoid", "tanh", "relu", "leaky-relu", "identity"];
const OUTPUT = [...HIDDEN, "softmax"];
const COSTS = ["quadratic", "cross-entropy", "log-likelihood"];
const INITS = ["large", "scaled", "he"];

const isPlain = (v) =>
  v !== null &&
  typeof v === "object" &&
  !Array.isArray(v) &&
  Object.getPrototypeOf(v) === Object.prototype;
const hasExactly = (o, keys) =>
  Object.keys(o).length === keys.length && keys.every((k) => Object.hasOwn(o, k));
const isInt = (v, min, max) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

/** A weight as the document gives it: a float32-finite number or "-0"; undefined if invalid. */
function weight(v) {
  if (v === "-0") return -0;
  if (typeof v !== "number" || !Number.isFinite(v) || !Number.isFinite(Math.fround(v)))
    return undefined;
  return Math.fround(v);
}

/** The format, read independently of the package: the parameters of a valid document, or null. */
function oracle(doc) {
  if (!isPlain(doc) || !hasExactly(doc, KEYS)) return null;
  if (doc.format !== "gradscope-network" || doc.version !== 1) return null;
  const { layers } = doc;
  if (!Array.isArray(layers) || layers.length < 2 || layers.length > 1024) return null;
  if (!layers.every((n) => isInt(n, 1, 2 ** 31 - 1))) return null;
  let count = 0;
  for (let l = 1; l < layers.length; ++l) count += layers[l] * layers[l - 1] + layers[l];
  if (count > 2 ** 26) return null;
  if (!HIDDEN.includes(doc.hidden) || !OUTPUT.includes(doc.output) || !INITS.includes(doc.init)) {
    return null;
  }
  if (!COSTS.includes(doc.cost)) return null;
  if (doc.output === "softmax" && layers[layers.length - 1] < 2) return null;
  if (doc.cost === "cross-entropy" && !["sigmoid", "softmax"].includes(doc.output)) return null;
  if (doc.cost === "log-likelihood" && doc.output !== "softmax") return null;
  if (!isInt(doc.seed, 0, 2 ** 53)) return null;
  const { parameters } = doc;
  if (!Array.isArray(parameters) || parameters.length !== layers.length - 1) return null;
  const out = [];
  for (let i = 0; i < parameters.length; ++i) {
    const p = parameters[i];
    if (!isPlain(p) || !hasExactly(p, ["layer", "weights", "biases"]) || p.layer !== i + 2) {
      return null;
    }
    const rows = layers[i + 1];
    const cols = layers[i];
    const { weights, biases } = p;
    if (!Array.isArray(weights) || weights.length !== rows * cols) return null;
    if (!Array.isArray(biases) || biases.length !== rows) return null;
    const w = weights.map(weight);
    const b = biases.map(weight);
    if (w.includes(undefined) || b.includes(undefined)) return null;
    out.push({ weights: w, biases: b });
  }
  return out;
}

const REPLACEMENTS = [
  null,
  -1,
  0,
  1.5,
  3,
  1e39,
  -1e39,
  1e-50,
  2 ** 31,
  2 ** 53 + 2,
  -0,
  "-0",
  "NaN",
  "",
  "x".repeat(5000),
  "sigmoid",
  "softmax",
  "log-likelihood",
  "he",
  true,
  {},
  [],
  [1, 2],
  NaN,
  Infinity,
  -Infinity,
  10n,
];

/** Every path into the document: [parent, key] pairs. */
function paths(doc) {
  const out = [];
  const walk = (v) => {
    if (v === null || typeof v !== "object") return;
    for (const key of Object.keys(v)) {
      out.push([v, key]);
      walk(v[key]);
    }
  };
  walk(doc);
  return out;
}

const MISSPELT = ["hiden", "Layers", "paramters", "seeds", "outputs", "formats", "weight", "bias"];

function mutateObject(doc, r) {
  const n = 1 + r.int(3);
  for (let k = 0; k < n; ++k) {
    const all = paths(doc);
    const [parent, key] = r.pick(all);
    const action = r.int(10);
    if (action < 5) {
      const pool = r.int(20) === 0 ? [nested(5000)] : REPLACEMENTS;
      parent[key] = r.pick(pool);
    } else if (action < 7) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (action < 8) {
      if (Array.isArray(parent)) parent.push(parent[key]);
      else parent[r.pick(MISSPELT)] = parent[key];
    } else if (action < 9) {
      const layers = doc.layers;
      if (Array.isArray(layers) && layers.length > 0) {
        layers[r.int(layers.length)] = r.pick([1, 2, 3, 4, 65536, 0, -2]);
      }
    } else {
      const v = parent[key];
      if (typeof v === "number") parent[key] = v * r.pick([-1, 2, 1e30, 1e-30]);
    }
  }
  return doc;
}

function mutateText(text, r) {
  const at = r.int(text.length);
  switch (r.int(5)) {
    case 0:
      return text.slice(0, at); // truncated
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + r.int(20)); // a piece cut out
    case 2:
      return (
        text.slice(0, at) +
        r.pick(["{", "}", "[", "]", ",", ":", '"', "-", "e9", "1", " "]) +
        text.slice(at)
      );
    case 3:
      return text.slice(0, at) + String.fromCharCode(32 + r.int(95)) + text.slice(at + 1);
    default:
      return text.replace(/-?\d+\.\d+/, r.pick(["1e999", "-0", "NaN", "0x10", "1e-400", "01"]));
  }
}

function bases(gs) {
  const configs = [
    { layers: [2, 3, 2], hidden: "tanh", output: "softmax", cost: "log-likelihood", seed: 4 },
    {
      layers: [3, 2, 1],
      hidden: "relu",
      output: "sigmoid",
      cost: "cross-entropy",
      init: "he",
      seed: 9,
    },
    { layers: [1, 1], output: "identity", seed: 0 },
  ];
  return configs.map((c) => {
    const net = gs.createNetwork(c);
    const json = net.toJSON();
    net.dispose();
    return json;
  });
}

/** Loads one document (object or text) and checks the outcome against the oracle. */
function check(gs, input, expected, what) {
  const net = expectHandled(() => gs.networkFromJSON(input), expected !== null, what);
  if (!net) return;
  try {
    expected.forEach((p, i) => {
      const got = net.getParameters(i + 2);
      assert.deepEqual(Array.from(got.weights), p.weights, `${what}: weights of layer ${i + 2}`);
      assert.deepEqual(Array.from(got.biases), p.biases, `${what}: biases of layer ${i + 2}`);
    });
  } finally {
    net.dispose();
  }
}

function run(gs, docs, seed) {
  const r = rng(seed);
  let valid = 0;
  for (let i = 0; i < docs; ++i) {
    const base = structuredClone(r.pick(bases.cache));
    if (r.int(10) < 6) {
      const doc = mutateObject(base, r);
      let text;
      try {
        text = r.int(2) === 0 ? JSON.stringify(doc) : undefined;
      } catch {
        text = undefined; // nested too deep or a BigInt: the object itself is the input
      }
      const parsed = text === undefined ? doc : JSON.parse(text);
      const expected = oracle(parsed);
      if (expected) ++valid;
      check(gs, text ?? doc, expected, `document ${i} (seed ${seed})`);
    } else {
      const text = mutateText(JSON.stringify(base), r);
      let parsed;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const expected = parsed === undefined ? null : oracle(parsed);
      if (expected) ++valid;
      check(gs, text, expected, `text ${i} (seed ${seed}): ${text.slice(0, 80)}`);
    }
  }
  return valid;
}

test("3,000 mutated network documents: the valid load exactly, the rest are short GradscopeErrors", async (t) => {
  const gs = await init();
  bases.cache = bases(gs);
  run(gs, 200, 7); // warm-up: embind's tables and the module's statics
  const before = gs.memory();
  const valid = run(gs, 3000, 1);
  t.diagnostic(`${valid} of 3000 mutated documents were still valid`);
  assert.deepEqual(gs.memory(), before, "the heap or malloc use changed");
});
