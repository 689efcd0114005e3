// <gradscope-chain>'s attributes: the chain lab's URL keys (chain-state.ts CHAIN_TABLE) under the
// short names an author expects, plus `neurons` (the chain's length, which the URL carries as
// the length of chainW). Kept free of imports so registering the element loads nothing else;
// tests/web/element-attributes.test.ts checks the list against CHAIN_TABLE.

/** The pseudo-key of the `neurons` attribute (not a URL key: see chain-neurons.ts). */
export const CHAIN_NEURONS_KEY = "chainN";

export const CHAIN_KEYS: readonly string[] = [
  CHAIN_NEURONS_KEY,
  "chainAct",
  "chainCost",
  "chainX",
  "chainY",
  "chainW",
  "chainB",
];

export const CHAIN_ALIASES: Readonly<Record<string, string>> = {
  chainN: "neurons",
  chainAct: "activation",
  chainCost: "cost",
  chainX: "x",
  chainY: "y",
  chainW: "weights",
  chainB: "biases",
};
