// The elements' entry point: `import "gradscope/elements"` in a bundler, or
// <script type="module" src=".../elements/gradscope-elements.js">. It only registers the
// elements; each loads its own code the first time one is connected.

import { GradscopeChainElement } from "./gradscope-chain.js";
import { GradscopePlaygroundElement } from "./gradscope-playground.js";
import { GradscopeRunElement } from "./gradscope-run.js";
import { GradscopeSoftmaxElement } from "./gradscope-softmax.js";
import { GradscopeVanishingElement } from "./gradscope-vanishing.js";
import { GradscopeViewElement } from "./gradscope-view.js";

export { GradscopeElement } from "./gradscope-element.js";
export { GradscopeChainElement, GradscopeSoftmaxElement, GradscopeVanishingElement };
export { GradscopeRunElement, GradscopeViewElement, GradscopePlaygroundElement };

const ELEMENTS: readonly (readonly [string, CustomElementConstructor])[] = [
  ["gradscope-run", GradscopeRunElement],
  ["gradscope-view", GradscopeViewElement],
  ["gradscope-playground", GradscopePlaygroundElement],
  ["gradscope-chain", GradscopeChainElement],
  ["gradscope-softmax", GradscopeSoftmaxElement],
  ["gradscope-vanishing", GradscopeVanishingElement],
];

// Defining twice throws; a page that loads the script twice (or two copies) keeps the first.
for (const [tag, element] of ELEMENTS) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
