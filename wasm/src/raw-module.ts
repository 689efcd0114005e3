// The Emscripten module as the bindings register it (wasm/bindings/*_bindings.cpp). Only this
// package's wrapper talks to it; users see the camelCase API of gradscope.ts. Failed calls return
// undefined / null / false and leave a message for takeError() (see checked-call.ts).

export interface RawEvaluation {
  loss: number;
  accuracy: number;
}

export interface RawTrainingState {
  epochsDone: number;
  stepsDone: number;
  position: number;
}

export interface RawEpochReport {
  epoch: number;
  train: RawEvaluation;
  test?: RawEvaluation;
}

export interface RawLayerGradients {
  layer: number;
  weights: Float32Array;
  biases: Float32Array;
  rows: number;
  cols: number;
}

export interface RawLayerDiagnostics {
  layer: number;
  biasGradNorm: number;
  weightGradNorm: number;
  meanAbsActDeriv: number;
  derivHistogram: { edges: Float64Array; counts: Int32Array };
  saturatedFraction: number;
}

export interface RawGradientCheck {
  maxRelativeError: number;
  worstLayer: number;
  worstIsBias: boolean;
  worstIndex: number;
  parametersChecked: number;
}

export interface RawDataset {
  x: Float32Array;
  y: Float32Array;
  labels: Int32Array;
  n: number;
  inputWidth: number;
  outputWidth: number;
}

export interface RawIdxArray {
  dims: Int32Array;
  data: Uint8Array;
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
  gradients(x: Float32Array, y: Float32Array, m: number): RawLayerGradients[] | undefined;
  diagnostics(x: Float32Array, y: Float32Array, m: number): RawLayerDiagnostics[] | undefined;
  evaluate(x: Float32Array, y: Float32Array, m: number): RawEvaluation | undefined;
  gradientCheck(
    x: Float32Array,
    y: Float32Array,
    m: number,
    h: number,
    maxParameters: number,
  ): RawGradientCheck | undefined;
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
    shuffle: boolean,
    seed: number,
  ): boolean;
  trainSteps(steps: number): RawTrainingState | undefined;
  trainEpoch(): RawEpochReport | undefined;
  trainingState(): RawTrainingState | undefined;
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
  ): RawDataset | undefined;
  splitDataset(data: RawDataset, testFraction: number, seed: number):
    | { train: RawDataset; test: RawDataset }
    | undefined;
  parseIdx(bytes: Uint8Array): RawIdxArray | undefined;
  idxDataset(
    images: RawIdxArray,
    labels: RawIdxArray,
    numClasses: number,
    limit: number,
  ): RawDataset | undefined;
  activationCurve(name: string, xs: Float64Array, derivative: boolean): Float64Array | undefined;
  activationMaxDerivative(name: string): number;
}

/** What the Emscripten factory (the default export of gradscope-<flavour>.js) accepts. */
export interface ModuleOverrides {
  wasmBinary: ArrayBuffer | Uint8Array;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

export type ModuleFactory = (overrides: ModuleOverrides) => Promise<RawModule>;
