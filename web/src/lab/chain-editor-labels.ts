// The chain editor's column headings and caption, named after the chain's activation: the
// derivative column is "tanh′(z_j)" under tanh, not "σ′(z_j)". Pure: no DOM.

import { catalogue } from "gradscope";
import type { ChainActivation } from "./chain-state.js";

export interface ChainEditorLabels {
  /** The table's caption: the neuron's equations, with the activation's symbol. */
  caption: string;
  /** The column headings, left to right; the last one is the derivative's. */
  columns: readonly string[];
}

/** The editor's labels for a chain of `activation` neurons. */
export function chainEditorLabels(activation: ChainActivation): ChainEditorLabels {
  const f = catalogue.activation(activation).symbol;
  return {
    caption: `Neuron j: z_j = w_j a_(j−1) + b_j, a_j = ${f}(z_j). Drag a slider or type a value.`,
    columns: ["j", "weight w_j", "bias b_j", "z_j", "a_j", `${f}′(z_j)`],
  };
}
