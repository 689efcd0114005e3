// The `neurons` attribute of <gradscope-chain>. The chain view's URL has no neuron count (it is
// the length of chainW), so this store sits between the view and the element's attributes:
// reading, `neurons` resizes the chain the other attributes give (kept parameters, new neurons
// with w = 1 and b = 0, as the view's Neurons menu does); writing, it follows the weights' count.
// When a script changes `weights` alone, the weights set the length (and the biases follow it).

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

/** `list` cut to, or padded with zeros to, `n` entries. */
function fit(list: readonly number[], n: number): number[] {
  return Array.from({ length: n }, (_, i) => list[i] ?? 0);
}

/**
 * The chain's params from `params` with the neuron count applied (and the count's key removed),
 * and what was wrong with it. `changed`: the keys of the latest external change. Biases follow
 * the weights' length unless the author gave them with the weights, so weights="2,2,2" alone
 * is a chain of three rather than a mismatch.
 */
export function applyNeurons(
  params: URLSearchParams,
  changed: ReadonlySet<string>,
): { params: URLSearchParams; problems: string[] } {
  const out = new URLSearchParams(params);
  out.delete(CHAIN_NEURONS_KEY);
  const problems: string[] = [];
  const text = params.get(CHAIN_NEURONS_KEY);
  const n = text === null ? null : neuronsKind.parse(text);
  if (n instanceof Error) problems.push(`${CHAIN_NEURONS_KEY}: ${n.message}; ignored`);
  // A bad weights or biases value is the view's to report: it is left as written.
  const parsed = parseParams(CHAIN_TABLE, DEFAULT_CHAIN, out);
  if (parsed.problems.some((p) => p.startsWith("chainW") || p.startsWith("chainB"))) {
    return { params: out, problems };
  }
  let chain = parsed.value;
  const weightsAlone = (key: string) => changed.has("chainW") && !changed.has(key);
  if (typeof n === "number" && !weightsAlone(CHAIN_NEURONS_KEY)) chain = resizeChain(chain, n);
  const biasesGiven = params.has("chainB") && !weightsAlone("chainB");
  if (!biasesGiven && chain.chainB.length !== chain.chainW.length) {
    chain = { ...chain, chainB: fit(chain.chainB, chain.chainW.length) };
  }
  for (const spec of CHAIN_TABLE) {
    if (spec.key === "chainW" && chain.chainW !== parsed.value.chainW) {
      out.set("chainW", spec.kind.format(chain.chainW));
    }
    if (spec.key === "chainB" && chain.chainB !== parsed.value.chainB) {
      out.set("chainB", spec.kind.format(chain.chainB));
    }
  }
  return { params: out, problems };
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
