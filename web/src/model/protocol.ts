// Messages between the page and the training worker. Everything is structured-clone data; typed
// arrays are transferred from the worker, never shared.

import type { ProblemKind, Trace } from "gradscope";
import type { TracedSample } from "../backprop/backprop-input.js";
import type { ConfusionCounts } from "./confusion.js";
import type { Settings } from "../state/settings.js";
import type { IdxUrls } from "./bundled-mnist.js";
import type { NeuronMaps } from "./neuron-maps.js";
import type { ParameterChange } from "./parameter-change.js";

/** A classification run's measures: the mean cost and the share classified correctly. */
export interface ClassEvaluation {
  loss: number;
  accuracy: number; // 0 … 1
}

/** A regression run's measures: the mean cost, the mean squared error and R² (1: a perfect fit). */
export interface ValueEvaluation {
  loss: number;
  mse: number;
  r2: number; // NaN when the targets are constant (R² undefined)
}

/** How a run does on a set, by its problem kind (model/evaluation.ts tells them apart). */
export type Evaluation = ClassEvaluation | ValueEvaluation;

/** One weighted layer l = 2 … L as the views need it. */
export interface LayerSnapshot {
  layer: number;
  rows: number; // n_l
  cols: number; // n_(l-1)
  weights: Float32Array; // w^l, row-major n_l × n_(l-1)
  biases: Float32Array; // b^l
  weightGradients: Float32Array; // ∂C/∂w^l over the training set
  biasGradients: Float32Array; // ∂C/∂b^l
  biasGradNorm: number;
  weightGradNorm: number;
  meanAbsActDeriv: number;
  derivHistogram: { edges: number[]; counts: number[] };
  saturatedFraction: number;
}

export interface BoundaryGrid {
  resolution: number; // cells per side
  extent: number; // the grid spans [-extent, extent]² in input space
  /**
   * The network's output aᴸ per cell, `width` values each, cells row-major from the top-left (x1
   * right, x2 up): P(class 1) for one sigmoid unit, the K class activations for K units, the value
   * for regression.
   */
  width: number;
  values: Float32Array;
  problem: ProblemKind;
}

/** A line set's fit: the network's output at evenly spaced x over [-extent, extent]. */
export interface CurveGrid {
  extent: number;
  x: Float32Array;
  values: Float32Array;
}

/** The network's answer for each shown test digit (DigitSample order). */
export interface DigitPredictions {
  predicted: Int32Array; // the most active output unit
  confidence: Float32Array; // its activation a^L
}

/** What the input-space view draws: the 2-D plane's heatmap, or MNIST's test digits. */
export type InputView =
  | { kind: "plane"; boundary: BoundaryGrid }
  | { kind: "line"; curve: CurveGrid }
  | { kind: "digits"; predictions: DigitPredictions };

export interface Snapshot {
  step: number; // mini-batches done
  epoch: number; // step × batch size / training-set size
  train: Evaluation;
  test: Evaluation;
  layers: LayerSnapshot[];
  input: InputView;
  /** The test set's confusion matrix, while a confusion-matrix card is shown ("confusion"). */
  confusion?: ConfusionCounts;
  /** Each drawn neuron's activation over the boundary grid: only while the network card asks. */
  neuronMaps?: NeuronMaps;
}

/**
 * The curves' numbers at one step, without the arrays a snapshot carries: what a fast-forward
 * (`steps=N`) records on its way to N, so the time charts show the whole run, not one point.
 */
export interface HistoryPoint {
  step: number;
  epoch: number;
  train: Evaluation;
  test: Evaluation;
  /** Per weighted layer l = 2 … L. */
  biasNorms: number[];
  weightNorms: number[];
}

export interface PointSet {
  x: Float32Array; // row-major N × 2 (a plane set) or N × 1 (a line set)
  labels: Int32Array; // classification: each point's class; regression: empty
  values: Float32Array; // regression: each point's target y; classification: empty
}

/** The first test digits, which the digits view shows with the network's predictions. */
export interface DigitSample {
  side: number; // images are side × side
  pixels: Float32Array; // row-major count × side², in [0, 1]
  labels: Int32Array;
}

/** The data the input-space view needs once per run. */
export type DataPreview =
  | { kind: "plane"; train: PointSet; test: PointSet }
  /** A 1-D function-fitting set: x and y of each point. */
  | { kind: "line"; train: PointSet; test: PointSet }
  | {
      kind: "digits";
      digits: DigitSample;
      trainCount: number;
      testCount: number;
      evalCount: number;
    };

export interface ActivationCurve {
  name: string;
  value: number[];
  derivative: number[];
}

export type ToWorker =
  /** `mnist`: where the bundled digits are, relative to the page (the worker's URL differs). */
  /**
   * `steps`: build a fresh run and train exactly that many mini-batches before the first snapshot
   * (the `steps=` key), then pause; no snapshot is sent in between.
   */
  | { type: "configure"; settings: Settings; mnist: IdxUrls; steps?: number }
  /** The same run again from the same settings and seeds: same data, same initial network. */
  | { type: "reset" }
  | { type: "play" }
  | { type: "pause" }
  | { type: "step" }
  /** The page has drawn the last snapshot; the worker may send the next one. */
  | { type: "drawn" }
  /**
   * Trace one sample through the current network (the backprop view): answered by one "trace" or
   * one "trace-error", in the order asked; after a fast-forward or a digits load under way ends.
   */
  | { type: "trace"; sample: TracedSample }
  /** A drawn digit's 784 inputs through the current network: one "drawn-prediction(-error)". */
  | { type: "predict-drawn"; pixels: Float32Array }
  /** Whether snapshots carry the test set's confusion matrix (a confusion-matrix card is shown). */
  | { type: "confusion"; on: boolean }
  /** Snapshots carry the per-neuron maps (on) or not (off): the network card is shown or not. */
  | { type: "neuron-maps"; on: boolean }
  /** Sets one weight or bias of the current network (the diagram's editor); a snapshot follows. */
  | { type: "set-parameter"; change: ParameterChange };

export type FromWorker =
  | { type: "ready"; curves: { z: number[]; curves: ActivationCurve[] } }
  | { type: "configured"; layerSizes: number[]; preview: DataPreview }
  /** A run waits for data (MNIST's first run fetches the digits). */
  | { type: "loading"; message: string }
  /** `history`: after a fast-forward, the points recorded before this snapshot, oldest first. */
  | { type: "snapshot"; snapshot: Snapshot; history?: HistoryPoint[] }
  | { type: "error"; message: string }
  /**
   * net.trace of one sample at the run's step `step`, with the run's η, λ and training-set size.
   * `sampleLabel`: e.g. "training sample 12 (class 1)".
   */
  | { type: "trace"; step: number; sample: TracedSample; sampleLabel: string; trace: Trace }
  /** A "trace" that could not be answered (e.g. an index out of range, named in `message`). */
  | { type: "trace-error"; sample: TracedSample; message: string }
  /** The output activations aᴸ for a "predict-drawn". */
  | { type: "drawn-prediction"; output: Float32Array }
  | { type: "drawn-prediction-error"; message: string };
