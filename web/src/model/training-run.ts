// One training run inside the worker: the data set, the network, its step-wise trainer, and the
// snapshot the page draws. Randomness comes only from the settings' two seeds, through the package:
// dataSeed for the data points and the split, initSeed for the initial network and the shuffle.

import {
  catalogue,
  type Dataset,
  type Gradscope,
  type Network,
  type NetworkTrainer,
  type ProblemKind,
} from "gradscope";
import type { DrawnSample, TracedSample } from "../backprop/backprop-input.js";
import type { ConfusionCounts } from "./confusion.js";
import { drawnInput, drawnLabel } from "./drawn-digit.js";
import { describeSample, describeValueSample, setWord } from "../backprop/sample-key.js";
import { dataSource } from "../state/data-sources.js";
import { layerSizes, outputWidth, type Settings } from "../state/settings.js";
import { pageEvaluation } from "./evaluation.js";
import {
  BOUNDARY_EXTENT,
  BOUNDARY_RESOLUTION,
  boundaryGrid,
  curveGrid,
  lineInputs,
  planeInputs,
} from "./output-grids.js";
import { ownDataset } from "./own-points.js";
import { shownIndices } from "../views/network-diagram-geometry.js";
import { gridInputs, withInputFeatures } from "./input-features.js";
import { computeNeuronMaps, type NeuronMaps } from "./neuron-maps.js";
import { changedParameters, type ParameterChange } from "./parameter-change.js";
import type {
  DataPreview,
  DigitPredictions,
  Evaluation,
  FromWorker,
  HistoryPoint,
  InputView,
  LayerSnapshot,
  PointSet,
  Snapshot,
} from "./protocol.js";

/** Test digits the digits view shows. */
const SHOWN_DIGITS = 48;

type Split = Dataset;

export class TrainingRun {
  readonly sizes: number[];
  private readonly net: Network;
  private trainer: NetworkTrainer;
  private readonly train: Split;
  private readonly test: Split;
  /** The training samples the snapshot measures (all, or the source's fixed first evalSamples). */
  private readonly trainEval: Split;
  /** Where the input-space view asks for the output: the plane's grid, or x along the line. */
  private readonly grid: { kind: "plane" | "line"; x: Float32Array } | null;
  /** What the evaluations measure besides the loss (the data set's problem kind). */
  private readonly problem: ProblemKind;
  /** The grid's cells as the network's inputs (the chosen features of a plane set). */
  private readonly gridInput: Float32Array | null;
  /** The data points in (x₁, x₂), as the input-space view draws them. */
  private readonly points: { train: Dataset; test: Dataset };
  /** Pixels per side of an image source's square images. */
  private readonly side: number;
  private stepsDone = 0;
  /** Epochs and steps before the current trainer (a change of η, λ or batch size starts one). */
  private epochsBefore = 0;
  private stepsBeforeTrainer = 0;
  private current: Settings;

  /**
   * `mnistDigits`: the bundled digits (all 10,000), needed when the settings choose MNIST; the
   * first `samples` of them are split into training and test digits.
   */
  constructor(gs: Gradscope, settings: Settings, mnistDigits: Dataset | null) {
    this.current = { ...settings, hidden: [...settings.hidden] };
    const source = dataSource(settings.dataset);
    this.problem = source.problem;
    let all: Dataset;
    if (source.load.from === "points") {
      all = ownDataset(settings, outputWidth(settings.dataset, settings.output, settings.classes));
    } else if (source.load.from === "bundled-idx") {
      if (!mnistDigits) throw new Error("the MNIST digits are not loaded");
      all = firstSamples(mnistDigits, settings.samples);
    } else {
      all = gs.datasets.synthetic(source.load.kind, {
        n: settings.samples,
        noise: settings.noise,
        seed: settings.dataSeed,
        outputWidth: outputWidth(settings.dataset, settings.output, settings.classes),
        ...classesOption(settings),
      });
    }
    const parts = gs.datasets.split(all, {
      testFraction: settings.testFraction,
      seed: settings.dataSeed,
    });
    this.points = parts;
    this.train = withInputFeatures(gs, parts.train, settings);
    this.test = withInputFeatures(gs, parts.test, settings);
    this.trainEval =
      source.evalSamples === null ? this.train : firstSamples(this.train, source.evalSamples);
    this.sizes = layerSizes(settings);
    this.net = gs.createNetwork({
      layers: this.sizes,
      hidden: settings.activation,
      output: settings.output,
      cost: settings.cost,
      init: settings.init,
      seed: settings.initSeed,
    });
    try {
      this.trainer = this.newTrainer();
    } catch (e) {
      this.net.dispose(); // a run that cannot train must not leave its network behind
      throw e;
    }
    const kind = source.info.kind;
    this.grid =
      kind === "plane"
        ? { kind, x: planeInputs() }
        : kind === "line"
          ? { kind, x: lineInputs() }
          : null;
    this.gridInput = this.grid ? gridInputs(gs, this.grid.x, settings) : null;
    this.side = source.inputShape[0] ?? 0;
  }

  /** What the input-space view needs once: the 2-D points, or the shown test digits. Copies. */
  get preview(): DataPreview {
    if (!this.grid) {
      const shown = firstSamples(this.test, SHOWN_DIGITS);
      return {
        kind: "digits",
        digits: { side: this.side, pixels: shown.x.slice(), labels: shown.labels.slice() },
        trainCount: this.train.n,
        testCount: this.test.n,
        evalCount: this.trainEval.n,
      };
    }
    return {
      kind: this.grid.kind,
      train: pointSet(this.points.train),
      test: pointSet(this.points.test),
    };
  }

  /** The settings this run was built from, with the latest training options. */
  get settings(): Settings {
    return { ...this.current, hidden: [...this.current.hidden] };
  }

  /**
   * Takes settings that describe the same data and network (sameRun); a new η, λ or batch size
   * continues from the weights learned so far with a new trainer.
   */
  retune(next: Settings): void {
    const before = this.current;
    this.epochsBefore = this.epoch;
    this.stepsBeforeTrainer = this.stepsDone;
    this.current = { ...next, hidden: [...next.hidden] };
    if (
      before.learningRate !== next.learningRate ||
      before.batchSize !== next.batchSize ||
      before.l2 !== next.l2 ||
      before.l1 !== next.l1
    ) {
      this.trainer.dispose();
      this.trainer = this.newTrainer();
    }
  }

  step(count: number): void {
    this.trainer.steps(count);
    this.stepsDone += count;
  }

  /** Mini-batches trained since the run was built. */
  get steps(): number {
    return this.stepsDone;
  }

  /** Training progress in passes over the training set. */
  get epoch(): number {
    return (
      this.epochsBefore +
      ((this.stepsDone - this.stepsBeforeTrainer) * this.batchSize) / this.train.n
    );
  }

  /** The time charts' numbers now (norms and evaluations only): cheap enough to take often. */
  historyPoint(): HistoryPoint {
    const measured = this.trainEval;
    const diagnostics = this.net.diagnostics(measured.x, measured.y);
    return {
      step: this.stepsDone,
      epoch: this.epoch,
      train: this.evaluate(measured),
      test: this.evaluate(this.test),
      biasNorms: diagnostics.map((d) => d.biasGradNorm),
      weightNorms: diagnostics.map((d) => d.weightGradNorm),
    };
  }

  /**
   * Each drawn neuron's activation over the boundary grid (net.activations, one call per layer);
   * null for image and line data, whose inputs have no plane to paint.
   */
  neuronMaps(): NeuronMaps | null {
    if (!this.gridInput || this.grid?.kind !== "plane") return null;
    const shape = { resolution: BOUNDARY_RESOLUTION, extent: BOUNDARY_EXTENT };
    return computeNeuronMaps(this.net, this.gridInput, this.sizes, shape, shownIndices);
  }

  /** Sets one weight or bias (net.setParameters of its layer); training continues from it. */
  setParameter(change: ParameterChange): void {
    const p = this.net.getParameters(change.layer);
    this.net.setParameters(change.layer, changedParameters(p, change));
  }

  snapshot(): Snapshot {
    const net = this.net;
    const measured = this.trainEval;
    const diagnostics = net.diagnostics(measured.x, measured.y);
    const gradients = net.gradients(measured.x, measured.y);
    const layers: LayerSnapshot[] = diagnostics.map((d, i) => {
      const p = net.getParameters(d.layer);
      const g = gradients[i];
      if (!g || g.layer !== d.layer)
        throw new Error(`gradients and diagnostics disagree at layer ${d.layer}`);
      return {
        layer: d.layer,
        rows: p.rows,
        cols: p.cols,
        weights: p.weights,
        biases: p.biases,
        weightGradients: g.weights,
        biasGradients: g.biases,
        biasGradNorm: d.biasGradNorm,
        weightGradNorm: d.weightGradNorm,
        meanAbsActDeriv: d.meanAbsActDeriv,
        derivHistogram: {
          edges: [...d.derivHistogram.edges],
          counts: [...d.derivHistogram.counts],
        },
        saturatedFraction: d.saturatedFraction,
      };
    });
    return {
      step: this.stepsDone,
      epoch: this.epoch,
      train: this.evaluate(measured),
      test: this.evaluate(this.test),
      layers,
      input: this.inputView(),
    };
  }

  /**
   * One sample traced through the network as it is now (the backprop view): net.trace with the
   * run's η and λ and its training-set size n, so the trace's update is this sample's step of
   * the same rule the trainer follows. Throws, naming the index, when the set has no such sample.
   */
  trace(sample: TracedSample): Extract<FromWorker, { type: "trace" }> {
    if (sample.set === "drawn") return this.traceDrawn(sample);
    const set = sample.set === "train" ? this.train : this.test;
    if (!Number.isInteger(sample.index) || sample.index < 0 || sample.index >= set.n) {
      throw new Error(
        `sample ${sample.set}:${sample.index} does not exist: the ${setWord(sample.set)} set has ` +
          `samples 0 … ${set.n - 1}`,
      );
    }
    const i = sample.index;
    const x = set.x.subarray(i * set.inputWidth, (i + 1) * set.inputWidth);
    const y = set.y.subarray(i * set.outputWidth, (i + 1) * set.outputWidth);
    const trace = this.net.trace(x, y, {
      learningRate: this.current.learningRate,
      l2: this.current.l2,
      l1: this.current.l1,
      n: this.train.n,
    });
    const kind = catalogue.dataset(this.current.dataset).kind;
    return {
      type: "trace",
      step: this.stepsDone,
      sample: { set: sample.set, index: i },
      sampleLabel:
        this.problem === "regression"
          ? describeValueSample(sample, y[0] ?? NaN)
          : describeSample(sample, set.labels[i] ?? -1, kind),
      trace,
    };
  }

  /** A drawn digit traced with its learner-given target, as trace() traces a data sample. */
  private traceDrawn(sample: DrawnSample): Extract<FromWorker, { type: "trace" }> {
    const { x, y } = drawnInput(sample, this.train.inputWidth, this.train.outputWidth);
    const trace = this.net.trace(x, y, {
      learningRate: this.current.learningRate,
      l2: this.current.l2,
      n: this.train.n,
    });
    return { type: "trace", step: this.stepsDone, sample, sampleLabel: drawnLabel(sample), trace };
  }

  /**
   * The test set's confusion matrix (net.confusionMatrix: rows the true class, columns the
   * network's answer by accuracy's rule); null for a run without classes (regression).
   */
  confusion(): ConfusionCounts | null {
    if (catalogue.dataset(this.current.dataset).problem !== "classification") return null;
    const m = this.net.confusionMatrix(this.test.x, this.test.y);
    // A copy with its own buffer: the worker transfers it to the page.
    return { classes: m.classes, counts: m.counts.slice() };
  }

  /** The output activations aᴸ of the network now for one drawn digit's inputs. */
  predictDrawn(pixels: Float32Array): Float32Array {
    if (pixels.length !== this.train.inputWidth)
      throw new Error(
        `a drawn digit has ${pixels.length} values; this network takes ${this.train.inputWidth} inputs`,
      );
    return this.net.predict(pixels);
  }

  dispose(): void {
    this.trainer.dispose();
    this.net.dispose();
  }

  /** A mini-batch cannot be larger than the training set. */
  private get batchSize(): number {
    return Math.min(this.current.batchSize, this.train.n);
  }

  /** Loss and accuracy (classification) or loss, mse and R² (regression) on `d`. */
  private evaluate(d: Split): Evaluation {
    return pageEvaluation(this.net.evaluate(d.x, d.y, { problem: this.problem }), this.problem);
  }

  private newTrainer(): NetworkTrainer {
    return this.net.createTrainer(this.train.x, this.train.y, {
      batchSize: this.batchSize,
      learningRate: this.current.learningRate,
      l2: this.current.l2,
      l1: this.current.l1,
      shuffle: true,
      seed: this.current.initSeed,
      problem: this.problem,
    });
  }

  private inputView(): InputView {
    const grid = this.grid;
    if (!grid) return { kind: "digits", predictions: this.digitPredictions() };
    const out = this.net.predict(this.gridInput ?? grid.x);
    return grid.kind === "plane"
      ? { kind: "plane", boundary: boundaryGrid(out, this.problem) }
      : { kind: "line", curve: curveGrid(grid.x.slice(), out) };
  }

  /** The most active output unit for each shown test digit, and its activation. */
  private digitPredictions(): DigitPredictions {
    const shown = firstSamples(this.test, SHOWN_DIGITS);
    const out = this.net.predict(shown.x);
    const width = out.length / shown.n;
    const predicted = new Int32Array(shown.n);
    const confidence = new Float32Array(shown.n);
    for (let i = 0; i < shown.n; i++) {
      let best = 0;
      for (let j = 1; j < width; j++)
        if ((out[i * width + j] ?? -Infinity) > (out[i * width + best] ?? -Infinity)) best = j;
      predicted[i] = best;
      confidence[i] = out[i * width + best] ?? NaN;
    }
    return { predicted, confidence };
  }
}

/** The first `n` samples of `d` (all of them when it has fewer), as views, not copies. */
function firstSamples(d: Dataset, n: number): Dataset {
  const k = Math.min(n, d.n);
  return {
    ...d,
    x: d.x.subarray(0, k * d.inputWidth),
    y: d.y.subarray(0, k * d.outputWidth),
    labels: d.labels.subarray(0, k),
    n: k,
  };
}

/** The synthetic data's `classes` option, for a set whose row allows several. */
function classesOption(s: Settings): { classes?: number } {
  const [fewest, most] = dataSource(s.dataset).info.classRange;
  return fewest === most ? {} : { classes: s.classes };
}

/** A split's points as the preview sends them: copies of x and of the labels or the values. */
function pointSet(d: Dataset): PointSet {
  const regression = d.problem === "regression";
  return {
    x: d.x.slice(),
    labels: regression ? new Int32Array(0) : d.labels.slice(),
    values: regression ? d.y.slice() : new Float32Array(0),
  };
}
