// gradscope: a neural-network core (C++, WebAssembly) with per-layer gradient diagnostics.
//   const gs = await init();
//   const net = gs.createNetwork({ layers: [2, 8, 1], hidden: 'tanh', cost: 'cross-entropy' });
import { chooseFlavour } from "./choose-flavour.js";
import { GradscopeError } from "./checked-call.js";
import { createGradscope, type Gradscope } from "./gradscope.js";
import { compileModule, instantiateCompiled, loadModule, type WasmSource } from "./load-module.js";
import { isInstance, readOptions } from "./options.js";
import { showValue } from "./show-value.js";
import type { Flavour } from "./types.js";

export interface InitOptions {
  /**
   * Where the .wasm is: a URL (relative to the page), or a function of the flavour. Default: the
   * gradscope-simd.wasm / gradscope-scalar.wasm next to this file.
   */
  wasmUrl?: WasmSource;
  /**
   * 'auto' (default) loads the SIMD build when the engine supports WebAssembly SIMD. With
   * `wasmModule`: which build that module is ('auto': read from the module itself).
   */
  flavour?: Flavour | "auto";
  /**
   * A module compileWasm() compiled (e.g. posted to this worker by the page): instantiated as it
   * is, nothing fetched. Not together with `wasmUrl`.
   */
  wasmModule?: WebAssembly.Module;
}

export interface CompileOptions {
  /** As init's: 'auto' (default), 'simd' or 'scalar'. */
  flavour?: Flavour | "auto";
  /** As init's. */
  wasmUrl?: WasmSource;
}

/** A compiled module and which build it is: what init({ wasmModule, flavour }) takes. */
export interface CompiledWasm {
  flavour: Flavour;
  module: WebAssembly.Module;
}

/** The build a module's kernels say it is (the SIMD build reports 'wasm-simd128'). */
function flavourOfBackend(backend: string): Flavour {
  return backend === "wasm-simd128" ? "simd" : "scalar";
}

async function initCompiled(module: unknown, wanted: unknown): Promise<Gradscope> {
  if (!isInstance(module, WebAssembly.Module)) {
    throw new GradscopeError(
      `wasmModule must be a WebAssembly.Module (from compileWasm()), got ${showValue(module)}`,
    );
  }
  if (wanted !== undefined && wanted !== "auto" && wanted !== "simd" && wanted !== "scalar") {
    throw new GradscopeError(
      `flavour '${showValue(wanted)}' is unknown (valid: auto, simd, scalar)`,
    );
  }
  // The two builds share one loader, so either loads either; the kernels then say which it was.
  const raw = await instantiateCompiled(wanted === "scalar" ? "scalar" : "simd", module);
  const actual = flavourOfBackend(raw.backendName());
  if (wanted === "simd" || wanted === "scalar") {
    if (wanted !== actual) {
      throw new GradscopeError(`wasmModule is the ${actual} build, not flavour '${wanted}'`);
    }
  }
  return createGradscope(raw, actual);
}

/** Loads a fresh module instance. Each call makes a new instance with its own heap. */
export async function init(initOptions?: InitOptions): Promise<Gradscope> {
  if (initOptions === null || (initOptions !== undefined && typeof initOptions !== "object")) {
    throw new GradscopeError("init options must be an object");
  }
  const options = readOptions<InitOptions>(
    initOptions,
    ["wasmUrl", "flavour", "wasmModule"],
    "init options",
  );
  if (options.wasmModule !== undefined) {
    if (options.wasmUrl !== undefined) {
      throw new GradscopeError("init takes wasmModule or wasmUrl, not both");
    }
    return initCompiled(options.wasmModule, options.flavour);
  }
  const flavour = chooseFlavour(options.flavour);
  return createGradscope(await loadModule(flavour, options.wasmUrl), flavour);
}

/**
 * Fetches (or reads) and compiles one flavour's .wasm without instantiating it: compile once,
 * then init({ wasmModule, flavour }) as often as needed, here or in workers it is posted to.
 */
export async function compileWasm(compileOptions?: CompileOptions): Promise<CompiledWasm> {
  const options = readOptions<CompileOptions>(
    compileOptions,
    ["flavour", "wasmUrl"],
    "compileWasm options",
  );
  const flavour = chooseFlavour(options.flavour);
  return { flavour, module: await compileModule(flavour, options.wasmUrl) };
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
  FeatureInfo,
  FeatureName,
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
export type { Features } from "./features.js";
export type { WasmSource } from "./load-module.js";
export type { Trace, TraceLayer, TraceOptions, TraceUpdate } from "./trace.js";
export type {
  ActivationCurve,
  ActivationName,
  ClassificationEvaluation,
  ConfusionMatrix,
  CostName,
  Dataset,
  EpochReport,
  EvaluateOptions,
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
