// Network: a handle on one Network<float> in the module, with the public camelCase API. Layers
// are numbered as in the seed (l = 2 … L). Every array returned is a copy.
import { checked, GradscopeError } from "./checked-call.js";
import type { RawModule, RawNetworkHandle } from "./raw-module.js";
import {
  checkBoolean,
  checkFinite,
  checkInteger,
  checkNumber,
  checkProblem,
  checkSeed,
} from "./argument-checks.js";
import { showValue } from "./show-value.js";
import { readFields, readOptions } from "./options.js";
import { batch, sampleCount, toFloat32 } from "./samples.js";
import { networkToJSON } from "./network-json.js";
import { traceUpdateArguments, type Trace, type TraceOptions } from "./trace.js";
import type {
  ActivationName,
  ConfusionMatrix,
  CostName,
  EpochReport,
  EvaluateOptions,
  Evaluation,
  GradientCheckOptions,
  GradientCheckResult,
  InitName,
  LayerDiagnostics,
  LayerGradients,
  LayerParameters,
  NetworkJSON,
  Samples,
  SgdOptions,
  TrainingState,
  TrainOptions,
} from "./types.js";

const INT_MAX = 2 ** 31 - 1;

const SGD_KEYS = [
  "batchSize",
  "learningRate",
  "l2",
  "l1",
  "problem",
  "shuffle",
  "seed",
  "testX",
  "testY",
] as const satisfies readonly (keyof SgdOptions)[];
const TRAIN_KEYS = [
  ...SGD_KEYS,
  "epochs",
  "onEpoch",
] as const satisfies readonly (keyof TrainOptions)[];
const EVALUATE_KEYS = ["problem"] as const satisfies readonly (keyof EvaluateOptions)[];
const GRADIENT_CHECK_KEYS = [
  "h",
  "maxParameters",
] as const satisfies readonly (keyof GradientCheckOptions)[];

function report(r: EpochReport): EpochReport {
  const out: EpochReport = { epoch: r.epoch, train: { ...r.train } };
  if (r.test) out.test = { ...r.test };
  if (r.diverged) out.diverged = true;
  return out;
}

function state(s: TrainingState): TrainingState {
  const out: TrainingState = {
    epochsDone: s.epochsDone,
    stepsDone: s.stepsDone,
    position: s.position,
  };
  if (s.diverged) out.diverged = true;
  return out;
}

export class Network {
  #raw: RawModule;
  #handle: RawNetworkHandle | null;
  #registry: FinalizationRegistry<RawNetworkHandle>;
  #session = 0; // id of the active step-wise session, 0 = none
  #nextSession = 1;
  #inOnEpoch = false; // train() is calling onEpoch: the session must not change under it
  /** [n_1, …, n_L]. */
  readonly layers: readonly number[];
  readonly hidden: ActivationName;
  readonly output: ActivationName;
  readonly cost: CostName;
  readonly init: InitName;
  readonly seed: number;

  /** @internal Use gs.createNetwork or gs.networkFromJSON. */
  constructor(
    raw: RawModule,
    handle: RawNetworkHandle,
    registry: FinalizationRegistry<RawNetworkHandle>,
  ) {
    this.#raw = raw;
    this.#handle = handle;
    this.#registry = registry;
    // The safety net: a network that is garbage-collected without dispose() frees its memory.
    registry.register(this, handle, this);
    this.layers = Object.freeze(Array.from(handle.layers()));
    this.hidden = handle.hidden() as ActivationName;
    this.output = handle.output() as ActivationName;
    this.cost = handle.cost() as CostName;
    this.init = handle.init() as InitName;
    this.seed = handle.seed();
  }

  /** L, the number of layers including the input layer. */
  get numLayers(): number {
    return this.layers.length;
  }

  get inputWidth(): number {
    return this.layers[0] as number;
  }

  get outputWidth(): number {
    return this.layers[this.layers.length - 1] as number;
  }

  get disposed(): boolean {
    return this.#handle === null;
  }

  /** Frees the network's WebAssembly memory. Other calls then throw; dispose again is a no-op. */
  dispose(): void {
    if (this.#handle === null) return;
    this.#refuseInOnEpoch("dispose()");
    this.#registry.unregister(this);
    this.#handle.delete();
    this.#handle = null;
    this.#session = 0;
  }

  /** w^l (row-major n_l × n_(l−1)) and b^l. Copies. */
  getParameters(l: number): LayerParameters {
    const h = this.#live();
    checkInteger(l, "layer", -INT_MAX, INT_MAX);
    const weights = checked(this.#raw, () => h.weights(l)) as Float32Array;
    const biases = checked(this.#raw, () => h.biases(l)) as Float32Array;
    const rows = this.layers[l - 1] as number;
    const cols = this.layers[l - 2] as number;
    return { weights, biases, rows, cols };
  }

  /** Replaces w^l and b^l (copied in); shapes and finiteness are checked first. */
  setParameters(l: number, params: { weights: Samples; biases: Samples }): void {
    const h = this.#live();
    checkInteger(l, "layer", -INT_MAX, INT_MAX);
    if (params === null || typeof params !== "object") {
      throw new GradscopeError("setParameters needs { weights, biases }");
    }
    // Each read once: what is checked is what is loaded.
    const p = readFields(params, ["weights", "biases"], "setParameters' parameters");
    const weights = toFloat32(p.weights as Samples, "weights");
    const biases = toFloat32(p.biases as Samples, "biases");
    checked(this.#raw, () => h.setParameters(l, weights, biases));
  }

  /** a^L for each sample of x (m × n_1, row-major) as an m × n_L Float32Array. */
  predict(x: Samples): Float32Array {
    const h = this.#live();
    const xs = toFloat32(x, "x");
    const m = sampleCount(xs, this.inputWidth, "x");
    return checked(this.#raw, () => h.predict(xs, m)) as Float32Array;
  }

  /**
   * a^l for each sample of x (m × n_1, row-major) as an m × n_l Float32Array, l = 1 … L (a^1 = x):
   * the forward pass stopped at layer l, in one call (e.g. every hidden neuron over a grid).
   */
  activations(x: Samples, l: number): Float32Array {
    const h = this.#live();
    checkInteger(l, "layer", -INT_MAX, INT_MAX);
    const xs = toFloat32(x, "x");
    const m = sampleCount(xs, this.inputWidth, "x");
    return checked(this.#raw, () => h.activations(xs, m, l)) as Float32Array;
  }

  /** ∂C/∂w^l and ∂C/∂b^l, batch averages, one entry per layer (l = 2 first). Copies. */
  gradients(x: Samples, y: Samples): LayerGradients[] {
    const h = this.#live();
    const b = batch(x, y, this.inputWidth, this.outputWidth);
    return checked(this.#raw, () => h.gradients(b.x, b.y, b.m)) as LayerGradients[];
  }

  /**
   * One sample (x: n_1 values, y: n_L) through the forward pass and backprop's four equations,
   * every intermediate kept (see Trace). With options, also the single-sample SGD update and the
   * cost after it; the network itself is not changed. Copies.
   */
  trace(x: Samples, y: Samples, options?: TraceOptions): Trace {
    const h = this.#live();
    const u = traceUpdateArguments(options);
    const b = batch(x, y, this.inputWidth, this.outputWidth);
    if (b.m !== 1) {
      throw new GradscopeError(
        `trace takes one sample: x has ${b.m * this.inputWidth} values, expected ${this.inputWidth}`,
      );
    }
    const t = checked(this.#raw, () =>
      h.trace(b.x, b.y, u.withUpdate, u.learningRate, u.l2, u.l1, u.n),
    );
    if (t === undefined) throw new GradscopeError("trace returned nothing");
    return t;
  }

  /** Per layer (l = 2 first): gradient norms and how small σ'(z^l) is on this batch. */
  diagnostics(x: Samples, y: Samples): LayerDiagnostics[] {
    const h = this.#live();
    const b = batch(x, y, this.inputWidth, this.outputWidth);
    return checked(this.#raw, () => h.diagnostics(b.x, b.y, b.m)) as LayerDiagnostics[];
  }

  /**
   * Mean cost on (x, y) and, by `problem`: classification (the default) { loss, accuracy };
   * regression { loss, mse, r2 }, with no accuracy key (r2 is NaN for constant targets).
   */
  evaluate(x: Samples, y: Samples, options?: EvaluateOptions): Evaluation {
    const h = this.#live();
    const o = readOptions<EvaluateOptions>(options, EVALUATE_KEYS, "evaluate options");
    const problem = checkProblem(o.problem ?? "classification");
    const b = batch(x, y, this.inputWidth, this.outputWidth);
    return { ...(checked(this.#raw, () => h.evaluate(b.x, b.y, b.m, problem)) as Evaluation) };
  }

  /**
   * K × K counts of (true class, predicted class) on (x, y), row-major, row the class y encodes
   * (argmax; one output: y ≥ 0.5, K = 2), column the class predicted (accuracy's rule).
   */
  confusionMatrix(x: Samples, y: Samples): ConfusionMatrix {
    const h = this.#live();
    const b = batch(x, y, this.inputWidth, this.outputWidth);
    const r = checked(this.#raw, () => h.confusionMatrix(b.x, b.y, b.m));
    if (r === undefined) throw new GradscopeError("confusionMatrix returned nothing");
    return { classes: r.classes, counts: r.counts };
  }

  /** Backprop against central differences, in double precision (the core's gradient_check). */
  gradientCheck(x: Samples, y: Samples, options?: GradientCheckOptions): GradientCheckResult {
    const h = this.#live();
    const o = readOptions<GradientCheckOptions>(
      options,
      GRADIENT_CHECK_KEYS,
      "gradientCheck options",
    );
    const b = batch(x, y, this.inputWidth, this.outputWidth);
    const step = checkNumber(o.h ?? 1e-5, "h");
    const max = checkInteger(o.maxParameters ?? INT_MAX, "maxParameters", -INT_MAX, INT_MAX);
    const r = checked(this.#raw, () => h.gradientCheck(b.x, b.y, b.m, step, max));
    return { ...(r as GradientCheckResult) };
  }

  /**
   * Mini-batch SGD for `epochs` passes; returns one report per epoch (like the core's train).
   * onEpoch runs between epochs, outside WebAssembly; returning false stops early. Training stops
   * after the epoch whose loss or parameters are no longer finite; that last report says
   * `diverged: true`.
   */
  train(x: Samples, y: Samples, options?: TrainOptions): EpochReport[] {
    this.#refuseInOnEpoch("train()");
    const o = readOptions<TrainOptions>(options, TRAIN_KEYS, "train options");
    const epochs = checkInteger(o.epochs ?? 1, "epochs", 1, INT_MAX);
    const onEpoch = o.onEpoch;
    if (onEpoch !== undefined && typeof onEpoch !== "function") {
      throw new GradscopeError("onEpoch must be a function");
    }
    const h = this.#live();
    const id = this.#begin(x, y, o);
    const history: EpochReport[] = [];
    try {
      for (let e = 0; e < epochs; ++e) {
        const r = report(checked(this.#raw, () => h.trainEpoch()) as EpochReport);
        history.push(r);
        if (onEpoch) {
          this.#inOnEpoch = true;
          let more: unknown;
          try {
            more = onEpoch(r);
          } finally {
            this.#inOnEpoch = false;
          }
          if (more === false) break;
        }
        if (r.diverged) break;
      }
    } finally {
      if (this.#session === id) this.#end();
    }
    return history;
  }

  /**
   * A step-wise trainer over (x, y) for callers that interleave training with other work (the
   * playground trains a few mini-batches per animation frame in a worker). A successful
   * createTrainer or train() ends the previous trainer; a failed one leaves it running.
   */
  createTrainer(x: Samples, y: Samples, options?: SgdOptions): NetworkTrainer {
    this.#refuseInOnEpoch("createTrainer()");
    const o = readOptions<SgdOptions>(options, SGD_KEYS, "createTrainer options");
    const id = this.#begin(x, y, o);
    const h = this.#handle as RawNetworkHandle;
    const raw = this.#raw;
    const live = (): RawNetworkHandle => {
      if (this.#session !== id) {
        throw new GradscopeError(
          this.disposed ? "the network was disposed" : "this trainer was replaced or disposed",
        );
      }
      return h;
    };
    return {
      steps: (count = 1) => {
        checkInteger(count, "step count", -INT_MAX, INT_MAX);
        const handle = live();
        return state(checked(raw, () => handle.trainSteps(count)) as TrainingState);
      },
      epoch: () => {
        const handle = live();
        return report(checked(raw, () => handle.trainEpoch()) as EpochReport);
      },
      get state() {
        const handle = live();
        return state(checked(raw, () => handle.trainingState()) as TrainingState);
      },
      dispose: () => {
        if (this.#session === id) this.#end();
      },
    };
  }

  /** All that rebuilds this network exactly (float bits included); see gs.networkFromJSON. */
  toJSON(): NetworkJSON {
    this.#live(); // networkToJSON refuses non-finite parameters (a diverged network)
    return networkToJSON(this);
  }

  #live(): RawNetworkHandle {
    if (this.#handle === null) throw new GradscopeError("the network was disposed");
    return this.#handle;
  }

  #refuseInOnEpoch(what: string): void {
    if (this.#inOnEpoch) {
      throw new GradscopeError(
        `${what} cannot be called inside onEpoch while train() runs; return false to stop training first`,
      );
    }
  }

  /** Starts a session from options already read by readOptions; the old one survives a failure. */
  #begin(x: Samples, y: Samples, o: Partial<SgdOptions>): number {
    const h = this.#live();
    const b = batch(x, y, this.inputWidth, this.outputWidth);
    let test: { x: Float32Array | undefined; y: Float32Array | undefined; m: number } = {
      x: undefined,
      y: undefined,
      m: 0,
    };
    if (o.testX !== undefined || o.testY !== undefined) {
      if (o.testX === undefined || o.testY === undefined) {
        throw new GradscopeError("testX and testY must be given together");
      }
      test = batch(o.testX, o.testY, this.inputWidth, this.outputWidth, ["testX", "testY"]);
    }
    const batchSize = checkInteger(o.batchSize ?? 10, "batchSize", -INT_MAX, INT_MAX);
    const learningRate = checkNumber(o.learningRate ?? 0.5, "learningRate");
    const l2 = checkNumber(o.l2 ?? 0, "l2");
    const l1 = checkFinite(o.l1 ?? 0, "l1");
    if (l1 < 0) throw new GradscopeError(`l1 ${showValue(l1)} must be ≥ 0`);
    const seed = checkSeed(o.seed ?? 1);
    const shuffle = checkBoolean(o.shuffle ?? true, "shuffle");
    const problem = checkProblem(o.problem ?? "classification");
    // The module replaces its session only once the new one is built (network_adapter.cpp).
    checked(this.#raw, () =>
      h.beginTraining(
        b.x,
        b.y,
        b.m,
        test.x,
        test.y,
        test.m,
        batchSize,
        learningRate,
        l2,
        l1,
        shuffle,
        seed,
        problem,
      ),
    );
    this.#session = this.#nextSession++;
    return this.#session;
  }

  #end(): void {
    this.#session = 0;
    this.#handle?.endTraining();
  }
}

/** A step-wise training session created by Network.createTrainer. */
export interface NetworkTrainer {
  /** Runs `count` mini-batches (default 1), continuing across passes; reshuffles at each pass. */
  steps(count?: number): TrainingState;
  /** Finishes the current pass (a whole pass at its start) and evaluates like train() does. */
  epoch(): EpochReport;
  readonly state: TrainingState;
  /** Frees the session's copy of the data (the network stays). */
  dispose(): void;
}
