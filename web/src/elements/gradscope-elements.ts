// The elements' entry point: `import "gradscope/elements"` in a bundler, or
// <script type="module" src=".../elements/gradscope-elements.js">. It only registers the
// elements; each loads its own code the first time one is connected.

import { GradscopeChainElement } from "./gradscope-chain.js";
import { GradscopeSoftmaxElement } from "./gradscope-softmax.js";
import { GradscopeVanishingElement } from "./gradscope-vanishing.js";

export { GradscopeElement } from "./gradscope-element.js";
export { GradscopeChainElement, GradscopeSoftmaxElement, GradscopeVanishingElement };

const ELEMENTS: readonly (readonly [string, CustomElementConstructor])[] = [
  ["gradscope-chain", GradscopeChainElement],
  ["gradscope-softmax", GradscopeSoftmaxElement],
  ["gradscope-vanishing", GradscopeVanishingElement],
];

// Defining twice throws; a page that loads the script twice (or two copies) keeps the first.
for (const [tag, element] of ELEMENTS) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
