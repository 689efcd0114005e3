// The object init() resolves to: one loaded module instance and the public API over it.
import { createActivations, type Activations } from "./activations.js";
import { catalogue, type Catalogue } from "./catalogue.js";
import { Chain } from "./chain.js";
import { checked, GradscopeError } from "./checked-call.js";
import { createDatasets, type Datasets } from "./datasets.js";
import { createFeatures, type Features } from "./features.js";
import { Network } from "./network.js";
import { parseNetworkJSON } from "./network-json.js";
import type { RawModule, RawNetworkHandle } from "./raw-module.js";
import { checkName, checkSeed } from "./argument-checks.js";
import { isArray, readOptions } from "./options.js";
import { arrayLength } from "./samples.js";
import { showValue, thrownMessage } from "./show-value.js";
import { softmax, softmaxJacobian } from "./softmax.js";
import type { Flavour, NetworkJSON, NetworkOptions, Samples } from "./types.js";

export interface Gradscope {
  /** Which .wasm was loaded. */
  readonly flavour: Flavour;
  /** What the core's float kernels dispatch to in this build ('wasm-simd128', 'scalar', …). */
  readonly backend: string;
  createNetwork(options: NetworkOptions): Network;
  /** Rebuilds a network from toJSON()'s object (or its JSON text), float bits included. */
  networkFromJSON(json: NetworkJSON | string): Network;
  /** The static catalogue (the same object as the package's `catalogue` export). */
  readonly catalogue: Catalogue;
  readonly activations: Activations;
  readonly datasets: Datasets;
  /** Feature transforms of plane inputs (x₁², sin x₁, …), computed by the core. */
  readonly features: Features;
  /** The seed's one-neuron-per-layer chain of the vanishing-gradient lab (chain.ts). */
  readonly chain: Chain;
  /** y = softmax(x) for n ≥ 2 finite logits, as the output layer computes it (a copy). */
  softmax(logits: Samples): Float32Array;
  /**
   * ∂y_i/∂x_j = y_i (δ_ij − y_j), n × n row-major, for 2 … 1024 probabilities in [0, 1] that sum
   * to 1 within 1e-4 (softmax's output).
   */
  softmaxJacobian(probabilities: Samples): Float32Array;
  /** Size of the WebAssembly heap and the bytes malloc has handed out (for leak checks). */
  memory(): { heapBytes: number; usedBytes: number };
}

const NETWORK_KEYS = [
  "layers",
  "hidden",
  "output",
  "cost",
  "init",
  "seed",
] as const satisfies readonly (keyof NetworkOptions)[];

/** layers read once into a plain array of integers (the module checks sizes and the limit). */
function layerSizes(layers: unknown): number[] {
  if (!isArray(layers)) {
    throw new GradscopeError("layers must be an array of layer sizes, e.g. [2, 8, 1]");
  }
  const n = arrayLength(layers, "layers", "an array of layer sizes");
  const sizes: number[] = [];
  for (let i = 0; i < n; ++i) {
    let v: unknown;
    try {
      v = layers[i];
    } catch (e) {
      throw new GradscopeError(`layers[${i}] cannot be read (${thrownMessage(e)})`);
    }
    if (typeof v !== "number" || !Number.isInteger(v) || v < -(2 ** 31) || v > 2 ** 31 - 1) {
      throw new GradscopeError(`layers[${i}] ${showValue(v)} must be an integer`);
    }
    sizes.push(v);
  }
  return sizes;
}

export function createGradscope(raw: RawModule, flavour: Flavour): Gradscope {
  // Frees networks that were garbage-collected without dispose(). Disposing is still the rule:
  // collection may come late or, at page unload, never.
  const registry = new FinalizationRegistry<RawNetworkHandle>((handle) => handle.delete());

  const createNetwork = (options: NetworkOptions): Network => {
    if (options === null || typeof options !== "object") {
      throw new GradscopeError("createNetwork needs an options object with layers");
    }
    const o = readOptions<NetworkOptions>(options, NETWORK_KEYS, "createNetwork options");
    const layers = layerSizes(o.layers);
    const hidden = checkName(o.hidden ?? "sigmoid", "hidden");
    const output = checkName(o.output ?? "sigmoid", "output");
    const cost = checkName(o.cost ?? "quadratic", "cost");
    const init = checkName(o.init ?? "scaled", "init");
    const seed = checkSeed(o.seed ?? 1);
    const handle = checked(raw, () =>
      raw.createNetwork(Int32Array.from(layers), hidden, output, cost, init, seed),
    );
    if (handle === null) throw new GradscopeError("createNetwork failed");
    return new Network(raw, handle, registry);
  };

  return {
    flavour,
    backend: raw.backendName(),
    createNetwork,
    networkFromJSON(json) {
      const parsed = parseNetworkJSON(json);
      const net = createNetwork(parsed.options);
      try {
        parsed.parameters.forEach((p, i) => net.setParameters(i + 2, p));
      } catch (e) {
        net.dispose(); // never hand out a half-loaded network
        throw new GradscopeError(`networkFromJSON: ${thrownMessage(e, 240)}`);
      }
      return net;
    },
    catalogue,
    activations: createActivations(raw),
    datasets: createDatasets(raw),
    features: createFeatures(raw),
    chain: new Chain(raw),
    softmax: (logits) => softmax(raw, logits),
    softmaxJacobian: (probabilities) => softmaxJacobian(raw, probabilities),
    memory: () => ({ heapBytes: raw.heapBytes(), usedBytes: raw.usedBytes() }),
  };
}
