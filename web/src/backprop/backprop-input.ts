// What the "Backprop, step by step" view hands its stepper: one sample's trace through the
// playground's network at a snapshot, with the run's settings that the steps' captions name. The
// view (backprop-view.ts) builds it from the worker's `trace` reply; the stepper only reads it.

import type { ActivationName, CostName, FeatureName, HiddenActivationName, Trace } from "gradscope";

/** A sample of the run's data: its set and index, e.g. `{ set: "train", index: 12 }`. */
export interface SampleRef {
  set: "train" | "test";
  index: number;
}

/**
 * A digit the learner drew on the draw-a-digit card: the network's 784 inputs (MNIST-preprocessed)
 * and the class the learner says it is (the target y). The URL does not carry it (`sample=drawn`
 * names "the digit drawn on this page").
 */
export interface DrawnSample {
  set: "drawn";
  pixels: Float32Array;
  target: number;
}

/** What the backprop view traces: a sample of the run's data, or a drawn digit. */
export type TracedSample = SampleRef | DrawnSample;

export interface BackpropInput {
  /** From net.trace in the worker, with { learningRate: η, l2: λ, l1: λ₁, n }. */
  trace: Trace;
  /** The snapshot's step k (mini-batches done). */
  step: number;
  sample: TracedSample;
  /** E.g. "training sample 12 (class 1)". */
  sampleLabel: string;
  /** n_1 … n_L. */
  layerSizes: number[];
  activation: HiddenActivationName;
  output: ActivationName;
  cost: CostName;
  /** The run's η, λ, λ₁ and training-set size n. */
  learningRate: number;
  l2: number;
  l1: number;
  n: number;
  /** A plane set's input features (a¹ = these of x₁, x₂); absent: the data's own inputs. */
  features?: readonly FeatureName[];
}
