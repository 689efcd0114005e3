// The playground's data sources: one row per data set of the package's catalogue, saying what the
// page needs beyond the catalogue's row — its input shape, the settings it starts from, the view
// that takes the decision boundary's place, how its samples are loaded. Code asks a row, never
// "is this MNIST?". Pure: no DOM.

import {
  catalogue,
  type ActivationName,
  type CostName,
  type DatasetInfo,
  type DatasetName,
  type FeatureName,
  type HiddenActivationName,
  type InitName,
  type ProblemKind,
  type SyntheticKind,
  type ViewId,
} from "gradscope";

/** The settings a data source brings with it (a switch to another family resets them). */
export interface SourcePreset {
  samples: number;
  hidden: number[];
  activation: HiddenActivationName;
  output: ActivationName;
  cost: CostName;
  init: InitName;
  learningRate: number;
  batchSize: number;
  speed: number;
  /** The noise the preset chooses; absent: the page's default (settings.ts DEFAULT_NOISE). */
  noise?: number;
}

/** How a source's samples are made: drawn by the core, or the digits bundled with the page. */
export type SourceLoad =
  | { from: "synthetic"; kind: SyntheticKind }
  | { from: "bundled-idx" }
  /** The learner's own points (Edit data, CSV, the `points` URL key). */
  | { from: "points" };

export interface DataSource {
  readonly name: DatasetName;
  /** The package catalogue's row: label, problem kind, input features, classes. */
  readonly info: DatasetInfo;
  /** [features] for points, [height, width] for images. */
  readonly inputShape: readonly number[];
  readonly problem: ProblemKind;
  /** Samples drawn or taken, [fewest, most]. */
  readonly sampleRange: readonly [number, number];
  /** The most neurons a hidden layer may have. */
  readonly maxNeurons: number;
  /** Whether the noise setting applies. */
  readonly noise: boolean;
  /** The view that shows the inputs with the network's answers. */
  readonly inputView: Extract<ViewId, "decision-boundary" | "test-digits">;
  /**
   * Training samples the snapshots measure loss, accuracy, σ′ and gradients on (a fixed subset
   * keeps a snapshot quick); null: all of them.
   */
  readonly evalSamples: number | null;
  readonly preset: Readonly<SourcePreset>;
  readonly load: SourceLoad;
}

/** Points in the plane: the four 2-D sets share one family. */
const PLANE = {
  sampleRange: [50, 2000],
  maxNeurons: 32,
  noise: true,
  inputView: "decision-boundary",
  evalSamples: null,
  preset: Object.freeze({
    samples: 400,
    hidden: [6, 6],
    activation: "tanh",
    output: "sigmoid",
    cost: "cross-entropy",
    init: "scaled",
    learningRate: 0.3,
    batchSize: 10,
    speed: 10,
  }),
} as const satisfies Partial<DataSource>;

/** Values over the plane or the line: identity output and the quadratic cost (regression). */
const VALUES = {
  ...PLANE,
  preset: Object.freeze({
    ...PLANE.preset,
    hidden: [8, 8],
    output: "identity",
    cost: "quadratic",
    learningRate: 0.1,
  }),
} as const satisfies Partial<DataSource>;

/**
 * Three or more classes of the plane (spiral arms, gaussian blobs): one softmax unit per class
 * with the log-likelihood cost (Nielsen ch. 3), a deeper network for the extra regions, and less
 * noise: three spiral arms over 1.75 turns lie 0.17 apart, so noise 0.05 blurs them into each
 * other near the centre (docs/playground.md has the figures).
 */
const MANY_CLASSES_PRESET: Readonly<SourcePreset> = Object.freeze({
  ...PLANE.preset,
  hidden: [16, 16, 16],
  output: "softmax",
  cost: "log-likelihood",
  learningRate: 0.1,
  noise: 0.02,
});

/** 28 × 28 digits: a network that suits 784 inputs and ten classes. */
const DIGITS = {
  sampleRange: [1000, 10000],
  maxNeurons: 100,
  noise: false,
  inputView: "test-digits",
  // Over all 9,000 training digits a 100-unit network spends ~0.1 s per snapshot.
  evalSamples: 1000,
  preset: Object.freeze({
    samples: 4000,
    hidden: [30],
    activation: "tanh",
    output: "softmax",
    cost: "log-likelihood",
    init: "scaled",
    learningRate: 0.1,
    batchSize: 10,
    speed: 20,
  }),
} as const satisfies Partial<DataSource>;

function source(info: DatasetInfo): DataSource {
  if (info.source !== "idx") {
    return {
      ...(info.problem === "regression" ? VALUES : PLANE),
      name: info.name,
      info,
      inputShape: [info.inputFeatures],
      problem: info.problem,
      load:
        info.source === "synthetic" ? { from: "synthetic", kind: info.name } : { from: "points" },
      // The learner's own points are used as they are: no noise is added.
      ...(info.source === "points" ? { noise: false } : {}),
    };
  }
  const side = Math.round(Math.sqrt(info.inputFeatures));
  return {
    ...DIGITS,
    name: info.name,
    info,
    inputShape: [side, side],
    problem: info.problem,
    load: { from: "bundled-idx" },
  };
}

/** One row per data set of the catalogue, in its order (the menu's order). */
export const DATA_SOURCES: readonly DataSource[] = Object.freeze(
  catalogue.datasets.map((d) => Object.freeze(source(d))),
);

export const DATASET_NAMES: readonly DatasetName[] = DATA_SOURCES.map((s) => s.name);

export function dataSource(name: DatasetName): DataSource {
  const row = DATA_SOURCES.find((s) => s.name === name);
  if (!row) throw new Error(`no data source '${name}'`);
  return row;
}

/** The widest ranges of any source: what a URL may say before the source narrows it. */
export const WIDEST = {
  classes: Math.max(...DATA_SOURCES.map((s) => s.info.classRange[1])),
  samples: [
    Math.min(...DATA_SOURCES.map((s) => s.sampleRange[0])),
    Math.max(...DATA_SOURCES.map((s) => s.sampleRange[1])),
  ] as const,
  maxNeurons: Math.max(...DATA_SOURCES.map((s) => s.maxNeurons)),
};

/**
 * Output units: one per class, except a two-class set with an output that can stand alone (not
 * softmax), which gets one 0/1 unit; a regression set has one real-valued output. `classes` is
 * the settings' choice, used when the set's row allows several (classRange).
 */
export function outputWidth(name: DatasetName, output: ActivationName, classes?: number): number {
  const info = dataSource(name).info;
  if (info.problem === "regression") return 1;
  const [fewest, most] = info.classRange;
  const k = classes !== undefined && classes >= fewest && classes <= most ? classes : info.classes;
  return k === 2 && catalogue.activation(output).minOutputUnits < 2 ? 1 : k;
}

/** The network's input width: the chosen features for a plane set, else the set's own inputs. */
export function inputWidth(name: DatasetName, features?: readonly FeatureName[]): number {
  const info = dataSource(name).info;
  return info.kind === "plane" && features !== undefined ? features.length : info.inputFeatures;
}

/**
 * The preset a run on `name` with `classes` classes starts from: the source's own, or, for three
 * or more classes of a set whose row allows them, the softmax + log-likelihood one.
 */
export function sourcePreset(name: DatasetName, classes?: number): Readonly<SourcePreset> {
  const source = dataSource(name);
  const [fewest, most] = source.info.classRange;
  const k = classes !== undefined && classes >= fewest && classes <= most ? classes : null;
  return k !== null && k >= 3 && source.info.classes < 3 ? MANY_CLASSES_PRESET : source.preset;
}
