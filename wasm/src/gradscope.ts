// The object init() resolves to: one loaded module instance and the public API over it.
import { createActivations, type Activations } from "./activations.js";
import { catalogue, type Catalogue } from "./catalogue.js";
import { Chain } from "./chain.js";
import { checked, GradscopeError } from "./checked-call.js";
import { createDatasets, type Datasets } from "./datasets.js";
import { Network } from "./network.js";
import { parseNetworkJSON } from "./network-json.js";
import type { RawModule, RawNetworkHandle } from "./raw-module.js";
import { checkNumber } from "./argument-checks.js";
import type { Flavour, NetworkJSON, NetworkOptions } from "./types.js";

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
  /** The seed's one-neuron-per-layer chain of the vanishing-gradient lab (chain.ts). */
  readonly chain: Chain;
  /** Size of the WebAssembly heap and the bytes malloc has handed out (for leak checks). */
  memory(): { heapBytes: number; usedBytes: number };
}

function name(value: unknown, field: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string") {
    throw new GradscopeError(`${field} ${String(value)} must be a name (a string)`);
  }
  return value;
}

export function createGradscope(raw: RawModule, flavour: Flavour): Gradscope {
  // Frees networks that were garbage-collected without dispose(). Disposing is still the rule:
  // collection may come late or, at page unload, never.
  const registry = new FinalizationRegistry<RawNetworkHandle>((handle) => handle.delete());

  const createNetwork = (options: NetworkOptions): Network => {
    if (options === null || typeof options !== "object") {
      throw new GradscopeError("createNetwork needs an options object with layers");
    }
    const { layers } = options;
    if (!Array.isArray(layers)) {
      throw new GradscopeError("layers must be an array of layer sizes, e.g. [2, 8, 1]");
    }
    layers.forEach((n: unknown, i) => {
      if (typeof n !== "number" || !Number.isInteger(n) || n < -(2 ** 31) || n > 2 ** 31 - 1) {
        throw new GradscopeError(`layers[${i}] ${String(n)} must be an integer`);
      }
    });
    const hidden = name(options.hidden, "hidden", "sigmoid");
    const output = name(options.output, "output", "sigmoid");
    const cost = name(options.cost, "cost", "quadratic");
    const init = name(options.init, "init", "scaled");
    const seed = checkNumber(options.seed ?? 1, "seed");
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
        throw new GradscopeError(`networkFromJSON: ${(e as Error).message}`);
      }
      return net;
    },
    catalogue,
    activations: createActivations(raw),
    datasets: createDatasets(raw),
    chain: new Chain(raw),
    memory: () => ({ heapBytes: raw.heapBytes(), usedBytes: raw.usedBytes() }),
  };
}
