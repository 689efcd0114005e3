// The `neurons` attribute of <gradscope-chain>. The chain view's URL has no neuron count (it is
// the length of chainW), so this store sits between the view and the element's attributes:
// reading, `neurons` resizes the chain the other attributes give (kept parameters, new neurons
// with w = 1 and b = 0, as the view's Neurons menu does); writing, it follows the weights' count.
// When a script changes `weights` alone, the weights set the length.

import {
  CHAIN_TABLE,
  DEFAULT_CHAIN,
  MAX_NEURONS,
  MIN_NEURONS,
  resizeChain,
} from "../lab/chain-state.js";
import type { ParamStore } from "../state/param-store.js";
import { numberKind, parseParams } from "../state/url-table.js";
import { CHAIN_NEURONS_KEY } from "./chain-attributes.js";

const neuronsKind = numberKind(MIN_NEURONS, MAX_NEURONS, true);

/** The attribute store's side this store needs: its params and which keys a script changed. */
export interface ChangeTrackingStore extends ParamStore {
  changedKeys(): ReadonlySet<string>;
}

/**
 * The chain's params from `params` with the neuron count applied (and the count's key removed),
 * and what was wrong with it. `changed`: the keys of the latest external change.
 */
export function applyNeurons(
  params: URLSearchParams,
  changed: ReadonlySet<string>,
): { params: URLSearchParams; problems: string[] } {
  const out = new URLSearchParams(params);
  out.delete(CHAIN_NEURONS_KEY);
  const text = params.get(CHAIN_NEURONS_KEY);
  if (text === null) return { params: out, problems: [] };
  const n = neuronsKind.parse(text);
  if (n instanceof Error)
    return { params: out, problems: [`${CHAIN_NEURONS_KEY}: ${n.message}; ignored`] };
  if (changed.has("chainW") && !changed.has(CHAIN_NEURONS_KEY))
    return { params: out, problems: [] };
  // A bad weights or biases value is the view's to report: it is left as written.
  const parsed = parseParams(CHAIN_TABLE, DEFAULT_CHAIN, out);
  if (parsed.problems.some((p) => p.startsWith("chainW") || p.startsWith("chainB"))) {
    return { params: out, problems: [] };
  }
  const sized = resizeChain(parsed.value, n);
  for (const spec of CHAIN_TABLE) {
    if (spec.key === "chainW") out.set("chainW", spec.kind.format(sized.chainW));
    if (spec.key === "chainB") out.set("chainB", spec.kind.format(sized.chainB));
  }
  return { params: out, problems: [] };
}

export class ChainStore implements ParamStore {
  constructor(
    private readonly inner: ChangeTrackingStore,
    private readonly notify: (problem: string) => void,
  ) {}

  read(): URLSearchParams {
    const { params, problems } = applyNeurons(this.inner.read(), this.inner.changedKeys());
    for (const p of problems) this.notify(p);
    return params;
  }

  update(change: (params: URLSearchParams) => void): void {
    this.inner.update((params) => {
      const counted = params.has(CHAIN_NEURONS_KEY);
      params.delete(CHAIN_NEURONS_KEY);
      change(params);
      const weights = params.get("chainW");
      if (counted && weights !== null) {
        params.set(CHAIN_NEURONS_KEY, String(weights === "" ? 0 : weights.split(",").length));
      }
    });
  }

  follow(hash: string): void {
    this.inner.follow(hash);
  }

  onExternalChange(listener: () => void): void {
    this.inner.onExternalChange(listener);
  }
}
