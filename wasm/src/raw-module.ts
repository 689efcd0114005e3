// The Emscripten module as the bindings register it (wasm/bindings/*_bindings.cpp). Only this
// package's wrapper talks to it; users see the camelCase API of gradscope.ts. Failed calls return
// undefined / null / false and leave a message for takeError() (see checked-call.ts). Results the
// wrapper hands on as they are have the public types of types.ts and chain.ts, defined once there.
import type { ChainProduct } from "./chain.js";
import type { Trace } from "./trace.js";
import type {
  ConfusionMatrix,
  Dataset,
  EpochReport,
  Evaluation,
  GradientCheckResult,
  LayerDiagnostics,
  LayerGradients,
  TrainingState,
} from "./types.js";

export interface RawIdxArray {
  dims: Int32Array;
  data: Uint8Array;
}

/** core/catalogue.hpp's tables, row for row (wasm/bindings/catalogue_adapter.cpp). */
export interface RawCoreCatalogue {
  activations: {
    name: string;
    maxDerivative: number;
    derivativeRange: [number, number];
    zeroDerivative: string;
    hidden: boolean;
    output: boolean;
    outputRange: [number, number];
    minOutputUnits: number;
  }[];
  costs: { name: string }[];
  initialisers: { name: string }[];
  problems: { name: string; measure: string }[];
  datasets: {
    name: string;
    kind: string;
    problem: string;
    inputFeatures: number;
    classes: number;
    classRange: [number, number];
  }[];
  features: { name: string }[];
  pairs: { output: string; cost: string; bp1: string }[];
}

export interface RawNetworkHandle {
  numLayers(): number;
  layers(): Int32Array;
  hidden(): string;
  output(): string;
  cost(): string;
  init(): string;
  seed(): number;
  weights(l: number): Float32Array | undefined;
  biases(l: number): Float32Array | undefined;
  setParameters(l: number, weights: Float32Array, biases: Float32Array): boolean;
  predict(x: Float32Array, m: number): Float32Array | undefined;
  activations(x: Float32Array, m: number, l: number): Float32Array | undefined;
  gradients(x: Float32Array, y: Float32Array, m: number): LayerGradients[] | undefined;
  diagnostics(x: Float32Array, y: Float32Array, m: number): LayerDiagnostics[] | undefined;
  evaluate(x: Float32Array, y: Float32Array, m: number, problem: string): Evaluation | undefined;
  confusionMatrix(x: Float32Array, y: Float32Array, m: number): ConfusionMatrix | undefined;
  trace(
    x: Float32Array,
    y: Float32Array,
    withUpdate: boolean,
    learningRate: number,
    l2: number,
    l1: number,
    n: number,
  ): Trace | undefined;
  gradientCheck(
    x: Float32Array,
    y: Float32Array,
    m: number,
    h: number,
    maxParameters: number,
  ): GradientCheckResult | undefined;
  beginTraining(
    x: Float32Array,
    y: Float32Array,
    m: number,
    testX: Float32Array | undefined,
    testY: Float32Array | undefined,
    testM: number,
    batchSize: number,
    learningRate: number,
    l2: number,
    l1: number,
    shuffle: boolean,
    seed: number,
    problem: string,
  ): boolean;
  trainSteps(steps: number): TrainingState | undefined;
  trainEpoch(): EpochReport | undefined;
  trainingState(): TrainingState | undefined;
  endTraining(): void;
  delete(): void;
}

export interface RawModule {
  takeError(): string;
  backendName(): string;
  heapBytes(): number;
  usedBytes(): number;
  createNetwork(
    layers: Int32Array,
    hidden: string,
    output: string,
    cost: string,
    init: string,
    seed: number,
  ): RawNetworkHandle | null;
  makeSynthetic(
    kind: string,
    n: number,
    noise: number,
    seed: number,
    outputWidth: number,
    classes: number,
  ): Dataset | undefined;
  splitDataset(
    data: Dataset,
    testFraction: number,
    seed: number,
  ): { train: Dataset; test: Dataset } | undefined;
  parseIdx(bytes: Uint8Array): RawIdxArray | undefined;
  idxDataset(
    images: RawIdxArray,
    labels: RawIdxArray,
    numClasses: number,
    limit: number,
  ): Dataset | undefined;
  activationCurve(name: string, xs: Float64Array, derivative: boolean): Float64Array | undefined;
  activationMaxDerivative(name: string): number;
  chainProduct(
    weights: Float64Array,
    biases: Float64Array,
    activation: string,
    cost: string,
    x: number,
    y: number,
  ): ChainProduct | undefined;
  /** The core's catalogue tables (core/catalogue.hpp), for the test of catalogue.ts. */
  coreCatalogue(): RawCoreCatalogue;
  softmax(logits: Float32Array): Float32Array | undefined;
  /** m samples of k features from m samples (x₁, x₂) and k feature names (core/features.hpp). */
  applyFeatures(x: Float32Array, m: number, names: string[]): Float32Array | undefined;
  softmaxJacobian(probabilities: Float32Array): Float32Array | undefined;
  chainCenteredBiases(
    weights: Float64Array,
    activation: string,
    x: number,
  ): Float64Array | undefined;
}

/** What the Emscripten factory (the default export of gradscope-<flavour>.js) accepts. */
export interface ModuleOverrides {
  /** The .wasm's bytes; or, instead, */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Emscripten's hook: instantiate with `imports`, hand the instance to `receive`, return {}. */
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ) => object;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

export type ModuleFactory = (overrides: ModuleOverrides) => Promise<RawModule>;
