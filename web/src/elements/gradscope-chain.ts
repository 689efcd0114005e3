// <gradscope-chain>: the chain lab (Nielsen, chapter 5: one neuron per layer) as an element.
// Attributes neurons, activation, cost, weights, biases, x, y (chain-attributes.ts); the view's
// code is loaded on first connect (chain-element.ts).

import { attributesOf } from "./attribute-store.js";
import { CHAIN_ALIASES, CHAIN_KEYS } from "./chain-attributes.js";
import {
  GradscopeElement,
  reflectAttributes,
  type ElementContext,
  type ElementImplementation,
} from "./gradscope-element.js";

const ATTRIBUTES = attributesOf(CHAIN_KEYS, CHAIN_ALIASES);

export class GradscopeChainElement extends GradscopeElement {
  static readonly observedAttributes = ATTRIBUTES;

  constructor() {
    super(CHAIN_KEYS, CHAIN_ALIASES);
  }

  protected async implement(context: ElementContext): Promise<ElementImplementation> {
    const { mountChain } = await import("./chain-element.js");
    return mountChain(this.body, this.store, context);
  }
}

reflectAttributes(GradscopeChainElement, ATTRIBUTES);
