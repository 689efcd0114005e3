// gradscope: a neural-network core (C++, WebAssembly) with per-layer gradient diagnostics.
//   const gs = await init();
//   const net = gs.createNetwork({ layers: [2, 8, 1], hidden: 'tanh', cost: 'cross-entropy' });
import { GradscopeError } from "./checked-call.js";
import { createGradscope, type Gradscope } from "./gradscope.js";
import { loadModule, type WasmSource } from "./load-module.js";
import { readOptions } from "./options.js";
import { showValue } from "./show-value.js";
import { simdSupported } from "./simd-support.js";
import type { Flavour } from "./types.js";

export interface InitOptions {
  /**
   * Where the .wasm is: a URL (relative to the page), or a function of the flavour. Default: the
   * gradscope-simd.wasm / gradscope-scalar.wasm next to this file.
   */
  wasmUrl?: WasmSource;
  /** 'auto' (default) loads the SIMD build when the engine supports WebAssembly SIMD. */
  flavour?: Flavour | "auto";
}

/** Loads a fresh module instance. Each call makes a new instance with its own heap. */
export async function init(initOptions?: InitOptions): Promise<Gradscope> {
  if (initOptions === null || (initOptions !== undefined && typeof initOptions !== "object")) {
    throw new GradscopeError("init options must be an object");
  }
  const options = readOptions<InitOptions>(initOptions, ["wasmUrl", "flavour"], "init options");
  const wanted: unknown = options.flavour ?? "auto";
  if (wanted !== "auto" && wanted !== "simd" && wanted !== "scalar") {
    throw new GradscopeError(
      `flavour '${showValue(wanted)}' is unknown (valid: auto, simd, scalar)`,
    );
  }
  const simd = simdSupported();
  if (wanted === "simd" && !simd) {
    throw new GradscopeError(
      "this engine does not support WebAssembly SIMD; use flavour 'scalar' or 'auto'",
    );
  }
  const flavour: Flavour = wanted === "auto" ? (simd ? "simd" : "scalar") : wanted;
  return createGradscope(await loadModule(flavour, options.wasmUrl), flavour);
}

export { simdSupported } from "./simd-support.js";
export { catalogue, names } from "./catalogue.js";
export type {
  ActivationInfo,
  BookSection,
  Bp1Form,
  Catalogue,
  CostInfo,
  DataKind,
  DatasetInfo,
  DatasetName,
  HiddenActivationName,
  OutputCostPair,
  ProblemKind,
  ViewId,
  ViewInfo,
  ZeroDerivative,
} from "./catalogue.js";
export { GradscopeError } from "./checked-call.js";
export { IDX_MAX_BYTES, inflateIdx, isGzip } from "./gunzip-limited.js";
export type { Gradscope } from "./gradscope.js";
export type { Network, NetworkTrainer } from "./network.js";
export type { Activations } from "./activations.js";
export type { Datasets, IdxOptions, SplitOptions, SyntheticOptions } from "./datasets.js";
export type { WasmSource } from "./load-module.js";
export type { Trace, TraceLayer, TraceOptions, TraceUpdate } from "./trace.js";
export type {
  ActivationCurve,
  ActivationName,
  CostName,
  Dataset,
  EpochReport,
  Evaluation,
  Flavour,
  GradientCheckOptions,
  GradientCheckResult,
  IdxArray,
  InitName,
  LayerDiagnostics,
  LayerGradients,
  LayerParameters,
  NetworkJSON,
  NetworkOptions,
  Samples,
  SgdOptions,
  SyntheticKind,
  TrainingState,
  TrainOptions,
} from "./types.js";
export * from "./lab.js";
