// Every setting of the playground, its default, its allowed values and its URL key: one table.

import {
  enumKind,
  integerListKind,
  numberKind,
  parseParams,
  type ParseResult,
  type PropertyTable,
} from "./url-table.js";

export const DATASETS = ["circle", "xor", "gaussians", "spiral"] as const;
export const HIDDEN_ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky-relu", "identity"] as const;
export const OUTPUT_ACTIVATIONS = ["sigmoid", "softmax", "tanh", "identity"] as const;
export const COSTS = ["cross-entropy", "quadratic", "log-likelihood"] as const;
export const INITS = ["scaled", "he", "large"] as const;

export type DatasetName = (typeof DATASETS)[number];
export type HiddenActivation = (typeof HIDDEN_ACTIVATIONS)[number];
export type OutputActivation = (typeof OUTPUT_ACTIVATIONS)[number];
export type CostName = (typeof COSTS)[number];
export type InitName = (typeof INITS)[number];

export const MAX_HIDDEN_LAYERS = 10;
export const MAX_NEURONS = 32;

export interface Settings {
  dataset: DatasetName;
  noise: number;
  samples: number;
  testFraction: number;
  hidden: number[]; // neurons per hidden layer, input and output excluded
  activation: HiddenActivation;
  output: OutputActivation;
  cost: CostName;
  init: InitName;
  learningRate: number;
  batchSize: number;
  l2: number;
  seed: number;
  speed: number; // mini-batches per screen update
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  dataset: "circle",
  noise: 0.05,
  samples: 400,
  testFraction: 0.5,
  hidden: [6, 6],
  activation: "tanh",
  output: "sigmoid",
  cost: "cross-entropy",
  init: "scaled",
  learningRate: 0.3,
  batchSize: 10,
  l2: 0,
  seed: 1,
  speed: 10,
}) as Readonly<Settings>;

export const SETTINGS_TABLE: PropertyTable<Settings> = [
  { key: "dataset", kind: enumKind(DATASETS) },
  { key: "noise", kind: numberKind(0, 0.5) },
  { key: "samples", kind: numberKind(50, 2000, true) },
  { key: "testFraction", kind: numberKind(0.1, 0.9) },
  { key: "hidden", kind: integerListKind(MAX_HIDDEN_LAYERS, 1, MAX_NEURONS) },
  { key: "activation", kind: enumKind(HIDDEN_ACTIVATIONS) },
  { key: "output", kind: enumKind(OUTPUT_ACTIVATIONS) },
  { key: "cost", kind: enumKind(COSTS) },
  { key: "init", kind: enumKind(INITS) },
  { key: "learningRate", kind: numberKind(1e-5, 10) },
  { key: "batchSize", kind: numberKind(1, 500, true) },
  { key: "l2", kind: numberKind(0, 10) },
  { key: "seed", kind: numberKind(0, 2 ** 31 - 1, true) },
  { key: "speed", kind: numberKind(1, 500, true) },
];

/** The costs that the core accepts after an output activation (core/network.cpp's validate). */
export function costsAllowedAfter(output: OutputActivation): readonly CostName[] {
  switch (output) {
    case "softmax":
      return ["log-likelihood", "cross-entropy", "quadratic"];
    case "sigmoid":
      return ["cross-entropy", "quadratic"];
    default:
      return ["quadratic"];
  }
}

/** Output units for a two-class set: softmax needs one per class, the rest use one 0/1 unit. */
export function outputWidth(output: OutputActivation): number {
  return output === "softmax" ? 2 : 1;
}

/** Layer sizes [n_1 … n_L] of the network the settings describe. */
export function layerSizes(s: Settings): number[] {
  return [2, ...s.hidden, outputWidth(s.output)];
}

/** Settings read from URL parameters, with the output/cost pairing checked as well. */
export function parseSettings(params: URLSearchParams): ParseResult<Settings> {
  const result = parseParams<Settings>(SETTINGS_TABLE, DEFAULT_SETTINGS, params);
  const { value, problems } = result;
  if (!costsAllowedAfter(value.output).includes(value.cost)) {
    problems.push(
      `cost ${value.cost} does not fit output ${value.output}; ` +
        `output ${DEFAULT_SETTINGS.output} and cost ${DEFAULT_SETTINGS.cost} used`,
    );
    value.output = DEFAULT_SETTINGS.output;
    value.cost = DEFAULT_SETTINGS.cost;
  }
  value.hidden = [...value.hidden];
  return result;
}

/** Settings whose change needs a new network or new data; the others apply while training. */
export const RUN_KEYS: readonly (keyof Settings)[] = [
  "dataset", "noise", "samples", "testFraction", "hidden", "activation", "output", "cost", "init", "seed",
];

/** True when `a` and `b` describe the same data and network (training options may differ). */
export function sameRun(a: Settings, b: Settings): boolean {
  return SETTINGS_TABLE.every(
    (spec) => !RUN_KEYS.includes(spec.key) || spec.kind.equals(a[spec.key] as never, b[spec.key] as never),
  );
}
