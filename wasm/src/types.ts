// The public types of the gradscope package. Every array a method returns is a fresh copy: it
// stays valid after dispose() and after the WebAssembly heap grows.

import type { ActivationName, CostName, InitName, ProblemKind } from "./catalogue.js";

// The name types are derived from the catalogue's rows (catalogue.ts).
export type {
  ActivationName,
  CostName,
  FeatureName,
  InitName,
  ProblemKind,
  SyntheticKind,
} from "./catalogue.js";
export type Flavour = "simd" | "scalar";

/** Samples one after another (row-major batch × width). Other numeric arrays are converted. */
export type Samples = Float32Array | ArrayLike<number>;

export interface NetworkOptions {
  /** [n_1, …, n_L]: input width, hidden widths, output width. */
  layers: readonly number[];
  /** Activation of layers 2 … L−1. Default 'sigmoid'. */
  hidden?: ActivationName;
  /** Activation of layer L. Default 'sigmoid'. */
  output?: ActivationName;
  /** Default 'quadratic'. */
  cost?: CostName;
  /** Default 'scaled' (weights N(0, 1/n_in)). */
  init?: InitName;
  /** Integer in [0, 2^53]; the same seed gives bit-identical weights everywhere. Default 1. */
  seed?: number;
}

/** w^l (n_l × n_(l−1), row-major: weights[j * cols + k] = w^l_jk) and b^l. Copies. */
export interface LayerParameters {
  weights: Float32Array;
  biases: Float32Array;
  rows: number;
  cols: number;
}

/** ∂C/∂w^l and ∂C/∂b^l averaged over the batch, for layer `layer` (2 … L). Copies. */
export interface LayerGradients extends LayerParameters {
  layer: number;
}

export interface LayerDiagnostics {
  layer: number;
  /** ‖∂C/∂b^l‖: Nielsen's "speed of learning" of the layer. */
  biasGradNorm: number;
  /** ‖∂C/∂w^l‖ (Frobenius). */
  weightGradNorm: number;
  /** Mean of |σ'(z^l)| over units and samples. */
  meanAbsActDeriv: number;
  /**
   * Histogram of σ'(z^l) over units × samples, over the layer activation's own range
   * (`catalogue.activation(name).derivativeRange`): 20 equal bins (21 edges), or one bin
   * (2 equal edges) when σ' is constant (identity). NaN values are left out.
   */
  derivHistogram: { edges: Float64Array; counts: Int32Array };
  /**
   * Share of (unit, sample) pairs with σ' below 1% of the activation's largest σ': what that
   * means is the activation's `zeroDerivative` ("saturated" for σ/tanh, "dead" for ReLU).
   */
  saturatedFraction: number;
}

/**
 * How well the network does on a data set. Classification (the default) gives `accuracy`;
 * regression gives `mse` and `r2` instead (and no accuracy).
 */
export interface Evaluation {
  /** Mean cost over the samples (without the L1 and L2 terms). */
  loss: number;
  /** Classification: share classified correctly (one output: a ≥ 0.5; several: argmax). */
  accuracy?: number;
  /** Regression: mean over samples and output units of (a − y)². */
  mse?: number;
  /** Regression: 1 − Σ(a − y)² / Σ(y − ȳ)² (ȳ per output unit); 1 is a perfect fit. */
  r2?: number;
}

/** A classification's evaluation: the loss and the accuracy, both present. */
export interface ClassificationEvaluation {
  loss: number;
  accuracy: number;
}

export interface EvaluateOptions {
  /** What to measure besides the loss. Default 'classification'. */
  problem?: ProblemKind;
}

/** Net.confusionMatrix: how the network classifies each class of a data set. */
export interface ConfusionMatrix {
  /** K: the output units (2 for a single unit, a ≥ 0.5). */
  classes: number;
  /**
   * K × K counts, row-major: counts[t·K + p] samples of true class t (argmax of y, or y ≥ 0.5
   * for one output) that the network puts in class p (accuracy's rule).
   */
  counts: Int32Array;
}

export interface EpochReport {
  /** 1-based. */
  epoch: number;
  train: Evaluation;
  /** Present when testX/testY were given. */
  test?: Evaluation;
  /** Present on the last report when the loss or the parameters stopped being finite. */
  diverged?: true;
}

export interface SgdOptions {
  /** Default 10. */
  batchSize?: number;
  /** η. Default 0.5. */
  learningRate?: number;
  /** λ of Nielsen's L2 weight decay (1 − ηλ/n). Default 0. */
  l2?: number;
  /** λ₁ of L1 regularisation: w → w − (ηλ₁/n) sgn(w) − η ∂C₀/∂w (Nielsen ch. 3). Default 0. */
  l1?: number;
  /** How the epoch reports evaluate (accuracy, or mse and r2). Default 'classification'. */
  problem?: ProblemKind;
  /** Reshuffle at the start of each pass. Default true. */
  shuffle?: boolean;
  /** Seed of the shuffling order. Default 1. */
  seed?: number;
  testX?: Samples;
  testY?: Samples;
}

export interface TrainOptions extends SgdOptions {
  /** Default 1. */
  epochs?: number;
  /** Called after each epoch; returning false stops training early. */
  onEpoch?: (report: EpochReport) => boolean | void;
}

export interface GradientCheckOptions {
  /** Step of the central difference. Default 1e-5 (the check runs in double precision). */
  h?: number;
  /** At most this many parameters, spread evenly. Default all. */
  maxParameters?: number;
}

export interface GradientCheckResult {
  /** max over checked parameters of |backprop − numeric| / max(|backprop|, |numeric|, 1e-8). */
  maxRelativeError: number;
  worstLayer: number;
  worstIsBias: boolean;
  /** Row-major index within w^l, or the index within b^l. */
  worstIndex: number;
  parametersChecked: number;
}

export interface TrainingState {
  /** Completed passes over the training set. */
  epochsDone: number;
  /** Mini-batches run. */
  stepsDone: number;
  /** Samples of the current pass already used. */
  position: number;
  /** Present when the parameters are no longer finite (the learning rate is too large). */
  diverged?: true;
}

export interface Dataset {
  /** n samples of inputWidth values, one after another. */
  x: Float32Array;
  /**
   * n targets of outputWidth values: classification 0/1 for width 1, one-hot otherwise;
   * regression the real values.
   */
  y: Float32Array;
  /** Classification: the class of each sample (n entries). Regression: empty. */
  labels: Int32Array;
  /** Absent means 'classification' (data sets built by hand before regression existed). */
  problem?: ProblemKind;
  n: number;
  inputWidth: number;
  outputWidth: number;
}

export interface IdxArray {
  dims: number[];
  /** Unsigned bytes, row-major. */
  data: Uint8Array;
}

export interface NetworkJSON {
  format: "gradscope-network";
  version: 1;
  layers: number[];
  hidden: ActivationName;
  output: ActivationName;
  cost: CostName;
  init: InitName;
  seed: number;
  /** One entry per weighted layer, l = 2 first; weights row-major; −0 is written "-0". */
  parameters: { layer: number; weights: (number | "-0")[]; biases: (number | "-0")[] }[];
}

export interface ActivationCurve {
  x: Float64Array;
  value: Float64Array;
  derivative: Float64Array;
}
