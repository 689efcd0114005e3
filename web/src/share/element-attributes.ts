// The attribute an element takes for one URL key: the key in kebab case (HTML lowercases attribute
// names, so learningRate is written learning-rate), or the element's short alias (the chain's
// chainW is `weights`).

/** `learningRate` → `learning-rate`. */
export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** <gradscope-chain>'s attributes for the chain lab's URL keys. */
export const CHAIN_ATTRIBUTES: Readonly<Record<string, string>> = {
  chainAct: "activation",
  chainCost: "cost",
  chainW: "weights",
  chainB: "biases",
  chainX: "x",
  chainY: "y",
};

/** The attribute for `key` on an element with these `aliases`. */
export function attributeFor(key: string, aliases: Readonly<Record<string, string>> = {}): string {
  return aliases[key] ?? kebab(key);
}
