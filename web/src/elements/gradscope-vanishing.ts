// <gradscope-vanishing>: the deep-network experiment on MNIST (Nielsen, chapter 5) as an element.
// Attributes lab-hidden, lab-samples, lab-width, lab-seed, lab-epochs, lab-batch, lab-rate,
// lab-l2, lab-variants (the lab's URL keys kebab-cased); its code is loaded on first connect.

import { attributesOf } from "./attribute-store.js";
import {
  GradscopeElement,
  reflectAttributes,
  type ElementContext,
  type ElementImplementation,
} from "./gradscope-element.js";
import { VANISHING_KEYS } from "./vanishing-attributes.js";

const ATTRIBUTES = attributesOf(VANISHING_KEYS);

export class GradscopeVanishingElement extends GradscopeElement {
  static readonly observedAttributes = ATTRIBUTES;

  constructor() {
    super(VANISHING_KEYS);
  }

  protected async implement(context: ElementContext): Promise<ElementImplementation> {
    const { mountVanishing } = await import("./vanishing-element.js");
    return mountVanishing(this.body, context);
  }
}

reflectAttributes(GradscopeVanishingElement, ATTRIBUTES);
