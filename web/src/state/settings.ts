// Every setting of the playground, its default, its allowed values and its URL key: one table.

import {
  enumKind,
  integerListKind,
  numberKind,
  parseParams,
  type ParseResult,
  type PropertyTable,
} from "./url-table.js";

export const PLANE_DATASETS = ["circle", "xor", "gaussians", "spiral"] as const;
/** The four 2-D sets, and the bundled MNIST digits (784 inputs, 10 classes). */
export const DATASETS = [...PLANE_DATASETS, "mnist"] as const;
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
/** Neurons per hidden layer: 32 for the 2-D sets, 100 for MNIST's 784 inputs. */
export const MAX_NEURONS = 32;
export const MAX_NEURONS_MNIST = 100;
/** Samples drawn for a 2-D set, and digits taken from the bundled 10,000 for MNIST. */
export const SAMPLE_RANGE = { plane: [50, 2000], mnist: [1000, 10000] } as const;
/** MNIST's images: 28 × 28 pixels, ten classes. */
export const MNIST_SIDE = 28;
export const MNIST_CLASSES = 10;

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
  // The widest ranges of any data set; parseSettings narrows them to the chosen set's.
  { key: "samples", kind: numberKind(SAMPLE_RANGE.plane[0], SAMPLE_RANGE.mnist[1], true) },
  { key: "testFraction", kind: numberKind(0.1, 0.9) },
  { key: "hidden", kind: integerListKind(MAX_HIDDEN_LAYERS, 1, MAX_NEURONS_MNIST) },
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

export function isMnist(dataset: DatasetName): boolean {
  return dataset === "mnist";
}

/** The most neurons a hidden layer may have with this data set. */
export function maxNeurons(dataset: DatasetName): number {
  return isMnist(dataset) ? MAX_NEURONS_MNIST : MAX_NEURONS;
}

export function sampleRange(dataset: DatasetName): readonly [number, number] {
  return isMnist(dataset) ? SAMPLE_RANGE.mnist : SAMPLE_RANGE.plane;
}

/**
 * Output units: MNIST has one per digit (one-hot targets); a two-class 2-D set needs one per
 * class for softmax and one 0/1 unit otherwise.
 */
export function outputWidth(dataset: DatasetName, output: OutputActivation): number {
  if (isMnist(dataset)) return MNIST_CLASSES;
  return output === "softmax" ? 2 : 1;
}

export function inputWidth(dataset: DatasetName): number {
  return isMnist(dataset) ? MNIST_SIDE * MNIST_SIDE : 2;
}

/** Layer sizes [n_1 … n_L] of the network the settings describe. */
export function layerSizes(s: Settings): number[] {
  return [inputWidth(s.dataset), ...s.hidden, outputWidth(s.dataset, s.output)];
}

/**
 * The settings a switch of data set starts from: MNIST gets a network that suits 784 inputs
 * and ten classes (one 30-unit layer, softmax with log-likelihood), and going back to a 2-D set
 * restores the 2-D defaults of the keys MNIST changed. Within one family nothing changes.
 */
export function settingsForDataset(current: Settings, dataset: DatasetName): Settings {
  const next: Settings = { ...current, hidden: [...current.hidden], dataset };
  if (isMnist(dataset) === isMnist(current.dataset)) return next;
  const preset = isMnist(dataset) ? MNIST_PRESET : DEFAULT_SETTINGS;
  const take = <K extends keyof Settings>(key: K) => {
    next[key] = preset[key];
  };
  for (const key of DATASET_PRESET_KEYS) take(key);
  next.hidden = [...preset.hidden];
  return next;
}

/** The keys a change between a 2-D set and MNIST resets. */
const DATASET_PRESET_KEYS = [
  "samples",
  "hidden",
  "activation",
  "output",
  "cost",
  "init",
  "learningRate",
  "batchSize",
  "speed",
] as const satisfies readonly (keyof Settings)[];

export const MNIST_PRESET: Readonly<Settings> = Object.freeze({
  ...DEFAULT_SETTINGS,
  dataset: "mnist",
  samples: 4000,
  hidden: [30],
  activation: "tanh",
  output: "softmax",
  cost: "log-likelihood",
  init: "scaled",
  learningRate: 0.1,
  batchSize: 10,
  speed: 20,
}) as Readonly<Settings>;

/** Settings read from URL parameters, with the output/cost pairing checked as well. */
export function parseSettings(params: URLSearchParams): ParseResult<Settings> {
  // A link that names MNIST and nothing else gets MNIST's network, not the 2-D defaults.
  const defaults = params.get("dataset") === "mnist" ? MNIST_PRESET : DEFAULT_SETTINGS;
  const result = parseParams<Settings>(SETTINGS_TABLE, defaults, params);
  const { value, problems } = result;
  if (!costsAllowedAfter(value.output).includes(value.cost)) {
    problems.push(
      `cost ${value.cost} does not fit output ${value.output}; ` +
        `output ${defaults.output} and cost ${defaults.cost} used`,
    );
    value.output = defaults.output;
    value.cost = defaults.cost;
  }
  const [fewest, most] = sampleRange(value.dataset);
  if (value.samples < fewest || value.samples > most) {
    const fallback = isMnist(value.dataset) ? MNIST_PRESET.samples : DEFAULT_SETTINGS.samples;
    problems.push(
      `samples: ${value.samples} is outside [${fewest}, ${most}] for ${value.dataset}; ${fallback} used`,
    );
    value.samples = fallback;
  }
  const widest = maxNeurons(value.dataset);
  if (value.hidden.some((n) => n > widest)) {
    const fallback = isMnist(value.dataset) ? MNIST_PRESET.hidden : DEFAULT_SETTINGS.hidden;
    problems.push(
      `hidden: ${value.hidden.join(",")} has a layer wider than ${widest} neurons, the most for ` +
        `${value.dataset}; ${fallback.join(",")} used`,
    );
    value.hidden = fallback;
  }
  value.hidden = [...value.hidden];
  return result;
}

/** Settings whose change needs a new network or new data; the others apply while training. */
export const RUN_KEYS: readonly (keyof Settings)[] = [
  "dataset",
  "noise",
  "samples",
  "testFraction",
  "hidden",
  "activation",
  "output",
  "cost",
  "init",
  "seed",
];

/** True when `a` and `b` describe the same data and network (training options may differ). */
export function sameRun(a: Settings, b: Settings): boolean {
  return SETTINGS_TABLE.every(
    (spec) =>
      !RUN_KEYS.includes(spec.key) || spec.kind.equals(a[spec.key] as never, b[spec.key] as never),
  );
}
