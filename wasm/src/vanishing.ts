// Nielsen's chapter-5 experiment (the vanishing-gradient lab, the CLI's `vanishing` command):
// the "speed of learning" ‖∂C/∂b^l‖ of every hidden layer, with ∂C/∂b^l averaged over a set of
// training images as his generate_gradient.py did, at initialisation and after each epoch of
// training, with the accuracy on held-out images. Built on the public Network API only.
import { checkIntegerAtLeast } from "./argument-checks.js";
import { GradscopeError } from "./checked-call.js";
import { checkDataset } from "./datasets.js";
import { isArray, readOptions } from "./options.js";
import { arrayLength, readNumbers } from "./samples.js";
import { showValue } from "./show-value.js";
import type { Network } from "./network.js";
import type {
  ActivationName,
  ClassificationEvaluation,
  CostName,
  Dataset,
  Evaluation,
  InitName,
  NetworkOptions,
  Samples,
} from "./types.js";

/** The lab classifies digits: its evaluations always carry an accuracy. */
function classificationEvaluation(e: Evaluation): ClassificationEvaluation {
  if (e.accuracy === undefined) throw new GradscopeError("the lab's evaluation has no accuracy");
  return { loss: e.loss, accuracy: e.accuracy };
}

/** What the experiment needs of a loaded module (gs). */
export interface NetworkFactory {
  createNetwork(options: NetworkOptions): Network;
}

export interface VanishingOptions {
  /** [n_1, …, n_L]: input width, hidden widths, output width; at least one hidden layer. */
  layers: readonly number[];
  /** Hidden activation. Default 'sigmoid'. */
  activation?: ActivationName;
  /** Default 'scaled' (weights N(0, 1/n_in), biases N(0, 1): the book's setting). */
  init?: InitName;
  /** Default 'cross-entropy', as the book's network2. */
  cost?: CostName;
  /** Output activation. Default 'sigmoid'. */
  output?: ActivationName;
  /** Seed of the initial weights and of the shuffling order. Default 1. */
  seed?: number;
  /** Training images: the first `samples` of the data set (the speed is averaged over them). Default 1000. */
  samples?: number;
  /** Held-out images: the `testSamples` after the training images. Default 1000. */
  testSamples?: number;
  /** Passes of SGD after the measurement at initialisation. Default 0. */
  epochs?: number;
  /** Default 10. */
  batchSize?: number;
  /** η. Default 0.1. */
  learningRate?: number;
  /** λ of the L2 weight decay. Default 0 (generate_gradient.py used 5 with full batches of 1,000). */
  l2?: number;
}

const VANISHING_KEYS = [
  "layers",
  "activation",
  "init",
  "cost",
  "output",
  "seed",
  "samples",
  "testSamples",
  "epochs",
  "batchSize",
  "learningRate",
  "l2",
] as const satisfies readonly (keyof VanishingOptions)[];

/** One measurement: epoch 0 is the initialisation. */
export interface VanishingPoint {
  epoch: number;
  /** ‖∂C/∂b^l‖ for l = 2 … L−1, the first hidden layer first. */
  speeds: number[];
  /** Loss and accuracy on the training images. */
  train: ClassificationEvaluation;
  /** Loss and accuracy on the held-out images. */
  test: ClassificationEvaluation;
}

function toFloat64Array(speeds: unknown): Float64Array {
  const n = arrayLength(speeds, "speeds", "an array of speeds");
  return readNumbers(speeds as ArrayLike<unknown>, new Float64Array(n), "speeds");
}

/** The first hidden layer's speed over the last one's (small: the first learns slowly). */
export function speedRatio(speeds: readonly number[]): number {
  const values = isArray(speeds) ? Array.from(toFloat64Array(speeds)) : [];
  if (values.length === 0) {
    throw new GradscopeError("speedRatio needs an array of at least one speed");
  }
  const first = values[0] as number;
  const last = values[values.length - 1] as number;
  if (!Number.isFinite(first) || first < 0) {
    throw new GradscopeError(
      `speedRatio: the first speed ${showValue(first)} is not a finite speed ≥ 0`,
    );
  }
  if (!Number.isFinite(last) || last <= 0) {
    throw new GradscopeError(
      `speedRatio: the last hidden layer's speed is ${showValue(last)}; the ratio needs it finite and > 0`,
    );
  }
  return first / last;
}

/** Nielsen's speed of learning of every hidden layer over the batch (x, y). */
export function hiddenLayerSpeeds(net: Network, x: Samples, y: Samples): number[] {
  if (net.numLayers < 3) {
    throw new GradscopeError(
      `speed of learning needs a hidden layer, but the network has ${net.numLayers} layers`,
    );
  }
  return net
    .diagnostics(x, y)
    .slice(0, -1)
    .map((d) => d.biasGradNorm);
}

/** Samples [start, start + count) of a data set (copies). */
export function sliceDataset(dataset: Dataset, start: number, count: number): Dataset {
  const data = checkDataset(dataset);
  checkIntegerAtLeast(start, "start", 0);
  checkIntegerAtLeast(count, "count", 1);
  if (start + count > data.n) {
    throw new GradscopeError(
      `cannot take samples ${start} … ${start + count - 1} of a data set of ${data.n}`,
    );
  }
  return {
    x: data.x.slice(start * data.inputWidth, (start + count) * data.inputWidth),
    y: data.y.slice(start * data.outputWidth, (start + count) * data.outputWidth),
    labels: data.labels.slice(start, start + count),
    n: count,
    inputWidth: data.inputWidth,
    outputWidth: data.outputWidth,
  };
}

/** The options with their defaults filled in and checked against the data set. */
export function resolveVanishingOptions(
  vanishingOptions: VanishingOptions,
  dataset: Dataset,
): Required<VanishingOptions> {
  if (vanishingOptions === undefined) {
    throw new GradscopeError("vanishingRun needs options with layers");
  }
  const options = readOptions<VanishingOptions>(
    vanishingOptions,
    VANISHING_KEYS,
    "vanishingRun options",
  );
  const data = checkDataset(dataset);
  const layers: unknown = isArray(options.layers) ? Array.from(options.layers) : options.layers;
  if (!isArray(layers) || layers.length < 3) {
    throw new GradscopeError(
      `layers ${showValue(layers)} must list the input, at least one hidden layer and the output`,
    );
  }
  if (layers[0] !== data.inputWidth) {
    throw new GradscopeError(
      `layers start with ${showValue(layers[0])} inputs but the images have ${data.inputWidth} pixels`,
    );
  }
  if (layers[layers.length - 1] !== data.outputWidth) {
    throw new GradscopeError(
      `layers end with ${showValue(layers[layers.length - 1])} outputs but the data set has ${data.outputWidth} classes`,
    );
  }
  const r: Required<VanishingOptions> = {
    layers: layers as number[],
    activation: options.activation ?? "sigmoid",
    init: options.init ?? "scaled",
    cost: options.cost ?? "cross-entropy",
    output: options.output ?? "sigmoid",
    seed: options.seed ?? 1,
    samples: checkIntegerAtLeast(options.samples ?? 1000, "samples", 1),
    testSamples: checkIntegerAtLeast(options.testSamples ?? 1000, "testSamples", 1),
    epochs: checkIntegerAtLeast(options.epochs ?? 0, "epochs", 0),
    batchSize: checkIntegerAtLeast(options.batchSize ?? 10, "batchSize", 1),
    learningRate: options.learningRate ?? 0.1,
    l2: options.l2 ?? 0,
  };
  if (r.samples + r.testSamples > data.n) {
    throw new GradscopeError(
      `samples ${r.samples} + testSamples ${r.testSamples} exceed the ${data.n} images of the data set`,
    );
  }
  return r;
}

/**
 * Runs the experiment, yielding the measurement at initialisation (epoch 0) and after each epoch.
 * The network is freed when the generator finishes or is returned early.
 */
export function* vanishingRun(
  gs: NetworkFactory,
  data: Dataset,
  options: VanishingOptions,
): Generator<VanishingPoint, void, void> {
  const o = resolveVanishingOptions(options, data);
  const train = sliceDataset(data, 0, o.samples);
  const test = sliceDataset(data, o.samples, o.testSamples);
  const net = gs.createNetwork({
    layers: o.layers,
    hidden: o.activation,
    output: o.output,
    cost: o.cost,
    init: o.init,
    seed: o.seed,
  });
  try {
    // Made before the first measurement (it does not change the weights) so that bad training
    // options are refused even when no epoch is run.
    const trainer = net.createTrainer(train.x, train.y, {
      batchSize: o.batchSize,
      learningRate: o.learningRate,
      l2: o.l2,
      seed: o.seed,
      testX: test.x,
      testY: test.y,
    });
    try {
      yield {
        epoch: 0,
        speeds: hiddenLayerSpeeds(net, train.x, train.y),
        train: classificationEvaluation(net.evaluate(train.x, train.y)),
        test: classificationEvaluation(net.evaluate(test.x, test.y)),
      };
      for (let e = 1; e <= o.epochs; ++e) {
        const report = trainer.epoch(); // evaluates on both sets after the pass
        yield {
          epoch: e,
          speeds: hiddenLayerSpeeds(net, train.x, train.y),
          train: classificationEvaluation(report.train),
          test: classificationEvaluation(report.test as Evaluation),
        };
      }
    } finally {
      trainer.dispose();
    }
  } finally {
    net.dispose();
  }
}
